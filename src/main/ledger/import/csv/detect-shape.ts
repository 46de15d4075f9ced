import Papa from 'papaparse';
import { chooseAmount } from './amount-choice';
import { guessDateOrder, type DateOrderGuess } from './bank-dates';
import { columnFacts, detectDecimalStyle, isDateLike, isMoneyLike, KEYWORDS } from './column-facts';
import { currencyInHeader, findCurrencyColumn, POUNDS } from './currency';
import {
  amountColumnsOf,
  CSV_DELIMITERS,
  type CsvDelimiter,
  type CsvMapping,
  type CurrencySource,
} from './csv-mapping';
import { chooseDescription } from './description-choice';
import { findDirectionColumn } from './direction-markers';
import { diagnoseNoRows } from './statement-diagnosis';

/** Reading a bank file's shape from its first records: separator, header, and which column is which. */

export { detectDecimalStyle, isDateLike, isMoneyLike, normaliseHeader } from './column-facts';

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
  /**
   * Columns that could hold single amounts, most plausible first (balances and columns with the
   * same value on every row left out): what to offer when the chosen amounts look wrong.
   */
  amountCandidates: number[];
  /** Columns whose values read as money, balances included. */
  moneyColumns: number[];
}

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

export function detectShape(
  sample: string,
  complete: boolean,
  fileName = 'This file',
): DetectedShape {
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
    amountCandidates: [],
    moneyColumns: [],
  };
  if (data.length === 0 || width < 2) {
    // Throws when the file holds no amounts at all: it is not a statement.
    warnings.push(diagnoseNoRows(fileName, records, isMoneyLike));
    return { ...base, mapping: null, dateOrder: null, warnings };
  }

  const facts = columnFacts(hasHeaderNames ? columnNames : [], data, width);
  // A column named for its role needs most values to fit (a file may have a few bad rows);
  // an unnamed one needs nearly all.
  const dateColumn =
    facts.find((f) => KEYWORDS.date.test(f.name) && f.dateShare >= 0.5) ??
    [...facts].sort((a, b) => b.dateShare - a.dateShare)[0]!;

  const chosen = chooseAmount(facts, data, dateColumn.index);
  const shapeFacts = { amountCandidates: chosen.candidates, moneyColumns: chosen.money };
  let amount = chosen.amount;
  if (!amount) {
    warnings.push('No amount column was recognised; choose it yourself.');
    return { ...base, ...shapeFacts, mapping: null, dateOrder: null, warnings };
  }
  const moneySet = new Set(chosen.money);
  if (amount.kind === 'single') {
    const amountColumn = amount.column;
    const direction = findDirectionColumn(
      facts
        .filter(
          (f) => f.index !== dateColumn.index && f.index !== amountColumn && !moneySet.has(f.index),
        )
        .map((f) => ({ index: f.index, values: f.values })),
      data.map((r) => r[amountColumn] ?? ''),
    );
    if (direction) {
      amount = {
        kind: 'direction',
        column: amountColumn,
        directionColumn: direction.column,
        blank: direction.blank,
      };
    }
  }
  const amountColumns = amountColumnsOf(amount);
  const used = new Set([dateColumn.index, ...amountColumns]);

  const currencyColumn = findCurrencyColumn(
    facts.map((f) => f.name),
    facts.map((f) => f.values),
    used,
  );
  const stated = amountColumns
    .map((c) => currencyInHeader(hasHeaderNames ? columnNames[c]! : ''))
    .find((code) => code !== null);
  const currency: CurrencySource | null =
    currencyColumn !== null
      ? { kind: 'column', column: currencyColumn }
      : stated && stated !== POUNDS
        ? { kind: 'stated', code: stated }
        : null;
  if (currencyColumn !== null) used.add(currencyColumn);

  const choice = chooseDescription(
    facts
      .filter(
        (f) =>
          !used.has(f.index) &&
          !KEYWORDS.balance.test(f.name) &&
          f.moneyShare < 0.5 &&
          f.dateShare < 0.5,
      )
      .map((f) => ({
        index: f.index,
        name: f.name,
        averageLength: f.averageLength,
        sameEveryRow: f.sameEveryRow,
      })),
  );
  if (!choice) {
    warnings.push('No description column was recognised; choose it yourself.');
    return { ...base, ...shapeFacts, mapping: null, dateOrder: null, warnings };
  }

  const dateOrder = guessDateOrder(data.map((r) => r[dateColumn.index] ?? ''));
  if (dateOrder.ambiguous) {
    warnings.push('The dates could be day/month or month/day; check the preview and confirm.');
  }
  const moneyColumnsRead = amount.kind === 'direction' ? [amount.column] : amountColumns;
  const amountSamples = data.flatMap((r) => moneyColumnsRead.map((c) => r[c] ?? ''));
  return {
    ...base,
    ...shapeFacts,
    mapping: {
      delimiter,
      headerRowIndex,
      dateColumn: dateColumn.index,
      dateOrder: dateOrder.order,
      descriptionColumns: choice.descriptionColumns,
      counterpartyColumn: choice.counterpartyColumn,
      amount,
      decimal: detectDecimalStyle(amountSamples),
      currency,
    },
    dateOrder,
    warnings,
  };
}
