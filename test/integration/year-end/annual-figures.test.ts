import { afterEach, describe, expect, it } from 'vitest';
import { createSubmissionLog } from '../../../src/main/sync/submission-log';
import { SEEDED } from '../../../src/practice/server';
import { startSyncHarness, type SyncHarness } from '../sync/support/sync-harness';

/**
 * Alice (Practice HMRC's individual A, every 2025-26 update sent, ready to declare) enters her
 * annual figures for 2025-26 for both businesses: reviewed against what HMRC holds, approved
 * offline into the outbox, sent by sync, receipted in the hash-chained log; then one is
 * deleted and sent again. The income allowance is refused locally while HMRC's cumulative
 * update still claims expenses.
 */
let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const alice = SEEDED.individualA;
const TY = '2025-26';

async function aliceProfile(harness: SyncHarness) {
  const accountId = await harness.link(alice, 'individual');
  const profile = await harness.services.profiles.create({
    kind: 'self',
    name: 'Alice Ashworth',
    nino: alice.nino,
    accountId,
    activate: true,
  });
  await harness.services.profiles.refresh(profile.id);
  const ledger = harness.services.profiles.ledger(profile.id);
  const se = ledger.businesses.findByHmrcId(alice.selfEmploymentId)!;
  const ukp = ledger.businesses.findByHmrcId(alice.ukPropertyId)!;
  return { profile, ledger, se, ukp };
}

describe('annual figures for 2025-26 (sole trader and landlord)', () => {
  it('reviews against HMRC, approves offline, syncs, receipts, deletes and sends again', async () => {
    h = await startSyncHarness();
    const { profile, se, ukp } = await aliceProfile(h);
    const ref = (businessId: number) => ({ profileId: profile.id, businessId, taxYear: TY });

    const view = await h.ok('yearEnd.annualView', { ...ref(se.id), compareWithHmrc: true });
    expect(view.hmrc).toMatchObject({ status: 'none' });
    expect(view.figuresFrom).toBe('none');
    // The seeded cumulative update claims £12,711.49 of expenses.
    expect(view.hints.cumulativeExpensesPence).toBe(
      812_000 + 265_040 + 48_099 + 35_000 + 90_000 + 21_010,
    );
    expect(view.hints.incomeAllowanceAdvice).toMatch(/more than the trading allowance/);

    // Claiming the trading allowance while HMRC holds expenses: refused here, with the way out.
    const allowance = await h.ok('yearEnd.annualPrepare', {
      ...ref(se.id),
      figures: [{ key: 'allowances.tradingIncomeAllowance', value: 100_000 }],
    });
    expect(allowance.errors.map((e) => e.code)).toEqual(['INCOME_ALLOWANCE_WITH_EXPENSES']);

    const seFigures = [
      { key: 'adjustments.goodsAndServicesOwnUse', value: 15_000 },
      { key: 'allowances.annualInvestmentAllowance', value: 240_000 },
      { key: 'nonFinancials.businessDetailsChangedRecently', value: false },
    ];
    const seReview = await h.ok('yearEnd.annualPrepare', { ...ref(se.id), figures: seFigures });
    expect(seReview.errors).toEqual([]);
    expect(JSON.parse(seReview.payloadJson)).toEqual({
      adjustments: { goodsAndServicesOwnUse: 150 },
      allowances: { annualInvestmentAllowance: 2400 },
    });
    expect(seReview.lines.filter((l) => l.changed).map((l) => l.key)).toEqual([
      'adjustments.goodsAndServicesOwnUse',
      'allowances.annualInvestmentAllowance',
    ]);

    const ukpFigures = [
      { key: 'adjustments.nonResidentLandlord', value: false },
      { key: 'adjustments.balancingCharge', value: 5_000 },
      { key: 'allowances.costOfReplacingDomesticItems', value: 42_000 },
    ];
    const ukpReview = await h.ok('yearEnd.annualPrepare', { ...ref(ukp.id), figures: ukpFigures });
    expect(ukpReview.errors).toEqual([]);

    // Offline: approving works; a changed figure after review is refused.
    h.network.set(false);
    expect(
      await h.fails('yearEnd.annualApprove', {
        ...ref(se.id),
        figures: [
          ...seFigures.slice(0, 2),
          { key: 'allowances.capitalAllowanceMainPool', value: 1 },
        ],
        payloadHash: seReview.payloadHash,
        acknowledgedWarnings: [],
      }),
    ).toMatchObject({ code: 'UPDATE_CHANGED' });
    for (const [b, figures, review] of [
      [se.id, seFigures, seReview],
      [ukp.id, ukpFigures, ukpReview],
    ] as const) {
      await h.ok('yearEnd.annualApprove', {
        ...ref(b),
        figures: [...figures],
        payloadHash: review.payloadHash,
        acknowledgedWarnings: [],
      });
    }
    const waiting = await h.ok('yearEnd.annualView', ref(se.id));
    expect(waiting).toMatchObject({
      figuresFrom: 'outbox',
      outbox: { state: 'approved', submission: 'annual' },
    });

    h.network.set(true);
    const run = await h.services.sync.syncNow(profile.id);
    expect(run).toMatchObject({ total: 2, accepted: 2, failed: 0 });
    const receipts = h.services.sync.receipts(profile.id);
    expect(receipts).toHaveLength(2);
    expect(h.services.sync.verifyLog(profile.id)).toEqual([
      expect.objectContaining({ ok: true, entries: 2, problems: [] }),
    ]);
    const ledger = h.services.profiles.ledger(profile.id);
    expect(createSubmissionLog(ledger.database).latestFor(se.id, TY, ['annual'])).toMatchObject({
      submission: 'annual',
      payload: seReview.payloadJson,
    });

    // HMRC holds exactly what was approved; the next review compares with it: nothing changed.
    const held = await h.ok('yearEnd.annualView', { ...ref(ukp.id), compareWithHmrc: true });
    expect(held.figuresFrom).toBe('hmrc');
    expect(held.hmrc?.figures).toEqual(expect.arrayContaining(ukpFigures.slice(1)));
    const again = await h.ok('yearEnd.annualPrepare', { ...ref(ukp.id), figures: ukpFigures });
    expect(again.comparedWith).toMatch(/What HMRC holds now/);
    expect(again.lines.every((l) => !l.changed)).toBe(true);

    // Delete the self-employment figures, sync, HMRC holds none; then send them again.
    await h.ok('yearEnd.annualDelete', ref(se.id));
    expect(await h.services.sync.syncNow(profile.id)).toMatchObject({ total: 1, accepted: 1 });
    const gone = await h.ok('yearEnd.annualView', { ...ref(se.id), compareWithHmrc: true });
    expect(gone.hmrc?.status).toBe('none');
    expect(gone.figuresFrom).toBe('none');
    const resend = await h.ok('yearEnd.annualPrepare', { ...ref(se.id), figures: seFigures });
    await h.ok('yearEnd.annualApprove', {
      ...ref(se.id),
      figures: seFigures,
      payloadHash: resend.payloadHash,
      acknowledgedWarnings: [],
    });
    expect(await h.services.sync.syncNow(profile.id)).toMatchObject({ total: 1, accepted: 1 });
    expect(h.services.sync.verifyLog(profile.id)).toEqual([
      expect.objectContaining({ ok: true, entries: 4, problems: [] }),
    ]);
  });
});
