import { type z } from 'zod';
import type { SqliteDatabase } from '../../database';
import { LEDGER_MIGRATIONS } from '../../migrations';
import { archiveInvalid } from './archive-errors';
import {
  archiveSchemaVersion,
  columnsOf,
  schemaObjects,
  type SchemaObject,
} from './archive-database';
import { LEDGER_TABLES, NOT_COPIED, type LedgerTable } from './ledger-tables';
import { reviewAgain, type OutboxRow } from './outbox-review';

/** What the archive held that the app left out, for the person to read. */
export interface CopyReport {
  schemaVersion: number;
  rows: number;
  /** Tables, views, triggers and indexes the app does not know, by type and name. */
  leftOut: { type: SchemaObject['type']; name: string }[];
  /** Triggers and indexes of the app's own names whose stored text had been changed. */
  replaced: string[];
  /** `table.column`: columns the app does not know. */
  columnsLeftOut: string[];
  /** Outbox items that arrive as "review again" instead of their state in the archive. */
  reviewAgain: number;
}

/** The version that added each table: an older archive simply does not have the later ones. */
const ADDED_IN: Record<string, number> = {
  import_batches: 2,
  csv_mappings: 2,
  rules: 2,
  receipts: 3,
  receipt_links: 3,
  hmrc_businesses: 5,
  hmrc_obligations: 5,
  hmrc_checks: 5,
  sync_outbox: 6,
  sync_submission_log: 6,
  sync_estimates: 6,
  sync_state: 6,
  ye_calculations: 10,
  ye_client_approvals: 10,
  ye_agreements: 10,
  ye_outbox: 10,
  ye_receipts: 10,
  oi_savings_accounts: 12,
  oi_outbox: 12,
  oi_receipts: 12,
  oi_not_covered: 12,
  oi_elsewhere: 12,
  ag_sign_off_approvals: 13,
};

const ROWS_PER_YIELD = 1_000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const describeIssue = (error: z.ZodError): string => {
  const issue = error.issues[0];
  const column = issue?.path.join('.') || 'a value';
  return issue?.code === 'unrecognized_keys' ? 'an unexpected column' : `${column} is not valid`;
};

export interface CopyOptions {
  /** The archive's database, opened with openArchiveDatabase. */
  source: SqliteDatabase;
  /** A ledger the app has just created with its own migrations, with no rows yet. */
  target: SqliteDatabase;
  /** The manifest's claim, which must agree with the database. */
  manifestVersion: number;
  /** Checks a receipts row against the file the archive holds for it; throws if they differ. */
  checkReceipt(row: Record<string, unknown>): void;
  now: string;
  onProgress?: (rows: number) => void;
}

/**
 * Copies the known tables row by row, in one transaction on the fresh ledger: each row checked
 * against its table's schema (ledger-tables.ts), then inserted by a fixed statement naming only
 * the app's columns. Anything else in the file (unknown tables, views, triggers, indexes,
 * columns) is left out and reported; a row that does not fit refuses the whole archive.
 */
