import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportDecisions, Ledger } from '../../../src/main/ledger';
import {
  ofxStatement,
  ofxTransactionLine,
  type OfxTransactionSpec,
} from '../../support/ofx-statement';
import { tempProfile } from './fixtures/temp-profile';

/**
 * OFX statements through the same import pipeline as CSV, on a real SQLite ledger: preview,
 * check (duplicates by content and by FITID, unreadable rows), commit all or nothing, rules.
 */

let p: ReturnType<typeof tempProfile>;
let ledger: Ledger;
let se: number;
beforeEach(() => {
  p = tempProfile();
  ledger = p.ledger;
  se = ledger.businesses.create({ kind: 'self-employment', name: 'Taylor Plumbing' }).id;
});
afterEach(() => p.dispose());

const MARCH: OfxTransactionSpec[] = [
  {
    type: 'CREDIT',
    posted: '20260302',
    amount: '850.00',
    fitid: 'F1',
    name: 'J SMITH & CO',
    memo: 'INV 1001',
  },
  {
    type: 'POS',
    posted: '20260303120000[0:GMT]',
    amount: '-45.20',
    fitid: 'F2',
    name: 'TESCO STORES 3412',
  },
  // Two coffees on one day, each with its own FITID: two real transactions.
  { type: 'POS', posted: '20260304', amount: '-3.40', fitid: 'F3', name: 'COSTA COFFEE' },
  { type: 'POS', posted: '20260304', amount: '-3.40', fitid: 'F4', name: 'COSTA COFFEE' },
  { type: 'DEBIT', posted: '20260305', amount: '12.3.4', fitid: 'F5', name: 'STAPLES' },
  { type: 'DIRECTDEBIT', posted: '20260310', amount: '-38,00', fitid: 'F6', memo: 'BT GROUP PLC' },
];
const statement = (transactions = MARCH, accountId = '30941212345678') =>
  ofxStatement({ accountId, start: '20260301', end: '20260331', transactions });
const BAD_LINE = ofxTransactionLine(statement(), 4);

async function importOfx(path: string, decisions: Partial<ImportDecisions> = {}) {
  const analysis = await ledger.imports.analyseOfx(path);
  const result = await ledger.imports.commit(analysis, {
    expectedSha256: analysis.file.sha256,
    badRows: 'skip',
    businessId: se,
    ...decisions,
  });
  return { analysis, result };
}

const rows = () => ledger.records.list({}, { sort: 'date-asc', limit: 500 }).rows;

