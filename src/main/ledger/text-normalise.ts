/**
 * One normal form for comparing bank text: Unicode NFKC, lower case, every run of punctuation or
 * spaces reduced to one space. "CARD PAYMENT TO TESCO-STORES  1234" and "card payment to tesco
 * stores 1234" compare equal. Used by duplicate hashing, rules and nothing that is shown.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
const ASCII_SEPARATORS = /[^a-z0-9]+/g;

export function normaliseText(text: string): string {
  if (PRINTABLE_ASCII.test(text)) {
    return text.toLowerCase().replace(ASCII_SEPARATORS, ' ').trim();
  }
  return text.normalize('NFKC').toLowerCase().replace(SEPARATORS, ' ').trim();
}
