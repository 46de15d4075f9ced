import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ledgerError } from '../ledger-error';

export interface ReceiptType {
  mime: string;
  extension: string;
}

/** Receipts are photos or PDFs; the type comes from the file's first bytes, not its name. */
export function sniffReceiptType(head: Uint8Array): ReceiptType | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (ascii(0, 5) === '%PDF-') return { mime: 'application/pdf', extension: 'pdf' };
  if (head[0] === 0x89 && ascii(1, 4) === 'PNG') return { mime: 'image/png', extension: 'png' };
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff)
    return { mime: 'image/jpeg', extension: 'jpg' };
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')
    return { mime: 'image/gif', extension: 'gif' };
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP')
    return { mime: 'image/webp', extension: 'webp' };
  if (ascii(4, 8) === 'ftyp' && ['heic', 'heix', 'mif1', 'msf1'].includes(ascii(8, 12))) {
    return { mime: 'image/heic', extension: 'heic' };
  }
  return null;
}

export interface StoredReceiptFile {
  sha256: string;
  sizeBytes: number;
  type: ReceiptType;
  /** Relative to the receipts folder, with forward slashes: `ab/ab12….pdf`. */
  storedPath: string;
}

export const MAX_RECEIPT_BYTES = 25 * 1024 * 1024;

/**
 * Copies a receipt into the profile's receipts folder under its SHA-256, so an identical file is
 * stored once. The copy is written to a temporary name, flushed to disk, then renamed: a crash
 * leaves either no file or the whole file, never half of one.
 */
export async function storeReceiptFile(
  receiptsDir: string,
  sourcePath: string,
): Promise<StoredReceiptFile> {
  let size: number;
  try {
    size = (await stat(sourcePath)).size;
  } catch (cause) {
    throw ledgerError(
      'NOT_FOUND',
      'That file could not be opened.',
      'Check the file still exists and try again.',
      { cause },
    );
  }
  if (size > MAX_RECEIPT_BYTES) {
    throw ledgerError(
      'RECEIPT_TOO_LARGE',
      'That file is larger than 25 MB.',
      'Attach a smaller scan or photo.',
    );
  }
  await mkdir(receiptsDir, { recursive: true });
  const temp = join(receiptsDir, `.incoming-${randomUUID()}`);
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headBytes = 0;
  const out = await open(temp, 'wx');
  try {
    for await (const chunk of createReadStream(sourcePath) as AsyncIterable<Buffer>) {
      if (headBytes < 16) {
        head.push(chunk.subarray(0, 16 - headBytes));
        headBytes += Math.min(chunk.length, 16 - headBytes);
      }
      hash.update(chunk);
      await out.write(chunk);
    }
    await out.sync();
  } finally {
    await out.close();
  }
  const type = sniffReceiptType(Buffer.concat(head));
  if (!type) {
    await rm(temp, { force: true });
    throw ledgerError(
      'RECEIPT_UNSUPPORTED_TYPE',
      'That file is not a photo or a PDF.',
      'Attach a PDF, JPEG, PNG, GIF, WebP or HEIC file.',
    );
  }
  const sha256 = hash.digest('hex');
  const storedPath = `${sha256.slice(0, 2)}/${sha256}.${type.extension}`;
  const finalPath = join(receiptsDir, sha256.slice(0, 2), `${sha256}.${type.extension}`);
  await mkdir(join(receiptsDir, sha256.slice(0, 2)), { recursive: true });
  const exists = await stat(finalPath).then(
    () => true,
    () => false,
  );
  if (exists) await rm(temp, { force: true });
  else await rename(temp, finalPath);
  return { sha256, sizeBytes: size, type, storedPath };
}
