import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeError } from '../../../src/main/hmrc/errors/error-catalogue';
import { SEEDED } from '../../../src/practice/server';
import { addPropertyRecords, addSelfEmploymentRecords } from './support/records';
import { startSyncHarness, type SyncHarness } from './support/sync-harness';

/**
 * Each business rule HMRC applies to the cumulative PUT (reference §3.6, §3.8), as Practice HMRC
 * returns it: the outbox item ends `failed` with HMRC's code, the plain-English message and
 * action from the error catalogue, and the correlation id — shown through `sync.status` — and
 * the approved update is kept for correction.
 */
const alice = SEEDED.individualA;
const SCENARIOS = [
  'BOTH_EXPENSES_SUPPLIED',
  'START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE',
  'END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
  'MISSING_SUBMISSION_DATES',
  'START_AND_END_DATE_NOT_ALLOWED',
  'EARLY_DATA_SUBMISSION_NOT_ACCEPTED',
  'OUTSIDE_AMENDMENT_WINDOW',
  'ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE',
  'SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS',
  'START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
  'TAX_YEAR_NOT_SUPPORTED',
] as const;

let h: SyncHarness;
let profileId: string;
let seId: number;
let ukpId: number;

beforeAll(async () => {
  h = await startSyncHarness();
  const accountId = await h.link(alice, 'individual');
  const profile = await h.services.profiles.create({
    kind: 'self',
    name: 'Alice Ashworth',
    nino: alice.nino,
    accountId,
    activate: true,
  });
  profileId = profile.id;
  await h.services.profiles.refresh(profileId);
  const ledger = h.services.profiles.ledger(profileId);
  seId = ledger.businesses.findByHmrcId(alice.selfEmploymentId)!.id;
  ukpId = ledger.businesses.findByHmrcId(alice.ukPropertyId)!.id;
  addSelfEmploymentRecords(ledger, seId);
  addPropertyRecords(ledger, ukpId);
});
afterAll(async () => {
  await h?.close();
});

async function approve(businessId: number, periodEnd: string) {
  const u = await h.services.review.prepare({
    profileId,
    businessId,
    taxYear: '2026-27',
    periodEnd,
  });
  expect(u.errors).toEqual([]);
  const result = await h.services.review.approve({
    profileId,
    businessId,
    taxYear: '2026-27',
    periodEnd,
    payloadHash: u.payloadHash,
    recordsFingerprint: u.records.fingerprint,
    acknowledgedWarnings: u.warnings.map((w) => w.code),
  });
  return result.outboxId;
}

async function shown(outboxId: number) {
  const status = await h.ok('sync.status', { profileId });
  return status.items.find((i) => i.id === outboxId)!;
}

describe('HMRC’s cumulative business rules, mapped and shown', () => {
  it.each(SCENARIOS)(
    '%s → failed with HMRC’s code and words; the update is kept',
    async (scenario) => {
      const outboxId = await approve(seId, '2026-10-05');
      const run = await h.services.sync.syncNow(profileId, { govTestScenario: scenario });
      expect(run).toMatchObject({ accepted: 0, failed: 1 });
      const code = `RULE_${scenario}`;
      const words = describeError(code);
      const item = await shown(outboxId);
      expect(item).toMatchObject({
        state: 'failed',
        error: { code, message: words.message, action: words.action },
      });
      expect(item.error!.correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(run.clients[0]!.message).toContain(words.message);
    },
  );

  it('real state: HMRC refuses an end date moving backwards that this computer could not know about', async () => {
    // Other software sent the property update to 5 October; Ledgerlink's log knows nothing of it.
    const { client } = h.services.profiles.hmrcFor(profileId);
    await client.ukProperty.putCumulative(alice.nino, alice.ukPropertyId, '2026-27', {
      fromDate: '2026-04-06',
      toDate: '2026-10-05',
      ukProperty: { income: { periodAmount: 1 }, expenses: { premisesRunningCosts: 0 } },
    });
    h.network.set(false);
    const outboxId = await approve(ukpId, '2026-07-05');
    h.network.set(true);
    const run = await h.services.sync.syncNow(profileId);
    expect(run).toMatchObject({ failed: 1 });
    expect(await shown(outboxId)).toMatchObject({
      state: 'failed',
      error: {
        code: 'RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS',
        message: describeError('RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS').message,
      },
    });
    // With HMRC's copy in view the review now knows, and blocks it before anything is sent.
    const again = await h.services.review.prepare({
      profileId,
      businessId: ukpId,
      taxYear: '2026-27',
      periodEnd: '2026-07-05',
      compareWithHmrc: true,
    });
    expect(again.comparison.source).toBe('hmrc');
    expect(again.errors.map((e) => e.code)).toEqual([
      'RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS',
    ]);
  });
});
