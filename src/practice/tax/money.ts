/**
 * Money inside Practice HMRC is integer pence, so sums never drift. HMRC's JSON carries pounds as
 * numbers with at most 2 decimal places [reference §3.3]; conversion happens only at the edge.
 */
export type Pence = number;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Converts a JSON number to pence, or returns undefined if it has more than 2 decimal places.
 * `String(n)` gives the shortest text that reads back as the same double, which is exactly
 * what the sender wrote for any amount HMRC accepts (at most 13 significant digits).
 */
export function poundsToPence(value: number): Pence | undefined {
  if (!Number.isFinite(value)) return undefined;
  // Exponent notation only appears for amounts HMRC refuses anyway (below 1e-6 or from 1e21).
  const m = DECIMAL.exec(String(value));
  if (!m) return undefined;
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return undefined;
  const pence = Number(m[2]) * 100 + Number(fraction.padEnd(2, '0'));
  return m[1] === '-' ? -pence : pence;
}

/** Pence back to a JSON number of pounds (exact: integer pence / 100 rounds to the 2-dp value). */
export function penceToPounds(pence: Pence): number {
  return Number((pence / 100).toFixed(2));
}

/** Whole pounds, rounded down, as HMRC does for taxable income figures. */
export function wholePoundsDown(pence: Pence): number {
  return Math.floor(pence / 100);
}
