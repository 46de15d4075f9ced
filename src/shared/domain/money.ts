/**
 * Money inside Ledgerlink is an integer number of pence (design.md "Rules of the house").
 * Floats never hold money: user and bank strings are parsed digit by digit, and HMRC's decimal
 * pounds appear only at the API edge (penceToHmrcAmount / hmrcAmountToPence).
 */

/** An integer number of pence; + is money in, − is money out. */
export type Pence = number;

/**
 * The largest magnitude HMRC accepts in any cumulative-summary money field:
 * 99,999,999,999.99 (reference §3.5; [SE]/[PB] request schemas).
 */
export const MAX_HMRC_AMOUNT_PENCE = 9_999_999_999_999;

export function isPence(value: unknown): value is Pence {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

export function assertPence(value: number, what = 'amount'): asserts value is Pence {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a whole number of pence, got ${String(value)}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Arithmetic: every result is checked to stay a safe integer, so a sum can never silently round.

export function addPence(a: Pence, b: Pence): Pence {
  assertPence(a);
  assertPence(b);
  const sum = a + b;
  if (!Number.isSafeInteger(sum))
    throw new RangeError('Sum of amounts is too large to hold exactly');
  return sum;
}

export function subtractPence(a: Pence, b: Pence): Pence {
  return addPence(a, -b);
}

export function sumPence(values: Iterable<Pence>): Pence {
  let total = 0;
  for (const value of values) total = addPence(total, value);
  return total;
}

/** Basis points: 10,000 = 100 %. Used for disallowable shares ("40 % private use"). */
export const BASIS_POINTS_WHOLE = 10_000;

/**
 * `pence × basisPoints / 10,000`, rounded half away from zero, computed exactly (BigInt when the
 * product would leave the safe-integer range).
 */
export function applyBasisPoints(pence: Pence, basisPoints: number): Pence {
  assertPence(pence);
  if (!Number.isInteger(basisPoints) || basisPoints < 0 || basisPoints > BASIS_POINTS_WHOLE) {
    throw new RangeError('Basis points must be a whole number from 0 to 10,000');
  }
  const product = pence * basisPoints;
  if (Number.isSafeInteger(product)) return roundedDivide(product, BASIS_POINTS_WHOLE);
  const big = BigInt(pence) * BigInt(basisPoints);
  const divisor = BigInt(BASIS_POINTS_WHOLE);
  const magnitude = big < 0n ? -big : big;
  const rounded = (magnitude * 2n + divisor) / (divisor * 2n);
  return Number(big < 0n ? -rounded : rounded);
}

function roundedDivide(numerator: number, divisor: number): number {
  const magnitude = Math.abs(numerator);
  const quotient = Math.floor(magnitude / divisor);
  const remainder = magnitude - quotient * divisor;
  const rounded = remainder * 2 >= divisor ? quotient + 1 : quotient;
  return numerator < 0 ? -rounded : rounded;
}

// ---------------------------------------------------------------------------------------------
// Parsing user and bank text.

/** How a number writes its decimal point: `dot` = 1,234.56 (UK), `comma` = 1.234,56. */
export type DecimalStyle = 'dot' | 'comma';

export interface ParseMoneyOptions {
  /**
   * `dot` (default, UK), `comma`, or `auto`: decide from the text itself and refuse when the text
   * could mean two different amounts (e.g. `1.234`).
   */
  decimal?: DecimalStyle | 'auto';
}

export type MoneyParseFailure =
  | 'empty'
  | 'not-a-number'
  | 'foreign-currency'
  | 'too-many-decimals'
  | 'ambiguous-separator'
  | 'bad-grouping'
  | 'conflicting-signs'
  | 'out-of-range';

export type MoneyParseResult =
  { ok: true; pence: Pence } | { ok: false; reason: MoneyParseFailure; message: string };

const FAILURE_MESSAGES: Record<MoneyParseFailure, string> = {
  empty: 'There is no amount.',
  'not-a-number': 'This is not an amount of money.',
  'foreign-currency': 'This amount is not in pounds sterling.',
  'too-many-decimals': 'An amount can have at most two decimal places (pence).',
  'ambiguous-separator':
    'It is not clear whether the separator is a decimal point or a thousands separator.',
  'bad-grouping': 'The thousands separators are in the wrong places.',
  'conflicting-signs': 'The amount is marked both as money in and as money out.',
  'out-of-range': 'The amount is too large.',
};

const fail = (reason: MoneyParseFailure): MoneyParseResult => ({
  ok: false,
  reason,
  message: FAILURE_MESSAGES[reason],
});

/**
 * The common bank shapes ("-12.50", "1234.5", "12", "1,234.56") read character by character with
 * no regular expression or substring: the importer calls this for every row of a large file.
 * Returns null when the text is anything else, for the general path to handle.
 */
function parsePlainDecimal(text: string): MoneyParseResult | null {
  const length = text.length;
  let i = 0;
  let negative = false;
  if (text.charCodeAt(0) === 45 /* - */) {
    negative = true;
    i = 1;
  }
  let pounds = 0;
  let digits = 0;
  let sinceComma = -1;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      pounds = pounds * 10 + (c - 48);
      digits++;
      if (sinceComma >= 0) sinceComma++;
    } else if (
      c === 44 /* , */ &&
      digits > 0 &&
      (sinceComma === -1 ? digits <= 3 : sinceComma === 3)
    ) {
      sinceComma = 0;
    } else break;
  }
  if (digits === 0 || digits > 11 || (sinceComma !== -1 && sinceComma !== 3)) return null;
  let pence = 0;
  if (i < length) {
    if (text.charCodeAt(i) !== 46 /* . */ || length - i - 1 < 1 || length - i - 1 > 2) return null;
    for (let j = i + 1; j < length; j++) {
      const c = text.charCodeAt(j);
      if (c < 48 || c > 57) return null;
      pence = pence * 10 + (c - 48);
    }
    if (length - i - 1 === 1) pence *= 10;
  }
  const magnitude = pounds * 100 + pence;
  if (magnitude > MAX_HMRC_AMOUNT_PENCE) return null;
  return { ok: true, pence: negative && magnitude !== 0 ? -magnitude : magnitude };
}

