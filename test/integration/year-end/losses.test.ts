import { afterEach, describe, expect, it } from 'vitest';
import { SEEDED } from '../../../src/practice/server';
import { startSyncHarness, type SyncHarness } from '../sync/support/sync-harness';

/**
 * Losses through the app against Practice HMRC: Rhys's 2025-26 ended in a £3,000 loss. The app
 * reads the year (Individual Losses 6.0), claims the loss carried forward, and HMRC's in-year
 * calculation of 2026-27 shows the year's profit reduced by it. A 2026-27 action goes to 7.0,
 * and HMRC's refusal (the year has not ended) comes back as the answer, with what was sent.
 */
let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const rhys = SEEDED.lossMade;

async function rhysProfile(harness: SyncHarness) {
  const accountId = await harness.link(rhys, 'individual');
  const profile = await harness.services.profiles.create({
    kind: 'self',
    name: 'Rhys Rowlands',
    nino: rhys.nino,
    accountId,
    activate: true,
  });
  await harness.services.profiles.refresh(profile.id);
  return profile;
}

/** HMRC's in-year calculation of a year, read through the app's own HMRC client: the business's figures. */
async function lossFigures(harness: SyncHarness, profileId: string, taxYear: string) {
  const { client, nino } = harness.services.profiles.hmrcFor(profileId);
  const { data } = await client.calculations.trigger(nino, taxYear, 'in-year');
  harness.practiceClock.advance(1_000);
  const doc = (await client.calculations.retrieve(nino, taxYear, data.calculationId)).data as {
    calculation?: {
      businessProfitAndLoss?: {
        taxableProfit?: number;
        broughtForwardIncomeTaxLossesUsed?: number;
        taxableProfitAfterIncomeTaxLossesDeduction?: number;
      }[];
    };
  };
  const b = doc.calculation?.businessProfitAndLoss?.[0];
  return {
    profit: b?.taxableProfit,
    lossesUsed: b?.broughtForwardIncomeTaxLossesUsed,
    after: b?.taxableProfitAfterIncomeTaxLossesDeduction ?? b?.taxableProfit,
  };
}

async function profitAfterLosses(harness: SyncHarness, profileId: string, taxYear: string) {
  return (await lossFigures(harness, profileId, taxYear)).after;
}

describe('losses (Individual Losses 6.0 to 2025-26, 7.0 from 2026-27)', () => {
  it('a loss carried forward from 2025-26 reduces 2026-27’s profit', async () => {
    h = await startSyncHarness();
    const profile = await rhysProfile(h);
    const view = await h.ok('yearEnd.losses', { profileId: profile.id, taxYear: '2025-26' });
    expect(view.apiVersion).toBe('6.0');
    const [bikes] = view.businesses;
    expect(bikes).toMatchObject({ hmrcBusinessId: rhys.businessId, broughtForwardPence: 0 });
    expect(bikes?.options.map((o) => [o.claim, o.unavailable === undefined])).toEqual([
      ['carry-forward', true],
      ['carry-sideways', true],
      ['carry-back', false],
    ]);

    // HMRC carries a trading loss forward by itself unless it is claimed another way (ITA 2007
    // s.83): 2026-27's £6,500 profit already has the £3,000 taken off. The claim records the
    // choice, so the loss is not used sideways.
    const unclaimed = { profit: 6_500, lossesUsed: 3_000, after: 3_500 };
    expect(await lossFigures(h, profile.id, '2026-27')).toEqual(unclaimed);

    const claimed = await h.ok('yearEnd.claimLoss', {
      profileId: profile.id,
      taxYear: '2025-26',
      hmrcBusinessId: rhys.businessId,
      claim: 'carry-forward',
      amountPence: 300_000,
    });
    expect(claimed.outcome).toBe('accepted');
    expect(claimed.hmrcId).toMatch(/^[A-Za-z0-9]{15}$/);
    expect(JSON.parse(claimed.sent)).toEqual({
      taxYearClaimedFor: '2025-26',
      typeOfLoss: 'self-employment',
      typeOfClaim: 'carry-forward',
      businessId: rhys.businessId,
    });
    const after = await h.ok('yearEnd.losses', { profileId: profile.id, taxYear: '2025-26' });
    expect(after.businesses[0]?.claims).toEqual([{ claim: 'carry-forward' }]);

    // 2026-27's £6,500 profit less the £3,000 carried forward.
    expect(await lossFigures(h, profile.id, '2026-27')).toEqual(unclaimed);
  });

  it('a loss brought forward from before joining reduces the year’s profit', async () => {
    h = await startSyncHarness();
    const alice = SEEDED.individualA;
    const accountId = await h.link(alice, 'individual');
    const profile = await h.services.profiles.create({
      kind: 'self',
      name: 'Alice Ashworth',
      nino: alice.nino,
      accountId,
      activate: true,
    });
    await h.services.profiles.refresh(profile.id);
    const before = await profitAfterLosses(h, profile.id, '2025-26');
    const res = await h.ok('yearEnd.bringLossForward', {
      profileId: profile.id,
      taxYear: '2025-26',
      hmrcBusinessId: alice.selfEmploymentId,
      fromTaxYear: '2024-25',
      amountPence: 200_000,
    });
    expect(res.outcome).toBe('accepted');
    expect(await profitAfterLosses(h, profile.id, '2025-26')).toBe((before ?? NaN) - 2_000);
    const view = await h.ok('yearEnd.losses', { profileId: profile.id, taxYear: '2025-26' });
    expect(
      view.businesses.find((b) => b.hmrcBusinessId === alice.selfEmploymentId)?.broughtForwardPence,
    ).toBe(200_000);
  });

  it('a 2026-27 action goes to 7.0; HMRC’s refusal is the answer shown, with what was sent', async () => {
    h = await startSyncHarness();
    const profile = await rhysProfile(h);
    const view = await h.ok('yearEnd.losses', { profileId: profile.id, taxYear: '2026-27' });
    expect(view.apiVersion).toBe('7.0');
    const res = await h.ok('yearEnd.bringLossForward', {
      profileId: profile.id,
      taxYear: '2026-27',
      hmrcBusinessId: rhys.businessId,
      fromTaxYear: '2025-26',
      amountPence: 100_000,
    });
    expect(res).toMatchObject({
      outcome: 'refused',
      error: { code: 'RULE_TAX_YEAR_NOT_ENDED' },
    });
    expect(JSON.parse(res.sent)).toEqual({ losses: { broughtForwardLosses: 1000 } });
  });
});
