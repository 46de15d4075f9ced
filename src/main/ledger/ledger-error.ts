/**
 * Typed errors from the ledger: a stable code, a plain-English message and the next action,
 * the shape that crosses IPC (src/shared/ipc/result.ts). Never a stack trace to the person.
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
  | 'IMPORT_FILE_CHANGED'
  | 'IMPORT_BAD_ROWS_UNRESOLVED'
  | 'IMPORT_CANCELLED'
  | 'ARCHIVE_INVALID'
  | 'ARCHIVE_TOO_LARGE'
  | 'ARCHIVE_TARGET_NOT_EMPTY';

export interface LedgerFieldProblem {
  path: string;
  message: string;
}

export class LedgerError extends Error {
  override readonly name = 'LedgerError';
  readonly code: LedgerErrorCode;
  readonly action: string;
  readonly fields: LedgerFieldProblem[] | undefined;

  constructor(
    code: LedgerErrorCode,
    message: string,
    action: string,
    options: { fields?: LedgerFieldProblem[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.action = action;
    this.fields = options.fields;
  }

  /** The IpcError shape: what the renderer may see. */
  toJSON(): { code: string; message: string; action: string; fields?: LedgerFieldProblem[] } {
    return {
      code: this.code,
      message: this.message,
      action: this.action,
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }
}

export function invalidInput(
  path: string,
  message: string,
  action = 'Correct it and try again.',
): LedgerError {
  return new LedgerError('INVALID_INPUT', message, action, { fields: [{ path, message }] });
}

export function notFound(what: string, id: number | string): LedgerError {
  return new LedgerError(
    'NOT_FOUND',
    `That ${what} (${id}) is not in these records.`,
    'Refresh the list; it may have been removed.',
  );
}
