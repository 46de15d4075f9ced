import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED } from '../../../src/practice/server';
import { addSelfEmploymentRecords } from './support/records';
import { startSyncHarness, type SyncHarness } from './support/sync-harness';

/**
 * Income sources as HMRC sees them, against Practice HMRC over HTTP: the ITSA status read with
 * the businesses; an "annual" customer's update sent without dates (and Practice refusing one
 * with dates, RULE_START_AND_END_DATE_NOT_ALLOWED); a latent source beside a quarterly one; and
 * the calendar-quarter choice withdrawn after the year's first update, which Practice refuses
 * as HMRC does (reference §3.5, §5.1, §5.2).
 */
const harri = SEEDED.annualStatus;
const jude = SEEDED.latentSource;

let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness();
});
afterAll(async () => {
  await h?.close();
});

async function profileFor(user: { userId: string; password: string; nino: string }, name: string) {
  const accountId = await h.link(user, 'individual');
  const profile = await h.services.profiles.create({
    kind: 'self',
    name,
    nino: user.nino,
    accountId,
    activate: true,
  });
  return { profileId: profile.id, snapshot: await h.services.profiles.refresh(profile.id) };
}

async function approveAndSync(profileId: string, businessId: number) {
  const list = await h.services.review.list(profileId, { compareWithHmrc: true });
  const u = list.updates.find((x) => x.businessId === businessId)!;
  expect(u.errors).toEqual([]);
  await h.services.review.approve({
    profileId,
    businessId,
    taxYear: u.taxYear,
    periodEnd: u.periodEnd,
    payloadHash: u.payloadHash,
    recordsFingerprint: u.records.fingerprint,
    acknowledgedWarnings: u.warnings.map((w) => w.code),
  });
  return { update: u, run: await h.services.sync.syncNow(profileId) };
}

describe('an annual ITSA status: no quarterly updates, updates without dates', () => {
  it('reads the status with the businesses, sends without dates, and Practice refuses dates', async () => {
    const { profileId, snapshot } = await profileFor(harri, 'Harri Hughes');
    expect(snapshot.itsaStatus).toMatchObject({
      taxYear: '2026-27',
      status: 'Annual',
      quarterlyUpdatesDue: false,
      updatesWithoutDates: true,
    });
    expect(snapshot.itsaStatus.checkedAt).toBeDefined();
    expect(snapshot.itsaStatusLastYear).toMatchObject({ taxYear: '2025-26', status: 'Annual' });
    // Kept offline in the profile, and on the agent overview's source.
    expect(h.services.profiles.snapshot(profileId).itsaStatus.status).toBe('Annual');
    // No quarters to choose for someone who does not report quarterly.
    expect(snapshot.businesses[0]!.election.offered).toBe(false);

    const ledger = h.services.profiles.ledger(profileId);
    const hedging = ledger.businesses.findByHmrcId(harri.businessId)!;
    addSelfEmploymentRecords(ledger, hedging.id);
    const { update, run } = await approveAndSync(profileId, hedging.id);
    expect(update.datesRule).toMatchObject({ withDates: false, rule: 'itsa-status' });
    expect(update.datesRule.reason).toContain('“Annual”');
    // No quarters for someone who does not report quarterly: the card says "so far".
    expect(update.periodLabel).toMatch(/^Figures so far this year, /);
    expect(update.periodLabel).not.toMatch(/\bQ[1-4]\b/);
    const sent = JSON.parse(update.payloadJson) as Record<string, unknown>;
    expect(sent).not.toHaveProperty('periodDates');
    expect(run).toMatchObject({ accepted: 1, failed: 0 });

    // HMRC holds the figures; the same body with dates is refused.
    const { client } = h.services.profiles.hmrcFor(profileId);
    const held = await client.selfEmployment.getCumulative(harri.nino, harri.businessId, '2026-27');
    expect(held.data.periodIncome).toMatchObject(sent.periodIncome as object);
    await expect(
      client.selfEmployment.putCumulative(harri.nino, harri.businessId, '2026-27', {
        ...sent,
        periodDates: { periodStartDate: '2026-04-06', periodEndDate: '2026-10-05' },
      }),
    ).rejects.toMatchObject({ code: 'RULE_START_AND_END_DATE_NOT_ALLOWED' });
  });
});

describe('a latent source beside a quarterly one; the calendar-quarter lock-in', () => {
  it('sends the latent business without dates and the other with them, then withdraws the choice', async () => {
    const { profileId, snapshot } = await profileFor(jude, 'Jude Jenkins');
    expect(snapshot.itsaStatus).toMatchObject({
      status: 'MTD Voluntary',
      quarterlyPenalties: false,
    });
    const joinery = snapshot.businesses.find(
      (b) => b.hmrcBusinessId === jude.establishedBusinessId,
    )!;
    expect(joinery.election).toMatchObject({ offered: true, changeTo: 'calendar' });
    expect(joinery.election.lockIn).toContain('first update of 2026-27');

    const ledger = h.services.profiles.ledger(profileId);
    const established = ledger.businesses.findByHmrcId(jude.establishedBusinessId)!;
    const cycles = ledger.businesses.findByHmrcId(jude.newBusinessId)!;
    addSelfEmploymentRecords(ledger, established.id);
    addSelfEmploymentRecords(ledger, cycles.id, { from: '2026-05-01' });

    const latent = await approveAndSync(profileId, cycles.id);
    expect(latent.update.datesRule).toMatchObject({ withDates: false, rule: 'latent-source' });
    expect(JSON.parse(latent.update.payloadJson)).not.toHaveProperty('periodDates');
    expect(latent.run).toMatchObject({ accepted: 1, failed: 0 });

    const quarterly = await approveAndSync(profileId, established.id);
    expect(quarterly.update.datesRule).toMatchObject({ withDates: true, rule: 'quarterly' });
    expect(JSON.parse(quarterly.update.payloadJson)).toHaveProperty('periodDates');
    expect(quarterly.run).toMatchObject({ accepted: 1, failed: 0 });

    // Before HMRC's obligations are read again, the submission log already withdraws the offer.
    const after = h.services.profiles.snapshot(profileId);
    const withdrawn = after.businesses.find(
      (b) => b.hmrcBusinessId === jude.establishedBusinessId,
    )!;
    expect(withdrawn.election.offered).toBe(false);
    expect(withdrawn.election.reason).toContain('already been sent');
    await expect(
      h.services.profiles.setQuarterlyPeriodType(
        profileId,
        jude.establishedBusinessId,
        'calendar',
        {
          lockIn: true,
          accountingPeriod: true,
        },
      ),
    ).rejects.toMatchObject({ code: 'PERIOD_TYPE_NOT_OFFERED' });

    // And HMRC (Practice) refuses the change itself.
    const { client } = h.services.profiles.hmrcFor(profileId);
    await expect(
      client.businessDetails.createAmendQuarterlyPeriodType(
        jude.nino,
        jude.establishedBusinessId,
        '2026-27',
        { quarterlyPeriodType: 'calendar' },
      ),
    ).rejects.toMatchObject({ code: 'RULE_BUSINESS_ID_STATE_CONFLICT' });
  });
});
