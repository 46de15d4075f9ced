import { LEDGER_FILE_NAME, RECEIPTS_FOLDER_NAME } from '../../ledger';
import { parseStoredReceiptPath } from '../../receipts/receipt-paths';

/** The names a Ledgerlink profile archive holds; the exporter writes exactly these. */
export const ARCHIVE_MANIFEST = 'manifest.json';
export const ARCHIVE_DATABASE = LEDGER_FILE_NAME;
export const ARCHIVE_RECEIPTS_PREFIX = `${RECEIPTS_FOLDER_NAME}/`;

/** `receipts/ab/ab12….pdf`: a receipt stored the only way the ledger stores one. */
export function isArchiveReceiptName(name: string): boolean {
  return (
    name.startsWith(ARCHIVE_RECEIPTS_PREFIX) &&
    parseStoredReceiptPath(name.slice(ARCHIVE_RECEIPTS_PREFIX.length)) !== null
  );
}

export const archiveReceiptName = (storedPath: string): string =>
  `${ARCHIVE_RECEIPTS_PREFIX}${storedPath}`;
