import { hash } from 'node:crypto';

/**
 * Identifies "the same bank's export" so its mapping can be remembered: the separator, the number
 * of columns and the header names (lower case, spaces squeezed). Preamble text such as an
 * account number or statement dates is left out, so every month's statement matches.
 */
export function shapeFingerprint(
  delimiter: string,
  columnNames: readonly string[] | null,
  columnCount: number,
): string {
  const header = columnNames
    ? columnNames.map((n) => n.toLowerCase().replace(/\s+/g, ' ').trim()).join('\u0001')
    : '(no header)';
  return hash('sha256', `v1|${JSON.stringify(delimiter)}|${columnCount}|${header}`, 'hex').slice(
    0,
    32,
  );
}
