import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeclarationStore } from '../../../src/main/year-end/declaration/declaration-store';
import { SEEDED } from '../../../src/practice/state/seed';
import {
  startDeclareApp,
  startDeclareHarness,
  YEAR_END_NOW,
  type DeclareHarness,
} from './support/declare-harness';
import { startHoldingProxy, type HoldingProxy } from './support/holding-proxy';
import { practiceEndpointOf } from '../../support/integration-app/integration-adapters';

/**
 * A final declaration is a POST, not idempotent. The app process is killed between marking the
 * declaration `sending` and recording HMRC's answer, at 21 deterministic points: at the Nth step
 * of sending (the child kills itself), or while the proxy in front of Practice HMRC holds the
 * POST before HMRC sees it, holds HMRC's answer after HMRC acted, or holds the answer to the
 * "what do you hold?" question asked on restart. No timers, no sleeps. In the end Practice HMRC
 * holds exactly one final declaration, for the agreed calculation, and the app recorded it once.
 */
const CHILD = resolve(__dirname, 'support/declare-child.ts');
const ALICE = { ...SEEDED.individualA, name: 'Alice Ashworth' };
const TAX_YEAR = '2025-26';
const POST = { method: 'POST', path: /\/final-declaration$/ };
const LIST = { method: 'GET', path: /calculationType=final-declaration/ };

/** self:N = the child kills itself at its Nth step; the others = the proxy holds, the test kills. */
type Kill = { self: number } | { hold: 'post-request' | 'post-response' | 'list-response' };
// Steps of a first send: 1 marked-sending, 2 answered, 3 recorded. Of a resumed one:
// 1 recovering, 2 recovery-answered, 3 marked-sending, 4 answered, 5 recorded.
const SCHEDULE: Kill[] = [
  { self: 1 }, // sending, nothing sent yet
  { self: 1 }, // restart: before asking HMRC
  { self: 2 }, // HMRC said it holds nothing; not yet sent again
  { self: 3 }, // marked sending again, POST not yet made
  { hold: 'post-request' }, // POST on the wire, HMRC never sees it
  { hold: 'list-response' }, // HMRC's "nothing" answer lost
  { self: 2 },
  { hold: 'post-request' },
  { self: 3 },
  { hold: 'post-request' },
  { hold: 'post-response' }, // HMRC declared; its 204 lost
  { self: 1 },
  { hold: 'list-response' }, // HMRC's "I hold it" answer lost
  { self: 2 }, // HMRC's "I hold it" heard, killed before the commit
  { hold: 'list-response' },
  { self: 1 },
  { self: 2 },
  { hold: 'list-response' },
  { self: 2 },
  { self: 1 },
  { self: 2 },
];

let h: DeclareHarness | undefined;
let proxy: HoldingProxy | undefined;
afterAll(async () => {
  await proxy?.close();
  await h?.close();
});

function runChild(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    cwd: resolve(__dirname, '../../..'),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      lines.push(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
    }
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((r) =>
    child.on('exit', (code, signal) => r({ code, signal })),
  );
  return { kill: () => child.kill('SIGKILL'), exited, lines, stderr: () => stderr };
}

