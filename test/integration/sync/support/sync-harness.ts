import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOffsetClock as createAppClock } from '../../../../src/main/clock/clock';
import { createMainServices, type MainServices } from '../../../../src/main/create-main-services';
import type { PracticeEndpoint } from '../../../../src/main/environments/practice-endpoint';
import { memorySink, type LogRecord } from '../../../../src/main/logging/logger';
import {
  createSwitchableNetwork,
  type SwitchableNetwork,
} from '../../../../src/main/sync/network-status';
import type { Keychain } from '../../../../src/main/vault/keychain';
import {
  createOffsetClock as createPracticeClock,
  startPracticeHmrc,
  type OffsetClock,
  type PracticeHmrc,
  type PracticeHmrcOptions,
} from '../../../../src/practice/server';
import { dispatchAs, type Dispatcher } from '../../../support/dispatch-as';
import {
  integrationAdapters,
  practiceEndpointOf,
} from '../../../support/integration-app/integration-adapters';
import { linkThroughPractice } from '../../../support/integration-app/link-through-practice';

/** 20 November 2026: Q2 2026-27 (to 5 October) may be sent; Q3 (to 5 January) not yet. */
export const SYNC_REFERENCE_NOW = '2026-11-20T10:00:00Z';

export interface AppInstance extends Dispatcher {
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
  const services = await createMainServices(
    integrationAdapters({
      dataDir: options.dataDir,
      practice: options.practice,
      logSink: sink,
      opened,
      clock,
      ...(options.keychain ? { keychain: options.keychain } : {}),
      network,
    }),
  );
  return { services, clock, network, logs: sink.records, opened, ...dispatchAs(services.ipc) };
}

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
    practice: practiceEndpointOf(practice),
    at,
    ...(options.keychain ? { keychain: options.keychain } : {}),
  });
  return {
    ...app,
    practice,
    practiceClock,
    dataDir,
    link: (user, kind, relinkAccountId) => linkThroughPractice(app, user, kind, relinkAccountId),
    async close() {
      await app.services.sync.idle();
      await app.services.dispose();
      await practice.stop();
    },
  };
}
