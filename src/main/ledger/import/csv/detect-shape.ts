import Papa from 'papaparse';
import { parseMoney, type DecimalStyle } from '@shared/domain/money';
import { DATE_ORDERS, guessDateOrder, parseBankDate, type DateOrderGuess } from './bank-dates';
import {
  CSV_DELIMITERS,
  type AmountColumns,
  type CsvDelimiter,
  type CsvMapping,
} from './csv-mapping';

/** Reading a bank file's shape from its first records: separator, header, and which column is which. */

export interface DetectedShape {
  delimiter: CsvDelimiter;
  /** Non-blank records of the sample, cells as read. */
  records: string[][];
  /** Index of the last record before the data (header or preamble); null when data starts at once. */
  headerRowIndex: number | null;
  /** Column names from the header row, or "Column 1", "Column 2" … */
  columnNames: string[];
  hasHeaderNames: boolean;
  columnCount: number;
  mapping: CsvMapping | null;
  dateOrder: DateOrderGuess | null;
  warnings: string[];
}

const isDateLike = (text: string) => {
  const t = text.trim();
  return t !== '' && DATE_ORDERS.some((order) => parseBankDate(t, order) !== null);
};
const isMoneyLike = (text: string) => {
  const t = text.trim();
  return t !== '' && /\d/.test(t) && (parseMoney(t).ok || parseMoney(t, { decimal: 'comma' }).ok);
};

function parseSample(text: string, delimiter: CsvDelimiter, complete: boolean): string[][] {
  const rows = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false }).data;
  // The sample may end mid-record; drop the last record unless the sample is the whole file.
  if (!complete && rows.length > 1) rows.pop();
  return rows.filter((cells) => cells.some((c) => c.trim() !== ''));
}

function modalWidth(records: string[][]): { width: number; count: number } {
  const counts = new Map<number, number>();
  for (const r of records) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let best = { width: 0, count: 0 };
  for (const [width, count] of counts) {
    if (count > best.count || (count === best.count && width > best.width)) best = { width, count };
  }
  return best;
}

export function detectDelimiter(
  sample: string,
  complete: boolean,
): { delimiter: CsvDelimiter; records: string[][] } {
  let best: { delimiter: CsvDelimiter; records: string[][]; score: number } | null = null;
  for (const delimiter of CSV_DELIMITERS) {
    const records = parseSample(sample, delimiter, complete).slice(0, 200);
    const { width, count } = modalWidth(records);
    // Consistent multi-column rows win; commas win ties (the UK default).
    const score = width > 1 ? count * 1000 + width : 0;
    if (!best || score > best.score) best = { delimiter, records, score };
  }
  return best!.score > 0
    ? { delimiter: best!.delimiter, records: best!.records }
    : { delimiter: ',', records: best!.records };
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z£]+/g, ' ')
    .trim();
const KEYWORDS = {
  date: /^(date|transaction date|posting date|posted|posted date|booking date|completed date|value date|txn date|trans date)$|\bdate\b/,
  balance: /\bbalance\b/,
  debit: /\b(paid out|money out|debit|debits|withdrawal|withdrawals|out|spent|payments?)\b/,
  credit: /\b(paid in|money in|credit|credits|deposit|deposits|in|received|receipts?)\b/,
  amount: /\b(amount|value|sum|gbp|£)\b/,
  description: /\b(description|details|narrative|memo|particulars)\b/,
  descriptionWeak: /\b(reference|transaction|payee|name)\b/,
  notDescription: /\b(type|code|date|id|number|no|category)\b/,
  counterparty: /\b(payee|counterparty|merchant|name|beneficiary|paid to|recipient|from to)\b/,
};

interface ColumnFacts {
  index: number;
  name: string;
  dateShare: number;
  moneyShare: number;
  filledShare: number;
  averageLength: number;
}

function columnFacts(names: string[], data: string[][], width: number): ColumnFacts[] {
  return Array.from({ length: width }, (_, index) => {
    const values = data.map((r) => r[index] ?? '');
    const filled = values.filter((v) => v.trim() !== '');
    const share = (test: (v: string) => boolean) =>
      filled.length === 0 ? 0 : filled.filter(test).length / filled.length;
    return {
      index,
      name: norm(names[index] ?? ''),
      dateShare: share(isDateLike),
      moneyShare: share(isMoneyLike),
      filledShare: data.length === 0 ? 0 : filled.length / data.length,
      averageLength:
        filled.length === 0 ? 0 : filled.reduce((n, v) => n + v.length, 0) / filled.length,
    };
  });
}

export function detectDecimalStyle(samples: readonly string[]): DecimalStyle {
  let comma = 0;
  let dot = 0;
  for (const s of samples) {
    const t = s.trim();
    if (/,\d{1,2}(\s*(CR|DR))?\)?$/i.test(t) && !/\.\d{1,2}\)?$/.test(t)) comma++;
    else if (/\.\d{1,2}(\s*(CR|DR))?\)?$/i.test(t)) dot++;
  }
  return comma > dot ? 'comma' : 'dot';
}

