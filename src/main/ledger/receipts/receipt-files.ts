import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ledgerError } from '../ledger-error';
import { storedReceiptPathOf } from './receipt-paths';
import { sniffReceiptType, SNIFF_BYTES, type ReceiptType } from './receipt-sniff';

export { sniffReceiptType, type ReceiptType } from './receipt-sniff';

export interface StoredReceiptFile {
  sha256: string;
  sizeBytes: number;
  type: ReceiptType;
  /** Relative to the receipts folder, with forward slashes: `ab/ab12….pdf`. */
  storedPath: string;
}

export const MAX_RECEIPT_BYTES = 25 * 1024 * 1024;

/** Where a receipt's bytes come from: the chosen file (a test stands in for a file that grows). */
export interface ReceiptSource {
  size(path: string): Promise<number>;
  read(path: string): AsyncIterable<Uint8Array>;
}

export const nodeReceiptSource: ReceiptSource = {
  size: async (path) => (await stat(path)).size,
  read: (path) => createReadStream(path) as AsyncIterable<Buffer>,
};

const tooLarge = () =>
  ledgerError(
    'RECEIPT_TOO_LARGE',
    'That file is larger than 25 MB.',
    'Attach a smaller scan or photo.',
  );

/**
 * Copies a receipt into the profile's receipts folder under its SHA-256, so an identical file is
 * stored once. The copy is written to a temporary name, flushed to disk, then renamed: a crash
 * leaves either no file or the whole file, never half of one. The 25 MB cap is checked before
 * the copy (a quick answer) and again on every chunk copied, because the file can grow while it
 * is read: a copy that passes the cap is stopped there and its partial file removed.
 */
export async function storeReceiptFile(
  receiptsDir: string,
  sourcePath: string,
  source: ReceiptSource = nodeReceiptSource,
): Promise<StoredReceiptFile> {
  let size: number;
  try {
    size = await source.size(sourcePath);
  } catch (cause) {
    throw ledgerError(
      'NOT_FOUND',
      'That file could not be opened.',
      'Check the file still exists and try again.',
      { cause },
    );
  }
  if (size > MAX_RECEIPT_BYTES) throw tooLarge();
  await mkdir(receiptsDir, { recursive: true });
  const temp = join(receiptsDir, `.incoming-${randomUUID()}`);
  const hash = createHash('sha256');
  const head: Uint8Array[] = [];
  let copied = 0;
  const out = await open(temp, 'wx');
  let type: ReceiptType | null;
  try {
    try {
      for await (const chunk of source.read(sourcePath)) {
        if (copied < SNIFF_BYTES) head.push(chunk.subarray(0, SNIFF_BYTES - copied));
        copied += chunk.length;
        if (copied > MAX_RECEIPT_BYTES) throw tooLarge();
        hash.update(chunk);
        await out.write(chunk);
      }
      await out.sync();
    } finally {
      await out.close();
    }
    type = sniffReceiptType(Buffer.concat(head));
    if (!type) {
      throw ledgerError(
        'RECEIPT_UNSUPPORTED_TYPE',
        'That file is not a photo or a PDF.',
        'Attach a PDF, JPEG, PNG, GIF, WebP or HEIC file.',
      );
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  const sha256 = hash.digest('hex');
  const storedPath = storedReceiptPathOf(sha256, type.extension);
  const finalPath = join(receiptsDir, sha256.slice(0, 2), `${sha256}.${type.extension}`);
  await mkdir(join(receiptsDir, sha256.slice(0, 2)), { recursive: true });
  const exists = await stat(finalPath).then(
    () => true,
    () => false,
  );
  if (exists) await rm(temp, { force: true });
  else await rename(temp, finalPath);
  return { sha256, sizeBytes: copied, type, storedPath };
}
