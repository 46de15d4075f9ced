import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  currencyInHeader,
  currencyInText,
  findCurrencyColumn,
  withoutCurrency,
} from '../../../src/main/ledger/import/csv/currency';
import {
  highestColumn,
  readRow,
  type CsvMapping,
} from '../../../src/main/ledger/import/csv/csv-mapping';
import { detectShape } from '../../../src/main/ledger/import/csv/detect-shape';
import { previewImport } from '../../../src/main/ledger/import/csv/preview-import';
import { sniffFile } from '../../../src/main/ledger/import/text-source';
import { detectFormat } from '../../../src/main/ledger/import/ofx/ofx-file';
import { previewOfx } from '../../../src/main/ledger/import/ofx/preview-ofx';
import { ofxStatement } from '../../support/ofx-statement';

const dir = mkdtempSync(join(tmpdir(), 'ledgerlink-currency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('the currency an amount is written in', () => {
  it.each([
    ['£12.00', 'GBP'],
    ['12.00 GBP', 'GBP'],
    ['$12.00', 'USD'],
    ['-$447.79', 'USD'],
    ['US$5', 'USD'],
    ['A$20.00', 'AUD'],
    ['-45,20 €', 'EUR'],
    ['€1.250,00', 'EUR'],
    ['EUR 12,50', 'EUR'],
    ['12.50EUR', 'EUR'],
    ['CHF 40.00', 'CHF'],
    ['¥1200', 'JPY'],
    ['₹450.00', 'INR'],
    ['12,50 zł', 'PLN'],
    ['1 250 Ft', 'HUF'],
    ['99,00 Kč', 'CZK'],
    ['120,00 kr', 'SEK, NOK or DKK'],
  ])('%s is in %s', (text, code) => {
    expect(currencyInText(text)).toBe(code);
  });

  it.each(['12.00', '-1,234.56', '(12.00)', '12.00 DR', 'DEB', 'FPO'])(
    '%s names no currency',
    (text) => {
      expect(currencyInText(text)).toBeNull();
    },
  );

  it('leaves the number once the currency is taken out', () => {
    expect(withoutCurrency('-45,20 €')).toBe('-45,20');
    expect(withoutCurrency('CHF 40.00')).toBe('40.00');
    expect(withoutCurrency('12,50 zł')).toBe('12,50');
  });

  it('reads a currency stated in a column header', () => {
    expect(currencyInHeader('Amount (GBP)')).toBe('GBP');
    expect(currencyInHeader('Betrag (EUR)')).toBe('EUR');
    expect(currencyInHeader('Amount')).toBeNull();
    expect(currencyInHeader('Paid out')).toBeNull();
  });
});

describe('the currency column', () => {
  const names = ['date', 'amount', 'currency', 'local currency', 'type'];
  const columns = [
    ['07/04/2025', '08/04/2025', '12/04/2025'],
    ['850.00', '-45.99', '-86.40'],
    ['GBP', 'GBP', 'GBP'],
    ['GBP', 'GBP', 'EUR'],
    ['FPI', 'DEB', 'DEB'],
  ];

  it('is the account’s currency, never Monzo’s “Local currency” of a purchase abroad', () => {
    expect(findCurrencyColumn(names, columns, new Set([0, 1]))).toBe(2);
    expect(findCurrencyColumn(names, columns, new Set([0, 1, 2]))).toBeNull();
  });

  it('is found without a header when every value is a currency code', () => {
    expect(findCurrencyColumn(['', '', '', '', ''], columns, new Set([0, 1]))).toBe(2);
  });

  it('is never a column of three-letter bank transaction types', () => {
    expect(findCurrencyColumn(['', '', '', '', ''], columns, new Set([0, 1, 2, 3]))).toBeNull();
  });
});

describe('refusing a CSV in another currency, in the OFX statement’s words', () => {
  const mapping: CsvMapping = {
    delimiter: ',',
    headerRowIndex: 0,
    dateColumn: 0,
    dateOrder: 'dmy',
    descriptionColumns: [1],
    counterpartyColumn: null,
    amount: { kind: 'single', column: 2, invert: false },
    decimal: 'dot',
    currency: { kind: 'column', column: 3 },
  };
  const read = (cells: string[], m: CsvMapping = mapping) => readRow(cells, m, highestColumn(m));

  it('refuses each row in another currency and reads the pounds', () => {
    expect(read(['07/04/2025', 'ACME', '850.00', 'GBP'])).toMatchObject({
      ok: true,
      amountPence: 85000,
    });
    expect(read(['07/04/2025', 'ACME', '850.00', 'eur'])).toEqual({
      ok: false,
      code: 'AMOUNT_UNREADABLE',
      message: 'This amount is in EUR, not pounds sterling. Enter it in pounds to import it.',
    });
    const stated: CsvMapping = { ...mapping, currency: { kind: 'stated', code: 'USD' } };
    expect(read(['07/04/2025', 'ACME', '850.00', ''], stated)).toMatchObject({ ok: false });
  });

  it('says which currency a symbol looks like, instead of “not a number”', () => {
    const plain: CsvMapping = { ...mapping, currency: null };
    expect(read(['19/04/2025', 'SHOP', '$12.00', ''], plain)).toMatchObject({
      message: 'This amount is in USD, not pounds sterling. Enter it in pounds to import it.',
    });
    expect(read(['19/04/2025', 'SHOP', 'CHF 40.00', ''], plain)).toMatchObject({
      message: 'This amount is in CHF, not pounds sterling. Enter it in pounds to import it.',
    });
  });

  it('detects the column and the stated currency from a file', () => {
    const sparkasse = detectShape(
      'Buchungstag;Verwendungszweck;Betrag;Waehrung\n19.04.25;REWE;-23,45;EUR\n22.04.25;Muster GmbH;1.250,00;EUR\n',
      true,
    );
    expect(sparkasse.mapping?.currency).toEqual({ kind: 'column', column: 3 });
    const header = detectShape(
      'Date,Details,Amount (EUR)\n19/04/2025,REWE,-23.45\n22/04/2025,MUSTER,1250.00\n',
      true,
    );
    expect(header.mapping?.currency).toEqual({ kind: 'stated', code: 'EUR' });
    const pounds = detectShape(
      'Date,Details,Amount (GBP)\n19/04/2025,TESCO,-23.45\n22/04/2025,ACME,1250.00\n',
      true,
    );
    expect(pounds.mapping?.currency).toBeNull();
  });

  it('warns in the same words as for an OFX statement in euros', async () => {
    const ofxPath = file(
      'euro.ofx',
      ofxStatement({
        accountId: '30941212345678',
        start: '20250401',
        end: '20250430',
        transactions: [
          { type: 'POS', posted: '20250419', amount: '-23.45', fitid: 'F1', name: 'REWE' },
        ],
      }).replace('<CURDEF>GBP', '<CURDEF>EUR'),
    );
    const ofx = await previewOfx((await detectFormat(await sniffFile(ofxPath))).facts);
    const csvPath = file('euro.csv', 'Date,Details,Amount,Currency\n19/04/2025,REWE,-23.45,EUR\n');
    const csv = await previewImport(await sniffFile(csvPath), () => null);
    expect(ofx.warnings).toEqual([
      'The statement of ••••5678 is in EUR. Ledgerlink keeps records in pounds, so its amounts cannot be imported as they are.',
    ]);
    expect(csv.warnings).toEqual([ofx.warnings[0]!.replace('••••5678', 'this account')]);
    expect(csv.rows[0]!.values).toEqual(ofx.rows[0]!.values);
  });
});
