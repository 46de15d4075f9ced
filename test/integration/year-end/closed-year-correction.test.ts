import { afterEach, describe, expect, it } from 'vitest';
import { SEEDED } from '../../../src/practice/server';
import { startSyncHarness, type SyncHarness } from '../sync/support/sync-harness';

/**
 * Correcting a closed year before the final declaration: Alice's 2025-26 updates were all sent
 * (seeded at Practice HMRC). Her records for 2025-26 in Ledgerlink differ, so the checklist
 * offers the correction, the review of the last cumulative update shows the difference from
 * what HMRC holds, and once approved and synced HMRC holds the corrected year.
 */
let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const alice = SEEDED.individualA;

describe('correcting 2025-26 before the final declaration', () => {
  it('re-reviews, re-approves and re-sends the last cumulative update against HMRC’s copy', async () => {
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
    const ledger = h.services.profiles.ledger(profile.id);
    const se = ledger.businesses.findByHmrcId(alice.selfEmploymentId)!;
    for (const [date, description, amountPence, categoryId] of [
      ['2025-05-10', 'Kitchen fit', 4_300_000, 'se.turnover'],
      ['2025-08-02', 'Timber merchant', -800_000, 'se.costOfGoods'],
      ['2026-02-14', 'Accountant', -90_000, 'se.professionalFees'],
    ] as const) {
      ledger.transactions.add({ date, description, amountPence, businessId: se.id, categoryId });
    }

    const checklist = await h.ok('yearEnd.checklist', {
      profileId: profile.id,
      taxYear: '2025-26',
    });
    expect(checklist.yearEnded).toBe(true);
    expect(checklist.items.find((i) => i.id === `correction-${se.id}`)).toMatchObject({
      status: 'optional',
      action: { screen: 'correction', businessId: se.id },
    });

    const update = await h.ok('review.prepare', {
      profileId: profile.id,
      businessId: se.id,
      taxYear: '2025-26',
      periodEnd: '2026-04-05',
      compareWithHmrc: true,
    });
    expect(update.comparison.source).toBe('hmrc');
    expect(update.lines.find((l) => l.path === 'periodIncome.turnover')).toMatchObject({
      pence: 4_300_000,
      previousPence: 4_236_000,
      changed: true,
    });
    expect(JSON.parse(update.payloadJson).periodDates).toEqual({
      periodStartDate: '2025-04-06',
      periodEndDate: '2026-04-05',
    });
    expect(update.errors).toEqual([]);

    await h.ok('review.approve', {
      profileId: profile.id,
      businessId: se.id,
      taxYear: '2025-26',
      periodEnd: '2026-04-05',
      payloadHash: update.payloadHash,
      recordsFingerprint: update.records.fingerprint,
      acknowledgedWarnings: update.warnings.map((w) => w.code),
    });
    expect(await h.services.sync.syncNow(profile.id)).toMatchObject({ total: 1, accepted: 1 });
    const { client } = h.services.profiles.hmrcFor(profile.id);
    const held = await client.selfEmployment.getCumulative(
      alice.nino,
      alice.selfEmploymentId,
      '2025-26',
    );
    expect(held.data).toMatchObject(JSON.parse(update.payloadJson));
  });
});
