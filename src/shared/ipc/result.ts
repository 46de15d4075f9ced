/**
 * What crosses IPC when a call fails: a stable code, a plain-English message and the next
 * action a person can take. Never a stack trace (design.md "Rules of the house").
 */
export interface IpcError {
  code: string;
  message: string;
  action: string;
  /** HMRC's X-CorrelationId when the failure came from HMRC, to quote to support. */
  correlationId?: string | undefined;
  /** ISO time when a queued retry will happen (rate limit, HMRC busy). */
  retryAt?: string | undefined;
  /** Field-level problems (JSON pointer or form field name → message). */
  fields?: { path: string; message: string }[] | undefined;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const ok = <T>(value: T): IpcResult<T> => ({ ok: true, value });
export const fail = (error: IpcError): IpcResult<never> => ({ ok: false, error });
