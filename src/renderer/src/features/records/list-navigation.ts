/**
 * Where the active row of the records list moves for a key, or null when the key is not a
 * navigation key. Arrow keys move one row, Page keys one screenful, Home/End to the ends.
 */
export function nextActiveIndex(
  key: string,
  current: number,
  count: number,
  pageSize: number,
): number | null {
  if (count === 0) return null;
  const clamp = (i: number) => Math.min(Math.max(i, 0), count - 1);
  const from = current < 0 ? -1 : current;
  switch (key) {
    case 'ArrowDown':
      return clamp(from + 1);
    case 'ArrowUp':
      return clamp(from < 0 ? 0 : from - 1);
    case 'PageDown':
      return clamp(from + Math.max(1, pageSize));
    case 'PageUp':
      return clamp(from - Math.max(1, pageSize));
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** The pages (of `pageSize` rows) a visible range of rows needs. */
export function pagesFor(firstRow: number, lastRow: number, pageSize: number): number[] {
  if (lastRow < firstRow || lastRow < 0) return [];
  const first = Math.floor(Math.max(firstRow, 0) / pageSize);
  const last = Math.floor(lastRow / pageSize);
  const pages: number[] = [];
  for (let p = first; p <= last; p++) pages.push(p);
  return pages;
}
