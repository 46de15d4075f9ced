import { open, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { ledgerError } from '../ledger-error';
import { sniffReceiptType } from './receipt-sniff';

/**
 * Where a receipt's stored copy may be, and nowhere else. The ledger writes every receipt as
 * `<first two hex digits>/<sha256>.<type>` under the profile's receipts folder; a database row
 * is data that anyone holding the file (or an archive) can change, so a stored path is accepted
 * only in exactly that form, and a file is opened only once its real path (links resolved) is
 * inside that folder with one of these extensions.
 */
export const RECEIPT_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'heic'] as const;
export type ReceiptExtension = (typeof RECEIPT_EXTENSIONS)[number];

const STORED_PATH = /^([0-9a-f]{2})\/([0-9a-f]{64})\.(pdf|png|jpe?g|gif|webp|heic)$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** The MIME type a receipt of each extension has (the same table the sniffer produces). */
export const MIME_OF_EXTENSION: Record<ReceiptExtension, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
};

export interface StoredReceiptPath {
  /** The two-digit folder, the first two hex digits of the hash. */
  folder: string;
  sha256: string;
  extension: ReceiptExtension;
}

/**
 * A stored path in the only form the ledger writes, its folder and name made from the hash (and,
 * when given, the hash the row records); null for anything else.
 */
export function parseStoredReceiptPath(
  storedPath: string,
  expectedSha256?: string,
): StoredReceiptPath | null {
  const match = STORED_PATH.exec(storedPath);
  if (!match) return null;
  const [, folder, sha256, extension] = match as unknown as [string, string, string, string];
  if (!sha256.startsWith(folder)) return null;
  if (expectedSha256 !== undefined && sha256 !== expectedSha256) return null;
  return { folder, sha256, extension: extension as ReceiptExtension };
}

export const storedReceiptPathOf = (sha256: string, extension: ReceiptExtension): string => {
  if (!SHA256.test(sha256)) throw new Error('A receipt is stored under its SHA-256 in hex');
  return `${sha256.slice(0, 2)}/${sha256}.${extension}`;
};

/** The stored copy's path for a row whose stored path is well formed; null when it is not. */
export function receiptFilePath(
  receiptsDir: string,
  storedPath: string,
  sha256: string,
): string | null {
  const parsed = parseStoredReceiptPath(storedPath, sha256);
  return parsed ? join(receiptsDir, parsed.folder, `${parsed.sha256}.${parsed.extension}`) : null;
}

const unavailable = () =>
  ledgerError(
    'RECEIPT_UNAVAILABLE',
    'That receipt’s file is not one Ledgerlink stored, so it was not opened.',
    'Attach the receipt again from the original file.',
  );

/**
 * The real path of a receipt's stored copy, for opening with the computer's own viewer: refused
 * unless the stored path is well formed, the file's real path is a regular file inside the real
 * receipts folder, its extension is a receipt's, and its first bytes are that type. Opening
 * anything else could run a program (an operating system opens an `.exe` by running it).
 */
export async function resolveReceiptFile(
  receiptsDir: string,
  storedPath: string,
  sha256: string,
): Promise<string> {
  const parsed = parseStoredReceiptPath(storedPath, sha256);
  if (!parsed) throw unavailable();
  let root: string;
  let real: string;
  try {
    root = await realpath(receiptsDir);
    real = await realpath(join(root, parsed.folder, `${parsed.sha256}.${parsed.extension}`));
  } catch {
    throw unavailable();
  }
  const extension = extname(real).slice(1).toLowerCase();
  if (
    !real.startsWith(`${root}${sep}`) ||
    !(RECEIPT_EXTENSIONS as readonly string[]).includes(extension)
  ) {
    throw unavailable();
  }
  const facts = await stat(real).catch(() => null);
  if (!facts?.isFile()) throw unavailable();
  const head = Buffer.alloc(16);
  const handle = await open(real, 'r');
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  if (sniffReceiptType(head)?.mime !== MIME_OF_EXTENSION[extension as ReceiptExtension]) {
    throw unavailable();
  }
  return real;
}
