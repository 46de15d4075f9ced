import { normaliseText } from '../text-normalise';

/**
 * Rule patterns use `*` (any run of characters) and `?` (one character), never a user regex, so
 * no pattern can trigger catastrophic backtracking: matching is the classic two-pointer
 * algorithm, O(text × pattern) in the worst case.
 */
export interface WildcardPattern {
  readonly source: string;
  /** Normalised the same way as the text it is matched against. */
  readonly normalised: string;
}

export function compileWildcard(pattern: string): WildcardPattern {
  // Normalise the literal pieces but keep the wildcards; a piece's edge spaces are significant
  // ("tesco *" needs a word break after tesco).
  const normalised = pattern
    .split(/([*?])/)
    .map((piece) =>
      piece === '*' || piece === '?' ? piece : normaliseText(`x${piece}x`).slice(1, -1),
    )
    .join('')
    .replace(/\*{2,}/g, '*');
  return { source: pattern, normalised };
}

export function matchesWildcard(pattern: WildcardPattern, normalisedText: string): boolean {
  const p = pattern.normalised;
  const t = normalisedText;
  let pi = 0;
  let ti = 0;
  let star = -1;
  let resume = 0;
  while (ti < t.length) {
    if (pi < p.length && (p[pi] === '?' || p[pi] === t[ti])) {
      pi++;
      ti++;
    } else if (pi < p.length && p[pi] === '*') {
      star = pi++;
      resume = ti;
    } else if (star !== -1) {
      pi = star + 1;
      ti = ++resume;
    } else {
      return false;
    }
  }
  while (pi < p.length && p[pi] === '*') pi++;
  return pi === p.length;
}
