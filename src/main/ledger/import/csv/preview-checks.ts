import type { Pence } from '@shared/domain/money';
import { checkPlausibility, SUSPECT_REASONS } from './amount-plausibility';
import { findBalanceColumn, type BalanceRelation } from './balance-column';
import { currencyCell, currencyInText, POUNDS } from './currency';
import {
  amountColumnsOf,
  highestColumn,
  readRow,
  type AmountColumns,
  type CsvMapping,
} from './csv-mapping';
import { KEYWORDS, normaliseHeader } from './column-facts';
import { foreignRowsWarning, foreignStatementWarning } from './foreign-currency';
import type { PreviewRow } from '../import-rows';
import { inOutOrderFromBalance } from './in-out-pair';
import {
  cardSignQuestion,
  inOutQuestion,
  type DirectionQuestion,
  type ExampleRow,
} from './sign-convention';

/**
 * What the mapping step must tell the person before the whole file is checked, worked out from
 * the first rows read with the mapping on screen: the question that settles which way round
 * the amounts are, amounts that do not look like money (with the rows and a better column), and
 * money in another currency.
 */

export interface AmountCheck {
  /** The amount columns checked. */
  columns: number[];
  message: string;
  /** The rows that look wrong, with why (the first few). */
  rows: { line: number; text: string; reason: string }[];
  /** Columns whose values look more like money, to offer instead. */
  better: AmountColumns | null;
}

export interface PreviewChecks {
  question: DirectionQuestion | null;
  amountCheck: AmountCheck | null;
  warnings: string[];
}

export interface PreviewContext {
  fileName: string;
  columnNames: readonly string[];
  hasHeaderNames: boolean;
  /** Columns whose values read as money (balance candidates). */
  moneyColumns: readonly number[];
  /** Single-amount columns, most plausible first. */
  amountCandidates: readonly number[];
  /** A remembered mapping was answered before: no question again. */
  remembered: boolean;
}

const SUSPECTS_SHOWN = 10;

type Row = Pick<PreviewRow, 'line' | 'cells'>;

function examples(rows: readonly Row[], mapping: CsvMapping): ExampleRow[] {
  const max = highestColumn(mapping);
  return rows.flatMap((r) => {
    const v = readRow(r.cells, mapping, max);
    return v.ok
      ? [{ line: r.line, date: v.date, description: v.description, amountPence: v.amountPence }]
      : [];
  });
}

function balanceRelation(
  rows: readonly Row[],
  amounts: readonly (Pence | null)[],
  context: PreviewContext,
  exclude: readonly number[],
  decimal: CsvMapping['decimal'],
): BalanceRelation | null {
  const named = context.hasHeaderNames
    ? context.columnNames.flatMap((n, i) => (KEYWORDS.balance.test(normaliseHeader(n)) ? [i] : []))
    : [];
  const candidates = [...new Set([...named, ...context.moneyColumns])].filter(
    (c) => !exclude.includes(c),
  );
  return (
    findBalanceColumn(
      rows.map((r) => r.cells),
      amounts,
      candidates,
      decimal,
    )?.fit.relation ?? null
  );
}

