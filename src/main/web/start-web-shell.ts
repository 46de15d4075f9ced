import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Clock } from '../../../src/main/clock/clock';
import { createMainServices, type MainServices } from '../../../src/main/create-main-services';
import type { DeepLinkSource } from '../../../src/main/deep-links/deep-link-router';
import { extractDeepLinkFromArgv } from '../../../src/main/deep-links/extract-from-argv';
import type { PracticeLauncher } from '../../../src/main/environments/practice-endpoint';
import { fromPracticeServer } from '../../../src/main/environments/practice-launcher';
import { memorySink, stderrSink, type LogRecord } from '../../../src/main/logging/logger';
import { resolveRendererAsset } from '../../../src/main/renderer-assets/resolve-renderer-asset';
import { nodeMachineFacts } from '../../../src/main/hmrc/fraud-prevention/node-machine-facts';
import { RENDERER_CSP } from '../../../src/main/security/content-security-policy';
import { createSwitchableNetwork } from '../../../src/main/sync/network-status';
import type { Keychain } from '../../../src/main/vault/keychain';
import { keytarKeychain } from '../../../src/main/vault/keytar-keychain';
import { createConfStore } from '../node-adapters/conf-store';
import { bridgeClientScript } from './bundle-bridge-client';
import { hostSecurityChecks } from './host-security-checks';

