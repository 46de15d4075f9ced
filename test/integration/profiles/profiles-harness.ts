import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOffsetClock as createAppClock } from '../../../src/main/clock/clock';
import { createMainServices, type MainServices } from '../../../src/main/create-main-services';
import { memorySink, type LogRecord } from '../../../src/main/logging/logger';
import { startPracticeHmrc, type PracticeHmrc } from '../../../src/practice/server';
import type { EventName } from '@shared/ipc/contract';
import { fakeDisplay, fakeMachineFacts } from '../../support/fakes/fake-machine-facts';
import { dispatchAs, type Dispatcher } from '../../support/dispatch-as';
import {
  integrationAdapters,
  practiceEndpointOf,
} from '../../support/integration-app/integration-adapters';
import { linkThroughPractice } from '../../support/integration-app/link-through-practice';
import { startRecordingProxy, type Exchange } from '../hmrc/support/recording-proxy';

export interface ProfilesHarness extends Dispatcher {
  practice: PracticeHmrc;
  services: MainServices;
  dataDir: string;
  logs: LogRecord[];
  events: { event: EventName; payload: unknown }[];
  /** Every request that reached Practice HMRC's APIs (OAuth pages and tokens left out). */
  apiRequests(): Exchange[];
  /** Links a Practice user through the app's own journey; returns the account id. */
  link(user: { userId: string; password: string }, kind: 'individual' | 'agent'): Promise<string>;
  /** Closes the app and opens it again on the same data folder (as a restart does). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The real main-process services (profiles, HMRC client, auth, the OS keychain, SQLite files)
 * against a real Practice HMRC over HTTP on 127.0.0.1, with a recording proxy between them so
 * a test can tell what was (and was not) sent to HMRC.
 */
export async function startProfilesHarness(
  options: { practice?: Parameters<typeof startPracticeHmrc>[0] } = {},
): Promise<ProfilesHarness> {
  const practice = await startPracticeHmrc({ rateLimitPerSecond: 0, ...options.practice });
  const proxy = await startRecordingProxy(practice.baseUrl);
  const dataDir = mkdtempSync(join(tmpdir(), 'ledgerlink-profiles-it-'));
  const sink = memorySink();
  const opened: string[] = [];
  const events: { event: EventName; payload: unknown }[] = [];
  const clock = createAppClock();

  const start = async () => {
    const services = await createMainServices(
      integrationAdapters({
        dataDir,
        practice: practiceEndpointOf(practice, proxy.url),
        logSink: sink,
        opened,
        clock,
        machineFacts: fakeMachineFacts(),
        display: fakeDisplay(),
      }),
    );
    services.ipc.onEmit((event, payload) => events.push({ event, payload }));
    return services;
  };

  let services = await start();
  const ipc = dispatchAs(() => services.ipc);

  const harness: ProfilesHarness = {
    practice,
    get services() {
      return services;
    },
    dataDir,
    logs: sink.records,
    events,
    apiRequests: () => proxy.apiCalls(),
    ...ipc,
    link: (user, kind) => linkThroughPractice({ services, opened }, user, kind),
    async restart() {
      await services.dispose();
      services = await start();
    },
    async close() {
      await services.dispose();
      await proxy.close();
      await practice.stop();
    },
  };
  return harness;
}
