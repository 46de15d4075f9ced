import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/ledger';
import { createOutboxStore } from '../../../src/main/sync/outbox-store';
import { createSubmissionLog } from '../../../src/main/sync/submission-log';
import { seededRandom } from '../../../src/practice/faults/seeded-random';
import {
  createOffsetClock,
  startPracticeHmrc,
  type PracticeHmrc,
} from '../../../src/practice/server';
import { practiceEndpointOf } from '../../support/integration-app/integration-adapters';
import { startApp, SYNC_REFERENCE_NOW } from './support/sync-harness';
import { walkPracticeJourney } from '../../support/practice-journey';

/**
 * The app process is killed (SIGKILL) at random points while it syncs — before a request, while
 * HMRC is answering, between HMRC's answer and the commit — and started again, at least 20
 * times. The outbox must always converge: every approved update accepted, none lost, exactly
 * one receipt each, the chain intact, and Practice HMRC holding each update once, in order.
 */
const CHILD = resolve(__dirname, 'support/sync-child.ts');
const BUSINESSES = 6;
/** The end dates each business's updates move through, one round at a time. */
const ROUNDS: [taxYear: string, periodEnd: string][] = [
  ['2025-26', '2025-07-05'],
  ['2026-27', '2026-07-05'],
  ['2025-26', '2025-10-05'],
  ['2026-27', '2026-10-05'],
  ['2025-26', '2026-01-05'],
  ['2025-26', '2026-04-05'],
];
const MIN_KILLS = 20;

let practice: PracticeHmrc | undefined;
afterAll(async () => {
  await practice?.stop();
});

interface Child {
  kill(): void;
  /** Resolves with the exit code (null when killed). */
  exited: Promise<number | null>;
  /** Resolves when the child says it is ready to sync. */
  ready: Promise<void>;
  lines: string[];
}

function startChild(env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: resolve(__dirname, '../../..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let onReady!: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      if (line === 'ready') onReady();
    }
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((r) =>
    child.on('exit', (code) => {
      if (code !== null && code !== 0) console.error(stderr);
      onReady();
      r(code);
    }),
  );
  return { kill: () => child.kill('SIGKILL'), exited, ready, lines };
}