const repoRoot = resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** What the host measures from the page (the desktop app reads Electron's `screen`). */
export interface PageDisplayFacts {
  screens: { width: number; height: number; scalingFactor: number; colourDepth: number }[];
  window: { width: number; height: number };
}

export interface BrowserHostOptions {
  /** The app's data folder (userData); a fresh temp dir by default. */
  dataDir?: string;
  /** A Practice HMRC the test started (so it can move its clock or inject faults). */
  practice?: Parameters<typeof fromPracticeServer>[0];
  clock?: Clock;
  rendererDir?: string;
  /** Mirror main-process log lines to stderr (they are always kept in `logs`). */
  echoLogs?: boolean;
  /** The OS keychain by default (keytar): run e2e inside a keyring session (README). */
  keychain?: Keychain;
}

export interface BrowserHost {
  url: string;
  origin: string;
  dataDir: string;
  services: MainServices;
  /** URLs the app asked the OS to open in the system browser, in order. */
  openedUrls: string[];
  waitForOpenedUrl(predicate?: (url: string) => boolean, timeoutMs?: number): Promise<string>;
  /** Deliver a deep link the way macOS does (open-url). */
  openUrl(url: string): boolean;
  /** Deliver a launch the way Windows/Linux do (second instance argv). */
  secondInstance(argv: string[]): boolean;
  logs: LogRecord[];
  display(): PageDisplayFacts | undefined;
  /** Switches the app offline or online, as the OS reporting a lost or regained network would. */
  setOnline(online: boolean): void;
  /**
   * The person's answer to the next OS open dialog (a bank statement, a receipt, an archive):
   * the file they pick. With nothing queued the dialog is cancelled.
   */
  queueChosenFile(path: string): void;
  /** The person's answer to the next OS save dialog: where they save. Nothing queued: cancelled. */
  queueSaveLocation(path: string): void;
  /** Files the app asked the OS to open with their own viewer (stored receipts), in order. */
  openedFiles: string[];
  close(): Promise<void>;
}

/**
 * The browser host (design.md, Testing): the same createMainServices() as the desktop app,
 * with Node adapters, serving the built renderer to Chromium and `window.ledgerlink` over a
 * loopback WebSocket that goes through the same IPC router, sender check and validation.
 */
export async function startBrowserHost(options: BrowserHostOptions = {}): Promise<BrowserHost> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ledgerlink-host-'));
  const rendererDir = options.rendererDir ?? join(repoRoot, 'out', 'renderer');
  const token = randomBytes(24).toString('base64url');
  const sink = memorySink();
  const openedUrls: string[] = [];
  const openedWaiters: { predicate: (u: string) => boolean; resolve: (u: string) => void }[] = [];
  let display: PageDisplayFacts | undefined;
  const network = createSwitchableNetwork(true);
  const chosenFiles: string[] = [];
  const saveLocations: string[] = [];
  const openedFiles: string[] = [];

  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('host did not bind');
  const origin = `http://127.0.0.1:${address.port}`;

  const launchPractice: PracticeLauncher = options.practice
    ? async () => ({ ...fromPracticeServer(options.practice!), stop: async () => undefined })
    : async () => {
        const { startPracticeHmrc } = await import('../../../src/practice/server');
        return fromPracticeServer(
          await startPracticeHmrc({ dataFile: join(dataDir, 'practice-hmrc.json'), quiet: true }),
        );
      };

  const services = await createMainServices({
    host: {
      kind: 'browser-host',
      platform: process.platform,
      appVersion: JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8'))
        .version as string,
      versions: [
        { name: 'Node.js', version: process.versions.node },
        { name: 'Browser host', version: 'Chromium via Playwright' },
      ],
      securityChecks: () => hostSecurityChecks(origin),
    },
    paths: { userData: dataDir },
    logSink: (record) => {
      sink(record);
      if (options.echoLogs) stderrSink(record);
    },
    openInSystemBrowser: async (url) => {
      openedUrls.push(url);
      for (const w of openedWaiters.splice(0)) {
        if (w.predicate(url)) w.resolve(url);
        else openedWaiters.push(w);
      }
    },
    keyValueStore: (name) => createConfStore(dataDir, name),
    launchPractice,
    rendererOrigins: [origin],
    ...(options.clock ? { clock: options.clock } : {}),
    keychain: options.keychain ?? keytarKeychain(),
    // The host delivers deep links itself (openUrl / secondInstance), as the OS would.
    deepLinksAvailable: true,
    // Fraud prevention headers: this machine's real facts through Node, and the real screen
    // and window the page reports (what Electron's `screen` gives the desktop app).
    machineFacts: nodeMachineFacts(),
    display: { screens: () => display?.screens ?? [], window: () => display?.window },
    network,
    // The OS dialogs, answered from what the test queued (as the person would choose).
    fileDialogs: {
      chooseFile: async () => chosenFiles.shift() ?? null,
      chooseSaveLocation: async () => saveLocations.shift() ?? null,
      openFile: async (path) => {
        openedFiles.push(path);
      },
    },
  });

  const bridgeScript = await bridgeClientScript();

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void serve(req, res).catch((error: NodeJS.ErrnoException) => {
      res.statusCode = error.code === 'ENOENT' ? 404 : 500;
      res.end();
    });
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    res.setHeader('content-security-policy', RENDERER_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    if (req.method !== 'GET') {
      res.statusCode = 405;
      res.end();
      return;
    }
    if (url.pathname === '/__host/bridge.js') {
      res.setHeader('content-type', 'text/javascript; charset=utf-8');
      res.end(bridgeScript);
      return;
    }
    const asset = resolveRendererAsset(rendererDir, url.pathname);
    if (!asset) {
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    let body: Buffer | string = await readFile(asset.file);
    if (asset.file.endsWith('index.html')) {
      // The bridge must exist before the renderer's module script runs, as the preload does.
      body = body
        .toString('utf8')
        .replace(
          '<head>',
          `<head>\n    <script src="/__host/bridge.js" data-token="${token}"></script>`,
        );
    }
    res.setHeader('content-type', asset.contentType);
    res.end(body);
  }

  const wss = new WebSocketServer({ noServer: true });
  let nextSender = 1;
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    // Same rule as the Electron sender check: only our own page, at our own origin.
    if (
      url.pathname !== '/__host/ipc' ||
      url.searchParams.get('token') !== token ||
      req.headers.origin !== origin
    ) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => connect(ws, req.headers.origin ?? null));
  });

  const sockets = new Set<WebSocket>();
  function connect(ws: WebSocket, wsOrigin: string | null): void {
    const id = `ws-${nextSender++}`;
    sockets.add(ws);
    services.ipc.trustSender(id);
    ws.on('close', () => {
      sockets.delete(ws);
      services.ipc.forgetSender(id);
    });
    ws.on('message', (raw) => {
      let message: {
        kind?: string;
        id?: number;
        channel?: string;
        payload?: unknown;
      } & Partial<PageDisplayFacts>;
      try {
        message = JSON.parse(
          (Array.isArray(raw)
            ? Buffer.concat(raw)
            : Buffer.isBuffer(raw)
              ? raw
              : Buffer.from(new Uint8Array(raw))
          ).toString('utf8'),
        );
      } catch {
        return;
      }
      if (message.kind === 'hello' && message.screens && message.window) {
        display = { screens: message.screens, window: message.window };
        return;
      }
      if (
        message.kind !== 'invoke' ||
        typeof message.id !== 'number' ||
        typeof message.channel !== 'string'
      )
        return;
      const requestId = message.id;
      void services.ipc
        .dispatch(message.channel, message.payload, { id, origin: wsOrigin, isMainFrame: true })
        .then((result) => ws.send(JSON.stringify({ kind: 'result', id: requestId, result })));
    });
  }
  const unsubscribe = services.ipc.onEmit((event, payload) => {
    const text = JSON.stringify({ kind: 'event', event, payload });
    for (const ws of sockets) ws.send(text);
  });

  const deliver = (url: string, source: DeepLinkSource) => services.deepLinks.receive(url, source);

  return {
    url: `${origin}/`,
    origin,
    dataDir,
    services,
    openedUrls,
    logs: sink.records,
    display: () => display,
    setOnline: (online) => network.set(online),
    queueChosenFile: (path) => void chosenFiles.push(path),
    queueSaveLocation: (path) => void saveLocations.push(path),
    openedFiles,
    waitForOpenedUrl(predicate = () => true, timeoutMs = 10_000) {
      const existing = openedUrls.find(predicate);
      if (existing) return Promise.resolve(existing);
      return new Promise((resolveUrl, reject) => {
        const timer = setTimeout(
          () => reject(new Error('The app opened no matching URL in the system browser')),
          timeoutMs,
        );
        openedWaiters.push({
          predicate,
          resolve: (u) => {
            clearTimeout(timer);
            resolveUrl(u);
          },
        });
      });
    },
    openUrl: (url) => deliver(url, 'open-url'),
    secondInstance(argv) {
      const found = extractDeepLinkFromArgv(argv);
      return found.kind === 'url' ? deliver(found.url, 'second-instance') : false;
    },
    async close() {
      unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
      await services.dispose();
    },
  };
}
