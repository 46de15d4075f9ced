import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Clock } from '../clock/clock';
import { createMainServices, type MainServices } from '../create-main-services';
import type { PracticeLauncher } from '../environments/practice-endpoint';
import { hmrcEnvironments } from '../environments/hmrc-environments';
import { vendorCredentialsFrom } from '../environments/vendor-credentials';
import { practiceLauncher } from '../environments/practice-launcher';
import { nodeMachineFacts } from '../hmrc/fraud-prevention/node-machine-facts';
import { memorySink, type LogRecord, type LogSink } from '../logging/logger';
import type { FileDialogs } from '../records-ipc/file-dialogs';
import { resolveRendererAsset } from '../renderer-assets/resolve-renderer-asset';
import { RENDERER_CSP } from '../security/content-security-policy';
import { createSwitchableNetwork, type SwitchableNetwork } from '../sync/network-status';
import type { Keychain } from '../vault/keychain';
import { keytarKeychain } from '../vault/keytar-keychain';
import { bridgeClientScript } from './bridge-script';
import { createBrowserFiles } from './browser-files';
import { createConfStore } from './conf-store';
import {
  acquireInstanceLock,
  HANDOVER_HEADER,
  HANDOVER_PATH,
  handoverSecretMatches,
} from './instance-lock';
import { listenOnLoopback } from './loopback-server';
import { fromPage, type PageDisplayFacts, type PageMessage } from './page-messages';
import { createSessionGate } from './session-gate';
import { hasDisplay, openWithSystem } from './system-opener';
import { hostSecurityChecks } from './web-security-checks';

const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/**
 * What only a test harness passes: the controls a person's computer provides by other means
 * (the OS network state, the OS handing a deep link over, the person's own browser). The
 * product never sets them.
 */
export interface WebShellTestControls {
  /** Online/offline from the test instead of the page's `navigator.onLine`. */
  network?: SwitchableNetwork;
  /** Where HMRC's pages are "opened", instead of the OS opener or a new tab. */
  openInSystemBrowser?: (url: string) => Promise<void>;
  /** The test delivers `app.ledgerlink.desktop:` links itself, as the OS would. */
  deepLinksAvailable?: boolean;
  /** Wraps the browser's file dialogs (a test answering a save dialog with a path). */
  fileDialogs?: (browser: FileDialogs) => FileDialogs;
  /** A Practice HMRC the test started (so it can move its clock or inject faults). */
  launchPractice?: PracticeLauncher;
  clock?: Clock;
}

export interface WebShellOptions {
  /** The app's data folder: the same one the desktop app uses (user-data-dir.ts). */
  userData: string;
  /** The built renderer (`npm run build`): nothing else is served. */
  rendererDir?: string;
  /** 0 (the default): any free port; the lock file tells a second start which. */
  port?: number;
  logSink?: LogSink;
  keychain?: Keychain;
  /** Largest file a browser may upload (default MAX_BROWSER_FILE_BYTES). */
  maxFileBytes?: number;
  /** Whether the OS can show a browser (default: hasDisplay()). */
  display?: boolean;
  /** Tells the person something the page cannot (the terminal, in the CLI). */
  announce?: (line: string) => void;
  /** Where HMRC's sandbox/production credentials are read from (default: process.env). */
  env?: Record<string, string | undefined>;
  testControls?: WebShellTestControls;
}

export interface WebShell {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  userData: string;
  services: MainServices;
  /** A new one-time link that lets one browser in (its token is spent on first use). */
  launchUrl(): string;
  logs: LogRecord[];
  /** The screen and window size the page reported (fraud prevention headers). */
  display(): PageDisplayFacts | undefined;
  close(): Promise<void>;
}

export type WebShellStart =
  | { kind: 'started'; shell: WebShell }
  /** The single-instance rule: another shell serves this data folder; here is a link to it. */
  | { kind: 'running'; launchUrl: string };

const BRIDGE_PATH = '/__shell/bridge.js';
const SOCKET_PATH = '/__shell/ipc';
const FILES_PREFIX = '/__shell/files/';
const DOWNLOADS_PREFIX = '/__shell/downloads/';

