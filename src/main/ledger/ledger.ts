import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { systemClock, type Clock } from '../clock/clock';
import { createBusinessesService, type BusinessesService } from './businesses';
import { createChangeLog, type ChangeLog } from './change-log';
import { createImportsService, type ImportsService } from './import/import-service';
import { openDatabase, type SqliteDatabase } from './database';
import { createRecordsExport, type RecordsExport } from './export/records-export';
import { createWriteGate, type LedgerContext } from './ledger-context';
import { ledgerError } from './ledger-error';
import { LEDGER_MIGRATIONS } from './migrations';
import type { Migration } from './migrations/migration';
import { currentSchemaVersion, migrate, type MigrationOutcome } from './migrations/runner';
import { createReceiptsService, type ReceiptsService } from './receipts/receipts-service';
import { createRecordsQueries, type RecordsQueries } from './records/records-query';
import { createRulesService, type RulesService } from './rules/rules-service';
import { createTotalsService, type TotalsService } from './totals/period-totals';
import { createTransactionsService, type TransactionsService } from './transactions';

/** The names inside a profile folder that the ledger owns (the profiles capability owns the folder). */
export const LEDGER_FILE_NAME = 'ledger.sqlite';
export const RECEIPTS_FOLDER_NAME = 'receipts';

export interface OpenLedgerOptions {
  /** `<userData>/profiles/<profileId>/ledger.sqlite` (LEDGER_FILE_NAME); created if missing. */
  file: string;
  /** Who the change log names for edits made through this instance (e.g. "Sam Taylor" or "agent:ARN123"). */
  actor: string;
  clock?: Clock;
  /** Defaults to `receipts/` (RECEIPTS_FOLDER_NAME) next to the database file. */
  receiptsDir?: string;
  /** For tests of old files only; the app always uses LEDGER_MIGRATIONS. */
  migrations?: readonly Migration[];
}

/** One taxpayer profile's records: one SQLite file, its receipts folder, and the services on them. */
export interface Ledger {
  readonly file: string;
  readonly receiptsDir: string;
  readonly schemaVersion: number;
  readonly migration: MigrationOutcome;
  /**
   * The connection, for capabilities that keep their own tables in this file through
   * LEDGER_MIGRATIONS (issue 8's outbox and submission log), so their writes can share a
   * transaction with the records they refer to.
   */
  readonly database: SqliteDatabase;
  readonly businesses: BusinessesService;
  readonly transactions: TransactionsService;
  readonly rules: RulesService;
  readonly receipts: ReceiptsService;
  readonly imports: ImportsService;
  readonly records: RecordsQueries;
  readonly totals: TotalsService;
  readonly exports: RecordsExport;
  readonly changeLog: ChangeLog;
  /** True while an import is being saved (other writes get LEDGER_BUSY). */
  readonly busy: boolean;
  /** A consistent copy of the database in one file (VACUUM INTO), for backups and archives. */
  snapshotTo(file: string): void;
  close(): void;
}

export function openLedger(options: OpenLedgerOptions): Ledger {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now().toISOString();
  mkdirSync(dirname(options.file), { recursive: true });
  const db = openDatabase(options.file);
  let migration: MigrationOutcome;
  try {
    migration = migrate(db, options.migrations ?? LEDGER_MIGRATIONS, now);
  } catch (error) {
    db.close();
    throw error;
  }
  const gate = createWriteGate();
  let closed = false;
  const ctx: LedgerContext = {
    db,
    file: options.file,
    receiptsDir: options.receiptsDir ?? join(dirname(options.file), RECEIPTS_FOLDER_NAME),
    clock,
    actor: options.actor,
    log: createChangeLog(db, options.actor, now),
    now,
    gate,
    write<T>(fn: () => T): T {
      if (closed)
        throw ledgerError('LEDGER_CLOSED', 'These records are closed.', 'Open the profile again.');
      gate.assertOpen();
      return db.transaction(fn).immediate();
    },
  };
  const businesses = createBusinessesService(ctx);
  const rules = createRulesService(ctx);
  const basisOf = (id: number, taxYear: string) => businesses.periodBasis(id, taxYear);
  return {
    file: options.file,
    receiptsDir: ctx.receiptsDir,
    get schemaVersion() {
      return currentSchemaVersion(db);
    },
    migration,
    database: db,
    businesses,
    transactions: createTransactionsService(ctx),
    rules,
    receipts: createReceiptsService(ctx),
    imports: createImportsService(ctx, rules),
    records: createRecordsQueries(ctx, basisOf),
    totals: createTotalsService(ctx, businesses),
    exports: createRecordsExport(ctx, basisOf),
    changeLog: ctx.log,
    get busy() {
      return gate.busy;
    },
    snapshotTo(file) {
      db.prepare('VACUUM INTO ?').run(file);
    },
    close() {
      if (closed) return;
      gate.assertOpen();
      closed = true;
      db.close();
    },
  };
}