/**
 * Parses `£1,234.56`, `-12.5`, `(12.00)`, `−£3`, `12.00 DR`, `1.234,56` (comma style), `GBP 5`.
 * Negative markers: a leading − or -, a trailing -, parentheses, or a trailing DR; CR marks
 * money in. Amounts larger than HMRC accepts (§3.5) are refused.
 */
export function parseMoney(input: string, options: ParseMoneyOptions = {}): MoneyParseResult {
  const style = options.decimal ?? 'dot';
  let text = input.trim();
  if (text === '') return fail('empty');

  if (style !== 'comma') {
    const simple = parsePlainDecimal(text);
    if (simple) return simple;
  }

  let negative = false;
  let positiveMarker = false;
  const markNegative = (): boolean => {
    if (negative || positiveMarker) return false;
    negative = true;
    return true;
  };

  // Trailing CR / DR (credit / debit), as some UK statements print them.
  const suffix = /\s*(CR|DR)\.?$/i.exec(text);
  if (suffix) {
    if (suffix[1]!.toUpperCase() === 'DR') negative = true;
    else positiveMarker = true;
    text = text.slice(0, suffix.index).trim();
  }

  if (text.startsWith('(') && text.endsWith(')')) {
    if (!markNegative()) return fail('conflicting-signs');
    text = text.slice(1, -1).trim();
  }

  // Signs and currency markers may come in either order: "-£12", "£-12", "GBP -12", "12 GBP".
  for (let guard = 0; guard < 4; guard++) {
    const before = text;
    if (/^[-\u2212\u2013]/.test(text)) {
      if (!markNegative()) return fail('conflicting-signs');
      text = text.slice(1).trim();
    } else if (text.startsWith('+')) {
      if (negative) return fail('conflicting-signs');
      positiveMarker = true;
      text = text.slice(1).trim();
    }
    if (text.startsWith('£')) text = text.slice(1).trim();
    else if (/^GBP\b/i.test(text)) text = text.slice(3).trim();
    if (/[-\u2212]$/.test(text)) {
      if (!markNegative()) return fail('conflicting-signs');
      text = text.slice(0, -1).trim();
    }
    if (/\bGBP$/i.test(text)) text = text.slice(0, -3).trim();
    else if (text.endsWith('£')) text = text.slice(0, -1).trim();
    if (text === before) break;
  }

  if (/[$€¥]|\b(USD|EUR)\b/i.test(text)) return fail('foreign-currency');
  if (text === '') return fail('empty');
  if (!/^[0-9][0-9., \u00a0\u202f]*$|^[.,][0-9]+$/.test(text)) return fail('not-a-number');

  const core = text.replace(/[\u00a0\u202f]/g, ' ');
  const decided = decideSeparators(core, style);
  if ('failure' in decided) return fail(decided.failure);
  return splitAndBuild(core, decided.decimal, decided.group, negative);
}

