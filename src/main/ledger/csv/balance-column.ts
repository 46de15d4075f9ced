import { parseMoney, type DecimalStyle, type Pence } from '../../../shared/domain/money';
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
  let pairs = 0;
  let addsOldestFirst = 0;
  let subtractsOldestFirst = 0;
  let addsNewestFirst = 0;
  let subtractsNewestFirst = 0;
  for (let i = 1; i < Math.min(amounts.length, balances.length); i++) {
    const before = balances[i - 1];
    const after = balances[i];
    const earlier = amounts[i - 1];
    const later = amounts[i];
    if (before == null || after == null || earlier == null || later == null) continue;
    pairs++;
    const change = after - before;
    if (change === later) addsOldestFirst++;
    if (change === -later) subtractsOldestFirst++;
    if (-change === earlier) addsNewestFirst++;
    if (change === earlier) subtractsNewestFirst++;
  }
  if (pairs < MIN_PAIRS) return null;
  const adds = Math.max(addsOldestFirst, addsNewestFirst) / pairs;
  const subtracts = Math.max(subtractsOldestFirst, subtractsNewestFirst) / pairs;
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
