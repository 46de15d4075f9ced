import type { Pence } from '@shared/domain/money';
import type { IsoDate } from '@shared/domain/tax-year';
import type { BalanceRelation } from './balance-column';

/**
 * Which way round a statement's amounts are. A bank account writes money out with a minus; most
 * card statements write spending as a plus and the payments and refunds as minus. Read the bank
 * way, a card's £107.14 of spending becomes £107.14 of income, so when the file looks like a card
 * statement Ledgerlink asks, showing rows both ways, rather than guessing. The same question,
 * with columns, settles which of two unnamed money columns is money out.
 */

export interface ExampleRow {
  line: number;
  date: IsoDate;
  description: string;
  amountPence: Pence;
}

export interface DirectionQuestion {
  /**
   * `card-sign`: the first answer reads a plus as money in (as written), the second as money
   * out (a card statement). `in-out-columns`: the first answer has `columns[0]` as money out and
   * `columns[1]` as money in, the second the other way round.
   */
  kind: 'card-sign' | 'in-out-columns';
  /** Why Ledgerlink asks, in plain words. */
  reasons: string[];
  /** Rows read the first answer's way; the second answer reads each with the opposite sign. */
  examples: ExampleRow[];
  columns: [number, number] | null;
}

const CARD_WORDS =
  /credit ?card|card ?statement|card ?member|cardmember|card no|card number|\bamex\b|american express|barclaycard|mastercard|partnership card|store ?card|charge card/i;
const PAYMENT_WORDS =
  /\b(payment|thank you|refund|credit|returned|reversal|cashback|received|direct debit)\b/i;

/** Share of the non-zero amounts that are positive at which a file reads like a card's. */
const MOSTLY_POSITIVE = 0.6;

/** One row each way when there are both, else the first two. */
function examplesOf(rows: readonly ExampleRow[]): ExampleRow[] {
  const plus = rows.find((r) => r.amountPence > 0);
  const minus = rows.find((r) => r.amountPence < 0);
  if (plus && minus) return plus.line < minus.line ? [plus, minus] : [minus, plus];
  return rows.filter((r) => r.amountPence !== 0).slice(0, 2);
}

/**
 * `rows`: the first rows read as written (a plus is money in). `balance`: how a balance column
 * runs with those amounts, if the file has one. Null when the file does not look like a card's.
 */
export function cardSignQuestion(input: {
  rows: readonly ExampleRow[];
  fileName: string;
  headerNames: readonly string[];
  balance: BalanceRelation | null;
}): DirectionQuestion | null {
  const nonZero = input.rows.filter((r) => r.amountPence !== 0);
  if (nonZero.length === 0) return null;
  const negatives = nonZero.filter((r) => r.amountPence < 0);
  const positives = nonZero.length - negatives.length;
  const share = positives / nonZero.length;
  const namedCard = CARD_WORDS.test([input.fileName, ...input.headerNames].join(' '));
  const ask =
    share >= MOSTLY_POSITIVE ||
    (namedCard && share >= 0.5) ||
    (input.balance === 'subtracts' && positives > 0);
  if (!ask) return null;

  const reasons: string[] = [];
  reasons.push(
    negatives.length === 0
      ? `Every amount in the first ${nonZero.length === 1 ? 'row' : `${nonZero.length} rows`} is positive.`
      : `${positives} of the first ${nonZero.length} amounts are positive.`,
  );
  const payment = negatives.find((r) => PAYMENT_WORDS.test(r.description));
  if (payment && negatives.every((r) => PAYMENT_WORDS.test(r.description))) {
    reasons.push(
      `The negative ${negatives.length === 1 ? 'one looks' : 'ones look'} like a payment or refund (“${payment.description.slice(0, 60)}”).`,
    );
  }
  if (namedCard) reasons.push('The file’s name or its columns say it is a card statement.');
  if (input.balance === 'adds' && share >= 0.5) {
    reasons.push(
      'The balance goes up with the positive amounts, as the balance owed on a card does.',
    );
  }
  if (input.balance === 'subtracts') {
    reasons.push(
      'The balance goes down when an amount is positive, so a plus looks like money out.',
    );
  }
  return { kind: 'card-sign', reasons, examples: examplesOf(input.rows), columns: null };
}

/** `rows` read with `columns[0]` as money out; `reason`: why the file does not settle it. */
export function inOutQuestion(
  rows: readonly ExampleRow[],
  columns: [number, number],
  reason: string,
): DirectionQuestion {
  return { kind: 'in-out-columns', reasons: [reason], examples: examplesOf(rows), columns };
}
