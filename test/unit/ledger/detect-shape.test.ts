import { describe, expect, it } from 'vitest';
import { detectDecimalStyle, detectShape } from '../../../src/main/ledger/import/csv/detect-shape';
import { shapeFingerprint } from '../../../src/main/ledger/import/csv/fingerprint';

describe('detecting a bank file’s shape', () => {
  it('reads a plain UK export: header, date, description, signed amount; balance ignored', () => {
    const shape = detectShape(
      'Date,Description,Amount,Balance\n06/04/2026,TESCO,-12.50,100.00\n17/04/2026,ACME LTD,"1,200.00",1300.00\n',
      true,
    );
    expect(shape.delimiter).toBe(',');
    expect(shape.headerRowIndex).toBe(0);
    expect(shape.columnNames).toEqual(['Date', 'Description', 'Amount', 'Balance']);
    expect(shape.mapping).toMatchObject({
      dateColumn: 0,
      descriptionColumns: [1],
      amount: { kind: 'single', column: 2 },
      decimal: 'dot',
      dateOrder: 'dmy',
    });
    expect(shape.dateOrder?.ambiguous).toBe(false); // 17/04 can only be day-first
  });

  it('skips a preamble of account details before the header', () => {
    const shape = detectShape(
      [
        '"Account Name:","Sam Taylor Plumbing"',
        '"Account Balance:","£1,234.00"',
        '',
        '"Date","Transaction type","Description","Paid out","Paid in","Balance"',
        '"13 Apr 2026","Card","SCREWFIX","£45.00","","£1,189.00"',
        '"14 Apr 2026","Transfer","J SMITH","","£300.00","£1,489.00"',
      ].join('\n'),
      true,
    );
    expect(shape.headerRowIndex).toBe(2); // the third non-blank record
    expect(shape.mapping).toMatchObject({
      dateColumn: 0,
      descriptionColumns: [2],
      amount: { kind: 'debit-credit', debitColumn: 3, creditColumn: 4 },
    });
  });

  it('detects semicolons with decimal commas', () => {
    const shape = detectShape(
      'Datum;Omschrijving;Bedrag\n06-04-2026;Albert Heijn;-12,50\n07-04-2026;Klant;1.200,00\n',
      true,
    );
    expect(shape.delimiter).toBe(';');
    expect(shape.mapping).toMatchObject({
      amount: { kind: 'single', column: 2 },
      decimal: 'comma',
    });
  });

  it('reads a file with no header and tab separators', () => {
    const shape = detectShape('2026-04-06\tTESCO\t-12.50\n2026-04-07\tSHELL\t-40.00\n', true);
    expect(shape).toMatchObject({ delimiter: '\t', headerRowIndex: null, hasHeaderNames: false });
    expect(shape.columnNames).toEqual(['Column 1', 'Column 2', 'Column 3']);
    expect(shape.mapping).toMatchObject({
      dateColumn: 0,
      dateOrder: 'ymd',
      descriptionColumns: [1],
    });
  });

  // All-positive amounts are no longer a warning here: the preview asks which way round they
  // are (sign-convention.ts), showing rows both ways.
  it('flags ambiguous dates for the person to confirm', () => {
    const shape = detectShape(
      'Date,Details,Amount\n01/02/2026,SHOP,12.00\n03/04/2026,SHOP,5.00\n',
      true,
    );
    expect(shape.dateOrder).toMatchObject({ ambiguous: true, order: 'dmy' });
    expect(shape.warnings.join(' ')).toMatch(/day\/month or month\/day/);
  });

  it('refuses a file with no amounts at all as not a statement', () => {
    expect(() => detectShape('name,notes\nfoo,bar\n', true, 'contacts.csv')).toThrow(
      'contacts.csv does not look like a bank statement: none of its columns holds amounts of money.',
    );
  });

  it('decides the decimal style from the amounts', () => {
    expect(detectDecimalStyle(['1.234,56', '-12,50'])).toBe('comma');
    expect(detectDecimalStyle(['1,234.56', '-12.50'])).toBe('dot');
  });
});

describe('file shape fingerprint', () => {
  it('is the same for every month’s export of one bank and different for another bank', () => {
    const a = shapeFingerprint(',', ['Date', 'Description', 'Amount'], 3);
    expect(shapeFingerprint(',', [' date', 'DESCRIPTION ', 'amount'], 3)).toBe(a);
    expect(shapeFingerprint(',', ['Date', 'Details', 'Amount'], 3)).not.toBe(a);
    expect(shapeFingerprint(';', ['Date', 'Description', 'Amount'], 3)).not.toBe(a);
    expect(shapeFingerprint(',', null, 3)).not.toBe(shapeFingerprint(',', null, 4));
  });
});
