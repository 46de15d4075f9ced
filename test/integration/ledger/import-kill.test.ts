import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dailyTotalsDrift, openDatabase, type Ledger } from '../../../src/main/ledger';
import { writeBankStatement } from './fixtures/bank-statement';
import { tempProfile } from './fixtures/temp-profile';

const CHILD = fileURLToPath(new URL('./fixtures/import-child.ts', import.meta.url));
const ROWS = 120_000;

interface Run {
  killedAt: string;
  outcome: 'killed' | 'committed';
}

/** Starts the child import and SIGKILLs it when `shouldKill` says so (or lets it finish). */
function runChild(
  file: string,
  csv: string,
  business: number,
  shouldKill: (line: string) => number | null,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, csv, String(business)], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let killedAt = '';
    let stderr = '';
    let buffer = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const delay = killedAt ? null : shouldKill(line);
        if (delay !== null) {
          killedAt = `${line} + ${delay} ms`;
          setTimeout(() => child.kill('SIGKILL'), delay);
        }
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve({ killedAt, outcome: 'killed' });
      else if (code === 0) resolve({ killedAt, outcome: 'committed' });
      else reject(new Error(`child failed (${code}): ${stderr}`));
    });
  });
}

describe('an import killed mid-way (SIGKILL)', () => {
  let p: ReturnType<typeof tempProfile>;
  let csv: string;
  let business: number;
  let file: string;

  beforeAll(async () => {
    p = tempProfile();
    business = p.ledger.businesses.create({ kind: 'self-employment', name: 'Plumbing' }).id;
    p.ledger.transactions.add({
      date: '2025-04-06',
      description: 'Opening',
      amountPence: 100,
      businessId: business,
      categoryId: 'se.turnover',
    });
    file = p.ledger.file;
    p.ledger.close();
    csv = join(p.root, 'big.csv');
    await writeBankStatement(csv, { rows: ROWS, rowsPerDay: 300, seed: 11 });
  }, 60_000);
  afterAll(() => p.dispose());

  const check = (expectedRows: number) => {
    const db = openDatabase(file);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) AS n FROM transactions').get()).toEqual({
        n: expectedRows,
      });
      // The suspended totals trigger is always back, and the summary is exact.
      expect(
        db
          .prepare(
            "SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name = 'transactions_totals_insert'",
          )
          .get(),
      ).toEqual({ n: 1 });
      expect(dailyTotalsDrift(db)).toBe(0);
      // No batch record without its rows, or rows without a finished batch.
      const batches = db
        .prepare('SELECT id, rows_imported, finished_at FROM import_batches')
        .all() as { id: number; rows_imported: number; finished_at: string | null }[];
      for (const batch of batches) {
        expect(batch.finished_at).not.toBeNull();
        expect(
          db
            .prepare('SELECT count(*) AS n FROM transactions WHERE import_batch_id = ?')
            .get(batch.id),
        ).toEqual({ n: batch.rows_imported });
      }
      return batches.length;
    } finally {
      db.close();
    }
  };

  it('leaves either the whole batch or nothing, every time', async () => {
    const runs: Run[] = [];
    let expected = 1;
    // Kill points: as saving starts, at random points of the progress, and just after the last
    // chunk (while totals, the batch record and COMMIT are written).
    const plans: ((line: string) => number | null)[] = [
      (line) => (line === 'analysed' ? 5 : null),
      ...Array.from({ length: 4 }, () => {
        const at = 0.1 + Math.random() * 0.8;
        return (line: string) => {
          const [word, read, total] = line.split(' ');
          return word === 'progress' && Number(read) / Number(total) >= at
            ? Math.floor(Math.random() * 30)
            : null;
        };
      }),
      (line) => {
        const [word, read, total] = line.split(' ');
        return word === 'progress' && read === total ? Math.floor(Math.random() * 40) : null;
      },
    ];
    for (const plan of plans) {
      const run = await runChild(file, csv, business, plan);
      runs.push(run);
      if (run.outcome === 'committed') expected += ROWS;
      // Either nothing or everything: reopen and count.
      const after = openDatabase(file);
      const n = (after.prepare('SELECT count(*) AS n FROM transactions').get() as { n: number }).n;
      after.close();
      expect([expected, expected + ROWS], JSON.stringify(runs)).toContain(n);
      if (n === expected + ROWS) expected = n; // the kill came after COMMIT
      check(expected);
    }
    expect(
      runs.filter((r) => r.outcome === 'killed').length,
      JSON.stringify(runs),
    ).toBeGreaterThanOrEqual(5);

    // A run left alone commits the whole file, and the ledger opens and adds up.
    const last = await runChild(file, csv, business, () => null);
    expect(last.outcome).toBe('committed');
    expected += ROWS;
    const batches = check(expected);
    expect(batches).toBeGreaterThanOrEqual(1);
    const ledger: Ledger = p.reopen();
    expect(ledger.records.summarise().count).toBe(expected);
    expect(ledger.busy).toBe(false);
  }, 300_000);
});
