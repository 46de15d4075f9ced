/**
 * The fraud prevention header encodings [FPH getting-it-right/index.html.md.erb "Send data in
 * the correct format"]: header values are US-ASCII with everything else percent-encoded
 * (RFC 3986 §2.1); key-value structures are `k1=v1&k2=v2` with keys and values encoded and the
 * separators not; lists are `v1,v2` with each value encoded and never empty.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Percent-encodes everything except RFC 3986 unreserved characters (ALPHA DIGIT - . _ ~).
 * encodeURIComponent also leaves `!'()*` alone; those are reserved sub-delimiters, so they
 * are encoded too. Lone surrogates (which encodeURIComponent rejects) become U+FFFD first.
 */
export function percentEncode(value: string): string {
  return encodeURIComponent(value.replace(LONE_SURROGATE, '\uFFFD')).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** One key-value pair; an undefined or empty value means "no applicable value". */
export type KeyValue = readonly [key: string, value: string | undefined];

/**
 * `k1=v1&k2=v2`. A key with no applicable value is left out rather than sent with a
 * placeholder ("Whenever a key is applicable but has no applicable value, you can omit the
 * key-value pair" [FPH getting-it-right "Key-value encoding"]).
 */
export function encodeKeyValues(pairs: readonly KeyValue[]): string {
  return pairs
    .filter((p): p is readonly [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)
    .join('&');
}

/** `v1,v2`: each value encoded; empty values dropped ("Values must not be empty"). */
export function encodeList(values: readonly string[]): string {
  return values
    .filter((v) => v !== '')
    .map(percentEncode)
    .join(',');
}

/**
 * A list of key-value structures (Gov-Client-Screens, Gov-Client-Multi-Factor): each item is
 * encoded as a key-value structure and the items joined with unencoded commas.
 */
export function encodeKeyValueList(items: readonly (readonly KeyValue[])[]): string {
  return items
    .map(encodeKeyValues)
    .filter((item) => item !== '')
    .join(',');
}

/** `yyyy-MM-ddThh:mm:ss.sssZ` in UTC, milliseconds always present [FPH local-ips-timestamp]. */
export function utcTimestamp(at: Date): string {
  return at.toISOString();
}

/** `UTC±hh:mm` for an offset in minutes east of UTC [FPH gov-client-timezone]. */
export function utcOffset(minutesEastOfUtc: number): string {
  const sign = minutesEastOfUtc < 0 ? '-' : '+';
  const abs = Math.abs(Math.trunc(minutesEastOfUtc));
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `UTC${sign}${hh}:${mm}`;
}
