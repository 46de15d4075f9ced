/**
 * A column that says which way each amount goes: CR/DR, Debit/Credit, D/C, Dr/Cr, or the same in
 * the languages of the banks abroad a UK sole trader meets (Soll/Haben, Débit/Crédit, Af/Bij,
 * Terhelés/Jóváírás…). Some banks leave the amounts unsigned and put the direction only there
 * (John Lewis and other store cards write `"+ £1,100.00",CR`); reading the amount alone would
 * turn every payment into income.
 *
 * For a card and a bank account alike, a debit (DR) is money out of the person's pocket and a
 * credit (CR) money in: spending is a debit on the card account, a payment or refund a credit.
 */

export type Direction = 'in' | 'out';

/** Accents and case away, so "Crédit", "CREDIT" and "credit." are one marker. */
export function markerKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()
    .replace(/[.:]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whole words: a marker is the cell's entire content, never a word inside a longer text. */
const WORDS: Record<string, Direction> = {
  dr: 'out',
  debit: 'out',
  debits: 'out',
  'debit amount': 'out',
  'paid out': 'out',
  'money out': 'out',
  out: 'out',
  outgoing: 'out',
  withdrawal: 'out',
  cr: 'in',
  credit: 'in',
  credits: 'in',
  'credit amount': 'in',
  'paid in': 'in',
  'money in': 'in',
  in: 'in',
  incoming: 'in',
  deposit: 'in',
  // German, Dutch, French, Spanish, Portuguese, Italian
  soll: 'out',
  haben: 'in',
  belastung: 'out',
  gutschrift: 'in',
  lastschrift: 'out',
  af: 'out',
  bij: 'in',
  cargo: 'out',
  abono: 'in',
  debito: 'out',
  credito: 'in',
  addebito: 'out',
  accredito: 'in',
  dare: 'out',
  avere: 'in',
  // Scandinavian, Polish, Hungarian, Czech, Finnish
  debet: 'out',
  kredit: 'in',
  uttag: 'out',
  insattning: 'in',
  obciazenie: 'out',
  uznanie: 'in',
  wyplyw: 'out',
  wplyw: 'in',
  terheles: 'out',
  jovairas: 'in',
  odchozi: 'out',
  prichozi: 'in',
  veloitus: 'out',
  hyvitys: 'in',
};

/**
 * Single letters and signs mean a direction only as a pair within one column (D with C, S with
 * H, T with J): alone, a "C" could be a cheque and an "S" a standing order. No letter belongs
 * to two families, so once a column is chosen its letters read the same whatever else it holds.
 */
const LETTER_FAMILIES: readonly Record<string, Direction>[] = [
  { d: 'out', c: 'in' },
  { s: 'out', h: 'in' },
  { t: 'out', j: 'in' },
  { '-': 'out', '+': 'in' },
  { db: 'out', cr: 'in' },
];
const LETTERS: Record<string, Direction> = Object.fromEntries(
  LETTER_FAMILIES.flatMap((family) => Object.entries(family)),
);

const cache = new Map<string, Direction | null>();

/** The direction a marker cell says, or null when it says none. Runs once per row. */
export function readDirection(text: string): Direction | null {
  let direction = cache.get(text);
  if (direction === undefined) {
    const key = markerKey(text);
    direction = WORDS[key] ?? LETTERS[key] ?? null;
    if (cache.size < 2000) cache.set(text, direction);
  }
  return direction;
}

/** Whether a column's letters (the markers that are not words) all come from one family. */
function lettersAgree(values: readonly string[]): boolean {
  const letters = [...new Set(values.map(markerKey).filter((k) => k !== '' && !(k in WORDS)))];
  return letters.length === 0 || LETTER_FAMILIES.some((f) => letters.every((k) => k in f));
}

export interface DirectionColumn {
  column: number;
  /** What an empty cell means when the bank marks only one side (e.g. only "CR"); null: unknown. */
  blank: Direction | null;
}

/** An amount's own sign, when the text carries one: a minus, brackets, DR; a plus or CR. */
export function explicitSign(text: string): Direction | null {
  const t = text.trim();
  if (/^[-\u2212\u2013(]|-$|\)$|\bDR\.?$/i.test(t)) return 'out';
  if (/^\+|\bCR\.?$/i.test(t)) return 'in';
  return null;
}

/**
 * Finds a direction column among `columns` (each a column's cells, row by row, with the amount
 * texts alongside): nearly every filled cell a marker, filled on most rows, and never saying the
 * opposite of an amount's own sign. Null when no column qualifies.
 */
export function findDirectionColumn(
  columns: readonly { index: number; values: readonly string[] }[],
  amounts: readonly string[],
): DirectionColumn | null {
  for (const { index, values } of columns) {
    const filled = values.filter((v) => v.trim() !== '');
    if (filled.length < 2) continue;
    if (!lettersAgree(filled)) continue;
    const directions = filled.map(readDirection);
    const marked = directions.filter((d) => d !== null);
    if (marked.length < filled.length * 0.9) continue;
    const sides = new Set(marked);
    const blanks = values.length - filled.length;
    // A column marking only one side, with blanks, means the blanks are the other side.
    const blank: Direction | null =
      blanks > 0 && sides.size === 1 ? ([...sides][0] === 'in' ? 'out' : 'in') : null;
    if (blanks > 0 && blank === null) continue;
    if (filled.length < values.length * 0.3) continue;
    let agree = 0;
    let signed = 0;
    values.forEach((value, row) => {
      const sign = explicitSign(amounts[row] ?? '');
      if (sign === null) return;
      signed++;
      const direction = value.trim() === '' ? blank : readDirection(value);
      if (direction === sign) agree++;
    });
    if (signed > 0 && agree < signed * 0.9) continue;
    return { column: index, blank };
  }
  return null;
}
