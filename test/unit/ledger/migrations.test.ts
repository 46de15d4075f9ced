import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../../src/main/ledger/database';
import { ledgerError } from '../../../src/main/ledger/ledger-error';
import { LEDGER_MIGRATIONS } from '../../../src/main/ledger/migrations';
import { sqlMigration } from '../../../src/main/ledger/migrations/migration';
import {
  assertMigrationList,
  currentSchemaVersion,
  migrate,
} from '../../../src/main/ledger/migrations/runner';

const dirs: string[] = [];
const freshDb = (): SqliteDatabase => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-migrate-'));
  dirs.push(dir);
  return openDatabase(join(dir, 'ledger.sqlite'));
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const now = () => '2026-05-01T00:00:00.000Z';

describe('schema migrations', () => {
  it('applies the ledger migrations in order and records each one', () => {
    const db = freshDb();
    const outcome = migrate(db, LEDGER_MIGRATIONS, now);
    expect(outcome).toMatchObject({ from: 0, to: LEDGER_MIGRATIONS.length });
    expect(db.prepare('SELECT version, name FROM schema_version ORDER BY version').all()).toEqual(
      LEDGER_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })),
    );
    expect(migrate(db, LEDGER_MIGRATIONS, now).applied).toEqual([]); // idempotent
    db.close();
  });

  it('lets another capability append its own migration to the same list', () => {
    const db = freshDb();
    migrate(db, LEDGER_MIGRATIONS, now);
    const outbox = sqlMigration(
      LEDGER_MIGRATIONS.length + 1,
      '0005-sync-outbox',
      'CREATE TABLE outbox (id INTEGER PRIMARY KEY, transaction_id INTEGER REFERENCES transactions(id)) STRICT;',
    );
    expect(migrate(db, [...LEDGER_MIGRATIONS, outbox], now).applied).toEqual(['0005-sync-outbox']);
    expect(currentSchemaVersion(db)).toBe(LEDGER_MIGRATIONS.length + 1);
    db.close();
  });

  it('refuses a file written by a newer app, and one whose history names differ', () => {
    const db = freshDb();
    const extra = sqlMigration(LEDGER_MIGRATIONS.length + 1, '0005-from-the-future', 'SELECT 1;');
    migrate(db, [...LEDGER_MIGRATIONS, extra], now);
    expect(() => migrate(db, LEDGER_MIGRATIONS, now)).toThrow(
      expect.objectContaining({ code: 'LEDGER_TOO_NEW' }),
    );
    const renamed = sqlMigration(LEDGER_MIGRATIONS.length + 1, '0005-something-else', 'SELECT 1;');
    expect(() => migrate(db, [...LEDGER_MIGRATIONS, renamed], now)).toThrow(
      expect.objectContaining({ code: 'LEDGER_MIGRATION_MISMATCH' }),
    );
    db.close();
  });

  it('leaves the file at the previous version when a step fails half way', () => {
    const db = freshDb();
    migrate(db, LEDGER_MIGRATIONS, now);
    const broken = sqlMigration(
      LEDGER_MIGRATIONS.length + 1,
      '0005-broken',
      'CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);',
    );
    expect(() => migrate(db, [...LEDGER_MIGRATIONS, broken], now)).toThrow();
    expect(currentSchemaVersion(db)).toBe(LEDGER_MIGRATIONS.length);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual(
      { n: 0 },
    );
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('refuses a migration that leaves broken foreign keys', () => {
    const db = freshDb();
    migrate(db, LEDGER_MIGRATIONS, now);
    const dangling = sqlMigration(
      LEDGER_MIGRATIONS.length + 1,
      '0005-dangling',
      "INSERT INTO transactions (date, description, amount_pence, business_id, created_at, updated_at) VALUES ('2026-04-06', 'x', 1, 999, 'n', 'n');",
    );
    expect(() => migrate(db, [...LEDGER_MIGRATIONS, dangling], now)).toThrow(/foreign keys/);
    expect(db.prepare('SELECT count(*) AS n FROM transactions').get()).toEqual({ n: 0 });
    db.close();
  });

  it('checks the list itself: numbered 1..n with unique names', () => {
    expect(() => assertMigrationList([sqlMigration(2, 'a', '')])).toThrow(/expected 1/);
    expect(() => assertMigrationList([sqlMigration(1, 'a', ''), sqlMigration(2, 'a', '')])).toThrow(
      /share a name/,
    );
  });

  it('keeps the change log append-only', () => {
    const db = freshDb();
    migrate(db, LEDGER_MIGRATIONS, now);
    db.prepare(
      "INSERT INTO change_log (at, actor, entity, entity_id, action) VALUES ('t', 'a', 'transaction', '1', 'create')",
    ).run();
    expect(() => db.prepare("UPDATE change_log SET actor = 'someone else'").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM change_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT actor FROM change_log').get()).toEqual({ actor: 'a' });
    db.close();
  });

  it('stores money as whole pence only (STRICT tables)', () => {
    const db = freshDb();
    migrate(db, LEDGER_MIGRATIONS, now);
    expect(() =>
      db
        .prepare(
          "INSERT INTO transactions (date, description, amount_pence, created_at, updated_at) VALUES ('2026-04-06', 'x', 1.5, 'n', 'n')",
        )
        .run(),
    ).toThrow();
    db.close();
  });
});

describe('ledger errors', () => {
  it('crosses IPC as code, message and action only', () => {
    const error = ledgerError('LEDGER_BUSY', 'Busy.', 'Wait.', {
      cause: new Error('secret stack'),
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: 'LEDGER_BUSY',
      message: 'Busy.',
      action: 'Wait.',
    });
  });
});
