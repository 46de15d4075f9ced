import {
  channels,
  events,
  type ChannelName,
  type EventName,
  type EventPayloadOf,
  type RequestOf,
  type ResponseOf,
} from '@shared/ipc/contract';
import { fail, type IpcResult } from '@shared/ipc/result';
import type { Logger } from '../logging/logger';
import { isAppError } from './app-error';

/** Who sent a message: an id the transport assigned and the origin of the sending frame. */
export interface IpcSender {
  id: string;
  /** Origin of the frame that sent the message (`event.senderFrame.url` in Electron). */
  origin: string | null;
  /** False when a subframe sent it: only the app's top-level document may call main. */
  isMainFrame: boolean;
}

export interface HandlerContext {
  sender: IpcSender;
}

export type Handler<N extends ChannelName> = (
  request: RequestOf<N>,
  context: HandlerContext,
) => Promise<ResponseOf<N>> | ResponseOf<N>;

export interface IpcRouter {
  /** Register the one handler for a channel. */
  handle<N extends ChannelName>(channel: N, handler: Handler<N>): void;
  /** Run a message through the checks and its handler; always resolves to a typed result. */
  dispatch(channel: string, payload: unknown, sender: IpcSender): Promise<IpcResult<unknown>>;
  /** Senders are trusted only while registered (the app's own windows or host pages). */
  trustSender(id: string): void;
  forgetSender(id: string): void;
  /** Validate an event payload and hand it to the transport; invalid payloads are dropped. */
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void;
  onEmit(listener: (event: EventName, payload: unknown) => void): () => void;
  channelNames(): ChannelName[];
  registeredChannels(): ChannelName[];
}

const problem = (issues: { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => ({ path: i.path.map(String).join('.') || '(value)', message: i.message }));

/**
 * The one handle() wrapper (Electron checklist item 17: validate the sender of all IPC).
 * Order matters: sender first (a foreign frame learns nothing, not even whether a channel
 * exists), then the payload, then the handler, then the result, so the renderer can only
 * ever receive values that match the contract.
 */
export function createIpcRouter(options: {
  logger: Logger;
  trustedOrigins: () => string[];
}): IpcRouter {
  const { logger } = options;
  const handlers = new Map<ChannelName, Handler<ChannelName>>();
  const trusted = new Set<string>();
  const emitListeners = new Set<(event: EventName, payload: unknown) => void>();

  const isTrusted = (sender: IpcSender): boolean =>
    trusted.has(sender.id) &&
    sender.isMainFrame &&
    sender.origin !== null &&
    options.trustedOrigins().includes(sender.origin);

  return {
    handle(channel, handler) {
      if (!(channel in channels)) throw new Error(`Channel not in the contract: ${channel}`);
      if (handlers.has(channel)) throw new Error(`Channel already handled: ${channel}`);
      handlers.set(channel, handler);
    },

    async dispatch(channel, payload, sender) {
      if (!isTrusted(sender)) {
        logger.warn('IPC message from an untrusted sender refused', {
          channel,
          origin: sender.origin,
          sender: sender.id,
        });
        return fail({
          code: 'FORBIDDEN_SENDER',
          message: 'This window is not allowed to talk to Ledgerlink.',
          action: 'Use the Ledgerlink window.',
        });
      }
      const name = channel as ChannelName;
      const spec = Object.prototype.hasOwnProperty.call(channels, name)
        ? channels[name]
        : undefined;
      const handler = handlers.get(name);
      if (!spec || !handler) {
        return fail({
          code: 'UNKNOWN_CHANNEL',
          message: 'Ledgerlink does not know that request.',
          action: 'Restart Ledgerlink.',
        });
      }
      const request = spec.request.safeParse(payload);
      if (!request.success) {
        return fail({
          code: 'INVALID_REQUEST',
          message: 'Some of the information sent was not in the expected form.',
          action: 'Check what you entered and try again.',
          fields: problem(request.error.issues),
        });
      }
      let value: unknown;
      try {
        value = await handler(request.data, { sender });
      } catch (error) {
        if (isAppError(error)) return fail(error.toIpcError());
        logger.error('IPC handler failed', {
          channel,
          error:
            error instanceof Error
              ? { name: error.name, message: error.message, stack: error.stack }
              : String(error),
        });
        return fail({
          code: 'INTERNAL',
          message: 'Something went wrong inside Ledgerlink.',
          action: 'Try again. If it keeps happening, restart Ledgerlink; your records are safe.',
        });
      }
      const response = spec.response.safeParse(value);
      if (!response.success) {
        logger.error('IPC handler returned a value outside the contract', {
          channel,
          issues: problem(response.error.issues),
        });
        return fail({
          code: 'INTERNAL',
          message: 'Something went wrong inside Ledgerlink.',
          action: 'Try again. If it keeps happening, restart Ledgerlink; your records are safe.',
        });
      }
      return { ok: true, value: response.data };
    },

    trustSender: (id) => void trusted.add(id),
    forgetSender: (id) => void trusted.delete(id),

    emit(event, payload) {
      const spec = events[event] as
        { payload: { safeParse(v: unknown): { success: boolean; data?: unknown } } } | undefined;
      const parsed = spec?.payload.safeParse(payload);
      if (!parsed?.success) {
        logger.error('Event payload outside the contract dropped', { event });
        return;
      }
      for (const l of emitListeners) l(event, parsed.data);
    },
    onEmit(listener) {
      emitListeners.add(listener);
      return () => void emitListeners.delete(listener);
    },

    channelNames: () => Object.keys(channels) as ChannelName[],
    registeredChannels: () => [...handlers.keys()],
  };
}