const SIGN_IN_AGAIN = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ledgerlink</title></head>
<body><main><h1>Open Ledgerlink from its link</h1><p>This browser has not been let in. Run <code>npm start</code> again: it prints (or opens) a new link to this Ledgerlink. Each link works once.</p></main></body></html>`;

/**
 * The browser shell: the same createMainServices() as the desktop app, with Node adapters,
 * serving the built renderer on 127.0.0.1 and ::1 and `window.ledgerlink` over a WebSocket
 * that goes through the same IPC router, sender check and validation as Electron's IPC.
 */
export async function startWebShell(options: WebShellOptions): Promise<WebShellStart> {
  const { userData } = options;
  const controls = options.testControls ?? {};
  const rendererDir = options.rendererDir ?? join(repoRoot, 'out', 'renderer');
  const announce = options.announce ?? (() => undefined);
  const sink = memorySink();

  const loopback = await listenOnLoopback(options.port ?? 0);
  const lock = await acquireInstanceLock(userData, loopback.port).catch(async (error: unknown) => {
    await loopback.close();
    throw error;
  });
  if (lock.kind === 'running') {
    await loopback.close();
    return { kind: 'running', launchUrl: lock.launchUrl };
  }
  const acquired: Extract<typeof lock, { kind: 'acquired' }> = lock;

  const gate = createSessionGate(loopback.port);
  const origin = gate.origins[0]!;
  const launchUrl = () => `${origin}/?token=${gate.issueLaunchToken()}`;
  let display: PageDisplayFacts | undefined;
  const network = controls.network ?? createSwitchableNetwork(true);
  const sockets = new Set<WebSocket>();
  /** The page the person used last: file choosers and downloads go there. */
  let activeSocket: WebSocket | undefined;
  const sendToPage = (message: PageMessage, to = activeSocket): boolean => {
    if (!to || to.readyState !== to.OPEN) return false;
    to.send(JSON.stringify(message));
    return true;
  };

  /** The services, once built (the file port is made first and logs through them later). */
  const late: { services?: MainServices } = {};
  const files = await createBrowserFiles({
    root: join(userData, 'browser-files'),
    sendToPage: (m) => sendToPage(m),
    logger: { warn: (message, fields) => late.services?.logger.warn(message, fields) },
    ...(options.maxFileBytes !== undefined ? { maxBytes: options.maxFileBytes } : {}),
  });
  const withDisplay = options.display ?? hasDisplay();

  const services = await createMainServices({
    host: {
      kind: 'browser',
      platform: process.platform,
      appVersion: (
        JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string }
      ).version,
      versions: [
        { name: 'Node.js', version: process.versions.node },
        { name: 'Browser shell', version: 'the browser you opened it in' },
      ],
      securityChecks: () => hostSecurityChecks(origin),
    },
    paths: { userData },
    logSink: (record) => {
      sink(record);
      options.logSink?.(record);
    },
    // HMRC's pages: the OS opener where there is a display; otherwise a new tab of the page the
    // person is using, and the address in the terminal for a browser on another machine.
    openInSystemBrowser:
      controls.openInSystemBrowser ??
      (async (url) => {
        if (withDisplay) return openWithSystem(url);
        const opened = sendToPage({ kind: 'open-url', url });
        announce(`Open HMRC's pages in your browser: ${url}`);
        if (!opened) throw new Error('No browser page is connected');
      }),
    keyValueStore: (name) => createConfStore(userData, name),
    launchPractice: controls.launchPractice ?? practiceLauncher(userData),
    rendererOrigins: [...gate.origins],
    // The same MAIN_VITE_HMRC_* names as a desktop build; read at start, since this mode runs
    // from the checkout. Without them only Practice HMRC is offered.
    hmrcEnvironments: hmrcEnvironments(vendorCredentialsFrom(options.env ?? process.env)),
    ...(controls.clock ? { clock: controls.clock } : {}),
    // The OS keychain when a Secret Service answers; otherwise keytar rejects and linking
    // offers "this session only" (tokens in memory, never written in plain text).
    keychain: options.keychain ?? keytarKeychain(),
    // A browser cannot receive app.ledgerlink.desktop: links: loopback or a pasted code.
    deepLinksAvailable: controls.deepLinksAvailable ?? false,
    machineFacts: nodeMachineFacts(),
    display: { screens: () => display?.screens ?? [], window: () => display?.window },
    network,
    fileDialogs: controls.fileDialogs ? controls.fileDialogs(files.dialogs) : files.dialogs,
  });
  late.services = services;
  const ready = services;

  const bridgeScript = await bridgeClientScript();
  const server = loopback.server;

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void serve(req, res).catch((error: NodeJS.ErrnoException) => {
      if (res.headersSent) return void res.destroy();
      res.statusCode = error.code === 'ENOENT' ? 404 : 500;
      res.end();
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('content-security-policy', RENDERER_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cross-origin-opener-policy', 'same-origin');
    res.setHeader('cache-control', 'no-store');
    const refuse = (status: number, body = '') => {
      req.resume();
      res.statusCode = status;
      res.end(body);
    };
    // DNS rebinding: a page of another site whose name now points here still sends its own
    // Host, and a cross-site request its own Origin.
    if (!gate.hostAllowed(req.headers)) return refuse(421);
    const url = new URL(req.url ?? '/', origin);

    if (req.method === 'POST' && url.pathname === HANDOVER_PATH) {
      // A second start on this computer, proving it can read our lock file (this user's).
      if (req.headers.origin !== undefined) return refuse(403);
      if (!handoverSecretMatches(acquired.secret, req.headers[HANDOVER_HEADER])) return refuse(403);
      res.setHeader('content-type', 'application/json');
      return void res.end(JSON.stringify({ launchUrl: launchUrl() }));
    }
    if (!gate.originAllowed(req.headers, req.method !== 'GET')) return refuse(403);

    if (req.method === 'GET' && url.pathname === '/' && url.searchParams.has('token')) {
      const session = gate.exchange(url.searchParams.get('token'));
      if (!session) {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        return refuse(403, SIGN_IN_AGAIN);
      }
      // The token is spent; send the browser on to the plain address so it never sits in the
      // address bar or the history (the bridge also cleans the URL with history.replaceState).
      res.setHeader('set-cookie', gate.sessionCookie(session));
      res.setHeader('location', '/');
      return refuse(303);
    }
    if (!gate.hasSession(req.headers)) {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return refuse(401, SIGN_IN_AGAIN);
    }

    if (req.method === 'POST' && url.pathname.startsWith(FILES_PREFIX)) {
      return files.receiveUpload(url.pathname.slice(FILES_PREFIX.length), req, res);
    }
    if (req.method !== 'GET') return refuse(405);
    if (url.pathname.startsWith(DOWNLOADS_PREFIX)) {
      return files.sendDownload(url.pathname.slice(DOWNLOADS_PREFIX.length), res);
    }
    if (url.pathname === BRIDGE_PATH) {
      res.setHeader('content-type', 'text/javascript; charset=utf-8');
      return void res.end(bridgeScript);
    }
    const asset = resolveRendererAsset(rendererDir, url.pathname);
    if (!asset) return refuse(404, 'Not found');
    let body: Buffer | string = await readFile(asset.file);
    if (asset.file.endsWith('index.html')) {
      // The bridge must exist before the renderer's module script runs, as the preload does.
      body = body
        .toString('utf8')
        .replace('<head>', `<head>\n    <script src="${BRIDGE_PATH}"></script>`);
    }
    res.setHeader('content-type', asset.contentType);
    res.end(body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  let nextSender = 1;
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    // The same rule as the Electron sender check, plus the session: only our own page, at our
    // own origin, in the browser that was let in. Browsers always send Origin on a WebSocket.
    if (
      url.pathname !== SOCKET_PATH ||
      !gate.hostAllowed(req.headers) ||
      !gate.originAllowed(req.headers, true) ||
      !gate.hasSession(req.headers)
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => connect(ws, req.headers.origin ?? null));
  });

  function connect(ws: WebSocket, wsOrigin: string | null): void {
    const id = `page-${nextSender++}`;
    sockets.add(ws);
    activeSocket = ws;
    ready.ipc.trustSender(id);
    ws.on('close', () => {
      sockets.delete(ws);
      if (activeSocket === ws) activeSocket = [...sockets].at(-1);
      ready.ipc.forgetSender(id);
    });
    ws.on('message', (raw: Buffer) => {
      let parsed;
      try {
        parsed = fromPage.safeParse(JSON.parse(raw.toString('utf8')));
      } catch {
        return;
      }
      if (!parsed.success) return;
      const message = parsed.data;
      switch (message.kind) {
        case 'hello':
          display = { screens: message.screens, window: message.window };
          if (!controls.network) network.set(message.online);
          return;
        case 'online':
          if (!controls.network) network.set(message.online);
          return;
        case 'file-cancelled':
          return files.cancelled(message.id);
        case 'invoke':
          activeSocket = ws;
          void ready.ipc
            .dispatch(message.channel, message.payload, {
              id,
              origin: wsOrigin,
              isMainFrame: true,
            })
            .then((result) => sendToPage({ kind: 'result', id: message.id, result }, ws));
      }
    });
  }
  const unsubscribe = ready.ipc.onEmit((event, payload) => {
    for (const ws of sockets) sendToPage({ kind: 'event', event, payload }, ws);
  });

  let closing: Promise<void> | undefined;
  return {
    kind: 'started',
    shell: {
      origin,
      userData,
      services: ready,
      launchUrl,
      logs: sink.records,
      display: () => display,
      close() {
        closing ??= (async () => {
          unsubscribe();
          for (const ws of sockets) ws.terminate();
          wss.close();
          await loopback.close();
          await ready.dispose();
          await files.dispose();
          await acquired.release();
        })();
        return closing;
      },
    },
  };
}
