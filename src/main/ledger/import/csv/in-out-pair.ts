import type { DecimalStyle, Pence } from '@shared/domain/money';
import { findBalanceColumn, readBalance } from './balance-column';

/**
 * Separate money-out and money-in columns in a file without (readable) headers. Each is mostly
 * empty — a row fills one or the other — so either alone looks like a sparse amount column, and
 * choosing one would leave most rows "without an amount". Which of the two is money out cannot
 * be read from names; a running balance settles it, otherwise the person is asked.
 */

export interface SparseColumn {
  index: number;
  /** Share of data rows with a value. */
  filledShare: number;
  /** Share of the filled values that read as money. */
  moneyShare: number;
}

/** Two columns that between them fill (nearly) every row, (nearly) never both on one row. */
export function findInOutPair(
  columns: readonly SparseColumn[],
  rows: readonly (readonly string[])[],
): [number, number] | null {
  const sparse = columns.filter((c) => c.moneyShare >= 0.8 && c.filledShare < 0.95);
  let best: { pair: [number, number]; score: number } | null = null;
  for (let i = 0; i < sparse.length; i++) {
    for (let j = i + 1; j < sparse.length; j++) {
      const a = sparse[i]!.index;
      const b = sparse[j]!.index;
      let one = 0;
      let both = 0;
      for (const cells of rows) {
        const hasA = (cells[a] ?? '').trim() !== '';
        const hasB = (cells[b] ?? '').trim() !== '';
        if (hasA && hasB) both++;
        else if (hasA || hasB) one++;
      }
      if (one < rows.length * 0.9 || both > rows.length * 0.05) continue;
      // Side by side is how every bank lays them out; it wins a tie.
      const score = one - both + (b - a === 1 ? 0.5 : 0);
      if (!best || score > best.score) best = { pair: [a, b], score };
    }
  }
  return best?.pair ?? null;
}

/**
 * Which of a pair is money out, as a running balance in one of `balanceCandidates` shows it:
 * [out, in], or null when no balance says.
 */
export function inOutOrderFromBalance(
  rows: readonly (readonly string[])[],
  pair: readonly [number, number],
  balanceCandidates: readonly number[],
  decimal: DecimalStyle,
): [number, number] | null {
  const [first, second] = pair;
  // Read as "first is money out": amount = second − first.
  const amounts: (Pence | null)[] = rows.map((cells) => {
    const out = readBalance(cells[first], decimal);
    const inn = readBalance(cells[second], decimal);
    if (out === null && inn === null) return null;
    return Math.abs(inn ?? 0) - Math.abs(out ?? 0);
  });
  const found = findBalanceColumn(
    rows,
    amounts,
    balanceCandidates.filter((c) => c !== first && c !== second),
    decimal,
  );
  if (!found) return null;
  return found.fit.relation === 'adds' ? [first, second] : [second, first];
}
