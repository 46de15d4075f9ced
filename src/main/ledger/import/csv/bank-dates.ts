import { toIsoDate, type IsoDate, daysInMonth } from '@shared/domain/tax-year';

/**
 * Dates as banks write them. `dmy` = 31/01/2026 (UK), `mdy` = 01/31/2026 (US exports), `ymd` =
 * 2026-01-31. The parts may be separated by / . - \ or spaces, with a closing dot as Hungarian
 * and some other European banks write them (`2019.04.19.`, `2019. 04. 19.`). Month names
 * ("31 Jan 2026", "Jan 31, 2026") read the same under any order. Two-digit years are 2000–2099.
 * A time after the date is ignored.
 */
export type DateOrder = 'dmy' | 'mdy' | 'ymd';
export const DATE_ORDERS: readonly DateOrder[] = ['dmy', 'mdy', 'ymd'];

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

// Each separator may have spaces around it ("2019. 04. 19."), or be spaces alone ("19 04 2019").
const NUMERIC =
  /^(\d{1,4})(?:\s*[/.\\-]\s*|\s+)(\d{1,2})(?:\s*[/.\\-]\s*|\s+)(\d{1,4})\.?(?:(?:\s+|T).*)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const NAMED_DAY_FIRST =
  /^(\d{1,2})(?:st|nd|rd|th)?[\s/.-]+([A-Za-z]{3,9})\.?[\s/.,-]+(\d{2}|\d{4})(?:[ T].*)?$/;
const NAMED_MONTH_FIRST = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[ T].*)?$/;

function build(year: number, month: number, day: number): IsoDate | null {
  if (year < 100) year += 2000;
  if (
    year < 1900 ||
    year > 2199 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  )
    return null;
  return toIsoDate(year, month, day);
}

const digitsAt = (text: string, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
};

const two = (text: string, at: number) =>
  (text.charCodeAt(at) - 48) * 10 + text.charCodeAt(at + 1) - 48;
const validDay = (year: number, month: number, day: number) =>
  year >= 1900 &&
  year <= 2199 &&
  month >= 1 &&
  month <= 12 &&
  day >= 1 &&
  day <= daysInMonth(year, month);

/** 2026-01-31 and 31/01/2026 (or 01/31/2026) without regular expressions: most bank rows. */
function parseTenCharacters(text: string, order: DateOrder): IsoDate | null | undefined {
  const sep = text.charCodeAt(2);
  if (
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(7) === 45 &&
    digitsAt(text, 0, 4) &&
    digitsAt(text, 5, 7) &&
    digitsAt(text, 8, 10)
  ) {
    return validDay(two(text, 0) * 100 + two(text, 2), two(text, 5), two(text, 8)) ? text : null;
  }
  if (
    (sep === 47 || sep === 45 || sep === 46) &&
    text.charCodeAt(5) === sep &&
    digitsAt(text, 0, 2) &&
    digitsAt(text, 3, 5) &&
    digitsAt(text, 6, 10)
  ) {
    if (order === 'ymd') return null;
    const year = two(text, 6) * 100 + two(text, 8);
    const dayFirst = order === 'dmy';
    const day = dayFirst ? two(text, 0) : two(text, 3);
    const month = dayFirst ? two(text, 3) : two(text, 0);
    if (!validDay(year, month, day)) return null;
    return dayFirst
      ? `${text.slice(6, 10)}-${text.slice(3, 5)}-${text.slice(0, 2)}`
      : `${text.slice(6, 10)}-${text.slice(0, 2)}-${text.slice(3, 5)}`;
  }
  return undefined;
}

export function parseBankDate(input: string, order: DateOrder): IsoDate | null {
  const text = input.length === 10 ? input : input.trim();
  if (text.length === 10) {
    const fast = parseTenCharacters(text, order);
    if (fast !== undefined) return fast;
  }
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const a = numeric[1]!;
    const b = Number(numeric[2]);
    const c = numeric[3]!;
    if (a.length === 4) return build(Number(a), b, Number(c)); // 2026-01-31 whatever the order
    if (c.length === 3 || a.length === 3) return null;
    if (order === 'dmy') return build(Number(c), b, Number(a));
    if (order === 'mdy') return build(Number(c), Number(a), b);
    return null;
  }
  const compact = COMPACT.exec(text);
  if (compact) return build(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const dayFirst = NAMED_DAY_FIRST.exec(text);
  if (dayFirst) {
    const month = MONTHS[dayFirst[2]!.toLowerCase()];
    return month ? build(Number(dayFirst[3]), month, Number(dayFirst[1])) : null;
  }
  const monthFirst = NAMED_MONTH_FIRST.exec(text);
  if (monthFirst) {
    const month = MONTHS[monthFirst[1]!.toLowerCase()];
    return month ? build(Number(monthFirst[3]), month, Number(monthFirst[2])) : null;
  }
  return null;
}

export interface DateOrderGuess {
  /** The order to use: the only one that reads every sample, or the UK order when several do. */
  order: DateOrder;
  /** Orders that read every non-empty sample. */
  candidates: DateOrder[];
  /** True when more than one order reads every sample, so the person should confirm. */
  ambiguous: boolean;
  /** Share of non-empty samples the chosen order reads (1 = all). */
  readable: number;
}

/** Decides DD/MM vs MM/DD from the data: a first number over 12 proves day-first, a second proves month-first. */
export function guessDateOrder(samples: readonly string[]): DateOrderGuess {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  const readableShare = (order: DateOrder) =>
    values.length === 0
      ? 0
      : values.filter((v) => parseBankDate(v, order) !== null).length / values.length;
  // Only numeric dates without a leading year depend on the order; ISO and month names do not.
  const orderMatters = values.some((v) => {
    const m = NUMERIC.exec(v);
    return m !== null && m[1]!.length !== 4;
  });
  if (!orderMatters) {
    const order: DateOrder =
      values.length > 0 && values.every((v) => /^\d{4}/.test(v)) ? 'ymd' : 'dmy';
    return { order, candidates: [order], ambiguous: false, readable: readableShare(order) };
  }
  const shares = (['dmy', 'mdy'] as const).map((order) => ({ order, share: readableShare(order) }));
  const candidates = shares.filter((s) => s.share === 1).map((s) => s.order);
  // UK first: when both orders read everything, day-first is chosen but flagged for confirmation.
  const best = candidates[0] ?? [...shares].sort((a, b) => b.share - a.share)[0]!.order;
  return {
    order: best,
    candidates,
    ambiguous: candidates.length > 1,
    readable: readableShare(best),
  };
}