describe('importing an OFX statement', () => {
  it('imports every readable transaction in one go, with rules applied', async () => {
    ledger.rules.create({
      conditions: { descriptionContains: 'tesco' },
      action: { businessId: se, categoryId: 'se.costOfGoods', disallowableBasisPoints: 0 },
    });
    const file = p.file('march.ofx', statement());
    expect(await ledger.imports.formatOf(file)).toBe('ofx');

    const { analysis, result } = await importOfx(file);
    expect(analysis).toMatchObject({
      rowsRead: 6,
      rowsToImport: 5,
      ruleMatches: 1,
      badRows: { count: 1, items: [{ line: BAD_LINE, code: 'AMOUNT_UNREADABLE' }] },
      // The second coffee has its own FITID: not a repeat.
      duplicates: { inLedger: 0, repeatedInFile: 0 },
      totals: { inPence: 85000, outPence: 4520 + 340 + 340 + 3800, firstDate: '2026-03-02' },
      source: {
        format: 'ofx',
        statements: [{ kind: 'bank', account: '••••5678', from: '2026-03-01', to: '2026-03-31' }],
      },
    });
    expect(result).toMatchObject({ imported: 5, badRowsSkipped: 1, categorisedByRules: 1 });
    expect(rows().map((r) => [r.date, r.description, r.counterparty, r.amountPence])).toEqual([
      ['2026-03-02', 'J SMITH & CO INV 1001', 'J SMITH & CO', 85000],
      ['2026-03-03', 'TESCO STORES 3412', 'TESCO STORES 3412', -4520],
      ['2026-03-04', 'COSTA COFFEE', 'COSTA COFFEE', -340],
      ['2026-03-04', 'COSTA COFFEE', 'COSTA COFFEE', -340],
      ['2026-03-10', 'BT GROUP PLC', null, -3800],
    ]);
    expect(rows().find((r) => r.description.startsWith('TESCO'))).toMatchObject({
      categoryId: 'se.costOfGoods',
      businessId: se,
    });
    const [batch] = ledger.imports.batches();
    expect(batch).toMatchObject({
      format: 'ofx',
      mapping: null,
      fingerprint: null,
      rowsImported: 5,
      statements: [{ account: '••••5678', transactions: 6 }],
    });
    // The account number is never stored whole.
    const stored = ledger.database
      .prepare(
        'SELECT group_concat(statements_json) || group_concat(bank_account_key) AS s FROM import_batches, transactions',
      )
      .pluck()
      .get() as string;
    expect(stored).not.toContain('30941212345678');
  });

  it('finds every row again when the same statement is imported twice, even reworded', async () => {
    const file = p.file('march.ofx', statement());
    await importOfx(file, {
      fixes: [{ line: BAD_LINE, date: '2026-03-05', amountPence: -1234, description: 'STAPLES' }],
    });
    expect(rows()).toHaveLength(6);

    const again = await ledger.imports.analyseOfx(file);
    expect(again).toMatchObject({
      rowsToImport: 0,
      duplicates: { inLedger: 5, repeatedInFile: 0 },
    });
    // The row fixed last time is still unreadable in the file, but its FITID is known.
    expect(again.badRows.count).toBe(1);

    // The bank rewords its descriptions in the next download: the FITIDs still match.
    const reworded = p.file(
      'march-again.ofx',
      statement(
        MARCH.map((t) => ({
          ...t,
          name: `${t.name ?? ''} LONDON GB`,
          amount: t.amount === '12.3.4' ? '-12.34' : t.amount,
        })),
      ),
    );
    const third = await ledger.imports.analyseOfx(reworded);
    expect(third).toMatchObject({ rowsToImport: 0, duplicates: { inLedger: 6 } });
    const { result } = await importOfx(reworded);
    expect(result).toMatchObject({ imported: 0, duplicatesSkipped: 6 });
    expect(rows()).toHaveLength(6);
  });

  it('treats the same FITID on another account as a different transaction', async () => {
    await importOfx(p.file('a.ofx', statement()));
    const other = statement(
      MARCH.map((t) => ({ ...t, name: `${t.name ?? 'X'} (joint)` })),
      '40111122223333',
    );
    const analysis = await ledger.imports.analyseOfx(p.file('b.ofx', other));
    expect(analysis).toMatchObject({ rowsToImport: 5, duplicates: { inLedger: 0 } });
  });

  it('lists a FITID repeated within the file as a repeat the person can leave out', async () => {
    const repeated = statement([...MARCH, { ...MARCH[1]!, posted: '20260311' }]);
    const file = p.file('repeat.ofx', repeated);
    const analysis = await ledger.imports.analyseOfx(file);
    expect(analysis.duplicates).toMatchObject({
      repeatedInFile: 1,
      items: [{ kind: 'repeated-in-file', line: ofxTransactionLine(repeated, 6) }],
    });
    const { result } = await importOfx(file, { repeatedInFile: 'skip' });
    expect(result).toMatchObject({ imported: 5, duplicatesSkipped: 1 });
  });

  it('leaves out the rows the person chose, and refuses to guess about unreadable ones', async () => {
    const file = p.file('march.ofx', statement());
    const analysis = await ledger.imports.analyseOfx(file);
    await expect(
      ledger.imports.commit(analysis, { expectedSha256: analysis.file.sha256, badRows: 'refuse' }),
    ).rejects.toMatchObject({
      code: 'IMPORT_BAD_ROWS_UNRESOLVED',
      message: expect.stringContaining(`Line ${BAD_LINE}`),
    });
    // Nothing of it was saved, not even the batch.
    expect(rows()).toEqual([]);
    expect(ledger.imports.batches()).toEqual([]);

    const tescoLine = ofxTransactionLine(statement(), 1);
    const result = await ledger.imports.commit(analysis, {
      expectedSha256: analysis.file.sha256,
      badRows: 'skip',
      skipLines: [tescoLine],
    });
    expect(result).toMatchObject({ imported: 4, badRowsSkipped: 1, skippedByChoice: 1 });
    expect(rows().some((r) => r.description.includes('TESCO'))).toBe(false);
  });

  it('saves nothing when the file changes after the check, or the save is stopped', async () => {
    const file = p.file('march.ofx', statement());
    const analysis = await ledger.imports.analyseOfx(file);
    const decisions = { expectedSha256: analysis.file.sha256, badRows: 'skip' as const };

    await expect(
      ledger.imports.commit(analysis, decisions, { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({ code: 'IMPORT_CANCELLED' });
    expect(rows()).toEqual([]);

    // Same size, one digit different: only the hash can tell.
    writeFileSync(file, statement().replace('<TRNAMT>-45.20', '<TRNAMT>-45.90'));
    await expect(ledger.imports.commit(analysis, decisions)).rejects.toMatchObject({
      code: 'IMPORT_FILE_CHANGED',
    });
    expect(rows()).toEqual([]);
    expect(ledger.imports.batches()).toEqual([]);
  });

  it('imports a credit-card statement: spending out, payments in', async () => {
    const card = ofxStatement({
      kind: 'credit-card',
      accountId: '4929XXXXXXXX4321',
      start: '20260301',
      end: '20260331',
      transactions: [
        {
          type: 'DEBIT',
          posted: '20260304',
          amount: '-64.99',
          fitid: 'C1',
          name: 'SCREWFIX DIRECT',
        },
        {
          type: 'CREDIT',
          posted: '20260320',
          amount: '200.00',
          fitid: 'C2',
          name: 'PAYMENT RECEIVED',
        },
      ],
    });
    const { analysis, result } = await importOfx(p.file('card.qfx', card));
    expect(analysis.source).toMatchObject({
      statements: [{ kind: 'credit-card', account: '••••4321', transactions: 2 }],
    });
    expect(result.imported).toBe(2);
    expect(rows().map((r) => r.amountPence)).toEqual([-6499, 20000]);
  });

  it('refuses a file named .ofx that is not OFX, before anything else', async () => {
    const file = p.file('statement.ofx', 'Date,Description,Amount\n01/03/2026,X,1.00\n');
    await expect(ledger.imports.formatOf(file)).rejects.toMatchObject({ code: 'IMPORT_NOT_OFX' });
  });
});
