/**
 * The fraud prevention header encodings. Header values are US-ASCII with other characters
 * percent-encoded (RFC 3986 §2.1); key-value structures are `k1=v1&k2=v2` with keys and values
 * encoded and the separators not; lists are `v1,v2` with each value encoded and never empty.
 * [FPH getting-it-right/index.html.md.erb]
 */

/**
 * Characters that may appear unencoded in a key or value: RFC 3986 unreserved characters, plus
 * `!'()*`, which encodeURIComponent leaves alone and HMRC's examples never contradict.
 */
const COMPONENT = /^(?:[A-Za-z0-9\-._~!'()*]|%[0-9A-Fa-f]{2})*$/;

export function isEncodedComponent(value: string): boolean {
  return COMPONENT.test(value);
}

export function decodeComponent(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

export interface KeyValueParse {
  pairs: [key: string, value: string][];
  /** Problems found, in words. */
  problems: string[];
}

/** Parses `k1=v1&k2=v2`, decoding keys and values and noting anything badly encoded. */
export function parseKeyValues(text: string): KeyValueParse {
  const problems: string[] = [];
  const pairs: [string, string][] = [];
  for (const part of text.split('&')) {
    if (part === '') {
      problems.push('has an empty key-value pair');
      continue;
    }
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    if (eq < 0) problems.push(`has "${rawKey}" without "="`);
    if (!isEncodedComponent(rawKey) || !isEncodedComponent(rawValue)) {
      problems.push(`has a key or value that is not percent-encoded ("${part}")`);
    }
    const key = decodeComponent(rawKey);
    const value = decodeComponent(rawValue);
    if (key === undefined || value === undefined) {
      problems.push(`has invalid percent-encoding ("${part}")`);
      continue;
    }
    pairs.push([key, value]);
  }
  return { pairs, problems };
}

export function listItems(text: string): string[] {
  return text.split(',');
}

/** Values HMRC forbids as stand-ins for missing data. [FPH getting-it-right "Missing header data"] */
export function isPlaceholder(value: string): boolean {
  return /^(null|undefined|nil|none|n\/a|unknown)$/i.test(value.trim());
}
