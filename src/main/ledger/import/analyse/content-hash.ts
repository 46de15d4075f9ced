import type { Pence } from '@shared/domain/money';
import type { IsoDate } from '@shared/domain/tax-year';

/**
 * What makes two bank rows "the same" (duplicate detection): date + amount + normalised
 * description + occurrence, where occurrence counts identical rows (same date, amount and
 * description) earlier in the same file. Re-importing a statement, or an overlapping one, finds
 * every row again, while two genuine £3.20 coffees on one day stay two transactions (occurrence
 * 0 and 1). Counterparty and balance are left out: banks fill them inconsistently between export
 * formats. A match against a deleted transaction also counts: the person removed it on purpose.
 *
 * Format: `YYYYMMDD` + 12 hex digits (a 48-bit hash of amount and description) + `.n` for
 * occurrence n > 0, e.g. `20250501a3f09c11be42` or `20250501a3f09c11be42.1`. The date prefix
 * keeps the index in date order (cheap appends on import) and lets an import skip the lookup for
 * dates the ledger has no rows for. Only rows of the same day can collide: with 48 bits the chance
 * for a day with 1,000 rows is about 1 in 500 million, and a collision would only list a row as a
 * possible duplicate for the person to keep. Not a security hash; nothing depends on it being one.
 */
export function contentHash(
  date: IsoDate,
  amountPence: Pence,
  normalisedDescription: string,
  occurrence: number,
): string {
  return contentHashOfKey(date, contentKey(amountPence, normalisedDescription), occurrence);
}

/** Everything that identifies a row except its date and occurrence. */
export function contentKey(amountPence: Pence, normalisedDescription: string): string {
  return `${amountPence}|${normalisedDescription}`;
}

let lastDate = '';
let lastDay = '';

export function contentHashOfKey(
  date: IsoDate,
  contentKeyText: string,
  occurrence: number,
): string {
  // Rows come in date order, so the YYYYMMDD prefix is nearly always the previous row's.
  if (date !== lastDate) {
    lastDate = date;
    lastDay = date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10);
  }
  const key = hash48(contentKeyText);
  return occurrence === 0 ? lastDay + key : `${lastDay}${key}.${occurrence}`;
}

/** The lowest and highest hash a day can have, for range checks on the content_hash index. */
export function contentHashDayRange(date: IsoDate): [string, string] {
  const day = date.slice(0, 4) + date.slice(5, 7) + date.slice(8, 10);
  return [day, `${day}~`];
}

/** "00" … "ff": two hex digits per byte, looked up rather than formatted. */
const HEX_BYTE: readonly string[] = Array.from({ length: 256 }, (_, i) =>
  i.toString(16).padStart(2, '0'),
);

// Two 32-bit multiply-xorshift lanes (the cyrb53 construction), 24 bits kept from each. Stored
// hashes depend on every detail here: the output must never change (fixed vectors in the tests).
function hash48(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  // Six hex digits for each 24-bit half, as `(hi * 2^24 + lo).toString(16).padStart(12, '0')`
  // would print them: formatting that 48-bit double cost more than the hashing itself, and this
  // runs for every row of an import (twice: check and save).
  const hi = h1 >>> 8;
  const lo = h2 >>> 8;
  return (
    HEX_BYTE[hi >>> 16]! +
    HEX_BYTE[(hi >>> 8) & 255]! +
    HEX_BYTE[hi & 255]! +
    HEX_BYTE[lo >>> 16]! +
    HEX_BYTE[(lo >>> 8) & 255]! +
    HEX_BYTE[lo & 255]!
  );
}

/**
 * Counts identical rows within one file. When the file is in date order (either direction, as
 * bank exports are) only the current date's counters are kept, so memory stays flat; otherwise
 * every counter is kept. `sorted` tells the caller whether a restart in keep-all mode is needed.
 */
export class OccurrenceCounter {
  private readonly keepAll: boolean;
  private counts = new Map<string, number>();
  private currentDate: string | null = null;
  private direction = 0;
  /** False once the dates have gone back on themselves. */
  sorted = true;

  constructor(mode: 'per-date' | 'keep-all') {
    this.keepAll = mode === 'keep-all';
  }

  /** How many identical rows came before this one; the key must include everything but the date. */
  next(date: IsoDate, key: string): number {
    if (date !== this.currentDate) {
      if (this.currentDate !== null) {
        const step = date > this.currentDate ? 1 : -1;
        if (this.direction === 0) this.direction = step;
        else if (step !== this.direction) this.sorted = false;
        if (!this.keepAll) this.counts.clear();
      }
      this.currentDate = date;
    }
    const fullKey = this.keepAll ? `${date}|${key}` : key;
    const n = this.counts.get(fullKey) ?? 0;
    this.counts.set(fullKey, n + 1);
    return n;
  }
}
