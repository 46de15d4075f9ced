import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempProfile } from './fixtures/temp-profile';

let p: ReturnType<typeof tempProfile>;
let se: number;
beforeEach(() => {
  p = tempProfile();
  se = p.ledger.businesses.create({
    kind: 'self-employment',
    name: 'Plumbing',
    hmrcBusinessId: 'XAIS12345678910',
  }).id;
  p.ledger.transactions.add({
    date: '2026-05-01',
    description: 'Copper, "15mm"',
    amountPence: -1_234_56,
    businessId: se,
    categoryId: 'se.costOfGoods',
  });
  p.ledger.transactions.add({
    date: '2026-05-02',
    description: '=HYPERLINK("http://evil")',
    amountPence: 5,
    businessId: se,
    categoryId: 'se.turnover',
    notes: 'line 1\nline 2',
  });
  p.ledger.database.transaction(() => {
    for (let i = 0; i < 2_500; i++)
      p.ledger.transactions.add({ date: '2026-06-01', description: `Bulk ${i}`, amountPence: -1 });
  })();
});
afterEach(() => p.dispose());

describe('records export', () => {
  it('writes every filtered row to CSV with exact decimals, HMRC fields, and formulas defused', async () => {
    const file = join(p.root, 'records.csv');
    expect(await p.ledger.exports.csv(file, { businessId: se })).toEqual({ rows: 2 });
    const parsed = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(parsed).toEqual([
      expect.objectContaining({
        date: '2026-05-01',
        description: 'Copper, "15mm"',
        amount: '-1234.56',
        hmrc_field: 'periodExpenses.costOfGoods',
        hmrc_business_id: 'XAIS12345678910',
      }),
      expect.objectContaining({
        description: `'=HYPERLINK("http://evil")`,
        amount: '0.05',
        notes: 'line 1\nline 2',
        category: 'Sales and takings',
      }),
    ]);
  });

  it('writes JSON with integer pence for every row, page by page', async () => {
    const file = join(p.root, 'records.json');
    expect(await p.ledger.exports.json(file)).toEqual({ rows: 2_502 });
    const data = JSON.parse(readFileSync(file, 'utf8')) as {
      format: string;
      transactions: { amountPence: number; hmrcField: string | null }[];
    };
    expect(data.format).toBe('ledgerlink-records');
    expect(data.transactions).toHaveLength(2_502);
    expect(data.transactions[0]).toMatchObject({
      amountPence: -123_456,
      hmrcField: 'periodExpenses.costOfGoods',
    });
    expect(data.transactions.reduce((s, t) => s + t.amountPence, 0)).toBe(-123_456 + 5 - 2_500);
  });
});
