import { parseMoney, type DecimalStyle, type Pence } from '@shared/domain/money';
import { withoutCurrency } from './currency';

/**
 * A running balance says which way the amounts go: from one row to the next it moves by the
 * row's amount. `adds`: the balance rises by a positive amount (a bank account's money in, or
 * a card's balance owed rising with each purchase); `subtracts`: it falls by a positive amount,
 * so a plus is money out. Statements list oldest first or newest first; both are tried.
 */

export type BalanceRelation = 'adds' | 'subtracts';

export interface BalanceFit {
  relation: BalanceRelation;
  /** Share of the neighbouring rows that fit (0–1). */
  share: number;
}

const MIN_PAIRS = 2;
const MIN_SHARE = 0.8;

export function balanceFit(
  amounts: readonly (Pence | null)[],
  balances: readonly (Pence | null)[],
): BalanceFit | null {
  // Oldest first, a row's amount moves the balance from the row above; newest first, from the
  // row below. Each reading counts the neighbouring rows it can compare.
  const count = { oldest: 0, newest: 0, addsOldest: 0, subOldest: 0, addsNewest: 0, subNewest: 0 };
  for (let i = 1; i < Math.min(amounts.length, balances.length); i++) {
    const before = balances[i - 1];
    const after = balances[i];
    if (before == null || after == null) continue;
    const change = after - before;
    const later = amounts[i];
    if (later != null) {
      count.oldest++;
      if (change === later) count.addsOldest++;
      if (change === -later) count.subOldest++;
    }
    const earlier = amounts[i - 1];
    if (earlier != null) {
      count.newest++;
      if (-change === earlier) count.addsNewest++;
      if (change === earlier) count.subNewest++;
    }
  }
  const share = (hits: number, pairs: number) => (pairs < MIN_PAIRS ? 0 : hits / pairs);
  const adds = Math.max(
    share(count.addsOldest, count.oldest),
    share(count.addsNewest, count.newest),
  );
  const subtracts = Math.max(
    share(count.subOldest, count.oldest),
    share(count.subNewest, count.newest),
  );
  // Equal amounts on neighbouring rows can fit both readings; only a clear winner counts.
  if (adds >= MIN_SHARE && subtracts < MIN_SHARE) return { relation: 'adds', share: adds };
  if (subtracts >= MIN_SHARE && adds < MIN_SHARE) {
    return { relation: 'subtracts', share: subtracts };
  }
  return null;
}

export function readBalance(text: string | undefined, decimal: DecimalStyle): Pence | null {
  if (text === undefined || text.trim() === '') return null;
  const parsed = parseMoney(withoutCurrency(text), { decimal });
  return parsed.ok ? parsed.pence : null;
}

/**
 * Among `candidates`, the first column that runs as a balance of `amounts` (one per row of
 * `rows`, null where unreadable), with how it runs.
 */
export function findBalanceColumn(
  rows: readonly (readonly string[])[],
  amounts: readonly (Pence | null)[],
  candidates: readonly number[],
  decimal: DecimalStyle,
): { column: number; fit: BalanceFit } | null {
  for (const column of candidates) {
    const fit = balanceFit(
      amounts,
      rows.map((cells) => readBalance(cells[column], decimal)),
    );
    if (fit) return { column, fit };
  }
  return null;
}
