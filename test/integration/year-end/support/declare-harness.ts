import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NOT_COVERED_TOPICS } from '@shared/domain/not-covered';
import { previousTaxYear, taxYearOf } from '@shared/domain/tax-year';
import { createOffsetClock as createAppClock } from '../../../../src/main/clock/clock';
import {
  createMainServices,
  type MainAdapters,
  type MainServices,
} from '../../../../src/main/create-main-services';
import type { PracticeEndpoint } from '../../../../src/main/environments/practice-endpoint';
import { memorySink } from '../../../../src/main/logging/logger';
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

/** 15 June 2026: 2025-26 has ended (declare it); 2026-27 has not. */
export const YEAR_END_NOW = '2026-06-15T10:00:00Z';

export interface DeclareApp extends Dispatcher {
  services: MainServices;
  clock: ReturnType<typeof createAppClock>;
  opened: string[];
}

/**
 * The real main-process services on a data folder against a Practice HMRC over HTTP. Waiting as
 * HMRC advises moves both clocks instead of the wall clock (`sleep`), so a calculation that
 * Practice makes ready after 5 seconds is ready when the app asks, with nothing racing.
 */
export async function startDeclareApp(options: {
  dataDir: string;
  practice: PracticeEndpoint;
  at: string;
  practiceClock?: OffsetClock;
  checkpoint?: (step: string) => void;
  network?: MainAdapters['network'];
}): Promise<DeclareApp> {
  const clock = createAppClock();
  clock.advance(Date.parse(options.at) - Date.now());
  const opened: string[] = [];
  const services = await createMainServices(
    integrationAdapters({
      dataDir: options.dataDir,
      practice: options.practice,
      logSink: memorySink(),
      opened,
      clock,
      sleep: (ms) => {
        clock.advance(ms);
        options.practiceClock?.advance(ms);
        return Promise.resolve();
      },
      ...(options.checkpoint ? { declarationCheckpoint: options.checkpoint } : {}),
      ...(options.network ? { network: options.network } : {}),
    }),
  );
  return { services, clock, opened, ...dispatchAs(services.ipc) };
}

export interface DeclareHarness extends DeclareApp {
  practice: PracticeHmrc;
  practiceClock: OffsetClock;
  dataDir: string;
  link(user: { userId: string; password: string }, kind: 'individual' | 'agent'): Promise<string>;
  /** Links the user and adds their profile (a client of the agent account when `agentRole`). */
  profileFor(
    user: { userId: string; password: string; nino: string; name: string },
    agent?: { accountId: string; agentRole: 'main' | 'supporting' },
  ): Promise<string>;
  /** Moves both clocks (e.g. past the amendment window). */
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function startDeclareHarness(
  options: { at?: string; practice?: PracticeHmrcOptions } = {},
): Promise<DeclareHarness> {
  const at = options.at ?? YEAR_END_NOW;
  const practiceClock = createPracticeClock(Date.parse(at));
  const practice = await startPracticeHmrc({ clock: practiceClock, ...options.practice });
  const dataDir = mkdtempSync(join(tmpdir(), 'ledgerlink-year-end-it-'));
  const app = await startDeclareApp({
    dataDir,
    practice: practiceEndpointOf(practice),
    at,
    practiceClock,
  });
  return {
    ...app,
    practice,
    practiceClock,
    dataDir,
    link: (user, kind) => linkThroughPractice(app, user, kind),
    async profileFor(user, agent) {
      const accountId = agent?.accountId ?? (await linkThroughPractice(app, user, 'individual'));
      const profile = await app.services.profiles.create({
        kind: agent ? 'client' : 'self',
        name: user.name,
        nino: user.nino,
        accountId,
        ...(agent ? { agentRole: agent.agentRole } : {}),
        activate: true,
      });
      await app.services.profiles.refresh(profile.id);
      // These people have no income beyond what Ledgerlink covers: the declaration asks first.
      if (!agent || agent.agentRole === 'main') {
        const taxYear = previousTaxYear(taxYearOf(at.slice(0, 10)));
        for (const topic of NOT_COVERED_TOPICS)
          await app.ok('yearEnd.answerNotCovered', {
            profileId: profile.id,
            taxYear,
            topic,
            applies: false,
          });
      }
      return profile.id;
    },
    advance(ms) {
      app.clock.advance(ms);
      practiceClock.advance(ms);
    },
    async close() {
      await app.services.dispose();
      await practice.stop();
    },
  };
}
