import Database from 'better-sqlite3';
import { z } from 'zod';
import type { SqliteDatabase } from '../../database';
import { isAppError } from '../../../ipc/app-error';
import { ledgerError } from '../../ledger-error';
import type { Migration } from '../../migrations/migration';
import { archiveInvalid } from './archive-errors';

/**
 * The records database inside an archive, opened as untrusted data: read-only, query-only,
 * `trusted_schema=OFF` (nothing in its schema may call a function with side effects) and in
 * better-sqlite3's defensive mode (its schema cannot be written). Nothing it stores as SQL text
 * is ever run: its schema is only read, as names, to be compared with the app's own.
 */
export function openArchiveDatabase(file: string): SqliteDatabase {
  let db: SqliteDatabase;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (cause) {
    throw archiveInvalid('its records database cannot be read.', cause);
  }
  try {
    // https://sqlite.org/pragma.html#pragma_trusted_schema
    db.pragma('trusted_schema = OFF');
    db.pragma('query_only = ON');
    db.pragma('cell_size_check = ON');
    const check = db.pragma('integrity_check(1)', { simple: true });
    if (check !== 'ok') throw archiveInvalid('its records database is damaged.');
    return db;
  } catch (error) {
    db.close();
    if (isAppError(error)) throw error;
    throw archiveInvalid('its records database cannot be read.', error);
  }
}

export interface SchemaObject {
  type: 'table' | 'view' | 'trigger' | 'index' | 'virtual' | 'shadow';
  name: string;
  /** The SQL text as stored: compared as a string, never run. */
  sql: string | null;
}

const objectRow = z.object({
  type: z.string(),
  name: z.string(),
  sql: z.string().nullable(),
});

/**
 * The objects in a database's schema, by type and name. Tables come from `PRAGMA table_list`,
 * which tells a real table from a virtual one (an extension module's code would run to read it).
 */
export function schemaObjects(db: SqliteDatabase): SchemaObject[] {
  const master = db
    .prepare('SELECT type, name, sql FROM sqlite_master')
    .all()
    .map((r) => objectRow.parse(r))
    .filter((r) => !r.name.startsWith('sqlite_'));
  const tableTypes = new Map(
    (db.pragma('main.table_list') as unknown[])
      .map((r) => z.object({ name: z.string(), type: z.string() }).parse(r))
      .map((r) => [r.name, r.type]),
  );
  return master.map((r) => {
    const type =
      r.type === 'table' ? (tableTypes.get(r.name) ?? 'table') : (r.type as SchemaObject['type']);
    return { type: type as SchemaObject['type'], name: r.name, sql: r.sql };
  });
}

const versionRow = z.object({ version: z.int().min(1), name: z.string().max(200) });

/**
 * The migration steps the archive's database records, checked against the app's own list: an
 * archive from a newer app, or from a build whose steps differ, is refused rather than guessed at.
 */
export function archiveSchemaVersion(
  db: SqliteDatabase,
  migrations: readonly Migration[],
  hasTable: boolean,
): number {
  if (!hasTable) throw archiveInvalid('its records database has no version record.');
  const rows = db
    .prepare('SELECT version, name FROM schema_version ORDER BY version')
    .all()
    .map((r) => {
      const parsed = versionRow.safeParse(r);
      if (!parsed.success)
        throw archiveInvalid('its records database has a damaged version record.');
      return parsed.data;
    });
  const version = rows.at(-1)?.version ?? 0;
  if (version > migrations.length) {
    throw ledgerError(
      'LEDGER_TOO_NEW',
      'This archive was saved by a newer version of Ledgerlink.',
      'Update Ledgerlink, then import the archive again.',
    );
  }
  rows.forEach((row, i) => {
    if (row.version !== i + 1 || migrations[i]?.name !== row.name) {
      throw archiveInvalid('its records database was made by a different build of Ledgerlink.');
    }
  });
  if (version === 0) throw archiveInvalid('its records database is empty.');
  return version;
}

export interface ColumnFacts {
  name: string;
  /** 0 for an ordinary column; 1 hidden (virtual tables), 2 or 3 generated. */
  hidden: number;
}

export function columnsOf(db: SqliteDatabase, table: string): ColumnFacts[] {
  // `table` is one of the app's own table names (ledger-tables.ts), never a name from the file.
  return (db.pragma(`table_xinfo(${table})`) as unknown[]).map((r) =>
    z.object({ name: z.string(), hidden: z.int() }).parse(r),
  );
}