export async function copyLedgerRows(options: CopyOptions): Promise<CopyReport> {
  const { source, target } = options;
  const objects = schemaObjects(source);
  const own = schemaObjects(target);
  const ownByName = new Map(own.map((o) => [o.name, o]));
  const sourceTables = new Map(
    objects.filter((o) => o.type !== 'trigger' && o.type !== 'index').map((o) => [o.name, o]),
  );
  const schemaVersion = archiveSchemaVersion(
    source,
    LEDGER_MIGRATIONS,
    sourceTables.get('schema_version')?.type === 'table',
  );
  if (schemaVersion !== options.manifestVersion) {
    throw archiveInvalid('its manifest and its records database disagree about their version.');
  }

  const report: CopyReport = {
    schemaVersion,
    rows: 0,
    leftOut: [],
    replaced: [],
    columnsLeftOut: [],
    reviewAgain: 0,
  };
  for (const object of objects) {
    const mine = ownByName.get(object.name);
    const ownType = mine?.type === 'virtual' || mine?.type === 'shadow' ? 'table' : mine?.type;
    if (!mine || ownType !== object.type) {
      if (LEDGER_TABLES.some((t) => t.name === object.name) || NOT_COPIED.has(object.name)) {
        // A view or a virtual table under one of the app's table names is no ledger's doing.
        throw archiveInvalid(`its “${object.name}” is not a table of records.`);
      }
      report.leftOut.push({ type: object.type, name: object.name.slice(0, 80) });
    } else if ((object.type === 'trigger' || object.type === 'index') && object.sql !== mine.sql) {
      report.replaced.push(object.name);
    }
  }

  const accepted = acceptedOutboxIds(source, sourceTables.has('sync_submission_log'));
  target.exec('BEGIN IMMEDIATE');
  try {
    // Checked once, at the end, over everything: a split part may come before its parent.
    target.pragma('defer_foreign_keys = ON');
    for (const table of LEDGER_TABLES) {
      if (!sourceTables.has(table.name)) {
        if (schemaVersion >= (ADDED_IN[table.name] ?? 1)) {
          throw archiveInvalid(`its records database has no ${table.name} table.`);
        }
        continue;
      }
      await copyTable(table, options, report, (row) => {
        if (table.name === 'receipts') options.checkReceipt(row);
        if (table.name === 'sync_outbox') {
          const changed = reviewAgain(row as OutboxRow, accepted, options.now);
          if (changed) report.reviewAgain += 1;
          return changed ?? row;
        }
        return row;
      });
    }
    const broken = target.pragma('foreign_key_check') as { table: string }[];
    if (broken.length > 0) {
      throw archiveInvalid(
        `its ${broken[0]!.table} refer to records that are not in it (${broken.length} in all).`,
      );
    }
    target.exec('COMMIT');
  } catch (error) {
    if (target.inTransaction) target.exec('ROLLBACK');
    throw error;
  }
  return report;
}

async function copyTable(
  table: LedgerTable,
  options: CopyOptions,
  report: CopyReport,
  prepare: (row: Record<string, unknown>) => Record<string, unknown>,
): Promise<void> {
  const { source, target } = options;
  const known = Object.keys(table.row.shape);
  const present = columnsOf(source, table.name);
  for (const column of present) {
    if (!known.includes(column.name)) {
      report.columnsLeftOut.push(`${table.name}.${column.name}`.slice(0, 120));
    } else if (column.hidden !== 0) {
      throw archiveInvalid(`its ${table.name}.${column.name} is computed, not stored.`);
    }
  }
  const presentNames = new Set(present.map((c) => c.name));
  const columns = known.filter((c) => presentNames.has(c));
  const missing = known.filter(
    (c) => !presentNames.has(c) && !table.row.shape[c]!.safeParse(undefined).success,
  );
  if (missing.length > 0) {
    throw archiveInvalid(`its ${table.name} table has no ${missing[0]} column.`);
  }
  // Table and column names below are the app's own (ledger-tables.ts), never text from the file.
  const select = source.prepare(`SELECT ${columns.join(', ')} FROM ${table.name}`);
  const insert = target.prepare(
    `INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
  );
  let n = 0;
  for (const raw of select.iterate() as IterableIterator<Record<string, unknown>>) {
    n += 1;
    const parsed = table.row.safeParse(raw);
    if (!parsed.success) {
      throw archiveInvalid(`row ${n} of its ${table.name}: ${describeIssue(parsed.error)}.`);
    }
    const row = prepare(parsed.data);
    try {
      insert.run(Object.fromEntries(columns.map((c) => [c, row[c] ?? null])));
    } catch (cause) {
      throw archiveInvalid(`row ${n} of its ${table.name} breaks the ledger's rules.`, cause);
    }
    report.rows += 1;
    if (report.rows % ROWS_PER_YIELD === 0) {
      options.onProgress?.(report.rows);
      await yieldToEventLoop();
    }
  }
}

/** Outbox items that have a receipt in the archive's submission log. */
function acceptedOutboxIds(source: SqliteDatabase, hasLog: boolean): Set<number> {
  if (!hasLog) return new Set();
  const ids = source.prepare('SELECT outbox_id FROM sync_submission_log').pluck().all();
  return new Set(ids.filter((id): id is number => Number.isSafeInteger(id)));
}
