import type { SqliteDatabase } from '../database';
import { ledgerError } from '../ledger-error';
import type { Migration } from './migration';

export interface MigrationOutcome {
  from: number;
  to: number;
  applied: string[];
}

export function currentSchemaVersion(db: SqliteDatabase): number {
  const exists = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'`)
    .get();
  if (!exists) return 0;
  const row = db.prepare('SELECT max(version) AS v FROM schema_version').get() as {
    v: number | null;
  };
  return row.v ?? 0;
}

/** Checks the list itself: versions 1..n in order, names unique. A programming error if not. */
export function assertMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
    }
  });
  if (new Set(migrations.map((m) => m.name)).size !== migrations.length) {
    throw new Error('Two migrations share a name');
  }
}

/**
 * Brings a ledger file up to the newest version. Each step runs in its own IMMEDIATE transaction
 * with foreign keys paused (SQLite's recipe for table rebuilds) and checked before commit, so a
 * failing step leaves the file at the previous version, never half-changed.
 */
export function migrate(
  db: SqliteDatabase,
  migrations: readonly Migration[],
  appliedAt: () => string,
): MigrationOutcome {
  assertMigrationList(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);

  const recorded = db
    .prepare('SELECT version, name FROM schema_version ORDER BY version')
    .all() as {
    version: number;
    name: string;
  }[];
  const from = recorded.at(-1)?.version ?? 0;
  if (from > migrations.length) {
    throw ledgerError(
      'LEDGER_TOO_NEW',
      'These records were saved by a newer version of Ledgerlink.',
      'Update Ledgerlink to open them.',
    );
  }
  for (const row of recorded) {
    if (migrations[row.version - 1]?.name !== row.name) {
      throw ledgerError(
        'LEDGER_MIGRATION_MISMATCH',
        `These records were changed by a different build of Ledgerlink (step ${row.version} is "${row.name}").`,
        'Open them with the build that created them, or restore a backup.',
      );
    }
  }

  const applied: string[] = [];
  for (const migration of migrations.slice(from)) {
    db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        migration.up(db);
        const problems = db.pragma('foreign_key_check') as unknown[];
        if (problems.length > 0) {
          throw new Error(`Migration ${migration.name} broke ${problems.length} foreign keys`);
        }
        db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(
          migration.version,
          migration.name,
          appliedAt(),
        );
      }).immediate();
    } finally {
      db.pragma('foreign_keys = ON');
    }
    applied.push(migration.name);
  }
  return { from, to: migrations.length, applied };
}
