import type { IpcRouter, IpcSender } from '../../src/main/ipc/ipc-router';
import type { ChannelName, RequestOf, ResponseOf } from '@shared/ipc/contract';
import type { IpcError, IpcResult } from '@shared/ipc/result';

/** The one renderer window tests speak for: trusted, top-level, at the app's own origin. */
export const TEST_SENDER = {
  id: 'test-window',
  origin: 'app://ledgerlink',
  isMainFrame: true,
} satisfies IpcSender;

/** Requests as a window sends them, and their typed answers. */
export interface Dispatcher {
  /** Sends a request as the window would: sender check, validation both ways, the handler. */
  call: <N extends ChannelName>(
    channel: N,
    request?: RequestOf<N>,
  ) => Promise<IpcResult<ResponseOf<N>>>;
  /** Sends what the contract does not allow (a test of validation): the raw answer. */
  send: (channel: string, payload: unknown) => Promise<IpcResult<unknown>>;
  /** call() that must succeed: its value (throws with the typed error otherwise). */
  ok: <N extends ChannelName>(channel: N, request?: RequestOf<N>) => Promise<ResponseOf<N>>;
  /** call() that must fail: the typed error the window would see. */
  fails: <N extends ChannelName>(channel: N, request?: RequestOf<N>) => Promise<IpcError>;
}

type Router = Pick<IpcRouter, 'dispatch' | 'trustSender'>;

/**
 * Speaks for one trusted window over the app's own IPC router, as the Electron bridge and the
 * browser host do, so every test reaches a handler the way the renderer does. `router` may be
 * a function when a harness restarts the app and gets a new one. `onResult` sees every answer.
 */
export function dispatchAs(
  router: Router | (() => Router),
  sender: IpcSender = TEST_SENDER,
  options: { onResult?: (result: IpcResult<unknown>) => void } = {},
): Dispatcher {
  const current = typeof router === 'function' ? router : () => router;
  const call = async <N extends ChannelName>(
    channel: N,
    request?: RequestOf<N>,
  ): Promise<IpcResult<ResponseOf<N>>> => {
    const ipc = current();
    ipc.trustSender(sender.id);
    // dispatch() validates the answer against the channel's response schema before it returns.
    const result = (await ipc.dispatch(channel, request, sender)) as IpcResult<ResponseOf<N>>;
    options.onResult?.(result);
    return result;
  };
  return {
    call,
    send: (channel, payload) => {
      const ipc = current();
      ipc.trustSender(sender.id);
      return ipc.dispatch(channel, payload, sender);
    },
    ok: async (channel, request) => {
      const result = await call(channel, request);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.value;
    },
    fails: async (channel, request) => {
      const result = await call(channel, request);
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return result.error;
    },
  };
}
