import type { SqliteDatabase } from '../database';

/**
 * One step of the ledger schema. Versions are 1, 2, 3 … with no gaps; each step runs once, in
 * its own transaction, and is recorded in `schema_version`. A step is never edited after it has
 * shipped: change the schema by appending a new one (see ./index.ts).
 */
export interface Migration {
  readonly version: number;
  /** Stable name, e.g. `0004-sync-outbox`; checked on open so two branches can't both claim a number. */
  readonly name: string;
  up(db: SqliteDatabase): void;
}

export function sqlMigration(version: number, name: string, sql: string): Migration {
  return { version, name, up: (db) => db.exec(sql) };
}
