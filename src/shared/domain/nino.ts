/**
 * National Insurance numbers: HMRC's path format `AA999999A` (reference §3.3) plus the prefix
 * allocation rules, so a typo is caught with a useful message before any call to HMRC.
 */

export type NinoProblem =
  | 'NINO_MISSING'
  | 'NINO_FORMAT'
  | 'NINO_FIRST_LETTER'
  | 'NINO_SECOND_LETTER'
  | 'NINO_PREFIX_NOT_ALLOCATED'
  | 'NINO_SUFFIX';

export type NinoValidation =
  { ok: true; nino: string } | { ok: false; code: NinoProblem; message: string };

const FIRST_LETTER_NOT_USED = 'DFIQUV';
const SECOND_LETTER_NOT_USED = 'DFIOQUV';
const PREFIXES_NOT_ALLOCATED = ['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'];
/**
 * The example every hint shows. HMRC's own documentation uses QQ, a prefix never allocated (Q is
 * not a first letter), so an example in that style would be refused by the very check below; a
 * unit test keeps this one valid.
 */
export const NINO_EXAMPLE = 'AB 12 34 56 C';
const EXAMPLE = NINO_EXAMPLE;

/** Upper case with spaces (and the odd dash people type) removed. */
export function normaliseNino(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export function validateNino(input: string): NinoValidation {
  const nino = normaliseNino(input);
  if (nino === '') {
    return { ok: false, code: 'NINO_MISSING', message: 'Enter a National Insurance number.' };
  }
  if (!/^[A-Z]{2}\d{6}[A-Z]$/.test(nino)) {
    return {
      ok: false,
      code: 'NINO_FORMAT',
      message: `A National Insurance number is 2 letters, 6 numbers, then A, B, C or D, like ${EXAMPLE}.`,
    };
  }
  const first = nino[0]!;
  const second = nino[1]!;
  if (FIRST_LETTER_NOT_USED.includes(first)) {
    return {
      ok: false,
      code: 'NINO_FIRST_LETTER',
      message: `National Insurance numbers never start with ${first}. Check the first letter.`,
    };
  }
  if (SECOND_LETTER_NOT_USED.includes(second)) {
    return {
      ok: false,
      code: 'NINO_SECOND_LETTER',
      message: `The second letter of a National Insurance number is never ${second}. Check the first two letters.`,
    };
  }
  if (PREFIXES_NOT_ALLOCATED.includes(nino.slice(0, 2))) {
    return {
      ok: false,
      code: 'NINO_PREFIX_NOT_ALLOCATED',
      message: `National Insurance numbers never start with ${nino.slice(0, 2)}. Check the first two letters.`,
    };
  }
  if (!'ABCD'.includes(nino[8]!)) {
    return {
      ok: false,
      code: 'NINO_SUFFIX',
      message: 'The last letter of a National Insurance number is A, B, C or D.',
    };
  }
  return { ok: true, nino };
}

export function isValidNino(input: string): boolean {
  return validateNino(input).ok;
}

/** `QQ123456C` → `QQ •• •• 56 C`: enough to recognise a client, not enough to copy. */
export function maskNino(nino: string): string {
  const n = normaliseNino(nino);
  if (n.length !== 9) return '•••••••••';
  return `${n.slice(0, 2)} •• •• ${n.slice(6, 8)} ${n[8]}`;
}

/** `QQ123456C` → `QQ 12 34 56 C`, the way the number is printed on letters. */
export function formatNino(nino: string): string {
  const n = normaliseNino(nino);
  if (n.length !== 9) return n;
  return `${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)} ${n.slice(6, 8)} ${n[8]}`;
}
