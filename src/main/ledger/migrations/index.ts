import { m0001LedgerCore } from './0001-ledger-core';
import { m0002ImportsAndRules } from './0002-imports-and-rules';
import { m0003Receipts } from './0003-receipts';
import { m0004DailyTotals } from './0004-daily-totals';
import { m0005HmrcCache } from '../../profiles/migrations/0005-hmrc-cache';
import { m0006SyncOutbox } from '../../sync/migrations/0006-sync-outbox';
import { m0007OfxImports } from './0007-ofx-imports';
import { m0008HmrcBusinessLatency } from '../../profiles/migrations/0008-hmrc-business-latency';
import { m0009OutboxSubmissions } from '../../sync/migrations/0009-outbox-submissions';
import { m0010YearEndDeclaration } from '../../year-end/migrations/0010-year-end-declaration';
import { m0011ForeignPropertyKind } from './0011-foreign-property-kind';
import { m0012OtherIncome } from '../../year-end/migrations/0012-other-income';
import { m0013ClientSignOffs } from '../../agents/migrations/0013-client-sign-offs';
import type { Migration } from './migration';

/**
 * THE ordered schema of a profile's ledger.sqlite: one list, one `schema_version` table. Each
 * capability that keeps tables in the file owns its steps in its own `migrations/` folder
 * (the ledger's here, `profiles/migrations/`, `sync/migrations/`, `year-end/migrations/`,
 * `agents/migrations/`): a file named
 * `000N-<what>.ts` exporting `sqlMigration(N, '000N-<what>', sql)`, importing nothing else,
 * appended to this list. Those step files are the only code of other capabilities the ledger
 * imports (test/unit/architecture/layering.test.ts keeps it so). Never reorder, renumber or
 * edit a shipped entry; openLedger refuses a file whose recorded names disagree with this list,
 * or whose version is newer than the list knows.
 */
export const LEDGER_MIGRATIONS: readonly Migration[] = [
  m0001LedgerCore,
  m0002ImportsAndRules,
  m0003Receipts,
  m0004DailyTotals,
  m0005HmrcCache,
  m0006SyncOutbox,
  m0007OfxImports,
  m0008HmrcBusinessLatency,
  m0009OutboxSubmissions,
  m0010YearEndDeclaration,
  m0011ForeignPropertyKind,
  m0012OtherIncome,
  m0013ClientSignOffs,
];
