/**
 * How much an archive may unpack to. An archive is data from outside: without limits a small
 * file can expand to fill the disk (a "zip bomb": deflate reaches about 1000 : 1, nested or
 * overlapping entries far more), or hold millions of entries. Each limit is checked while the
 * archive streams, so unpacking stops at the first byte over it, and the archive is refused whole.
 */
export interface ArchiveLimits {
  /** Files in the archive, the manifest included. */
  maxEntries: number;
  /** All files unpacked together. */
  maxTotalBytes: number;
  /** The records database alone. */
  maxDatabaseBytes: number;
  /**
   * Unpacked bytes per archive byte read so far. A real archive stays far below it (receipts are
   * stored, not compressed; a records database deflates about 3–10 : 1); `ratioAllowanceBytes`
   * lets a small, very regular database through.
   */
  maxRatio: number;
  ratioAllowanceBytes: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  // A profile's receipts over many years, plus the database and the manifest.
  maxEntries: 50_000,
  maxTotalBytes: 8 * 1024 ** 3,
  maxDatabaseBytes: 2 * 1024 ** 3,
  maxRatio: 100,
  ratioAllowanceBytes: 16 * 1024 ** 2,
};
