import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sniffFile } from '../../../src/main/ledger/import/text-source';
import { readOfxRows } from '../../../src/main/ledger/import/ofx/ofx-rows';
import { MAX_OFX_DEPTH } from '../../../src/main/ledger/import/ofx/ofx-statements';
import { deeplyNestedOfx, ofxStatement } from '../../support/ofx-statement';

/**
 * OFX files built to be slow: nested without end, or full of closing tags that match nothing.
 * The reader refuses the first as soon as it is deeper than any bank's, reads the second in one
 * pass, and stops a long read when asked. (Timings are `npm run bench` figures, not asserted.)
 */
const dir = mkdtempSync(join(tmpdir(), 'ofx-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function facts(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text, 'latin1');
  return sniffFile(path);
}

const transactions = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    type: 'DEBIT',
    posted: '20260402',
    amount: `-${(i % 90) + 1}.50`,
    fitid: `F${i}`,
    name: `SHOP ${i}`,
  }));

describe('OFX limits', () => {
  it('refuses a 270 KB deeply nested file with the reason', async () => {
    const text = deeplyNestedOfx(270 * 1024);
    expect(text.length).toBeGreaterThan(265 * 1024);
    let rows = 0;
    await expect(
      readOfxRows(await facts('nested.ofx', text), {
        onRows: (batch) => void (rows += batch.length),
      }),
    ).rejects.toMatchObject({
      code: 'IMPORT_OFX_TOO_DEEP',
      message: expect.stringContaining(`more than ${MAX_OFX_DEPTH} deep`),
    });
    expect(rows).toBe(0);
  });

  it('reads a statement full of closing tags that match nothing, at a depth a bank uses', async () => {
    const statement = ofxStatement({
      accountId: '12345678',
      start: '20260401',
      end: '20260430',
      transactions: transactions(3),
    });
    const stray = '</STRAY>'.repeat(40_000);
    const text = statement.replace('<BANKTRANLIST>', `<BANKTRANLIST>${stray}`);
    let rows = 0;
    const outcome = await readOfxRows(await facts('stray.ofx', text), {
      onRows: (batch) => void (rows += batch.length),
    });
    expect(outcome).toMatchObject({ completed: true, rowsRead: 3 });
    expect(outcome.statements).toHaveLength(1);
    expect(rows).toBe(3);
  });

  it('refuses a tag or value that never ends', async () => {
    const statement = ofxStatement({
      accountId: '12345678',
      start: '20260401',
      end: '20260430',
      transactions: transactions(1),
    });
    const text = statement.replace(
      '<BANKTRANLIST>',
      `<BANKTRANLIST><MEMO ${'x'.repeat(1_100_000)}`,
    );
    await expect(
      readOfxRows(await facts('endless.ofx', text), { onRows: () => undefined }),
    ).rejects.toMatchObject({ code: 'IMPORT_OFX_MALFORMED' });
  });

  it('stops a long read when asked, without reading the rest', async () => {
    const text = ofxStatement({
      accountId: '12345678',
      start: '20260401',
      end: '20260430',
      transactions: transactions(5_000),
    });
    const controller = new AbortController();
    let rows = 0;
    const outcome = await readOfxRows(await facts('long.ofx', text), {
      signal: controller.signal,
      onRows: (batch) => void (rows += batch.length),
      // The person presses Stop as the first progress arrives.
      onProgress: () => controller.abort(),
    });
    expect(outcome.completed).toBe(false);
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(5_000);
  });
});
