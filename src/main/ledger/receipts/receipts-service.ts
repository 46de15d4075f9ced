import { basename } from 'node:path';
import type { LedgerContext } from '../ledger-context';
import { ledgerError, notFound } from '../ledger-error';
import { storeReceiptFile } from './receipt-files';
import { receiptFilePath, resolveReceiptFile } from './receipt-paths';

export interface Receipt {
  id: number;
  sha256: string;
  originalName: string;
  mime: string;
  sizeBytes: number;
  createdAt: string;
  /**
   * Absolute path of the stored copy; null when the row's stored path is not the form the
   * ledger writes (a changed file). Open a receipt only through `openablePath`.
   */
  path: string | null;
}

export interface ReceiptsService {
  /** Copies the file into the profile, de-duplicated by content, and links it to the transaction. */
  attach(
    transactionId: number,
    sourcePath: string,
    options?: { originalName?: string },
  ): Promise<Receipt>;
  /** Unlinks; the stored file stays (another transaction, the archive or the log may refer to it). */
  detach(transactionId: number, receiptId: number): void;
  listFor(transactionId: number): Receipt[];
  get(receiptId: number): Receipt;
  /**
   * The real path of the stored copy, checked to be a receipt file inside this profile's
   * receipts folder (receipt-paths.ts); RECEIPT_UNAVAILABLE for anything else.
   */
  openablePath(receiptId: number): Promise<string>;
  transactionsFor(receiptId: number): number[];
}

interface ReceiptRow {
  id: number;
  sha256: string;
  stored_path: string;
  original_name: string;
  mime: string;
  size_bytes: number;
  created_at: string;
}

export function createReceiptsService(ctx: LedgerContext): ReceiptsService {
  const { db } = ctx;
  const toReceipt = (r: ReceiptRow): Receipt => ({
    id: r.id,
    sha256: r.sha256,
    originalName: r.original_name,
    mime: r.mime,
    sizeBytes: r.size_bytes,
    createdAt: r.created_at,
    path: receiptFilePath(ctx.receiptsDir, r.stored_path, r.sha256),
  });
  const liveTransaction = (id: number) => {
    const row = db.prepare('SELECT id, deleted_at FROM transactions WHERE id = ?').get(id) as
      { id: number; deleted_at: string | null } | undefined;
    if (!row) throw notFound('transaction', id);
    if (row.deleted_at) {
      throw ledgerError(
        'TRANSACTION_DELETED',
        'That transaction has been deleted.',
        'Restore it first to attach a receipt.',
      );
    }
  };

  const service: ReceiptsService = {
    async attach(transactionId, sourcePath, options = {}) {
      ctx.gate.assertOpen();
      liveTransaction(transactionId);
      const stored = await storeReceiptFile(ctx.receiptsDir, sourcePath);
      return ctx.write(() => {
        liveTransaction(transactionId);
        let row = db.prepare('SELECT * FROM receipts WHERE sha256 = ?').get(stored.sha256) as
          ReceiptRow | undefined;
        if (!row) {
          const { lastInsertRowid } = db
            .prepare(
              `INSERT INTO receipts (sha256, stored_path, original_name, mime, size_bytes, created_at)
               VALUES (?, ?, ?, ?, ?, ?)`,
            )
            .run(
              stored.sha256,
              stored.storedPath,
              options.originalName ?? basename(sourcePath),
              stored.type.mime,
              stored.sizeBytes,
              ctx.now(),
            );
          row = db
            .prepare('SELECT * FROM receipts WHERE id = ?')
            .get(lastInsertRowid) as ReceiptRow;
          ctx.log.record('receipt', row.id, 'create', null, toReceipt(row));
        }
        const linked = db
          .prepare(
            'INSERT OR IGNORE INTO receipt_links (transaction_id, receipt_id, linked_at) VALUES (?, ?, ?)',
          )
          .run(transactionId, row.id, ctx.now());
        if (linked.changes > 0) {
          db.prepare('UPDATE transactions SET updated_at = ? WHERE id = ?').run(
            ctx.now(),
            transactionId,
          );
          ctx.log.record('transaction', transactionId, 'attach-receipt', null, {
            receiptId: row.id,
            sha256: row.sha256,
          });
        }
        return toReceipt(row);
      });
    },

    detach(transactionId, receiptId) {
      ctx.write(() => {
        const removed = db
          .prepare('DELETE FROM receipt_links WHERE transaction_id = ? AND receipt_id = ?')
          .run(transactionId, receiptId);
        if (removed.changes === 0) throw notFound('receipt link', `${transactionId}/${receiptId}`);
        db.prepare('UPDATE transactions SET updated_at = ? WHERE id = ?').run(
          ctx.now(),
          transactionId,
        );
        ctx.log.record('transaction', transactionId, 'detach-receipt', { receiptId }, null);
      });
    },

    listFor(transactionId) {
      return (
        db
          .prepare(
            `SELECT r.* FROM receipts r JOIN receipt_links l ON l.receipt_id = r.id
             WHERE l.transaction_id = ? ORDER BY l.linked_at, r.id`,
          )
          .all(transactionId) as ReceiptRow[]
      ).map(toReceipt);
    },

    get(receiptId) {
      const row = db.prepare('SELECT * FROM receipts WHERE id = ?').get(receiptId) as
        ReceiptRow | undefined;
      if (!row) throw notFound('receipt', receiptId);
      return toReceipt(row);
    },

    async openablePath(receiptId) {
      const row = db.prepare('SELECT * FROM receipts WHERE id = ?').get(receiptId) as
        ReceiptRow | undefined;
      if (!row) throw notFound('receipt', receiptId);
      return resolveReceiptFile(ctx.receiptsDir, row.stored_path, row.sha256);
    },

    transactionsFor(receiptId) {
      return (
        db
          .prepare(
            'SELECT transaction_id AS id FROM receipt_links WHERE receipt_id = ? ORDER BY transaction_id',
          )
          .all(receiptId) as {
          id: number;
        }[]
      ).map((r) => r.id);
    },
  };
  return service;
}
