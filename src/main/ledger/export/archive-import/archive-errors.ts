import type { AppError } from '../../../ipc/app-error';
import { ledgerError } from '../../ledger-error';

/** The archive does not hold what Ledgerlink writes: refused whole, nothing kept. */
export const archiveInvalid = (reason: string, cause?: unknown): AppError =>
  ledgerError(
    'ARCHIVE_INVALID',
    `This is not a complete Ledgerlink profile archive: ${reason}`,
    'Export the profile again and use the new file.',
    cause === undefined ? {} : { cause },
  );

/** The archive unpacks to more than a profile could hold: refused before it fills the disk. */
export const archiveTooLarge = (reason: string): AppError =>
  ledgerError(
    'ARCHIVE_TOO_LARGE',
    `This archive cannot be imported safely: ${reason}`,
    'Check the file is a Ledgerlink profile archive. Nothing was imported.',
  );
