import { describe, expect, it } from 'vitest';
import {
  highestColumn,
  joinDescription,
  readRow,
} from '../../../src/main/ledger/import/csv/csv-mapping';
import { detectShape } from '../../../src/main/ledger/import/csv/detect-shape';
import {
  chooseDescription,
  type TextColumn,
} from '../../../src/main/ledger/import/csv/description-choice';

const column = (index: number, name: string, more: Partial<TextColumn> = {}): TextColumn => ({
  index,
  name,
  averageLength: 12,
  sameEveryRow: false,
  ...more,
});

describe('choosing the description and the payee', () => {
  it('puts the counterparty’s name before the reference when a bank gives both (Starling)', () => {
    expect(
      chooseDescription([
        column(1, 'counter party'),
        column(2, 'reference', { averageLength: 20 }),
        column(3, 'type'),
        column(6, 'spending category'),
      ]),
    ).toEqual({ descriptionColumns: [1, 2], counterpartyColumn: 1 });
  });

  it('never makes the account holder’s own name the payee (NatWest’s Account Name)', () => {
    expect(
      chooseDescription([
        column(1, 'type'),
        column(2, 'description', { averageLength: 30 }),
        column(5, 'account name', { sameEveryRow: true }),
      ]),
    ).toEqual({ descriptionColumns: [2], counterpartyColumn: null });
  });

  it('leaves out any text that is the same on every row, even without a header', () => {
    expect(
      chooseDescription([
        column(1, '', { averageLength: 40, sameEveryRow: true }),
        column(2, '', { averageLength: 18 }),
      ]),
    ).toEqual({ descriptionColumns: [2], counterpartyColumn: null });
  });

  it('keeps a real description and takes the name as the payee (Monzo)', () => {
    expect(
      chooseDescription([
        column(4, 'name'),
        column(6, 'category'),
        column(11, 'notes and tags'),
        column(12, 'address', { averageLength: 40 }),
        column(14, 'description', { averageLength: 30 }),
      ]),
    ).toEqual({ descriptionColumns: [14], counterpartyColumn: 4 });
  });

  it('uses a merchant column as both when it is the only text (Barclaycard Business)', () => {
    expect(
      chooseDescription([
        column(3, 'merchant'),
        column(4, 'merchant city'),
        column(7, 'reference number', { averageLength: 23 }),
      ]),
    ).toEqual({ descriptionColumns: [3], counterpartyColumn: 3 });
  });

  it('does not take “Merchant/Description” or a category for the payee', () => {
    expect(chooseDescription([column(1, 'type'), column(2, 'merchant description')])).toEqual({
      descriptionColumns: [2],
      counterpartyColumn: null,
    });
    expect(chooseDescription([column(1, 'description'), column(2, 'merchant category')])).toEqual({
      descriptionColumns: [1],
      counterpartyColumn: null,
    });
  });

  it('joins a split description once: a part already inside another is left out', () => {
    expect(joinDescription(['Ashworth Joinery Ltd', 'INV 0412'])).toBe(
      'Ashworth Joinery Ltd INV 0412',
    );
    expect(joinDescription(['Tesco', 'TESCO STORES 3412'])).toBe('TESCO STORES 3412');
    expect(joinDescription(['ACME', '', 'ACME'])).toBe('ACME');
  });

  it('reads a Starling row as the payee and their reference', () => {
    const shape = detectShape(
      [
        'Date,Counter Party,Reference,Type,Amount (GBP),Balance (GBP),Spending Category,Notes',
        '07/04/2025,Ashworth Joinery Ltd,INV 0412,FASTER PAYMENT,850.00,2100.00,INCOME,',
        '08/04/2025,Screwfix,SCREWFIX DIRECT,CONTACTLESS,-45.99,2054.01,SHOPPING,',
        '10/04/2025,Tesco,TESCO STORES 3412,CONTACTLESS,-23.40,2030.61,GROCERIES,',
      ].join('\n'),
      true,
    );
    const mapping = shape.mapping!;
    const cells = [
      '08/04/2025',
      'Screwfix',
      'SCREWFIX DIRECT',
      'CONTACTLESS',
      '-45.99',
      '2054.01',
      'SHOPPING',
      '',
    ];
    expect(readRow(cells, mapping, highestColumn(mapping))).toMatchObject({
      description: 'SCREWFIX DIRECT',
      counterparty: 'Screwfix',
    });
  });
});