describe('crash safety of the final declaration', () => {
  it(
    `${SCHEDULE.length} kills between "sending" and HMRC's answer: one declaration at HMRC, recorded once`,
    { timeout: 900_000 },
    async () => {
      const dataFile = join(
        mkdtempSync(join(tmpdir(), 'practice-declare-crash-')),
        'practice.json',
      );
      h = await startDeclareHarness({ practice: { dataFile } });
      const profileId = await h.profileFor(ALICE);
      const calc = await h.ok('yearEnd.finalCalculation', {
        profileId,
        taxYear: TAX_YEAR,
        purpose: 'finalise',
      });
      const calculationId = calc.latest!.calculationId;
      await h.ok('yearEnd.agree', { profileId, taxYear: TAX_YEAR, calculationId, agreed: true });
      await h.services.dispose();
      proxy = await startHoldingProxy(h.practice.baseUrl);

      const env = (killAt: number) => ({
        DECLARE_DATA_DIR: h!.dataDir,
        DECLARE_PRACTICE_URL: proxy!.url,
        DECLARE_APP_AT: YEAR_END_NOW,
        DECLARE_PROFILE_ID: profileId,
        DECLARE_TAX_YEAR: TAX_YEAR,
        DECLARE_CALCULATION_ID: calculationId,
        DECLARE_KILL_AT: String(killAt),
      });
      let kills = 0;
      for (const [i, kill] of SCHEDULE.entries()) {
        if ('self' in kill) {
          const child = runChild(env(kill.self));
          const { signal } = await child.exited;
          expect(
            signal,
            `kill ${i + 1} (${JSON.stringify(kill)}): ${child.lines.join(' | ')} ${child.stderr()}`,
          ).toBe('SIGKILL');
        } else {
          const held = proxy.arm(
            kill.hold === 'list-response' ? LIST : POST,
            kill.hold === 'post-request' ? 'request' : 'response',
          );
          const child = runChild(env(0));
          await Promise.race([
            held,
            child.exited.then(() => {
              throw new Error(
                `kill ${i + 1}: the child finished before the proxy held anything: ${child.lines.join(' | ')} ${child.stderr()}`,
              );
            }),
          ]);
          child.kill();
          expect((await child.exited).signal).toBe('SIGKILL');
          proxy.disarm();
        }
        kills += 1;
        // Between every kill: never a receipt before HMRC holds it, and never two.
        const db = (await import('../../../src/main/ledger')).openDatabase(
          join(h.dataDir, 'profiles', profileId, 'ledger.sqlite'),
          { readonly: true },
        );
        try {
          const receipts = createDeclarationStore(db).receipts();
          expect(receipts.length).toBeLessThanOrEqual(1);
        } finally {
          db.close();
        }
      }

      // A clean run finishes it; another changes nothing.
      for (let run = 0; run < 2; run++) {
        const child = runChild(env(0));
        const { code } = await child.exited;
        expect(code, child.stderr()).toBe(0);
        expect(child.lines.at(-1)).toMatch(/^done /);
      }

      const app = await startDeclareApp({
        dataDir: h.dataDir,
        practice: practiceEndpointOf(h.practice),
        at: YEAR_END_NOW,
      });
      const store = createDeclarationStore(app.services.profiles.ledger(profileId).database);
      const receipts = store.receipts();
      expect(receipts).toHaveLength(1);
      expect(receipts[0]).toMatchObject({
        calculationId,
        declaration: 'final-declaration',
        how: 'confirmed',
        seq: 1,
      });
      expect(store.verifyReceipts()).toEqual([]);
      expect(store.latest(TAX_YEAR)).toMatchObject({ state: 'accepted' });
      await app.services.dispose();

      await h.practice.flush();
      const practice = JSON.parse(readFileSync(dataFile, 'utf8')) as {
        taxpayers: Record<
          string,
          {
            finalDeclarations: Record<string, { calculationId: string }>;
            calculations: { declaredAs?: string }[];
          }
        >;
      };
      const alice = practice.taxpayers[ALICE.nino]!;
      expect(alice.finalDeclarations[TAX_YEAR]!.calculationId).toBe(calculationId);
      expect(alice.calculations.filter((c) => c.declaredAs === 'final-declaration')).toHaveLength(
        1,
      );
      expect(kills).toBeGreaterThanOrEqual(20);
    },
  );

  it('a repeat answered RULE_FINAL_DECLARATION_RECEIVED for the agreed calculation is recorded as the success it is', async () => {
    const other = await startDeclareHarness();
    try {
      const profileId = await other.profileFor(ALICE);
      const calc = await other.ok('yearEnd.finalCalculation', {
        profileId,
        taxYear: TAX_YEAR,
        purpose: 'finalise',
      });
      const calculationId = calc.latest!.calculationId;
      await other.ok('yearEnd.agree', {
        profileId,
        taxYear: TAX_YEAR,
        calculationId,
        agreed: true,
      });
      // HMRC received it already (the app's first POST answered, but the answer never arrived
      // and the outbox row was lost with the disk cache): the app's POST is refused as a repeat.
      const { client, nino } = other.services.profiles.hmrcFor(profileId);
      await client.calculations.submitFinalDeclaration(nino, TAX_YEAR, calculationId);
      const done = await other.ok('yearEnd.declare', {
        profileId,
        taxYear: TAX_YEAR,
        calculationId,
      });
      expect(done.declared).toMatchObject({ calculationId, how: 'confirmed' });
    } finally {
      await other.close();
    }
  });
});
