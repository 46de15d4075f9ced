import type { Pence } from '@shared/domain/money';

/**
 * Reconciling a statement as it is read: when a bank prints the balance after every row, each
 * row must move it by exactly the row's amount. Where it does not, a row is missing between
 * the two (the gap is its amount) or a row is listed twice (the balance did not move for it).
 * The check streams: it keeps a few numbers per way of reading the file, never the rows.
 *
 * A file may list oldest first or newest first, and a card statement's balance (what is owed)
 * moves against the amounts; all four readings are followed and the one the balance fits best
 * is reported, so nobody has to say which it is.
 */

export interface BalanceRow {
  line: number;
  /** Money in positive, money out negative (as the import reads it). */
  amountPence: Pence;
  /** The printed balance after this row; null when the row has none. */
  balancePence: Pence | null;
}

export interface BalanceBreak {
  /** The two neighbouring lines between which the balance does not follow. */
  afterLine: number;
  line: number;
  /**
   * `missing-row`: the balance moved by more (or less) than the rows explain, by
   * `gapPence` — the amount of a row that is not in the file (money in positive).
   * `duplicated-row`: the balance did not move for `duplicateLine`: listed twice, or the bank
   * did not count it.
   */
  kind: 'missing-row' | 'duplicated-row';
  gapPence: Pence;
  duplicateLine: number | null;
}

export interface BalanceCheckResult {
  order: 'oldest-first' | 'newest-first';
  /** Neighbouring rows compared. */
  pairsChecked: number;
  /** Breaks found (the count is complete; the list stops at `limit`). */
  breakCount: number;
  breaks: BalanceBreak[];
}

/** A reading is believed only when most neighbouring rows fit it. */
const MIN_FIT_SHARE = 0.8;
const MIN_PAIRS = 2;

interface Reading {
  order: 'oldest-first' | 'newest-first';
  /** +1: the balance rises with money in (a bank account); −1: it falls (a card's balance owed). */
  sign: 1 | -1;
  pairs: number;
  fits: number;
  breakCount: number;
  breaks: BalanceBreak[];
}

export class RunningBalanceCheck {
  private readonly readings: Reading[] = (['oldest-first', 'newest-first'] as const).flatMap(
    (order) =>
      ([1, -1] as const).map((sign) => ({
        order,
        sign,
        pairs: 0,
        fits: 0,
        breakCount: 0,
        breaks: [],
      })),
  );
  private previous: BalanceRow | null = null;

  constructor(private readonly limit = 20) {}

  add(row: BalanceRow): void {
    const before = this.previous;
    this.previous = row.balancePence === null ? null : row;
    if (before === null || before.balancePence === null || row.balancePence === null) return;
    for (const r of this.readings) {
      // Oldest first, this row moves the balance from the one above; newest first, the row
      // above moved it from this one.
      const expected =
        r.order === 'oldest-first'
          ? before.balancePence + r.sign * row.amountPence
          : before.balancePence - r.sign * before.amountPence;
      const gap = row.balancePence - expected;
      r.pairs++;
      if (gap === 0) {
        r.fits++;
        continue;
      }
      r.breakCount++;
      if (r.breaks.length >= this.limit) continue;
      // The amount of the row that would close the gap, money in positive.
      const missing = r.order === 'oldest-first' ? r.sign * gap : -r.sign * gap;
      // The row whose amount the balance did not take.
      const unmoved = r.order === 'oldest-first' ? row : before;
      const duplicated = missing === -unmoved.amountPence;
      r.breaks.push({
        afterLine: before.line,
        line: row.line,
        kind: duplicated ? 'duplicated-row' : 'missing-row',
        gapPence: missing,
        duplicateLine: duplicated ? unmoved.line : null,
      });
    }
  }

  /** The reading the balance fits, or null when the column does not run as a balance. */
  result(): BalanceCheckResult | null {
    let best: Reading | null = null;
    for (const r of this.readings) {
      if (r.pairs < MIN_PAIRS || r.fits / r.pairs < MIN_FIT_SHARE) continue;
      if (!best || r.fits > best.fits) best = r;
    }
    if (!best) return null;
    return {
      order: best.order,
      pairsChecked: best.pairs,
      breakCount: best.breakCount,
      breaks: best.breaks,
    };
  }
}

/** The whole check over rows already in memory (the streaming class does the work). */
export function checkRunningBalance(
  rows: readonly BalanceRow[],
  limit?: number,
): BalanceCheckResult | null {
  const check = new RunningBalanceCheck(limit);
  for (const row of rows) check.add(row);
  return check.result();
}
