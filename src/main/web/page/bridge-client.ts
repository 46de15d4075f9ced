/**
 * Runs in Chromium before the renderer: builds `window.ledgerlink` with the same
 * buildBridge() the preload uses, over a loopback WebSocket to the browser host instead of
 * Electron IPC. Bundled on the fly by the host (esbuild); never part of the app.
 */
import { buildBridge, type BridgeTransport } from '@shared/ipc/build-bridge';

type Incoming =
  | { kind: 'result'; id: number; result: unknown }
  | { kind: 'event'; event: string; payload: unknown };

const script = document.currentScript as HTMLScriptElement | null;
const token = script?.dataset.token ?? '';
const socket = new WebSocket(`ws://${location.host}/__host/ipc?token=${encodeURIComponent(token)}`);
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener('error', () => reject(new Error('bridge socket failed')), { once: true });
});

let nextId = 1;
const pending = new Map<number, (value: unknown) => void>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();

socket.addEventListener('message', (message) => {
  const data = JSON.parse(String(message.data)) as Incoming;
  if (data.kind === 'result') {
    pending.get(data.id)?.(data.result);
    pending.delete(data.id);
  } else if (data.kind === 'event') {
    for (const l of listeners.get(data.event) ?? []) l(data.payload);
  }
});
socket.addEventListener('close', () => {
  for (const reject of pending.values()) reject(Promise.reject(new Error('closed')));
  pending.clear();
});

// What the desktop app reads from Electron's `screen` and the window: here the real values of
// this browser on this machine, for the fraud prevention headers.
void opened.then(() =>
  socket.send(
    JSON.stringify({
      kind: 'hello',
      screens: [
        {
          width: screen.width,
          height: screen.height,
          scalingFactor: devicePixelRatio,
          colourDepth: screen.colorDepth,
        },
      ],
      window: { width: outerWidth || innerWidth, height: outerHeight || innerHeight },
    }),
  ),
);

const transport: BridgeTransport = {
  async invoke(channel, payload) {
    await opened;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, (value) => {
        if (value instanceof Promise) value.catch(reject);
        else resolve(value);
      });
      socket.send(JSON.stringify({ kind: 'invoke', id, channel, payload }));
    });
  },
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => void set.delete(listener);
  },
};

Object.defineProperty(window, 'ledgerlink', {
  value: buildBridge(transport),
  writable: false,
  configurable: false,
});
