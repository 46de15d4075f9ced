import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { flattenBody } from '../../../src/main/review/flatten-body';
import { createOutboxStore } from '../../../src/main/sync/outbox-store';
import { createSubmissionLog } from '../../../src/main/sync/submission-log';
import { NO_FAULTS } from '../../../src/practice/server';
import { startSyncHarness, type SyncHarness } from './support/sync-harness';

/**
 * 200 cumulative updates (50 self-employment businesses × 2 tax years × 2 updates each) synced
 * while Practice HMRC answers 20 % of requests with a 5xx and drops another 20 % of connections,
 * before or after acting on them. Every update must end accepted, none lost, each in effect
 * exactly once — checked on Practice's own stored state (its data file: final figures and the
 * history of accepted end dates) and on the app's submission log (one receipt per update, the
 * chain intact).
 */
const BUSINESSES = 50;
let h: SyncHarness | undefined;
afterAll(async () => {
  await h?.close();
});

type PenceTree = { [k: string]: number | PenceTree };
interface PracticeState {
  taxpayers: Record<
    string,
    {
      businesses: {
        businessId: string;
        cumulative: Record<
          string,
          { toDate: string; amounts: PenceTree; history: { toDate: string }[] }
        >;
      }[];
    }
  >;
}

describe('sync under faults: 20 % server errors and 20 % dropped connections', () => {
  it(
    'accepts all 200 updates, loses none, and each is in effect exactly once',
    { timeout: 900_000 },
    async () => {
      const dataFile = join(mkdtempSync(join(tmpdir(), 'practice-faults-')), 'practice.json');
      h = await startSyncHarness({ practice: { dataFile, rateLimitPerSecond: 3 } });
      const user = h.practice.createIndividual({
        name: 'Many Businesses',
        mtdStartTaxYear: '2025-26',
        businesses: Array.from({ length: BUSINESSES }, (_, i) => ({
          typeOfBusiness: 'self-employment' as const,
          tradingName: `Trade ${i + 1}`,
          commencementDate: '2015-01-01',
        })),
      });
      const accountId = await h.link(user, 'individual');
      const { profiles, review, sync } = h.services;
      const profile = await profiles.create({
        kind: 'self',
        name: user.name,
        nino: user.nino!,
        accountId,
        activate: true,
      });
      await profiles.refresh(profile.id);
      const ledger = profiles.ledger(profile.id);
      const businesses = ledger.businesses.list();
      expect(businesses).toHaveLength(BUSINESSES);

      const approveAll = async (ends: [string, string][], seed: number) => {
        for (const [n, b] of businesses.entries()) {
          for (const [taxYear, periodEnd] of ends) {
            const date =
              taxYear === '2025-26'
                ? `${periodEnd.slice(0, 4)}-${periodEnd.slice(5, 7)}-01`
                : `2026-${periodEnd.slice(5, 7)}-01`;
            ledger.transactions.add({
              date,
              description: 'Sale',
              amountPence: 10_000 + n * 101 + seed,
              businessId: b.id,
              categoryId: 'se.turnover',
            });
            const u = await review.prepare({
              profileId: profile.id,
              businessId: b.id,
              taxYear,
              periodEnd,
            });
            expect(u.errors).toEqual([]);
            await review.approve({
              profileId: profile.id,
              businessId: b.id,
              taxYear,
              periodEnd,
              payloadHash: u.payloadHash,
              recordsFingerprint: u.records.fingerprint,
              acknowledgedWarnings: u.warnings.map((w) => w.code),
            });
          }
        }
      };
      const syncUntilDone = async () => {
        for (let round = 0; round < 12; round++) {
          await sync.syncNow(profile.id, { estimate: false, refreshObligations: false });
          if (sync.status(profile.id).counts.queued === 0) return round + 1;
        }
        throw new Error('Updates were still queued after 12 syncs');
      };

      h.practice.setFaults({
        serverErrorRate: 0.2,
        dropRate: 0.2,
        dropWhen: 'either',
        seed: 20261120,
      });
      await approveAll(
        [
          ['2025-26', '2026-01-05'],
          ['2026-27', '2026-07-05'],
        ],
        1,
      );
      const rounds1 = await syncUntilDone();
      await approveAll(
        [
          ['2025-26', '2026-04-05'],
          ['2026-27', '2026-10-05'],
        ],
        2,
      );
      const rounds2 = await syncUntilDone();
      h.practice.setFaults(NO_FAULTS);

      // The app: 200 accepted, 200 receipts, one per update, chain intact.
      const outbox = createOutboxStore(ledger.database);
      expect(outbox.counts()).toMatchObject({
        accepted: 200,
        approved: 0,
        sending: 0,
        failed: 0,
        'needs-relink': 0,
        stale: 0,
      });
      const log = createSubmissionLog(ledger.database);
      const entries = log.list();
      expect(entries).toHaveLength(200);
      expect(new Set(entries.map((e) => e.outboxId)).size).toBe(200);
      expect(sync.verifyLog(profile.id)[0]).toMatchObject({ ok: true, entries: 200 });

      // Practice HMRC: for each business and year, the last update's figures, and exactly the two
      // accepted end dates in order — nothing lost, nothing applied twice or out of order.
      await h.practice.flush();
      const state = JSON.parse(readFileSync(dataFile, 'utf8')) as PracticeState;
      const held = state.taxpayers[user.nino!]!.businesses;
      const lastPayload = new Map(entries.map((e) => [`${e.hmrcBusinessId}|${e.taxYear}`, e]));
      for (const b of businesses) {
        const record = held.find((x) => x.businessId === b.hmrcBusinessId)!;
        for (const [taxYear, ends] of [
          ['2025-26', ['2026-01-05', '2026-04-05']],
          ['2026-27', ['2026-07-05', '2026-10-05']],
        ] as const) {
          const stored = record.cumulative[taxYear]!;
          expect(
            stored.history.map((x) => x.toDate),
            `${b.hmrcBusinessId} ${taxYear}`,
          ).toEqual(ends);
          expect(stored.toDate).toBe(ends[1]);
          const sent = flattenBody(
            JSON.parse(lastPayload.get(`${b.hmrcBusinessId}|${taxYear}`)!.payload),
          );
          expect((stored.amounts.periodIncome as PenceTree).turnover).toBe(
            (sent.get('periodIncome.turnover') as { pence: number }).pence,
          );
        }
      }
      const attempts = h.logs.filter(
        (r) => r.message === 'HMRC answered' || r.message === 'HMRC could not be reached',
      );
      console.log(
        `fault run: ${attempts.length} HMRC attempts for 200 updates; syncs needed: ${rounds1} + ${rounds2}`,
      );
    },
  );
});
