/**
 * The one module in the renderer that touches window.ledgerlink (lint-enforced). Everything
 * else imports `api` from here, so the renderer has a single seam to the main process.
 */
import type { LedgerlinkApi } from '@shared/ipc/contract';
import type { IpcError, IpcResult } from '@shared/ipc/result';

declare global {
  interface Window {
    ledgerlink?: LedgerlinkApi;
  }
}

/** Present when the preload (desktop) or the browser host's bridge script ran first. */
export const bridgeAvailable = (): boolean =>
  typeof window.ledgerlink === 'object' && window.ledgerlink !== null;

export const api: LedgerlinkApi = new Proxy({} as LedgerlinkApi, {
  get(_target, property) {
    if (!window.ledgerlink)
      throw new IpcFailure({
        code: 'IPC_UNAVAILABLE',
        message: 'Ledgerlink could not reach its main process.',
        action: 'Restart Ledgerlink.',
      });
    return (window.ledgerlink as unknown as Record<PropertyKey, unknown>)[property];
  },
});

/** Thrown by `unwrap` so React Query and error boundaries see a typed failure. */
export class IpcFailure extends Error {
  readonly error: IpcError;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'IpcFailure';
    this.error = error;
  }
}

export async function unwrap<T>(result: Promise<IpcResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new IpcFailure(r.error);
  return r.value;
}

export const toIpcError = (e: unknown): IpcError =>
  e instanceof IpcFailure
    ? e.error
    : {
        code: 'UNEXPECTED',
        message: 'Something unexpected happened in this window.',
        action: 'Try again, or restart Ledgerlink.',
      };
