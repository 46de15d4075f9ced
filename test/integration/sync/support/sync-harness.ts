import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOffsetClock as createAppClock } from '../../../../src/main/clock/clock';
import { createMainServices, type MainServices } from '../../../../src/main/create-main-services';
import type { PracticeEndpoint } from '../../../../src/main/environments/practice-endpoint';
import { fromPracticeServer } from '../../../../src/main/environments/practice-launcher';
import { memorySink, type LogRecord } from '../../../../src/main/logging/logger';
import {
  createSwitchableNetwork,
  type SwitchableNetwork,
} from '../../../../src/main/sync/network-status';
import type { Keychain } from '../../../../src/main/vault/keychain';
import { keytarKeychain } from '../../../../src/main/vault/keytar-keychain';
import {
  createOffsetClock as createPracticeClock,
  startPracticeHmrc,
  type OffsetClock,
  type PracticeHmrc,
  type PracticeHmrcOptions,
} from '../../../../src/practice/server';
import { createConfStore } from '../../../support/node-adapters/conf-store';
import { walkPracticeJourney } from '../../../support/practice-journey';

/** 20 November 2026: Q2 2026-27 (to 5 October) may be sent; Q3 (to 5 January) not yet. */
export const SYNC_REFERENCE_NOW = '2026-11-20T10:00:00Z';

export const SENDER = { id: 'test-window', origin: 'app://ledgerlink', isMainFrame: true };

export interface AppInstance {
  services: MainServices;
  clock: ReturnType<typeof createAppClock>;
  network: SwitchableNetwork;
  logs: LogRecord[];
  /** URLs the app asked the OS to open in the browser. */
  opened: string[];
}

/**
 * The real main-process services on a data folder, talking to a Practice HMRC at `baseUrl`
 * over HTTP, with the OS keychain (run inside a keyring session). A crash test's child process
 * builds exactly this on the parent's folder.
 */
export async function startApp(options: {
  dataDir: string;
  practice: PracticeEndpoint;
  at?: string;
  keychain?: Keychain;
  network?: SwitchableNetwork;
}): Promise<AppInstance> {
  const clock = createAppClock();
  if (options.at) clock.advance(Date.parse(options.at) - Date.now());
  const sink = memorySink();
  const network = options.network ?? createSwitchableNetwork(true);
  const opened: string[] = [];
  const services = await createMainServices({
    host: {
      kind: 'browser-host',
      platform: process.platform,
      appVersion: '0.0.0-it',
      versions: [],
      securityChecks: () => [],
    },
    paths: { userData: options.dataDir },
    logSink: sink,
    openInSystemBrowser: async (url) => void opened.push(url),
    keyValueStore: (name) => createConfStore(options.dataDir, name),
    launchPractice: async () => options.practice,
    rendererOrigins: [SENDER.origin],
    clock,
    keychain: options.keychain ?? keytarKeychain(),
    deepLinksAvailable: true,
    network,
  });
  services.ipc.trustSender(SENDER.id);
  return { services, clock, network, logs: sink.records, opened };
}

export const endpointOf = (practice: PracticeHmrc): PracticeEndpoint => ({
  ...fromPracticeServer(practice),
  stop: async () => undefined,
});

export interface SyncHarness extends AppInstance {
  practice: PracticeHmrc;
  practiceClock: OffsetClock;
  dataDir: string;
  /** Links an HMRC account through the real flow (Practice's pages walked over HTTP). */
  link(
    user: { userId: string; password: string },
    kind: 'individual' | 'agent',
    relinkAccountId?: string,
  ): Promise<string>;
  close(): Promise<void>;
}

export async function startSyncHarness(
  options: { at?: string; practice?: PracticeHmrcOptions; keychain?: Keychain } = {},
): Promise<SyncHarness> {
  const at = options.at ?? SYNC_REFERENCE_NOW;
  const practiceClock = createPracticeClock(Date.parse(at));
  const practice = await startPracticeHmrc({
    clock: practiceClock,
    calculationDelayMs: 200,
    ...options.practice,
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'ledgerlink-sync-it-'));
  const app = await startApp({
    dataDir,
    practice: endpointOf(practice),
    at,
    ...(options.keychain ? { keychain: options.keychain } : {}),
  });
  return {
    ...app,
    practice,
    practiceClock,
    dataDir,
    async link(user, kind, relinkAccountId) {
      const started = await app.services.ipc.dispatch(
        'auth.startLink',
        {
          accountKind: kind,
          transport: 'custom-scheme',
          ...(relinkAccountId ? { relinkAccountId } : {}),
        },
        SENDER,
      );
      if (!started.ok) throw new Error(`auth.startLink failed: ${JSON.stringify(started.error)}`);
      const authorizeUrl = app.opened.at(-1);
      if (!authorizeUrl) throw new Error('The app opened no authorize URL');
      const journey = await walkPracticeJourney(authorizeUrl, { ...user, decision: 'grant' });
      app.services.deepLinks.receive(journey.location!, 'open-url');
      const done = await app.services.link.settled();
      if (!done?.account) throw new Error(`Linking failed: ${JSON.stringify(done?.error)}`);
      return done.account.id;
    },
    async close() {
      await app.services.sync.idle();
      await app.services.dispose();
      await practice.stop();
    },
  };
}