type Separators = { decimal: '.' | ','; group: ',' | '.' };

function decideSeparators(
  core: string,
  style: DecimalStyle | 'auto',
): Separators | { failure: MoneyParseFailure } {
  if (style === 'dot') return { decimal: '.', group: ',' };
  if (style === 'comma') return { decimal: ',', group: '.' };
  const dots = countOf(core, '.');
  const commas = countOf(core, ',');
  if (dots > 0 && commas > 0) {
    return core.lastIndexOf('.') > core.lastIndexOf(',')
      ? { decimal: '.', group: ',' }
      : { decimal: ',', group: '.' };
  }
  if (dots > 1) return { decimal: ',', group: '.' };
  if (commas > 1) return { decimal: '.', group: ',' };
  if (dots === 1) {
    // "1.234" is 1.234 in the UK and 1234 on the continent: refuse rather than guess.
    return digitsAfter(core, '.') === 3
      ? { failure: 'ambiguous-separator' }
      : { decimal: '.', group: ',' };
  }
  if (commas === 1) {
    // "12,50" cannot be UK thousands grouping; "1,234" is read the UK way (a pence amount never
    // has three decimals, so the continental reading is impossible).
    return digitsAfter(core, ',') === 3
      ? { decimal: '.', group: ',' }
      : { decimal: ',', group: '.' };
  }
  return { decimal: '.', group: ',' };
}

function countOf(text: string, ch: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === ch) n++;
  return n;
}

function digitsAfter(text: string, ch: string): number {
  return text.length - text.lastIndexOf(ch) - 1;
}

function splitAndBuild(
  core: string,
  decimal: '.' | ',',
  group: ',' | '.',
  negative: boolean,
): MoneyParseResult {
  const point = core.lastIndexOf(decimal);
  if (point !== core.indexOf(decimal)) return fail('bad-grouping');
  const whole = (point === -1 ? core : core.slice(0, point)).trim();
  let fraction = point === -1 ? '' : core.slice(point + 1).trim();
  if (!/^[0-9]*$/.test(fraction)) return fail('not-a-number');
  if (fraction.length > 2) {
    if (!/^0+$/.test(fraction.slice(2))) return fail('too-many-decimals');
    fraction = fraction.slice(0, 2);
  }

  let digits: string;
  if (whole.includes(group) || whole.includes(' ')) {
    const groups = whole.split(new RegExp(`[${group === '.' ? '.' : ','} ]`));
    const [first, ...rest] = groups;
    if (!first || !/^[0-9]{1,3}$/.test(first) || rest.some((g) => !/^[0-9]{3}$/.test(g))) {
      return fail('bad-grouping');
    }
    digits = groups.join('');
  } else {
    digits = whole;
  }
  if (!/^[0-9]*$/.test(digits)) return fail('not-a-number');
  if (digits === '' && fraction === '') return fail('not-a-number');
  return buildPence(negative, digits === '' ? '0' : digits, fraction);
}