export function detectShape(sample: string, complete: boolean): DetectedShape {
  const { delimiter, records } = detectDelimiter(sample, complete);
  const { width } = modalWidth(records);
  const warnings: string[] = [];

  // Data starts at the first full-width record with a date and an amount in it.
  const firstData = records.findIndex(
    (r) =>
      r.length >= width && r.some(isDateLike) && r.some((c) => isMoneyLike(c) && !isDateLike(c)),
  );
  const headerRowIndex = firstData > 0 ? firstData - 1 : null;
  const headerCandidate = headerRowIndex === null ? null : records[headerRowIndex]!;
  const hasHeaderNames =
    headerCandidate !== null &&
    !headerCandidate.some(isDateLike) &&
    headerCandidate.filter((c) => c.trim() !== '' && !isMoneyLike(c)).length >=
      Math.ceil(width / 2);
  const columnNames = Array.from({ length: width }, (_, i) =>
    hasHeaderNames && headerCandidate[i]?.trim() ? headerCandidate[i].trim() : `Column ${i + 1}`,
  );
  const data =
    firstData === -1
      ? []
      : records.slice(firstData, firstData + 50).filter((r) => r.length >= width);

  const base = {
    delimiter,
    records,
    headerRowIndex,
    columnNames,
    hasHeaderNames,
    columnCount: width,
  };
  if (data.length === 0 || width < 2) {
    warnings.push(
      'No rows with both a date and an amount were found in the first part of the file.',
    );
    return { ...base, mapping: null, dateOrder: null, warnings };
  }

  const facts = columnFacts(hasHeaderNames ? columnNames : [], data, width);
  const named = (re: RegExp, test: (f: ColumnFacts) => boolean) =>
    facts.find((f) => re.test(f.name) && test(f));
  const notBalance = (f: ColumnFacts) => !KEYWORDS.balance.test(f.name);

  // A column named for its role needs most values to fit (a file may have a few bad rows);
  // an unnamed one needs nearly all.
  const dateColumn =
    named(KEYWORDS.date, (f) => f.dateShare >= 0.5) ??
    [...facts].sort((a, b) => b.dateShare - a.dateShare)[0]!;
  const moneyish = (f: ColumnFacts, share = 0.8) =>
    f.index !== dateColumn.index && notBalance(f) && f.moneyShare >= share;

  let amount: AmountColumns | null = null;
  const debit = named(KEYWORDS.debit, (f) => moneyish(f, 0.5) || f.filledShare < 1);
  const credit = named(
    KEYWORDS.credit,
    (f) => (moneyish(f, 0.5) || f.filledShare < 1) && f.index !== debit?.index,
  );
  if (debit && credit && debit.moneyShare + credit.moneyShare > 0) {
    amount = { kind: 'debit-credit', debitColumn: debit.index, creditColumn: credit.index };
  } else {
    const single =
      named(KEYWORDS.amount, (f) => moneyish(f, 0.5)) ??
      facts.find((f) => moneyish(f) && f.filledShare >= 0.9) ??
      facts.find((f) => moneyish(f));
    if (single) amount = { kind: 'single', column: single.index, invert: false };
  }
  if (!amount) {
    warnings.push('No amount column was recognised; choose it yourself.');
    return { ...base, mapping: null, dateOrder: null, warnings };
  }
  const amountColumns =
    amount.kind === 'single' ? [amount.column] : [amount.debitColumn, amount.creditColumn];
  const textColumns = facts.filter(
    (f) =>
      f.index !== dateColumn.index &&
      !amountColumns.includes(f.index) &&
      notBalance(f) &&
      f.moneyShare < 0.5,
  );
  // Best: a column named like a description; then a weaker name; then the longest text column.
  // Names like "Transaction type" or "Reference number" are never the description.
  const rank = (f: ColumnFacts) =>
    KEYWORDS.notDescription.test(f.name)
      ? 0
      : KEYWORDS.description.test(f.name)
        ? 2
        : KEYWORDS.descriptionWeak.test(f.name)
          ? 1
          : 0;
  const description = [...textColumns].sort(
    (a, b) => rank(b) - rank(a) || b.averageLength - a.averageLength,
  )[0];
  if (!description) {
    warnings.push('No description column was recognised; choose it yourself.');
    return { ...base, mapping: null, dateOrder: null, warnings };
  }
  const counterparty = named(
    KEYWORDS.counterparty,
    (f) => textColumns.includes(f) && f.index !== description.index,
  );

  const dateOrder = guessDateOrder(data.map((r) => r[dateColumn.index] ?? ''));
  if (dateOrder.ambiguous) {
    warnings.push('The dates could be day/month or month/day; check the preview and confirm.');
  }
  const amountSamples = data.flatMap((r) => amountColumns.map((c) => r[c] ?? ''));
  if (
    amount.kind === 'single' &&
    data.every((r) => !/^\s*[-(−]|-\s*$|DR\s*$/i.test(r[amount.column] ?? ''))
  ) {
    warnings.push(
      'Every amount is positive. If this is a card statement, spending may need to count as money out.',
    );
  }
  return {
    ...base,
    mapping: {
      delimiter,
      headerRowIndex,
      dateColumn: dateColumn.index,
      dateOrder: dateOrder.order,
      descriptionColumns: [description.index],
      counterpartyColumn: counterparty?.index ?? null,
      amount,
      decimal: detectDecimalStyle(amountSamples),
    },
    dateOrder,
    warnings,
  };
}
