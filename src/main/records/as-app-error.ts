import type { ChannelName } from '../../shared/ipc/contract';
import { AppError } from '../ipc/app-error';
import type { Handler, IpcRouter } from '../ipc/ipc-router';
import { LedgerError } from '../ledger';

/** The ledger's typed error as the AppError the IPC wrapper hands to the window, fields kept. */
export function asAppError(error: unknown): unknown {
  return error instanceof LedgerError
    ? new AppError(
        error.code,
        error.message,
        error.action,
        error.fields ? { fields: error.fields } : {},
      )
    : error;
}

/**
 * `router.handle` for handlers over a ledger: a LedgerError (a bad date, a split that does not
 * add up, LEDGER_BUSY during an import) reaches the window as itself, with its field problems,
 * instead of as INTERNAL.
 */
export function handleLedger<N extends ChannelName>(
  router: IpcRouter,
  channel: N,
  handler: Handler<N>,
): void {
  router.handle(channel, async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      throw asAppError(error);
    }
  });
}