function buildPence(
  negative: boolean,
  wholeDigits: string,
  fractionDigits: string,
): MoneyParseResult {
  const trimmed = wholeDigits.replace(/^0+(?=\d)/, '');
  if (trimmed.length > 11) return fail('out-of-range');
  const pounds = Number(trimmed);
  const pence = fractionDigits === '' ? 0 : Number(fractionDigits.padEnd(2, '0'));
  const magnitude = pounds * 100 + pence;
  if (magnitude > MAX_HMRC_AMOUNT_PENCE) return fail('out-of-range');
  return { ok: true, pence: negative && magnitude !== 0 ? -magnitude : magnitude };
}

// ---------------------------------------------------------------------------------------------
// Formatting.

/** U+2212, the typographic minus GOV.UK uses for negative amounts. */
export const MINUS_SIGN = '\u2212';

export interface FormatPenceOptions {
  /** Prefix with £ (default true). */
  symbol?: boolean;
  /** Show a + for money in (default false). */
  plusSign?: boolean;
}

/** `£1,234.56`, `−£12.00`. */
export function formatPence(pence: Pence, options: FormatPenceOptions = {}): string {
  assertPence(pence);
  const { symbol = true, plusSign = false } = options;
  const magnitude = Math.abs(pence);
  const pounds = Math.floor(magnitude / 100);
  const rest = String(magnitude % 100).padStart(2, '0');
  const grouped = String(pounds).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = pence < 0 ? MINUS_SIGN : plusSign && pence > 0 ? '+' : '';
  return `${sign}${symbol ? '£' : ''}${grouped}.${rest}`;
}

/** A plain machine-readable decimal: `-1234.56`, `0.05`. Used for CSV export and form inputs. */
export function penceToDecimalString(pence: Pence): string {
  assertPence(pence);
  const magnitude = Math.abs(pence);
  const text = `${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
  return pence < 0 ? `-${text}` : text;
}

// ---------------------------------------------------------------------------------------------
// The HMRC edge (reference §3.3: "money: number, 2 dp").

/**
 * Pence → the number HMRC's JSON expects. An integer divided by 100 is the double nearest the
 * two-decimal amount, and JSON.stringify prints the shortest text that round-trips, which for
 * amounts within HMRC's range (≤ 13 significant digits) is exactly that decimal: 123456 →
 * 1234.56, 1050 → 10.5 (= 10.50).
 */
export function penceToHmrcAmount(pence: Pence): number {
  assertPence(pence);
  if (Math.abs(pence) > MAX_HMRC_AMOUNT_PENCE) {
    throw new RangeError('Amount is outside the range HMRC accepts (±99,999,999,999.99)');
  }
  return pence / 100;
}

/**
 * HMRC's decimal number → pence. Works on the number's shortest decimal text (what the JSON
 * said), so 0.1 + 0.2-style binary noise cannot move a penny; more than two decimals are
 * rounded half away from zero (1.005 → 101).
 */
export function hmrcAmountToPence(amount: number): Pence {
  if (!Number.isFinite(amount)) throw new RangeError('Amount from HMRC is not a finite number');
  const text = String(Math.abs(amount));
  const exponent = text.indexOf('e');
  if (exponent !== -1) {
    // Exponent form only appears below 1e-6 (far under half a penny) or at 1e21 and above.
    if (text[exponent + 1] === '+') throw new RangeError('Amount from HMRC is too large');
    return 0;
  }
  const point = text.indexOf('.');
  const whole = point === -1 ? text : text.slice(0, point);
  const fraction = point === -1 ? '' : text.slice(point + 1);
  if (whole.length > 13) throw new RangeError('Amount from HMRC is too large');
  let pence = Number(whole) * 100 + Number((fraction + '00').slice(0, 2));
  if (fraction.length > 2 && fraction.charCodeAt(2) >= 53 /* '5' */) pence += 1;
  return amount < 0 && pence !== 0 ? -pence : pence;
}
