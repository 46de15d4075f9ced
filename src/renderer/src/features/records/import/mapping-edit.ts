import type { CsvMappingInput, ImportPreviewView } from '@shared/ipc/channels/records';

export const DATE_ORDER_LABELS: Record<CsvMappingInput['dateOrder'], string> = {
  dmy: 'Day/month/year (31/01/2026)',
  mdy: 'Month/day/year (01/31/2026)',
  ymd: 'Year-month-day (2026-01-31)',
};

/** A starting point when nothing was detected: date, description, amount in the first columns. */
export function defaultMapping(
  preview: Pick<ImportPreviewView, 'columnCount' | 'hasHeaderNames'>,
): CsvMappingInput {
  const last = Math.max(preview.columnCount - 1, 0);
  return {
    delimiter: ',',
    headerRowIndex: preview.hasHeaderNames ? 0 : null,
    dateColumn: 0,
    dateOrder: 'dmy',
    descriptionColumns: [Math.min(1, last)],
    counterpartyColumn: null,
    amount: { kind: 'single', column: Math.min(2, last), invert: false },
    decimal: 'dot',
  };
}

type AmountKind = CsvMappingInput['amount']['kind'];
type Question = NonNullable<ImportPreviewView['question']>;
type AmountCheck = NonNullable<ImportPreviewView['amountCheck']>;

/** The column the amount is read from first (the money-out column for a pair). */
const firstAmountColumn = (amount: CsvMappingInput['amount']): number =>
  amount.kind === 'debit-credit' ? amount.debitColumn : amount.column;

/**
 * Switches between one signed amount column, separate paid-out/paid-in columns, and an amount
 * with its direction in another column, keeping the column already chosen as the first of the
 * new choice.
 */
export function withAmountKind(mapping: CsvMappingInput, kind: AmountKind): CsvMappingInput {
  if (mapping.amount.kind === kind) return mapping;
  const column = firstAmountColumn(mapping.amount);
  if (kind === 'single') return { ...mapping, amount: { kind: 'single', column, invert: false } };
  if (kind === 'direction') {
    return {
      ...mapping,
      amount: { kind: 'direction', column, directionColumn: column + 1, blank: null },
    };
  }
  return {
    ...mapping,
    amount: { kind: 'debit-credit', debitColumn: column, creditColumn: column + 1 },
  };
}

/** Identifies a question, so an answer given stays given while the preview is re-read. */
export function questionKey(question: Question, mapping: CsvMappingInput): string {
  return question.kind === 'card-sign'
    ? `card-sign:${firstAmountColumn(mapping.amount)}`
    : `in-out-columns:${(question.columns ?? []).join(',')}`;
}

export type QuestionAnswer = 'first' | 'second';

/** The answer the mapping now holds (only meaningful once the person has answered). */
export function currentAnswer(question: Question, mapping: CsvMappingInput): QuestionAnswer {
  if (question.kind === 'card-sign') {
    return mapping.amount.kind === 'single' && mapping.amount.invert ? 'second' : 'first';
  }
  return mapping.amount.kind === 'debit-credit' &&
    mapping.amount.debitColumn === question.columns?.[1]
    ? 'second'
    : 'first';
}

/** The mapping with the person's answer: the card's sign, or which column is money out. */
export function withAnswer(
  mapping: CsvMappingInput,
  question: Question,
  answer: QuestionAnswer,
): CsvMappingInput {
  if (question.kind === 'card-sign') {
    return mapping.amount.kind === 'single'
      ? { ...mapping, amount: { ...mapping.amount, invert: answer === 'second' } }
      : mapping;
  }
  const [first, second] = question.columns ?? [0, 1];
  return {
    ...mapping,
    amount: {
      kind: 'debit-credit',
      debitColumn: answer === 'first' ? first : second,
      creditColumn: answer === 'first' ? second : first,
    },
  };
}

/** Identifies an amount warning, so "these amounts are right" holds only for what was shown. */
export const amountCheckKey = (check: AmountCheck): string =>
  `${check.columns.join(',')}:${check.rows.map((r) => r.line).join(',')}`;
