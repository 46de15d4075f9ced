import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMainServices, type MainServices } from '../../../../src/main/create-main-services';
import { fromPracticeServer } from '../../../../src/main/environments/practice-launcher';
import type { DeviceIdentityFacts } from '../../../../src/main/hmrc/fraud-prevention/machine-facts';
import { nodeMachineFacts } from '../../../../src/main/hmrc/fraud-prevention/node-machine-facts';
import { memorySink, type LogRecord } from '../../../../src/main/logging/logger';
import { keytarKeychain } from '../../../../src/main/vault/keytar-keychain';
import {
  startPracticeHmrc,
  type PracticeHmrc,
  type PracticeHmrcOptions,
} from '../../../../src/practice/server';
import type { EventName } from '../../../../src/shared/ipc/contract';
import type { IpcResult } from '../../../../src/shared/ipc/result';
import { fakeDisplay } from '../../../support/fakes/fake-machine-facts';
import { createConfStore } from '../../../support/node-adapters/conf-store';
import { walkPracticeJourney } from '../../../support/practice-journey';
import { startRecordingProxy } from './recording-proxy';

const SENDER = { id: 'test-window', origin: 'app://ledgerlink', isMainFrame: true };

export interface HmrcHarness {
  practice: PracticeHmrc;
  proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  services: MainServices;
  logs: LogRecord[];
  events: { event: EventName; payload: unknown }[];
  call(channel: string, payload?: unknown): Promise<IpcResult<unknown>>;
  /** Links a Practice HMRC user through the app's own journey; returns the account id. */
  link(user: { userId: string; password: string }, kind: 'individual' | 'agent'): Promise<string>;
  close(): Promise<void>;
}

/**
 * The real main-process services (HMRC client, auth, the OS keychain) against a real Practice
 * HMRC over HTTP, with a recording proxy between them. Device facts are this machine's, read
 * through Node; only the maker/model can be given, for machines (VMs) whose firmware reports
 * none, and the display is fixed (there is no window in an integration test).
 */
export async function startHmrcHarness(
  options: { practice?: PracticeHmrcOptions; device?: DeviceIdentityFacts } = {},
): Promise<HmrcHarness> {
  const practice = await startPracticeHmrc({ calculationDelayMs: 200, ...options.practice });
  const proxy = await startRecordingProxy(practice.baseUrl);
  const dataDir = mkdtempSync(join(tmpdir(), 'ledgerlink-hmrc-it-'));
  const sink = memorySink();
  const opened: string[] = [];
  const events: { event: EventName; payload: unknown }[] = [];
  const machine = nodeMachineFacts();
  const services = await createMainServices({
    host: {
      kind: 'browser-host',
      platform: process.platform,
      appVersion: '0.1.0',
      versions: [],
      securityChecks: () => [],
    },
    paths: { userData: dataDir },
    logSink: sink,
    openInSystemBrowser: async (url) => void opened.push(url),
    keyValueStore: (name) => createConfStore(dataDir, name),
    launchPractice: async () => ({
      ...fromPracticeServer(practice),
      baseUrl: proxy.url,
      stop: async () => undefined,
    }),
    rendererOrigins: [SENDER.origin],
    keychain: keytarKeychain(),
    deepLinksAvailable: true,
    machineFacts: options.device
      ? { ...machine, deviceIdentity: async () => options.device! }
      : machine,
    display: fakeDisplay(),
  });
  services.ipc.trustSender(SENDER.id);
  services.ipc.onEmit((event, payload) => events.push({ event, payload }));
  const call = (channel: string, payload?: unknown) =>
    services.ipc.dispatch(channel, payload, SENDER);

  return {
    practice,
    proxy,
    services,
    logs: sink.records,
    events,
    call,
    async link(user, kind) {
      const started = await call('auth.startLink', {
        accountKind: kind,
        transport: 'custom-scheme',
      });
      if (!started.ok) throw new Error(`startLink: ${JSON.stringify(started.error)}`);
      const journey = await walkPracticeJourney(opened.at(-1)!, user);
      services.deepLinks.receive(journey.location!, 'open-url');
      const done = await services.link.settled();
      if (!done?.account) throw new Error(`linking failed: ${JSON.stringify(done)}`);
      return done.account.id;
    },
    async close() {
      await services.dispose();
      await proxy.close();
      await practice.stop();
    },
  };
}
