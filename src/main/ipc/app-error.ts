import type { IpcError } from '@shared/ipc/result';

/** What an error may carry beyond its code, message and action (all of it may cross IPC). */
export type AppErrorDetails = Omit<IpcError, 'code' | 'message' | 'action'>;

/**
 * The one error a person sees: a stable code, a plain-English message and the next action.
 * Every capability throws it (the ledger through `ledgerError()`, HMRC calls as `HmrcError`),
 * and `dispatch()` turns it into the typed `{ ok: false, error }` value. Anything else thrown
 * becomes a generic INTERNAL error, and only the main-process log sees its details. The
 * `cause` stays in the main process: it is neither in `toIpcError()` nor in JSON.
 */
export class AppError extends Error {
  readonly code: string;
  readonly action: string;
  readonly details: AppErrorDetails;

  constructor(
    code: string,
    message: string,
    action: string,
    details: AppErrorDetails & { cause?: unknown } = {},
  ) {
    const { cause, ...rest } = details;
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'AppError';
    this.code = code;
    this.action = action;
    this.details = rest;
  }

  toIpcError(): IpcError {
    return { code: this.code, message: this.message, action: this.action, ...this.details };
  }

  /** Logged or serialised, it is what the renderer may see: never the cause or a stack. */
  toJSON(): IpcError {
    return this.toIpcError();
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
