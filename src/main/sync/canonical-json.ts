import { createHash } from 'node:crypto';

/**
 * One serialisation per value, so a hash over it is reproducible on any machine and in any
 * version: object keys sorted by UTF-16 code unit, no whitespace, JSON's own escaping, numbers
 * as JSON.stringify prints them (the shortest text that round-trips). Undefined members are
 * left out, as JSON does. Used for the submission log's hash chain.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new RangeError('Only finite numbers can be serialised');
    }
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`Cannot serialise a ${typeof value}`);
    return text;
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export const sha256Hex = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');
