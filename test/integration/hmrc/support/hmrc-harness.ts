import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createMainServices,
  type MainAdapters,
  type MainServices,
} from '../../../../src/main/create-main-services';
import type { DeviceIdentityFacts } from '../../../../src/main/hmrc/fraud-prevention/machine-facts';
import { nodeMachineFacts } from '../../../../src/main/hmrc/fraud-prevention/node-machine-facts';
import { memorySink, type LogRecord } from '../../../../src/main/logging/logger';
import {
  startPracticeHmrc,
  type PracticeHmrc,
  type PracticeHmrcOptions,
} from '../../../../src/practice/server';
import type { EventName } from '@shared/ipc/contract';
import { fakeDisplay } from '../../../support/fakes/fake-machine-facts';
import { dispatchAs, type Dispatcher } from '../../../support/dispatch-as';
import {
  integrationAdapters,
  practiceEndpointOf,
} from '../../../support/integration-app/integration-adapters';
import { linkThroughPractice } from '../../../support/integration-app/link-through-practice';
import { startRecordingProxy } from './recording-proxy';

export interface HmrcHarness extends Dispatcher {
  practice: PracticeHmrc;
  proxy: Awaited<ReturnType<typeof startRecordingProxy>>;
  services: MainServices;
  logs: LogRecord[];
  events: { event: EventName; payload: unknown }[];
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
  options: {
    practice?: PracticeHmrcOptions;
    device?: DeviceIdentityFacts | undefined;
    proxy?: Parameters<typeof startRecordingProxy>[1];
    app?: Pick<MainAdapters, 'hmrcRateLimiter'>;
  } = {},
): Promise<HmrcHarness> {
  const practice = await startPracticeHmrc({ calculationDelayMs: 200, ...options.practice });
  const proxy = await startRecordingProxy(practice.baseUrl, options.proxy);
  const dataDir = mkdtempSync(join(tmpdir(), 'ledgerlink-hmrc-it-'));
  const sink = memorySink();
  const opened: string[] = [];
  const events: { event: EventName; payload: unknown }[] = [];
  const machine = nodeMachineFacts();
  const services = await createMainServices(
    integrationAdapters({
      dataDir,
      practice: practiceEndpointOf(practice, proxy.url),
      logSink: sink,
      opened,
      appVersion: '0.1.0',
      machineFacts: options.device
        ? { ...machine, deviceIdentity: async () => options.device! }
        : machine,
      display: fakeDisplay(),
      ...options.app,
    }),
  );
  services.ipc.onEmit((event, payload) => events.push({ event, payload }));

  return {
    practice,
    proxy,
    services,
    logs: sink.records,
    events,
    ...dispatchAs(services.ipc),
    link: (user, kind) => linkThroughPractice({ services, opened }, user, kind),
    async close() {
      await services.dispose();
      await proxy.close();
      await practice.stop();
    },
  };
}
