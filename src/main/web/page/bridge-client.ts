/**
 * Runs in the browser before the renderer: builds `window.ledgerlink` with the same
 * buildBridge() the preload uses, over the browser shell's WebSocket instead of Electron IPC.
 * It also does for the shell what only a page can: show the browser's file chooser and send
 * the chosen file, start downloads, open HMRC's pages in a new tab, report online/offline and
 * the screen size. The shell bundles it (bridge-script.ts); the renderer never imports it.
 */
import { buildBridge, type BridgeTransport } from '@shared/ipc/build-bridge';
import type { PageMessage } from '../page-messages';

// The launch token is spent by the time this runs; never leave it in the address bar.
if (new URLSearchParams(location.search).has('token')) {
  history.replaceState(null, '', location.pathname + location.hash);
}

const socket = new WebSocket(`ws://${location.host}/__shell/ipc`);
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve(), { once: true });
  socket.addEventListener('error', () => reject(new Error('bridge socket failed')), {
    once: true,
  });
});
const send = (message: object) => {
  void opened.then(() => socket.send(JSON.stringify(message)));
};

let nextId = 1;
const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
const listeners = new Map<string, Set<(payload: unknown) => void>>();

/** The browser's own file chooser; the file goes to the shell as one streamed upload. */
function chooseFile(id: string, title: string, accept: string): void {
  const input = document.createElement('input');
  input.type = 'file';
  if (accept) input.accept = accept;
  input.setAttribute('aria-label', title);
  let answered = false;
  const cancel = () => {
    if (answered) return;
    answered = true;
    send({ kind: 'file-cancelled', id });
  };
  input.addEventListener('cancel', cancel, { once: true });
  input.addEventListener(
    'change',
    () => {
      const file = input.files?.[0];
      if (!file) return cancel();
      answered = true;
      void fetch(`/__shell/files/${id}`, {
        method: 'POST',
        body: file,
        headers: { 'x-file-name': encodeURIComponent(file.name) },
      }).catch(() => undefined);
    },
    { once: true },
  );
  input.click();
}

function download(url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  document.body.append(a);
  a.click();
  a.remove();
}

socket.addEventListener('message', (event) => {
  const data = JSON.parse(String(event.data)) as PageMessage;
  switch (data.kind) {
    case 'result':
      pending.get(data.id)?.resolve(data.result);
      pending.delete(data.id);
      return;
    case 'event':
      for (const l of listeners.get(data.event) ?? []) l(data.payload);
      return;
    case 'choose-file':
      return chooseFile(data.id, data.title, data.accept);
    case 'download':
      return download(data.url);
    case 'open-url':
      if (/^https?:\/\//.test(data.url)) window.open(data.url, '_blank', 'noopener,noreferrer');
      return;
  }
});
socket.addEventListener('close', () => {
  for (const p of pending.values()) p.reject(new Error('Ledgerlink stopped'));
  pending.clear();
});

// What the desktop app reads from Electron's `screen`, `net` and the window: here this browser's
// real values, for the fraud prevention headers and the offline banner.
send({
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
  online: navigator.onLine,
});
addEventListener('online', () => send({ kind: 'online', online: true }));
addEventListener('offline', () => send({ kind: 'online', online: false }));

const transport: BridgeTransport = {
  async invoke(channel, payload) {
    await opened;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
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
