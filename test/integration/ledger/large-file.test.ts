import { statSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBankStatement, type StatementFacts } from './fixtures/bank-statement';
import { tempProfile } from './fixtures/temp-profile';

v8.setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

/** Heap still in use after a full GC, sampled at progress callbacks: what the import keeps, not garbage. */
function retainedHeapProbe() {
  gc();
  const base = process.memoryUsage().heapUsed;
  let peak = 0;
  let calls = 0;
  return {
    sample() {
      if (calls++ % 10 !== 0) return;
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - base);
    },
    get peakMb() {
      return peak / 2 ** 20;
    },
  };
}

describe('a 50 MB bank statement', () => {
  let p: ReturnType<typeof tempProfile>;
  let csv: string;
  let facts: StatementFacts;
  beforeAll(async () => {
    p = tempProfile();
    csv = join(p.root, 'fifty.csv');
    facts = await writeBankStatement(csv, {
      rows: 260_000,
      rowsPerDay: 400,
      seed: 3,
      descriptionPadding: 150,
    });
  }, 60_000);
  afterAll(() => p.dispose());

  it('streams through analysis and import with flat memory and exact totals', async () => {
    expect(statSync(csv).size).toBeGreaterThan(50 * 2 ** 20);
    const { ledger } = p;
    const se = ledger.businesses.create({ kind: 'self-employment', name: 'Big' }).id;
    const preview = await ledger.imports.preview(csv);

    const analyseMemory = retainedHeapProbe();
    const analysis = await ledger.imports.analyse(csv, preview.mapping!, {
      onProgress: () => analyseMemory.sample(),
    });
    expect(analysis).toMatchObject({
      rowsRead: facts.rows,
      rowsToImport: facts.rows,
      badRows: { count: 0 },
    });
    expect(analysis.totals).toMatchObject({
      inPence: facts.inPence,
      outPence: facts.outPence,
      firstDate: facts.firstDate,
      lastDate: facts.lastDate,
    });

    const commitMemory = retainedHeapProbe();
    const result = await ledger.imports.commit(
      analysis,
      { expectedSha256: analysis.file.sha256, badRows: 'skip', businessId: se },
      { onProgress: () => commitMemory.sample() },
    );
    expect(result.imported).toBe(facts.rows);
    expect(ledger.records.summarise()).toMatchObject({
      count: facts.rows,
      inPence: facts.inPence,
      outPence: facts.outPence,
    });

    // 260,000 rows held in memory would take well over 100 MB of heap; streaming keeps a few MB.
    expect(analyseMemory.peakMb).toBeLessThan(32);
    expect(commitMemory.peakMb).toBeLessThan(32);
  }, 240_000);
});
