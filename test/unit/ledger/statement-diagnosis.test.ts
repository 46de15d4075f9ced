import { describe, expect, it } from 'vitest';
import { isMoneyLike } from '../../../src/main/ledger/import/csv/detect-shape';
import {
  diagnoseNoRows,
  refuseNonText,
  refuseOtherLayouts,
} from '../../../src/main/ledger/import/csv/statement-diagnosis';

const bytes = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));

describe('telling a person plainly that a file is not a statement', () => {
  it('refuses a PDF, a spreadsheet, a binary file and an empty one by their first bytes', () => {
    expect(() => refuseNonText('April.pdf', bytes('%PDF-1.4\n'))).toThrow(
      'April.pdf is a PDF document. Ledgerlink reads statements as CSV or OFX files, not PDFs.',
    );
    expect(() => refuseNonText('April.xlsx', bytes('PK\u0003\u0004rest'))).toThrow(
      'April.xlsx is a spreadsheet (such as Excel), not a CSV file.',
    );
    expect(() => refuseNonText('April.xls', bytes('\u00d0\u00cf\u0011\u00e0\u00a1\u00b1'))).toThrow(
      /spreadsheet/,
    );
    expect(() => refuseNonText('x.csv', bytes('Date,\u0000\u0001'))).toThrow(/not a text file/);
    expect(() => refuseNonText('empty.csv', new Uint8Array())).toThrow('empty.csv is empty.');
    expect(() => refuseNonText('ok.csv', bytes('Date,Amount\n'))).not.toThrow();
    // UTF-16 has zero bytes but starts with its byte-order mark.
    expect(() => refuseNonText('u16.csv', Uint8Array.from([0xff, 0xfe, 0x44, 0x00]))).not.toThrow();
  });

  it('refuses a web page and a statement written one field per line', () => {
    expect(() => refuseOtherLayouts('April.xls', '<html><body><table>')).toThrow(
      /web page \(HTML\)/,
    );
    const santander = Array.from(
      { length: 3 },
      () => 'Date: 07/04/2025\nDescription: X\nAmount: -1.00 GBP\nBalance: 1.00 GBP\n',
    ).join('\n');
    expect(() => refuseOtherLayouts('santander.txt', santander)).toThrow(
      'santander.txt lists each transaction over several lines (“Date:”, “Description:”, “Amount:”) instead of in columns, so Ledgerlink cannot read it.',
    );
    expect(() => refuseOtherLayouts('ok.csv', 'Date,Amount\n07/04/2025,1.00\n')).not.toThrow();
  });

  it('says a header-only or blank file has no rows, before any question about columns', () => {
    expect(() =>
      diagnoseNoRows('lloyds.csv', [['Transaction Date', 'Debit Amount', 'Balance']], isMoneyLike),
    ).toThrow(
      expect.objectContaining({
        code: 'IMPORT_NO_ROWS',
        message: 'lloyds.csv has no rows of transactions: it holds only a header line.',
      }),
    );
    expect(() => diagnoseNoRows('blank.csv', [], isMoneyLike)).toThrow(
      expect.objectContaining({ code: 'IMPORT_NO_ROWS' }),
    );
  });

  it('refuses a file with no amounts, and says so by name', () => {
    expect(() =>
      diagnoseNoRows(
        'contacts.csv',
        [
          ['Name', 'Phone'],
          ['Jo', '07700 900123'],
        ],
        isMoneyLike,
      ),
    ).toThrow(expect.objectContaining({ code: 'IMPORT_NOT_A_STATEMENT' }));
  });

  it('says it is the DATES that cannot be read when the amounts are there', () => {
    expect(
      diagnoseNoRows(
        'bank.csv',
        [
          ['Date', 'Libellé', 'Montant'],
          ['19 avril 2025', 'CARTE', '-45,20'],
          ['21 avril 2025', 'VIREMENT', '1250,00'],
        ],
        isMoneyLike,
      ),
    ).toMatch(/^The dates in this file cannot be read \(for example “19 avril 2025”\)\./);
    expect(
      diagnoseNoRows(
        'bank.csv',
        [
          ['Text', 'Amount'],
          ['CARTE', '-45.20'],
          ['VIR', '12.00'],
        ],
        isMoneyLike,
      ),
    ).toMatch(/^No column of dates was found\./);
  });
});
