import type { SqliteDatabase } from '../ledger';
import { GENESIS_HASH } from './submission-log';

/**
 * The hash chains of receipts kept beside the sync log (the declaration's and other income's):
 * each receipt's hash covers its fields and the hash before it, so a receipt changed or removed
 * afterwards shows. Table names are this fixed list, never text from outside.
 */
export type ReceiptTable = 'ye_receipts' | 'oi_receipts';

/** The last receipt's number and hash; the genesis hash for an empty chain. */
export function receiptsHead(
  db: SqliteDatabase,
  table: ReceiptTable,
): { seq: number; hash: string } {
  const row = db.prepare(`SELECT seq, entry_hash FROM ${table} ORDER BY seq DESC LIMIT 1`).get() as
    { seq: number; entry_hash: string } | undefined;
  return { seq: row?.seq ?? 0, hash: row?.entry_hash ?? GENESIS_HASH };
}

/** What is wrong with a chain, in plain words; `intact` rechecks one receipt's own hashes. */
export function chainProblems<R extends { seq: number; prevHash: string; entryHash: string }>(
  receipts: readonly R[],
  intact: (receipt: R) => boolean,
): string[] {
  const problems: string[] = [];
  let prev = GENESIS_HASH;
  for (const r of receipts) {
    if (r.prevHash !== prev)
      problems.push(`Receipt ${r.seq} does not follow on from the one before.`);
    if (!intact(r)) problems.push(`Receipt ${r.seq} was changed after it was recorded.`);
    prev = r.entryHash;
  }
  return problems;
}

/** An outbox row's error columns as the item's error; nothing when the row has none. */
export function storedError(r: {
  error_code: string | null;
  error_message: string | null;
  error_action: string | null;
}): { error?: { code: string; message: string; action: string } } {
  return r.error_code
    ? {
        error: { code: r.error_code, message: r.error_message ?? '', action: r.error_action ?? '' },
      }
    : {};
}
