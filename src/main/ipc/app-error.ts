import type { IpcError } from '../../shared/ipc/result';

/**
 * An error a person can act on. Services throw it; the IPC wrapper turns it into the typed
 * `{ ok: false, error }` value. Anything else thrown becomes a generic INTERNAL error, and
 * only the main-process log sees its details.
 */
export class AppError extends Error {
  readonly code: string;
  readonly action: string;
  readonly details: Omit<IpcError, 'code' | 'message' | 'action'>;

  constructor(
    code: string,
    message: string,
    action: string,
    details: Omit<IpcError, 'code' | 'message' | 'action'> = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.action = action;
    this.details = details;
  }

  toIpcError(): IpcError {
    return { code: this.code, message: this.message, action: this.action, ...this.details };
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
