import { describe, expect, it } from 'vitest';
import type { CsvMapping } from '../../../src/main/ledger/import/csv/csv-mapping';
import {
  previewChecks,
  type PreviewContext,
} from '../../../src/main/ledger/import/csv/preview-checks';

const rows = [
  ['07/04/2025', '41920537', 'ACME LTD', '850.00', '1850.00'],
  ['08/04/2025', '41920537', 'SCREWFIX', '-45.99', '1804.01'],
  ['14/04/2025', '41920537', 'VODAFONE', '-36.00', '1768.01'],
  ['22/04/2025', '41920537', 'CLARKE CATERING', '425.00', '2193.01'],
].map((cells, i) => ({ line: i + 1, cells }));

const mapping: CsvMapping = {
  delimiter: ',',
  headerRowIndex: null,
  dateColumn: 0,
  dateOrder: 'dmy',
  descriptionColumns: [2],
  counterpartyColumn: null,
  amount: { kind: 'single', column: 3, invert: false },
  decimal: 'dot',
};
const context: PreviewContext = {
  fileName: 'statement.csv',
  columnNames: ['Column 1', 'Column 2', 'Column 3', 'Column 4', 'Column 5'],
  hasHeaderNames: false,
  moneyColumns: [1, 3, 4],
  amountCandidates: [3, 1],
  remembered: false,
};

describe('the checks before the whole file is read', () => {
  it('has nothing to say about a plain current account', () => {
    expect(previewChecks(rows, mapping, context)).toEqual({
      question: null,
      amountCheck: null,
      warnings: [],
    });
  });

  it('names the rows when the chosen amounts are an account number, and offers the better column', () => {
    const wrong: CsvMapping = { ...mapping, amount: { kind: 'single', column: 1, invert: false } };
    const { amountCheck } = previewChecks(rows, wrong, context);
    expect(amountCheck).toEqual({
      columns: [1],
      message:
        'Some values in “Column 2” do not look like amounts of money, so the figures would be wrong. “Column 4” looks more like the amounts.',
      rows: [1, 2, 3, 4].map((line) => ({
        line,
        text: '41920537',
        reason: 'looks like an account or reference number, not an amount',
      })),
      better: { kind: 'single', column: 3, invert: false },
    });
  });

  it('asks which way round a card statement is, but not again for a remembered mapping', () => {
    const card = rows.map((r) => ({
      ...r,
      cells: [...r.cells.slice(0, 3), r.cells[3]!.replace('-', ''), r.cells[4]!],
    }));
    expect(previewChecks(card, mapping, context).question?.kind).toBe('card-sign');
    expect(previewChecks(card, mapping, { ...context, remembered: true }).question).toBeNull();
  });

  it('asks which unnamed column is money out when no balance says, reading examples the first way', () => {
    const split = rows.map((r) => {
      const amount = r.cells[3]!;
      return {
        ...r,
        cells: [
          r.cells[0]!,
          r.cells[2]!,
          amount.startsWith('-') ? amount.slice(1) : '',
          amount.startsWith('-') ? '' : amount,
        ],
      };
    });
    const pair: CsvMapping = {
      ...mapping,
      descriptionColumns: [1],
      amount: { kind: 'debit-credit', debitColumn: 2, creditColumn: 3 },
    };
    const question = previewChecks(split, pair, { ...context, moneyColumns: [2, 3] }).question;
    expect(question).toMatchObject({ kind: 'in-out-columns', columns: [2, 3] });
    expect(question!.examples.map((e) => [e.description, e.amountPence])).toEqual([
      ['ACME LTD', 85000],
      ['SCREWFIX', -4599],
    ]);
    expect(question!.reasons).toEqual([
      'The file does not name its money columns and has no balance to tell which is money out.',
    ]);
    // Named columns need no question, unless the columns chosen go against the names.
    const named = {
      ...context,
      hasHeaderNames: true,
      columnNames: ['Date', 'Details', 'Paid out', 'Paid in'],
    };
    expect(previewChecks(split, pair, named).question).toBeNull();
    const against: CsvMapping = {
      ...pair,
      amount: { kind: 'debit-credit', debitColumn: 3, creditColumn: 2 },
    };
    expect(previewChecks(split, against, named).question?.reasons).toEqual([
      'The column names say the other way round from the columns chosen.',
    ]);
  });

  it('asks again when the columns chosen go against the running balance', () => {
    const withBalance = rows.map((r) => {
      const amount = r.cells[3]!;
      const out = amount.startsWith('-') ? amount.slice(1) : '';
      const inn = amount.startsWith('-') ? '' : amount;
      return { ...r, cells: [r.cells[0]!, r.cells[2]!, out, inn, r.cells[4]!] };
    });
    const settled: CsvMapping = {
      ...mapping,
      descriptionColumns: [1],
      amount: { kind: 'debit-credit', debitColumn: 2, creditColumn: 3 },
    };
    const balanceContext = { ...context, moneyColumns: [2, 3, 4] };
    expect(previewChecks(withBalance, settled, balanceContext).question).toBeNull();
    const swapped: CsvMapping = {
      ...settled,
      amount: { kind: 'debit-credit', debitColumn: 3, creditColumn: 2 },
    };
    expect(previewChecks(withBalance, swapped, balanceContext).question?.reasons).toEqual([
      'The running balance moves the other way round from the columns chosen.',
    ]);
  });
});
