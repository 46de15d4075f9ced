import { afterEach, describe, expect, it } from 'vitest';
import { SEEDED } from '../../../src/practice/server';
import { startSyncHarness, type SyncHarness } from '../sync/support/sync-harness';

/**
 * Accounting adjustments through the app against Practice HMRC: Alice asks HMRC for the
 * adjustable summary of her joinery business for 2025-26, sends an adjustment with a reason,
 * and the business income source summary (before and after) and HMRC's calculation change.
 */
let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const alice = SEEDED.individualA;
const TY = '2025-26';

async function taxableProfit(harness: SyncHarness, profileId: string): Promise<number | undefined> {
  const { client, nino } = harness.services.profiles.hmrcFor(profileId);
  const { data } = await client.calculations.trigger(nino, TY, 'in-year');
  harness.practiceClock.advance(1_000);
  const doc = (await client.calculations.retrieve(nino, TY, data.calculationId)).data as {
    calculation?: { businessProfitAndLoss?: { incomeSourceId?: string; taxableProfit?: number }[] };
  };
  return doc.calculation?.businessProfitAndLoss?.find(
    (b) => b.incomeSourceId === alice.selfEmploymentId,
  )?.taxableProfit;
}

describe('accounting adjustments (BSAS 7.0, BISS 3.0 before and after)', () => {
  it('a BSAS adjustment changes the calculation', async () => {
    h = await startSyncHarness();
    const accountId = await h.link(alice, 'individual');
    const profile = await h.services.profiles.create({
      kind: 'self',
      name: 'Alice Ashworth',
      nino: alice.nino,
      accountId,
      activate: true,
    });
    await h.services.profiles.refresh(profile.id);
    const ref = { profileId: profile.id, taxYear: TY, hmrcBusinessId: alice.selfEmploymentId };
    const before = await taxableProfit(h, profile.id);

    const empty = await h.ok('yearEnd.adjustments', ref);
    expect(empty.summary).toBeUndefined();
    expect(empty.adjustable).toContain('income.turnover');
    expect(empty.incomeSummary?.incomePence).toBe(4_236_000 + 12_500);

    const triggered = await h.ok('yearEnd.triggerAdjustableSummary', ref);
    expect(triggered.summary).toMatchObject({ status: 'valid', adjusted: false });
    expect(triggered.summary?.lines).toContainEqual({
      key: 'income.turnover',
      amountPence: 4_236_000,
    });

    const result = await h.ok('yearEnd.submitAdjustments', {
      ...ref,
      calculationId: triggered.summary!.calculationId,
      lines: [
        { key: 'income.turnover', amountPence: -100_000 },
        { key: 'expenses.adminCosts', amountPence: 25_000 },
      ],
      reason: 'Sales invoice counted twice; accountant’s fee missed',
    });
    expect(result.outcome).toBe('accepted');
    expect(JSON.parse(result.sent)).toEqual({
      income: { turnover: -1000 },
      expenses: { adminCosts: 250 },
    });
    expect(result.before!.taxableProfitPence - result.after!.taxableProfitPence).toBe(125_000);
    expect(await taxableProfit(h, profile.id)).toBe((before ?? NaN) - 1_250);

    // HMRC adjusts a summary once: the second send is refused, and the answer says so.
    const again = await h.ok('yearEnd.submitAdjustments', {
      ...ref,
      calculationId: triggered.summary!.calculationId,
      lines: [{ key: 'income.other', amountPence: 100 }],
      reason: 'one more',
    });
    expect(again).toMatchObject({ outcome: 'refused', error: { code: 'RULE_ALREADY_ADJUSTED' } });
    const after = await h.ok('yearEnd.adjustments', ref);
    expect(after.summary).toMatchObject({ adjusted: true });
  });
});
