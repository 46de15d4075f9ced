import { AppError } from '../ipc/app-error';

/**
 * The codes of the ledger's errors: each one a stable code, a plain-English message and the
 * next action, the shape that crosses IPC (src/shared/ipc/result.ts). Never a stack trace.
 */
export type LedgerErrorCode =
  | 'LEDGER_BUSY'
  | 'LEDGER_TOO_NEW'
  | 'LEDGER_MIGRATION_MISMATCH'
  | 'LEDGER_CLOSED'
  | 'NOT_FOUND'
  | 'INVALID_INPUT'
  | 'CATEGORY_UNKNOWN'
  | 'CATEGORY_WRONG_KIND'
  | 'BUSINESS_REQUIRED'
  | 'DISALLOWABLE_NOT_ALLOWED'
  | 'DISALLOWABLE_TOO_LARGE'
  | 'SPLIT_TOTAL_MISMATCH'
  | 'SPLIT_TOO_FEW_PARTS'
  | 'TRANSACTION_IS_SPLIT'
  | 'TRANSACTION_IS_SPLIT_PART'
  | 'TRANSACTION_DELETED'
  | 'RULE_INVALID'
  | 'RECEIPT_UNSUPPORTED_TYPE'
  | 'RECEIPT_TOO_LARGE'
  | 'RECEIPT_UNAVAILABLE'
  | 'IMPORT_FILE_UNREADABLE'
  | 'IMPORT_MAPPING_INVALID'
  | 'IMPORT_NOT_OFX'
  | 'IMPORT_OFX_TOO_DEEP'
  | 'IMPORT_OFX_MALFORMED'
  | 'IMPORT_NO_STATEMENT'
  | 'IMPORT_NOT_A_STATEMENT'
  | 'IMPORT_NO_ROWS'
  | 'IMPORT_FILE_CHANGED'
  | 'IMPORT_BAD_ROWS_UNRESOLVED'
  | 'IMPORT_CANCELLED'
  | 'ARCHIVE_INVALID'
  | 'ARCHIVE_TOO_LARGE'
  | 'ARCHIVE_TARGET_NOT_EMPTY';

/**
 * A ledger error: the app's one user-facing error (`AppError`, which `dispatch()` passes to the
 * window with its field problems), with the code checked against the ledger's own list.
 */
export function ledgerError(
  code: LedgerErrorCode,
  message: string,
  action: string,
  details: { fields?: { path: string; message: string }[]; cause?: unknown } = {},
): AppError {
  return new AppError(code, message, action, details);
}

export function invalidInput(
  path: string,
  message: string,
  action = 'Correct it and try again.',
): AppError {
  return ledgerError('INVALID_INPUT', message, action, { fields: [{ path, message }] });
}

export function notFound(what: string, id: number | string): AppError {
  return ledgerError(
    'NOT_FOUND',
    `That ${what} (${id}) is not in these records.`,
    'Refresh the list; it may have been removed.',
  );
}
