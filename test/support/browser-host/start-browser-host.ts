import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../src/main/clock/clock';
import type { MainServices } from '../../../src/main/create-main-services';
import type { DeepLinkSource } from '../../../src/main/deep-links/deep-link-router';
import { extractDeepLinkFromArgv } from '../../../src/main/deep-links/extract-from-argv';
import { fromPracticeServer } from '../../../src/main/environments/practice-launcher';
import { stderrSink, type LogRecord } from '../../../src/main/logging/logger';
import { createSwitchableNetwork } from '../../../src/main/sync/network-status';
import type { Keychain } from '../../../src/main/vault/keychain';
import type { PageDisplayFacts } from '../../../src/main/web/page-messages';
import { startWebShell, type WebShell } from '../../../src/main/web/start-web-shell';

export type { PageDisplayFacts };

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
  /** Largest file the browser may upload (the product's cap by default). */
  maxFileBytes?: number;
}

/** A browser session the harness opened with a launch link: the cookie a browser would hold. */
export interface HostSessionCookie {
  name: string;
  value: string;
  url: string;
}

export interface BrowserHost {
  /** The shell's address (`http://127.0.0.1:<port>/`); pages of the test's context are let in. */
  url: string;
  origin: string;
  dataDir: string;
  services: MainServices;
  /** The product shell itself (launch links, close). */
  shell: WebShell;
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
   * The person's answer to the next file chooser (a bank statement, a receipt, an archive):
   * the file they pick in the browser's own file input. With nothing queued they cancel it.
   */
  queueChosenFile(path: string): void;
  /** For the fixture's file chooser handler: the next queued file, if any. */
  takeChosenFile(): string | undefined;
  /**
   * Where the next saved export lands, as if the person saved the browser's download there.
   * Nothing queued: the browser downloads it as a person's browser would.
   */
  queueSaveLocation(path: string): void;
  /** The next save is cancelled, as a person closing the save dialog (desktop) would. */
  queueSaveCancel(): void;
  /** Files the app asked to open with the computer's own viewer (stored receipts), in order. */
  openedFiles: string[];
  /** Lets a browser in (a launch link, exchanged): the cookie to give a browser context. */
  sessionCookie(): Promise<HostSessionCookie>;
  close(): Promise<void>;
}

/**
 * The e2e and integration harness around the product's browser shell (src/main/web): a fresh
 * data folder, and the test controls a person's computer would otherwise provide (the OS
 * handing over a deep link, the network going down, the person's answers to file choosers).
 */
export async function startBrowserHost(options: BrowserHostOptions = {}): Promise<BrowserHost> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ledgerlink-host-'));
  const openedUrls: string[] = [];
  const openedWaiters: { predicate: (u: string) => boolean; resolve: (u: string) => void }[] = [];
  const network = createSwitchableNetwork(true);
  const chosenFiles: string[] = [];
  const saveLocations: (string | null)[] = [];
  const openedFiles: string[] = [];
  const practice = options.practice;

  const started = await startWebShell({
    userData: dataDir,
    display: false,
    ...(options.rendererDir ? { rendererDir: options.rendererDir } : {}),
    ...(options.keychain ? { keychain: options.keychain } : {}),
    ...(options.maxFileBytes !== undefined ? { maxFileBytes: options.maxFileBytes } : {}),
    ...(options.echoLogs ? { logSink: stderrSink } : {}),
    testControls: {
      network,
      deepLinksAvailable: true,
      ...(options.clock ? { clock: options.clock } : {}),
      ...(practice
        ? {
            launchPractice: async () => ({
              ...fromPracticeServer(practice),
              stop: async () => undefined,
            }),
          }
        : {}),
      openInSystemBrowser: async (url) => {
        openedUrls.push(url);
        for (const w of openedWaiters.splice(0)) {
          if (w.predicate(url)) w.resolve(url);
          else openedWaiters.push(w);
        }
      },
      fileDialogs: (browser) => ({
        chooseFile: (o) => browser.chooseFile(o),
        chooseSaveLocation: async (o) => {
          if (saveLocations.length === 0) return browser.chooseSaveLocation(o);
          return saveLocations.shift() ?? null;
        },
        delivered: async (path) => browser.delivered?.(path),
        openFile: async (path) => {
          openedFiles.push(path);
          await browser.openFile(path);
        },
      }),
    },
  });
  if (started.kind !== 'started') throw new Error('Another shell holds this data folder');
  const { shell } = started;
  const services = shell.services;
  const deliver = (url: string, source: DeepLinkSource) => services.deepLinks.receive(url, source);

  return {
    url: `${shell.origin}/`,
    origin: shell.origin,
    dataDir,
    services,
    shell,
    openedUrls,
    logs: shell.logs,
    display: () => shell.display(),
    setOnline: (online) => network.set(online),
    queueChosenFile: (path) => void chosenFiles.push(path),
    takeChosenFile: () => chosenFiles.shift(),
    queueSaveLocation: (path) => void saveLocations.push(path),
    queueSaveCancel: () => void saveLocations.push(null),
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
    async sessionCookie() {
      const response = await fetch(shell.launchUrl(), { redirect: 'manual' });
      const [cookie] = response.headers.getSetCookie();
      const pair = cookie?.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      if (response.status !== 303 || eq < 0) throw new Error('The shell did not let us in');
      return { name: pair.slice(0, eq), value: pair.slice(eq + 1), url: shell.origin };
    },
    close: () => shell.close(),
  };
}
