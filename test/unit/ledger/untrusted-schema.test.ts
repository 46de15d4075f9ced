import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dailyTotalsDrift, openLedger, type Ledger } from '../../../src/main/ledger';
import { TRANSACTIONS_TOTALS_INSERT_TRIGGER } from '../../../src/main/ledger/migrations/0004-daily-totals';

/**
 * A ledger file is data that anyone holding it can edit, its schema included. The app never
 * runs SQL text stored in it, and opens it so that its schema cannot call functions with side
 * effects.
 */
let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'untrusted-schema-'));
  file = join(dir, 'profile', 'ledger.sqlite');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = (): Ledger => openLedger({ file, actor: 'tester' });

async function importStatement(ledger: Ledger, csv: string): Promise<void> {
  const path = join(dir, 'statement.csv');
  writeFileSync(path, csv);
  const mapping = (await ledger.imports.preview(path)).mapping!;
  const analysis = await ledger.imports.analyse(path, mapping);
  await ledger.imports.commit(analysis, {
    expectedSha256: analysis.file.sha256,
    badRows: 'refuse',
  });
}

describe('a ledger whose schema text was changed', () => {
  it('restores the totals trigger from the app’s own text after a bank import, never running the stored text', async () => {
    open().close();
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    const target = join(elsewhere, 'registry.sqlite');
    // What an attacker with the file does: append statements to the trigger's stored text.
    const raw = new Database(file);
    raw.unsafeMode(true);
    raw.pragma('writable_schema = ON');
    raw
      .prepare("UPDATE sqlite_master SET sql = sql || ? WHERE name = 'transactions_totals_insert'")
      .run(`; ATTACH DATABASE '${target}' AS other; CREATE TABLE other.pwned (x);`);
    raw.pragma('writable_schema = OFF');
    raw.close();

    const ledger = open();
    try {
      await importStatement(
        ledger,
        'Date,Description,Amount\n03/05/2026,TESCO STORES,-12.50\n04/05/2026,CLIENT PAYMENT,300.00\n',
      );
      expect(existsSync(target)).toBe(false);
      expect(readdirSync(elsewhere)).toEqual([]);
      const stored = ledger.database
        .prepare("SELECT sql FROM sqlite_master WHERE name = 'transactions_totals_insert'")
        .pluck()
        .get();
      expect(stored).toBe(TRANSACTIONS_TOTALS_INSERT_TRIGGER.replace(/;$/, ''));
      // The restored trigger works: a row added by hand is in the totals.
      ledger.transactions.add({ date: '2026-05-05', description: 'Cash', amountPence: 100 });
      expect(dailyTotalsDrift(ledger.database)).toBe(0);
      expect(ledger.records.summarise({}).count).toBe(3);
    } finally {
      ledger.close();
    }
  });

  it('opens every ledger with trusted_schema off: a view cannot call a function with side effects', () => {
    const ledger = open();
    try {
      let calls = 0;
      // An app-defined function is not marked innocuous, so a schema object may not use it.
      ledger.database.function('side_effect', () => ++calls);
      ledger.database.exec('CREATE VIEW v AS SELECT side_effect() AS n');
      expect(() => ledger.database.prepare('SELECT n FROM v').get()).toThrow(/unsafe use/);
      expect(ledger.database.prepare('SELECT side_effect() AS n').get()).toEqual({ n: 1 });
      expect(calls).toBe(1);
    } finally {
      ledger.close();
    }
  });
});