describe('crash safety: the app killed at random points while syncing', () => {
  it(
    `converges after ${MIN_KILLS}+ kills: nothing lost, no duplicate receipts`,
    { timeout: 900_000 },
    async () => {
      const dataFile = join(mkdtempSync(join(tmpdir(), 'practice-crash-')), 'practice.json');
      // A little latency so kills land while requests are in flight, not only between them.
      practice = await startPracticeHmrc({
        clock: createOffsetClock(Date.parse(SYNC_REFERENCE_NOW)),
        dataFile,
        faults: { latencyMs: 60 },
      });
      const user = practice.createIndividual({
        name: 'Crash Test',
        mtdStartTaxYear: '2025-26',
        businesses: Array.from({ length: BUSINESSES }, (_, i) => ({
          typeOfBusiness: 'self-employment' as const,
          tradingName: `Trade ${i + 1}`,
          commencementDate: '2015-01-01',
        })),
      });
      const dataDir = mkdtempSync(join(tmpdir(), 'ledgerlink-crash-'));
      const env = {
        SYNC_DATA_DIR: dataDir,
        SYNC_PRACTICE_URL: practice.baseUrl,
        SYNC_APP_AT: SYNC_REFERENCE_NOW,
      };

      // Set up in this process: link, add the profile, fetch its businesses; then close.
      let profileId: string;
      {
        const app = await startApp({
          dataDir,
          practice: practiceEndpointOf(practice),
          at: SYNC_REFERENCE_NOW,
        });
        await app.ok('auth.startLink', { accountKind: 'individual', transport: 'custom-scheme' });
        const journey = await walkPracticeJourney(app.opened.at(-1)!, {
          userId: user.userId,
          password: user.password,
        });
        app.services.deepLinks.receive(journey.location!, 'open-url');
        const accountId = (await app.services.link.settled())!.account!.id;
        const profile = await app.services.profiles.create({
          kind: 'self',
          name: user.name,
          nino: user.nino!,
          accountId,
          activate: true,
        });
        profileId = profile.id;
        await app.services.profiles.refresh(profileId);
        await app.services.dispose();
      }

      /** Approves the next round of updates in a short-lived app instance, as a person would. */
      const approveRound = async (round: number) => {
        const app = await startApp({
          dataDir,
          practice: practiceEndpointOf(practice!),
          at: SYNC_REFERENCE_NOW,
        });
        const ledger = app.services.profiles.ledger(profileId);
        const [taxYear, periodEnd] = ROUNDS[round]!;
        for (const [n, b] of ledger.businesses.list().entries()) {
          const date = `${periodEnd.slice(0, 7)}-01`;
          ledger.transactions.add({
            date,
            description: `Sale round ${round}`,
            amountPence: 5_000 + round * 100 + n,
            businessId: b.id,
            categoryId: 'se.turnover',
          });
          const u = await app.services.review.prepare({
            profileId,
            businessId: b.id,
            taxYear,
            periodEnd,
          });
          expect(u.errors).toEqual([]);
          await app.services.review.approve({
            profileId,
            businessId: b.id,
            taxYear,
            periodEnd,
            payloadHash: u.payloadHash,
            recordsFingerprint: u.records.fingerprint,
            acknowledgedWarnings: u.warnings.map((w) => w.code),
          });
        }
        await app.services.dispose();
      };

      const random = seededRandom(20261120);
      let kills = 0;
      let round = 0;
      let finished = false;
      let runs = 0;
      // Kills that caught an update `sending`: its PUT may or may not have reached HMRC.
      let midSend = 0;
      const sendingNow = () => {
        const db = openDatabase(join(dataDir, 'profiles', profileId, 'ledger.sqlite'), {
          readonly: true,
        });
        try {
          return (
            db.prepare(`SELECT count(*) AS n FROM sync_outbox WHERE state = 'sending'`).get() as {
              n: number;
            }
          ).n;
        } finally {
          db.close();
        }
      };
      await approveRound(round++);
      while (!finished) {
        runs += 1;
        const child = startChild({ ...env, SYNC_PROFILE_ID: profileId });
        await child.ready;
        const killHere = kills < MIN_KILLS || round < ROUNDS.length;
        if (killHere) {
          // Kill after a random time, or right after a random number of outbox changes.
          const afterChanges = 1 + Math.floor(random() * 10);
          const afterMs = 100 + random() * 2500;
          const timer = setTimeout(() => child.kill(), afterMs);
          const watch = setInterval(() => {
            if (child.lines.filter((l) => l === 'changed').length >= afterChanges) child.kill();
          }, 2);
          const code = await child.exited;
          clearTimeout(timer);
          clearInterval(watch);
          if (code === null) {
            kills += 1;
            if (sendingNow() > 0) midSend += 1;
          }
        } else {
          expect(await child.exited).toBe(0);
        }
        const done = child.lines.some((l) => l.startsWith('done'));
        // When a round has been fully sent, the person approves the next one.
        if (done || !killHere) {
          const app = await startApp({
            dataDir,
            practice: practiceEndpointOf(practice),
            at: SYNC_REFERENCE_NOW,
          });
          const counts = createOutboxStore(
            app.services.profiles.ledger(profileId).database,
          ).counts();
          await app.services.dispose();
          if (counts.approved + counts.sending === 0) {
            if (round < ROUNDS.length) await approveRound(round++);
            else if (kills >= MIN_KILLS) finished = true;
          }
        }
        if (runs > 200) throw new Error('The outbox did not converge');
      }

      // Converged: check the app's records and Practice HMRC's.
      const app = await startApp({
        dataDir,
        practice: practiceEndpointOf(practice),
        at: SYNC_REFERENCE_NOW,
      });
      const ledger = app.services.profiles.ledger(profileId);
      const counts = createOutboxStore(ledger.database).counts();
      const expected = BUSINESSES * ROUNDS.length;
      expect(counts).toMatchObject({
        accepted: expected,
        approved: 0,
        sending: 0,
        failed: 0,
        superseded: 0,
        stale: 0,
      });
      const entries = createSubmissionLog(ledger.database).list();
      expect(entries).toHaveLength(expected);
      expect(new Set(entries.map((e) => e.outboxId)).size).toBe(expected);
      expect(app.services.sync.verifyLog(profileId)[0]).toMatchObject({
        ok: true,
        entries: expected,
        problems: [],
      });
      await app.services.dispose();

      await practice.flush();
      const state = JSON.parse(readFileSync(dataFile, 'utf8')) as {
        taxpayers: Record<
          string,
          {
            businesses: {
              businessId: string;
              cumulative: Record<string, { history: { toDate: string }[] }>;
            }[];
          }
        >;
      };
      for (const b of state.taxpayers[user.nino!]!.businesses) {
        for (const taxYear of ['2025-26', '2026-27']) {
          const ends = ROUNDS.filter(([ty]) => ty === taxYear).map(([, end]) => end);
          expect(
            b.cumulative[taxYear]!.history.map((x) => x.toDate),
            `${b.businessId} ${taxYear}`,
          ).toEqual(ends);
        }
      }
      console.log(
        `crash test: ${kills} kills (${midSend} with an update mid-send) over ${runs} app runs, ${expected} updates, all accepted once`,
      );
      expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
      expect(midSend).toBeGreaterThan(0);
    },
  );
});
