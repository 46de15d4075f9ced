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
import { type Exchange, startRecordingProxy } from '../hmrc/support/recording-proxy';
import { startApp, SYNC_REFERENCE_NOW } from './support/sync-harness';
import { walkPracticeJourney } from '../../support/practice-journey';

/**
 * The app process is killed (SIGKILL) at chosen points while it syncs — before an update
 * reaches HMRC, after HMRC has stored it but before the answer arrives, right after an outbox
 * change is committed — and started again, at least 20 times. The points come from a seeded
 * sequence and are reached by events, never by timers, so every run of the test is the same. The outbox must always converge: every approved update accepted, none lost, exactly
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
/** Kills per round of approvals, so every round is interrupted (6 rounds, up to 30 kills). */
const KILLS_PER_ROUND = 5;

let practice: PracticeHmrc | undefined;
let proxy: Awaited<ReturnType<typeof startRecordingProxy>> | undefined;
afterAll(async () => {
  await proxy?.close();
  await practice?.stop();
});

const KILL_POINTS = ['before-hmrc', 'after-hmrc-stored', 'after-outbox-change'] as const;
type KillPoint = (typeof KILL_POINTS)[number];
/** The app run in progress and where it is to die. */
let running:
  { child: Child; point: KillPoint | undefined; nth: number; updates: number } | undefined;

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

describe('crash safety: the app killed at chosen points while syncing', () => {
  it(
    `converges after ${MIN_KILLS}+ kills: nothing lost, no duplicate receipts`,
    { timeout: 900_000 },
    async () => {
      const dataFile = join(mkdtempSync(join(tmpdir(), 'practice-crash-')), 'practice.json');
      practice = await startPracticeHmrc({
        clock: createOffsetClock(Date.parse(SYNC_REFERENCE_NOW)),
        dataFile,
      });
      // The child reaches HMRC through this proxy, which kills it at the chosen exchange.
      const isUpdate = (e: Exchange) => e.method === 'PUT' && e.url.includes('/cumulative/');
      // Each update of a run is numbered as it arrives; the run dies at its Nth.
      const ordinal = new WeakMap<Exchange, number>();
      const killIfChosen = async (e: Exchange, at: KillPoint): Promise<boolean> => {
        const run = running;
        if (!run || run.point !== at || ordinal.get(e) !== run.nth) return false;
        run.child.kill();
        await run.child.exited;
        return true;
      };
      proxy = await startRecordingProxy(practice.baseUrl, {
        beforeForward: async (e) => {
          if (!running || !isUpdate(e)) return 'forward';
          ordinal.set(e, ++running.updates);
          return (await killIfChosen(e, 'before-hmrc')) ? 'drop' : 'forward';
        },
        beforeRelay: async (e) => ((await killIfChosen(e, 'after-hmrc-stored')) ? 'drop' : 'relay'),
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
        SYNC_PRACTICE_URL: proxy.url,
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
      let killsThisRound = 0;
      let round = 0;
      let runs = 0;
      // Kills that caught an update `sending`: its PUT may or may not have reached HMRC.
      let midSend = 0;
      const outboxCount = (states: string[]) => {
        const db = openDatabase(join(dataDir, 'profiles', profileId, 'ledger.sqlite'), {
          readonly: true,
        });
        try {
          const marks = states.map(() => '?').join(', ');
          return (
            db
              .prepare(`SELECT count(*) AS n FROM sync_outbox WHERE state IN (${marks})`)
              .get(...states) as { n: number }
          ).n;
        } finally {
          db.close();
        }
      };
      await approveRound(round++);
      for (;;) {
        const waiting = outboxCount(['approved', 'sending']);
        if (waiting === 0) {
          // The round is fully sent: the person approves the next one.
          if (round === ROUNDS.length) break;
          await approveRound(round++);
          killsThisRound = 0;
          continue;
        }
        runs += 1;
        if (runs > 200) throw new Error('The outbox did not converge');
        const killHere = killsThisRound < KILLS_PER_ROUND;
        // Where this run dies, from a seeded sequence so every run of the test is the same:
        // before its Nth update reaches HMRC, after HMRC has stored the Nth but before the app
        // hears, or right after the app's Nth outbox change — N no more than the updates still
        // waiting, so the point is reached.
        const point = KILL_POINTS[Math.floor(random() * KILL_POINTS.length)]!;
        const nth = 1 + Math.floor(random() * Math.min(4, waiting));
        const child = startChild({
          ...env,
          SYNC_PROFILE_ID: profileId,
          SYNC_KILL_AFTER_CHANGES: String(killHere && point === 'after-outbox-change' ? nth : 0),
        });
        running = { child, point: killHere ? point : undefined, nth, updates: 0 };
        await child.ready;
        const code = await child.exited;
        running = undefined;
        if (code === null) {
          kills += 1;
          killsThisRound += 1;
          if (outboxCount(['sending']) > 0) midSend += 1;
        } else {
          expect(code).toBe(0);
          expect(child.lines.some((l) => l.startsWith('done'))).toBe(true);
        }
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
