/**
 * Which currency a bank file's money is in. The ledger keeps pounds only, so a statement in
 * another currency must be refused in words (see foreign-currency.ts), never saved as pounds.
 * Three places say it: a currency column (EUR, USD…), a column header ("Amount (EUR)"), or a
 * symbol or code written with each amount ("$12.00", "12,50 €", "CHF 40.00").
 */

export const POUNDS = 'GBP';

/**
 * ISO 4217 codes a UK resident's statements carry. Deliberately a short list: a column of
 * three-letter bank transaction types (Lloyds' DEB, FPO, BGC…) must not pass for currencies.
 */
const CODES = new Set([
  'GBP',
  'EUR',
  'USD',
  'CHF',
  'JPY',
  'CAD',
  'AUD',
  'NZD',
  'SEK',
  'NOK',
  'DKK',
  'ISK',
  'PLN',
  'CZK',
  'HUF',
  'RON',
  'BGN',
  'TRY',
  'INR',
  'CNY',
  'HKD',
  'SGD',
  'ZAR',
  'AED',
  'SAR',
  'ILS',
  'MXN',
  'BRL',
  'THB',
  'KRW',
  'RUB',
  'UAH',
]);

/** Symbols, longest first so "US$" is not read as "$". What a symbol "looks like" is a guess. */
const SYMBOLS: readonly (readonly [string, string])[] = [
  ['US$', 'USD'],
  ['AU$', 'AUD'],
  ['CA$', 'CAD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['MX$', 'MXN'],
  ['A$', 'AUD'],
  ['C$', 'CAD'],
  ['S$', 'SGD'],
  ['R$', 'BRL'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['¥', 'JPY'],
  ['₹', 'INR'],
  ['₽', 'RUB'],
  ['₩', 'KRW'],
  ['₪', 'ILS'],
  ['₺', 'TRY'],
  ['₴', 'UAH'],
  ['฿', 'THB'],
  ['£', POUNDS],
];
/** Written after the number, as letters: only where a digit or space sits next to them. */
const WORD_SYMBOLS: readonly (readonly [RegExp, string])[] = [
  [/(?:^|[\d\s])zł(?:$|[\d\s])/i, 'PLN'],
  [/(?:^|[\d\s])kč(?:$|[\d\s])/i, 'CZK'],
  [/(?:^|[\d\s])ft\.?(?:$|[\d\s])/i, 'HUF'],
  [/(?:^|[\d\s])lei(?:$|[\d\s])/i, 'RON'],
  [/(?:^|[\d\s])kr\.?(?:$|[\d\s])/i, 'SEK, NOK or DKK'],
];
const CODE_IN_TEXT = /(?:^|[^A-Za-z])([A-Z]{3})(?=$|[^A-Za-z])/g;

/**
 * The currency an amount's text names: `GBP` for £ or GBP, another code (or what a symbol looks
 * like) for any other, null when the text names none (a plain number).
 */
export function currencyInText(text: string): string | null {
  for (const [symbol, code] of SYMBOLS) if (text.includes(symbol)) return code;
  for (const match of text.matchAll(CODE_IN_TEXT)) {
    if (CODES.has(match[1]!)) return match[1]!;
  }
  for (const [pattern, code] of WORD_SYMBOLS) if (pattern.test(text)) return code;
  return null;
}

/** The text with its currency symbol or code taken out, to read the number that is left. */
export function withoutCurrency(text: string): string {
  let rest = text;
  for (const [symbol] of SYMBOLS) rest = rest.split(symbol).join(' ');
  rest = rest.replace(CODE_IN_TEXT, (all, code: string) =>
    CODES.has(code) ? all.replace(code, ' ') : all,
  );
  rest = rest.replace(/(^|[\d\s])(zł|kč|ft\.?|lei|kr\.?)(?=$|[\d\s])/gi, '$1 ');
  return rest.replace(/\s+/g, ' ').trim();
}

/** The code a currency column's cell holds, upper-cased; '' for an empty cell. */
export function currencyCell(text: string): string {
  return text.trim().toUpperCase();
}

export const isCurrencyCode = (text: string): boolean => CODES.has(currencyCell(text));

/** Header words for "currency" in the languages of the exports the app meets. */
const CURRENCY_HEADER =
  /^(currency|ccy|curr|currency code|account currency|waehrung|wahrung|devise|valuta|moneda|divisa|deviza|waluta|mena|valuuta)$/;
/** Monzo and others add the currency a purchase abroad was made in: not the account's. */
const NOT_ACCOUNT_CURRENCY = /\b(local|original|orig|foreign|exchange|merchant|transaction)\b/;

/**
 * The column that says each row's currency: one named for it, else one whose every value is a
 * currency code. `names` are normalised header names ('' when the file has none).
 */
export function findCurrencyColumn(
  names: readonly string[],
  columns: readonly (readonly string[])[],
  excluded: ReadonlySet<number>,
): number | null {
  let unnamed: number | null = null;
  for (let index = 0; index < columns.length; index++) {
    if (excluded.has(index)) continue;
    const name = names[index] ?? '';
    if (NOT_ACCOUNT_CURRENCY.test(name)) continue;
    const values = columns[index]!;
    const filled = values.filter((v) => v.trim() !== '');
    if (filled.length === 0) continue;
    const codes = filled.filter(isCurrencyCode).length / filled.length;
    if (CURRENCY_HEADER.test(name) && codes >= 0.8) return index;
    if (unnamed === null && codes >= 0.9 && filled.length >= Math.max(2, values.length * 0.9)) {
      unnamed = index;
    }
  }
  return unnamed;
}

/** A currency named in an amount column's header: "Amount (GBP)", "Betrag (EUR)", "EUR". */
export function currencyInHeader(header: string): string | null {
  return currencyInText(header.toUpperCase().replace(/[^A-Z£$€¥₹]+/g, ' '));
}