function directionQuestion(
  rows: readonly Row[],
  mapping: CsvMapping,
  context: PreviewContext,
): DirectionQuestion | null {
  const amount = mapping.amount;
  if (context.remembered) return null;
  if (amount.kind === 'single') {
    const asWritten = examples(rows, { ...mapping, amount: { ...amount, invert: false } });
    const byLine = new Map(asWritten.map((e) => [e.line, e.amountPence]));
    const relation = balanceRelation(
      rows,
      rows.map((r) => byLine.get(r.line) ?? null),
      context,
      [amount.column],
      mapping.decimal,
    );
    return cardSignQuestion({
      rows: asWritten,
      fileName: context.fileName,
      headerNames: context.hasHeaderNames ? context.columnNames : [],
      balance: relation,
    });
  }
  if (amount.kind !== 'debit-credit') return null;
  const name = (c: number) =>
    context.hasHeaderNames ? normaliseHeader(context.columnNames[c] ?? '') : '';
  const namedOut = (c: number) => KEYWORDS.debit.test(name(c)) && !KEYWORDS.credit.test(name(c));
  const namedIn = (c: number) => KEYWORDS.credit.test(name(c)) && !KEYWORDS.debit.test(name(c));
  const pair: [number, number] = [
    Math.min(amount.debitColumn, amount.creditColumn),
    Math.max(amount.debitColumn, amount.creditColumn),
  ];
  const chosen: [number, number] = [amount.debitColumn, amount.creditColumn];
  // The names or a running balance settle it; a choice against them is asked about again.
  const byNames: [number, number] | null =
    namedOut(pair[0]) && namedIn(pair[1])
      ? pair
      : namedOut(pair[1]) && namedIn(pair[0])
        ? [pair[1], pair[0]]
        : null;
  const settled =
    byNames ??
    inOutOrderFromBalance(
      rows.map((r) => r.cells),
      pair,
      context.moneyColumns,
      mapping.decimal,
    );
  if (settled && settled[0] === chosen[0]) return null;
  return inOutQuestion(
    examples(rows, {
      ...mapping,
      amount: { kind: 'debit-credit', debitColumn: pair[0], creditColumn: pair[1] },
    }),
    pair,
    settled === null
      ? 'The file does not name its money columns and has no balance to tell which is money out.'
      : byNames
        ? 'The column names say the other way round from the columns chosen.'
        : 'The running balance moves the other way round from the columns chosen.',
  );
}

function amountCheck(
  rows: readonly Row[],
  mapping: CsvMapping,
  context: PreviewContext,
): AmountCheck | null {
  const columns =
    mapping.amount.kind === 'debit-credit'
      ? [mapping.amount.debitColumn, mapping.amount.creditColumn]
      : [mapping.amount.column];
  const cellsOf = (column: number) =>
    rows.map((r) => ({ line: r.line, text: r.cells[column] ?? '' }));
  const result = checkPlausibility(
    columns.flatMap(cellsOf).sort((a, b) => a.line - b.line),
    mapping.decimal,
  );
  if (result.plausible) return null;
  const used = amountColumnsOf(mapping.amount);
  const better = context.amountCandidates.find(
    (c) => !used.includes(c) && checkPlausibility(cellsOf(c), mapping.decimal).plausible,
  );
  const label = (c: number) =>
    `“${(context.hasHeaderNames && context.columnNames[c]?.trim()) || `Column ${c + 1}`}”`;
  const where = columns.map(label).join(' and ');
  return {
    columns,
    message: `Some values in ${where} do not look like amounts of money, so the figures would be wrong.${
      better === undefined ? '' : ` ${label(better)} looks more like the amounts.`
    }`,
    rows: result.suspects.slice(0, SUSPECTS_SHOWN).map((s) => ({
      line: s.line,
      text: s.text.trim().slice(0, 60),
      reason: SUSPECT_REASONS[s.reason],
    })),
    better: better === undefined ? null : { kind: 'single', column: better, invert: false },
  };
}

/** Money in another currency, said as for an OFX statement in one. */
function currencyWarnings(rows: readonly Row[], mapping: CsvMapping): string[] {
  const currency = mapping.currency;
  if (currency?.kind === 'stated') {
    return currency.code === POUNDS ? [] : [foreignStatementWarning(null, currency.code)];
  }
  const codes =
    currency?.kind === 'column'
      ? rows.map((r) => currencyCell(r.cells[currency.column] ?? ''))
      : rows.map((r) => {
          const texts = amountColumnsOf(mapping.amount).map((c) => r.cells[c] ?? '');
          return texts.map(currencyInText).find((c) => c !== null) ?? '';
        });
  const foreign = codes.filter((c) => c !== '' && c !== POUNDS);
  if (foreign.length === 0) return [];
  const first = foreign[0]!;
  return [
    foreign.length === rows.length && foreign.every((c) => c === first)
      ? foreignStatementWarning(null, first)
      : foreignRowsWarning(first),
  ];
}

export function previewChecks(
  rows: readonly Row[],
  mapping: CsvMapping,
  context: PreviewContext,
): PreviewChecks {
  // Amounts that are not money must be sorted out first: which way round they go means nothing.
  const check = amountCheck(rows, mapping, context);
  return {
    question: check ? null : directionQuestion(rows, mapping, context),
    amountCheck: check,
    warnings: currencyWarnings(rows, mapping),
  };
}
