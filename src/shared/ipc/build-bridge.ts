import { channels, events, type ChannelName, type EventName, type LedgerlinkApi } from './contract';
import { fail, type IpcResult } from './result';
import { ipcResultSchema } from './wire';

/**
 * How the bridge reaches the main process: ipcRenderer in the preload, a loopback WebSocket
 * in the browser host. Both speak the same contract and get the same validation here.
 */
export interface BridgeTransport {
  invoke(channel: ChannelName, payload: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

const describeIssues = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => ({ path: i.path.map(String).join('.') || '(value)', message: i.message }));

/**
 * Builds `window.ledgerlink` from the contract: one named async function per channel, grouped
 * by capability, and a typed `on()` that never hands the listener the transport's event object
 * (Electron checklist item 20).
 */
export function buildBridge(transport: BridgeTransport): LedgerlinkApi {
  const api: Record<
    string,
    Record<string, (request?: unknown) => Promise<IpcResult<unknown>>>
  > = {};

  for (const name of Object.keys(channels) as ChannelName[]) {
    const [capability, method] = name.split('.') as [string, string];
    const spec = channels[name];
    const group = (api[capability] ??= {});
    group[method] = async (request?: unknown) => {
      const parsed = spec.request.safeParse(request);
      if (!parsed.success) {
        return fail({
          code: 'INVALID_REQUEST',
          message: 'The app tried to send something the main process does not accept.',
          action: 'Try again. If it keeps happening, restart Ledgerlink.',
          fields: describeIssues(parsed.error.issues),
        });
      }
      let raw: unknown;
      try {
        raw = await transport.invoke(name, parsed.data);
      } catch {
        return fail({
          code: 'IPC_UNAVAILABLE',
          message: 'The app could not reach its main process.',
          action: 'Restart Ledgerlink. Nothing you entered has been lost.',
        });
      }
      const result = ipcResultSchema(spec.response).safeParse(raw);
      if (!result.success) {
        return fail({
          code: 'INVALID_RESPONSE',
          message: 'The main process answered in an unexpected shape.',
          action: 'Restart Ledgerlink. If it keeps happening, report it with the Diagnostics page.',
        });
      }
      return result.data;
    };
  }
  for (const group of Object.values(api)) Object.freeze(group);

  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    const spec = events[event] as
      { payload: { safeParse(v: unknown): { success: boolean; data?: unknown } } } | undefined;
    if (!spec) throw new Error(`Unknown event: ${String(event)}`);
    return transport.subscribe(event, (payload) => {
      const parsed = spec.payload.safeParse(payload);
      if (parsed.success) listener(parsed.data);
    });
  };

  return Object.freeze({ ...api, on }) as unknown as LedgerlinkApi;
}
