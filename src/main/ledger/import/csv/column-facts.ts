import { parseMoney, type DecimalStyle } from '@shared/domain/money';
import { DATE_ORDERS, parseBankDate } from './bank-dates';
import { currencyInText, withoutCurrency } from './currency';

/** What the shape detector knows about each column of a bank file's first rows. */

export const isDateLike = (text: string): boolean => {
  const t = text.trim();
  return t !== '' && DATE_ORDERS.some((order) => parseBankDate(t, order) !== null);
};

const readsAsNumber = (t: string) => parseMoney(t).ok || parseMoney(t, { decimal: 'comma' }).ok;

/** A number, with or without a currency: "$12.00" is money (in dollars), so it is an amount. */
export const isMoneyLike = (text: string): boolean => {
  const t = text.trim();
  if (t === '' || !/\d/.test(t)) return false;
  if (readsAsNumber(t)) return true;
  return currencyInText(t) !== null && readsAsNumber(withoutCurrency(t));
};

/** A header as words: lower case, accents off ("Összeg" → "osszeg"), punctuation as spaces. */
export const normaliseHeader = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z£$€]+/g, ' ')
    .trim();

export const KEYWORDS = {
  date: /^(date|transaction date|posting date|posted|posted date|booking date|completed date|value date|txn date|trans date)$|\bdate\b/,
  balance: /\bbalance\b/,
  debit: /\b(paid out|money out|debit|debits|withdrawal|withdrawals|out|spent|payments?)\b/,
  credit: /\b(paid in|money in|credit|credits|deposit|deposits|in|received|receipts?)\b/,
  amount: /\b(amount|value|sum|gbp|£)\b/,
  /** Monzo's "Local amount" is the purchase abroad in its own currency, not the account's. */
  notAccountAmount: /\b(local|original|foreign|fee|fees)\b/,
  flag: /\b(flag|indicator|type|sign)\b/,
};

export interface ColumnFacts {
  index: number;
  name: string;
  values: string[];
  dateShare: number;
  moneyShare: number;
  filledShare: number;
  averageLength: number;
  sameEveryRow: boolean;
}

export function columnFacts(names: string[], data: string[][], width: number): ColumnFacts[] {
  return Array.from({ length: width }, (_, index) => {
    const values = data.map((r) => r[index] ?? '');
    const filled = values.filter((v) => v.trim() !== '');
    const share = (test: (v: string) => boolean) =>
      filled.length === 0 ? 0 : filled.filter(test).length / filled.length;
    return {
      index,
      name: normaliseHeader(names[index] ?? ''),
      values,
      dateShare: share(isDateLike),
      moneyShare: share(isMoneyLike),
      filledShare: data.length === 0 ? 0 : filled.length / data.length,
      averageLength:
        filled.length === 0 ? 0 : filled.reduce((n, v) => n + v.length, 0) / filled.length,
      sameEveryRow:
        data.length >= 3 &&
        filled.length === data.length &&
        filled.every((v) => v.trim() === filled[0]!.trim()),
    };
  });
}

export function detectDecimalStyle(samples: readonly string[]): DecimalStyle {
  let comma = 0;
  let dot = 0;
  for (const s of samples) {
    const t = withoutCurrency(s.trim());
    if (/,\d{1,2}(\s*(CR|DR))?\)?$/i.test(t) && !/\.\d{1,2}\)?$/.test(t)) comma++;
    else if (/\.\d{1,2}(\s*(CR|DR))?\)?$/i.test(t)) dot++;
  }
  return comma > dot ? 'comma' : 'dot';
}
