import { sqlMigration } from './migration';

/**
 * STAND-IN, NOT TO SHIP: step 11 belongs to foreign property (its branch rebuilds `businesses`
 * and `sync_outbox`). It is here only so that step 12 (other income) can run on a branch cut
 * before foreign property landed; the runner wants versions 1..n with no gap. When merging,
 * take foreign property's file of this name in place of this one.
 */
export const m0011ForeignPropertyKind = sqlMigration(11, '0011-foreign-property-kind', 'SELECT 1;');
