import { describe, expect, it } from 'vitest';
import {
  checkMapping,
  highestColumn,
  readRow,
  type CsvMapping,
} from '../../../src/main/ledger/import/csv/csv-mapping';
import {
  explicitSign,
  findDirectionColumn,
  readDirection,
} from '../../../src/main/ledger/import/csv/direction-markers';

describe('direction markers', () => {
  it.each([
    ['CR', 'in'],
    ['DR', 'out'],
    ['Cr', 'in'],
    ['dr.', 'out'],
    ['Credit', 'in'],
    ['DEBIT', 'out'],
    ['Paid in', 'in'],
    ['Money out', 'out'],
    ['Crédit', 'in'],
    ['Débit', 'out'],
    ['Haben', 'in'],
    ['Soll', 'out'],
    ['Bij', 'in'],
    ['Af', 'out'],
    ['Jóváírás', 'in'],
    ['Terhelés', 'out'],
    ['Uznanie', 'in'],
    ['Obciążenie', 'out'],
    ['Wpływ', 'in'],
    ['Abono', 'in'],
    ['Cargo', 'out'],
    ['Accredito', 'in'],
    ['Addebito', 'out'],
    ['Kredit', 'in'],
    ['Debet', 'out'],
    ['Insättning', 'in'],
    ['D', 'out'],
    ['C', 'in'],
    ['S', 'out'],
    ['H', 'in'],
    ['+', 'in'],
    ['-', 'out'],
  ] as const)('reads %j as money %s', (marker, direction) => {
    expect(readDirection(marker)).toBe(direction);
  });

  it.each(['Direct Debit', 'Card payment', 'DEB', 'FPI', 'Credit interest', ''])(
    'reads %j as no direction (a type, not a marker)',
    (text) => {
      expect(readDirection(text)).toBeNull();
    },
  );

  it('takes an amount’s own sign as the bank wrote it', () => {
    expect(explicitSign('+ £1,100.00')).toBe('in');
    expect(explicitSign('-45.00')).toBe('out');
    expect(explicitSign('(12.00)')).toBe('out');
    expect(explicitSign('12.00 DR')).toBe('out');
    expect(explicitSign('£45.00')).toBeNull();
  });
});

describe('finding the direction column', () => {
  const amounts = ['£45.12', '£239.00', '+ £1,100.00', '£89.99', '+ £25.00'];

  it('finds CR/DR in their own column (John Lewis writes only CR, leaving debits empty)', () => {
    const column = { index: 3, values: ['', '', 'CR', '', 'CR'] };
    expect(findDirectionColumn([column], amounts)).toEqual({ column: 3, blank: 'out' });
  });

  it('finds D/C, Dr/Cr and words with accents, both sides marked', () => {
    expect(findDirectionColumn([{ index: 8, values: ['D', 'D', 'C', 'D', 'C'] }], amounts)).toEqual(
      { column: 8, blank: null },
    );
    expect(
      findDirectionColumn(
        [{ index: 2, values: ['Terhelés', 'Terhelés', 'Jóváírás', 'Terhelés', 'Jóváírás'] }],
        amounts,
      ),
    ).toEqual({ column: 2, blank: null });
  });

  it('passes over columns that are not markers, or mix letter families', () => {
    const types = {
      index: 1,
      values: ['Card payment', 'Direct Debit', 'Faster payment', 'DD', 'SO'],
    };
    const mixed = { index: 2, values: ['D', 'S', 'C', 'H', 'D'] };
    expect(findDirectionColumn([types, mixed], amounts)).toBeNull();
  });

  it('refuses a column that contradicts the amounts’ own signs', () => {
    const signed = ['-45.12', '-239.00', '1100.00', '-89.99', '25.00'];
    expect(
      findDirectionColumn([{ index: 3, values: ['CR', 'CR', 'DR', 'CR', 'DR'] }], signed),
    ).toBeNull();
    expect(
      findDirectionColumn([{ index: 3, values: ['DR', 'DR', 'CR', 'DR', 'CR'] }], signed),
    ).toEqual({ column: 3, blank: null });
  });
});

describe('reading a row whose direction is in another column', () => {
  const mapping: CsvMapping = {
    delimiter: ',',
    headerRowIndex: 0,
    dateColumn: 0,
    dateOrder: 'dmy',
    descriptionColumns: [1],
    counterpartyColumn: null,
    amount: { kind: 'direction', column: 2, directionColumn: 3, blank: null },
    decimal: 'dot',
  };
  const read = (cells: string[], m: CsvMapping = mapping) => readRow(cells, m, highestColumn(m));

  it('applies the marker to the amount', () => {
    expect(read(['14-Apr-2025', 'PAYMENT', '+ £1,100.00', 'CR'])).toMatchObject({
      ok: true,
      amountPence: 110000,
    });
    expect(read(['09-Apr-2025', 'JOHN LEWIS', '£239.00', 'DR'])).toMatchObject({
      amountPence: -23900,
    });
  });

  it('reads an empty marker as the side the bank leaves unmarked', () => {
    const blankIsOut: CsvMapping = {
      ...mapping,
      amount: { ...mapping.amount, blank: 'out' } as CsvMapping['amount'],
    };
    expect(read(['09-Apr-2025', 'JOHN LEWIS', '£239.00', ''], blankIsOut)).toMatchObject({
      amountPence: -23900,
    });
  });

  it('says when the direction cannot be read, or disagrees with the amount’s sign', () => {
    expect(read(['09-Apr-2025', 'X', '£239.00', ''])).toMatchObject({
      ok: false,
      code: 'DIRECTION_UNREADABLE',
    });
    expect(read(['09-Apr-2025', 'X', '£239.00', 'maybe'])).toMatchObject({
      ok: false,
      code: 'DIRECTION_UNREADABLE',
      message: 'Whether this is money in or out could not be read. (“maybe”)',
    });
    expect(read(['09-Apr-2025', 'X', '-239.00', 'CR'])).toMatchObject({
      ok: false,
      code: 'DIRECTION_CONFLICT',
    });
  });

  it('refuses a mapping with the direction in the amount’s own column', () => {
    expect(() =>
      checkMapping({
        ...mapping,
        amount: { kind: 'direction', column: 2, directionColumn: 2, blank: null },
      }),
    ).toThrow('The direction must be in a different column from the amount.');
  });
});
