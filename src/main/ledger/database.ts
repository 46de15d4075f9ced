import Database from 'better-sqlite3';

export type SqliteDatabase = Database.Database;

/**
 * Opens one profile's SQLite file with the settings every connection needs:
 * the schema untrusted, WAL (readers never block the writer), foreign keys enforced, and
 * synchronous=FULL so a committed transaction survives power loss — every commit in the ledger
 * is one that matters.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): SqliteDatabase {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
  });
  // Nothing stored in the file's schema (a trigger, a view, a default) may call a function that
  // is not marked innocuous: a changed file cannot reach beyond its own tables
  // (https://sqlite.org/pragma.html#pragma_trusted_schema).
  db.pragma('trusted_schema = OFF');
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
  // A second connection (the importer's) may hold the write lock for a few seconds; wait briefly
  // rather than fail at once, but never long enough to freeze the main process noticeably.
  db.pragma('busy_timeout = 250');
  // 64 MB of page cache keeps the indexes of a few hundred thousand rows in memory on imports.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  return db;
}
