import { describe, expect, it } from 'vitest';
import {
  checkMapping,
  highestColumn,
  readRow,
  type CsvMapping,
} from '../../../src/main/ledger/import/csv/csv-mapping';
import type { AppError } from '../../../src/main/ipc/app-error';

const single: CsvMapping = {
  delimiter: ',',
  headerRowIndex: 0,
  dateColumn: 0,
  dateOrder: 'dmy',
  descriptionColumns: [1],
  counterpartyColumn: null,
  amount: { kind: 'single', column: 2, invert: false },
  decimal: 'dot',
};
const read = (cells: string[], mapping: CsvMapping = single) =>
  readRow(cells, mapping, highestColumn(mapping));

describe('reading a row with a mapping', () => {
  it('reads date, description and a signed amount', () => {
    expect(read(['06/04/2026', '  TESCO  ', '£1,234.56'])).toEqual({
      ok: true,
      date: '2026-04-06',
      description: 'TESCO',
      counterparty: null,
      amountPence: 123456,
    });
    expect(read(['06/04/2026', 'Refund', '(12.00)'])).toMatchObject({
      ok: true,
      amountPence: -1200,
    });
  });

  it('inverts card statements that show spending as positive', () => {
    const card = { ...single, amount: { kind: 'single' as const, column: 2, invert: true } };
    expect(read(['06/04/2026', 'Shop', '12.50'], card)).toMatchObject({ amountPence: -1250 });
  });

  it('reads paid-out / paid-in columns, whichever sign the bank wrote', () => {
    const split: CsvMapping = {
      ...single,
      amount: { kind: 'debit-credit', debitColumn: 2, creditColumn: 3 },
    };
    expect(read(['06/04/2026', 'Shop', '12.50', ''], split)).toMatchObject({ amountPence: -1250 });
    expect(read(['06/04/2026', 'Shop', '-12.50', ''], split)).toMatchObject({ amountPence: -1250 });
    expect(read(['06/04/2026', 'Client', '', '300.00'], split)).toMatchObject({
      amountPence: 30000,
    });
    expect(read(['06/04/2026', 'Both', '1.00', '2.00'], split)).toMatchObject({
      ok: false,
      code: 'AMOUNT_BOTH_SIDES',
    });
    expect(read(['06/04/2026', 'None', '', ''], split)).toMatchObject({
      ok: false,
      code: 'AMOUNT_MISSING',
    });
  });

  it('joins several description columns and keeps a counterparty', () => {
    const joined: CsvMapping = { ...single, descriptionColumns: [1, 3], counterpartyColumn: 4 };
    expect(read(['06/04/2026', 'Card payment', '-5', 'REF 99', 'Tesco'], joined)).toMatchObject({
      description: 'Card payment REF 99',
      counterparty: 'Tesco',
    });
  });

  it('flattens a quoted multi-line description to one line', () => {
    expect(read(['06/04/2026', 'Line one\r\nline two', '-1'])).toMatchObject({
      description: 'Line one line two',
    });
  });

  it.each([
    [['06/04/2026', 'x'], 'TOO_FEW_COLUMNS'],
    [['', 'x', '1'], 'DATE_MISSING'],
    [['31/02/2026', 'x', '1'], 'DATE_UNREADABLE'],
    [['06/04/2026', 'x', ''], 'AMOUNT_MISSING'],
    [['06/04/2026', 'x', '12.345'], 'AMOUNT_UNREADABLE'],
  ] as const)('explains an unreadable row %j (%s)', (cells, code) => {
    const result = read([...cells]);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });
});

describe('a row whose only problem is its date', () => {
  it('keeps the amount, its direction and the description for the person fixing it', () => {
    const pair: CsvMapping = {
      ...single,
      amount: { kind: 'debit-credit', debitColumn: 2, creditColumn: 3 },
    };
    expect(read(['31/13/2026', 'CLIENT PAYMENT', '', '450.00'], pair)).toMatchObject({
      ok: false,
      code: 'DATE_UNREADABLE',
      readable: { description: 'CLIENT PAYMENT', amountPence: 45000 },
    });
    expect(read(['', 'Shop', '-12.50'])).toMatchObject({
      code: 'DATE_MISSING',
      readable: { description: 'Shop', amountPence: -1250 },
    });
    // Nothing else readable either: nothing is offered.
    expect(read(['31/13/2026', 'Shop', 'twelve'])).not.toHaveProperty('readable');
  });
});

describe('checking a mapping', () => {
  it('refuses mappings that cannot work, with the field to fix', () => {
    const bad = (patch: Partial<CsvMapping>) => {
      try {
        checkMapping({ ...single, ...patch });
        return null;
      } catch (error) {
        return (error as AppError).code;
      }
    };
    expect(bad({})).toBeNull();
    expect(bad({ descriptionColumns: [] })).toBe('IMPORT_MAPPING_INVALID');
    expect(bad({ descriptionColumns: [0] })).toBe('IMPORT_MAPPING_INVALID');
    expect(bad({ amount: { kind: 'debit-credit', debitColumn: 2, creditColumn: 2 } })).toBe(
      'IMPORT_MAPPING_INVALID',
    );
    expect(bad({ delimiter: ':' as never })).toBe('IMPORT_MAPPING_INVALID');
    expect(bad({ dateColumn: -1 })).toBe('IMPORT_MAPPING_INVALID');
  });
});
