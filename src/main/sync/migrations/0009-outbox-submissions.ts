import { sqlMigration } from '../../ledger/migrations/migration';

/**
 * What an outbox item (and its receipt) sends: `cumulative` (the quarterly cumulative update, as
 * before), `annual` (the year's annual submission, a PUT) or `annual-delete` (its DELETE). One
 * outbox and one hash-chained log for every submission, so an annual submission is reviewed,
 * approved offline, sent and receipted exactly like a quarterly update (reference §5.5, §5.7).
 * Existing rows are cumulative updates; the receipt hash covers the column only when it is not
 * `cumulative`, so entries written before this step verify unchanged.
 */
export const m0009OutboxSubmissions = sqlMigration(
  9,
  '0009-outbox-submissions',
  /* sql */ `
ALTER TABLE sync_outbox ADD COLUMN submission TEXT NOT NULL DEFAULT 'cumulative'
  CHECK (submission IN ('cumulative', 'annual', 'annual-delete'));
ALTER TABLE sync_submission_log ADD COLUMN submission TEXT NOT NULL DEFAULT 'cumulative'
  CHECK (submission IN ('cumulative', 'annual', 'annual-delete'));
DROP INDEX ix_sync_outbox_business;
CREATE INDEX ix_sync_outbox_business ON sync_outbox (business_id, tax_year, submission, id);
`,
);
