import { parseMoney, type DecimalStyle } from '@shared/domain/money';
import { withoutCurrency } from './currency';

/**
 * Whether a column's values look like money a person spent and received. When a file has no
 * header, or headers in another language, the column guess can land on an account number
 * (£1,000,594,757.00), an IBAN or a row number; such a column reads as numbers without a
 * single unreadable row, so the figures would be saved wrong without a word. Real statement
 * amounts are written with pence, spread over a range, and no value sits many orders of
 * magnitude above the rest; a column counting 1, 2, 3… is a row number.
 */

export interface AmountCell {
  line: number;
  text: string;
}

export type ImplausibleReason = 'row-number' | 'account-number' | 'outlier';

export interface SuspectCell extends AmountCell {
  reason: ImplausibleReason;
}

export interface Plausibility {
  /** False when some values cannot be amounts of money (see `suspects`). */
  plausible: boolean;
  /** 0 looks like money … 1 does not; for choosing between columns. */
  badness: number;
  suspects: SuspectCell[];
}

/** Sort code and account number, IBAN, or a long run of digits with no pence. */
const IBAN = /^[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?$/;
const SORT_CODE_ACCOUNT = /^'?\d{2}-\d{2}-\d{2}[\s-]*\d{6,10}$/;
const DIGITS_ONLY = /^'?\d{7,}$/;
const PENCE_WRITTEN = /[.,]\d{2}(?!\d)/;

const OUTLIER_FACTOR = 1000;
/** An amount this size can be real (a property sale); only far above the rest is it suspect. */
const OUTLIER_FLOOR_PENCE = 1_000_000;

function magnitude(text: string, decimal: DecimalStyle): number | null {
  const parsed = parseMoney(withoutCurrency(text), { decimal });
  return parsed.ok ? Math.abs(parsed.pence) : null;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Whole numbers that go up (or down) by one from row to row: row or sequence numbers. */
function isCountingRun(cells: readonly AmountCell[]): boolean {
  if (cells.length < 4) return false;
  const numbers = cells.map((c) => (/^\d{1,9}$/.test(c.text.trim()) ? Number(c.text) : NaN));
  if (numbers.some(Number.isNaN)) return false;
  let up = 0;
  let down = 0;
  for (let i = 1; i < numbers.length; i++) {
    if (numbers[i]! > numbers[i - 1]!) up++;
    if (numbers[i]! < numbers[i - 1]!) down++;
  }
  const steps = numbers.length - 1;
  return up === steps || down === steps;
}

/**
 * Tests one column's (or a money-out/money-in pair's) non-empty cells. Rows are reported in the
 * order given; `decimal` is how the mapping reads the amounts.
 */
export function checkPlausibility(
  cells: readonly AmountCell[],
  decimal: DecimalStyle,
): Plausibility {
  const filled = cells.filter((c) => c.text.trim() !== '');
  if (filled.length === 0) return { plausible: true, badness: 0, suspects: [] };
  const suspects: SuspectCell[] = [];

  if (isCountingRun(filled)) {
    return {
      plausible: false,
      badness: 1,
      suspects: filled.map((c) => ({ ...c, reason: 'row-number' })),
    };
  }

  const identifiers = filled.filter((c) => {
    const t = c.text.trim();
    return IBAN.test(t.toUpperCase()) || SORT_CODE_ACCOUNT.test(t) || DIGITS_ONLY.test(t);
  });
  for (const c of identifiers) suspects.push({ ...c, reason: 'account-number' });

  const sizes = filled
    .filter((c) => !identifiers.includes(c))
    .map((c) => ({ cell: c, pence: magnitude(c.text, decimal) }))
    .filter((s): s is { cell: AmountCell; pence: number } => s.pence !== null && s.pence > 0);
  if (sizes.length >= 3) {
    const typical = median(sizes.map((s) => s.pence));
    for (const { cell, pence } of sizes) {
      if (pence >= OUTLIER_FLOOR_PENCE && pence >= typical * OUTLIER_FACTOR) {
        suspects.push({ ...cell, reason: 'outlier' });
      }
    }
  }

  // Soft signs that count only when choosing between columns: few values written with pence,
  // and the same value on every row.
  const withPence = filled.filter((c) => PENCE_WRITTEN.test(c.text)).length / filled.length;
  const distinct = new Set(filled.map((c) => c.text.trim())).size;
  const soft = (withPence < 0.5 ? 0.2 : 0) + (filled.length >= 4 && distinct === 1 ? 0.3 : 0);
  suspects.sort((a, b) => a.line - b.line);
  return {
    plausible: suspects.length === 0,
    badness: Math.min(1, suspects.length / filled.length + soft),
    suspects,
  };
}

export const SUSPECT_REASONS: Record<ImplausibleReason, string> = {
  'row-number': 'counts up row by row, like a row or sequence number',
  'account-number': 'looks like an account or reference number, not an amount',
  outlier: 'is over a thousand times the typical amount in this column',
};
