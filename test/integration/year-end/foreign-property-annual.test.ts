import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubmissionLog } from '../../../src/main/sync/submission-log';
import { SEEDED } from '../../../src/practice/server';
import { startSyncHarness, type SyncHarness } from '../sync/support/sync-harness';

/**
 * Isla (Practice HMRC's landlord with UK and foreign property: a villa in France and a flat in
 * Spain, recorded at HMRC by property id for 2026-27) enters the foreign property annual figures:
 * per HMRC property id for 2026-27 and per country for 2025-26 [PB
 * foreign_property_annual_submission_create_and_amend def2 / def3]. Reviewed, approved offline
 * into the outbox, sent by sync, receipted; Practice HMRC returns them on retrieve.
 */
const isla = SEEDED.ukAndForeignLandlord;

let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('foreign property annual figures', () => {
  it('are entered per property (2026-27) or per country (2025-26), approved, synced and held by HMRC', async () => {
    const accountId = await h.link(isla, 'individual');
    const profile = await h.services.profiles.create({
      kind: 'self',
      name: 'Isla Iqbal',
      nino: isla.nino,
      accountId,
      activate: true,
    });
    await h.services.profiles.refresh(profile.id);
    const ledger = h.services.profiles.ledger(profile.id);
    const foreign = ledger.businesses.findByHmrcId(isla.foreignPropertyId)!;
    const ref = (taxYear: string) => ({ profileId: profile.id, businessId: foreign.id, taxYear });
    const { france, spain } = isla.propertyIds;

    // 2026-27: one entry per property, named by the property and its country.
    const view = await h.ok('yearEnd.annualView', { ...ref('2026-27'), compareWithHmrc: true });
    expect(view.kind).toBe('foreign-property');
    expect(view.entries).toEqual([
      { key: france, label: 'Villa des Pins, Antibes (FRA)', places: ['Villa des Pins, Antibes'] },
      { key: spain, label: 'Piso Azul, Valencia (ESP)', places: ['Piso Azul, Valencia'] },
    ]);
    expect(view.unplaced).toEqual([]);
    expect(view.hmrc?.status).toBe('none');
    // The hints count the expenses HMRC holds in the year's cumulative update, every property.
    expect(view.hints.cumulativeExpensesPence).toBeGreaterThan(0);

    // HMRC's rules per entry: the property allowance with private use in the same property.
    const refused = await h.ok('yearEnd.annualPrepare', {
      ...ref('2026-27'),
      figures: [
        { key: `${spain}/allowances.propertyIncomeAllowance`, value: 100_000 },
        { key: `${spain}/adjustments.privateUseAdjustment`, value: 1_000 },
      ],
    });
    // ...and, as HMRC's cumulative update holds the flat's expenses, the allowance is refused
    // here too for that property (with the way out).
    expect(refused.errors.map((e) => e.code)).toEqual([
      'RULE_PROPERTY_INCOME_ALLOWANCE',
      'INCOME_ALLOWANCE_WITH_EXPENSES',
    ]);
    for (const e of refused.errors) expect(e.message).toMatch(/^Piso Azul, Valencia \(ESP\): /);
    // A property id none of the properties has is refused before anything is sent.
    const stray = await h.ok('yearEnd.annualPrepare', {
      ...ref('2026-27'),
      figures: [{ key: 'not-a-property/allowances.otherCapitalAllowance', value: 1 }],
    });
    expect(stray.errors.map((e) => e.code)).toContain('FOREIGN_PROPERTY_UNKNOWN_ENTRY');

    const figures = [
      { key: `${france}/adjustments.privateUseAdjustment`, value: 12_500 },
      { key: `${france}/allowances.costOfReplacingDomesticItems`, value: 64_000 },
      { key: `${spain}/allowances.annualInvestmentAllowance`, value: 150_000 },
    ];
    const review = await h.ok('yearEnd.annualPrepare', { ...ref('2026-27'), figures });
    expect(review.errors).toEqual([]);
    expect(JSON.parse(review.payloadJson)).toEqual({
      foreignProperty: expect.arrayContaining([
        {
          propertyId: france,
          adjustments: { privateUseAdjustment: 125 },
          allowances: { costOfReplacingDomesticItems: 640 },
        },
        { propertyId: spain, allowances: { annualInvestmentAllowance: 1500 } },
      ]),
    });
    expect(review.lines.filter((l) => l.changed).map((l) => l.label)).toEqual([
      'Villa des Pins, Antibes (FRA): Private use adjustment',
      'Villa des Pins, Antibes (FRA): Replacing domestic items',
      'Piso Azul, Valencia (ESP): Annual Investment Allowance',
    ]);

    // Offline approval into the outbox; the view shows the figures waiting.
    h.network.set(false);
    await h.ok('yearEnd.annualApprove', {
      ...ref('2026-27'),
      figures,
      payloadHash: review.payloadHash,
      acknowledgedWarnings: review.warnings.map((w) => w.code),
    });
    const waiting = await h.ok('yearEnd.annualView', ref('2026-27'));
    expect(waiting).toMatchObject({ figuresFrom: 'outbox', outbox: { state: 'approved' } });
    expect(waiting.figures).toEqual(expect.arrayContaining(figures));

    // 2025-26: one entry per country.
    h.network.set(true);
    const older = await h.ok('yearEnd.annualView', { ...ref('2025-26'), compareWithHmrc: true });
    expect(older.entries?.map((e) => e.key)).toEqual(['FRA', 'ESP']);
    const olderFigures = [
      { key: 'ESP/adjustments.balancingCharge', value: 30_000 },
      { key: 'FRA/allowances.otherCapitalAllowance', value: 45_050 },
    ];
    const olderReview = await h.ok('yearEnd.annualPrepare', {
      ...ref('2025-26'),
      figures: olderFigures,
    });
    expect(olderReview.errors).toEqual([]);
    expect(JSON.parse(olderReview.payloadJson)).toEqual({
      foreignProperty: [
        { countryCode: 'ESP', adjustments: { balancingCharge: 300 } },
        { countryCode: 'FRA', allowances: { otherCapitalAllowance: 450.5 } },
      ],
    });
    await h.ok('yearEnd.annualApprove', {
      ...ref('2025-26'),
      figures: olderFigures,
      payloadHash: olderReview.payloadHash,
      acknowledgedWarnings: olderReview.warnings.map((w) => w.code),
    });

    const run = await h.services.sync.syncNow(profile.id);
    expect(run).toMatchObject({ total: 2, accepted: 2, failed: 0 });
    expect(h.services.sync.verifyLog(profile.id)).toEqual([
      expect.objectContaining({ ok: true, entries: 2, problems: [] }),
    ]);
    expect(
      createSubmissionLog(ledger.database).latestFor(foreign.id, '2026-27', ['annual']),
    ).toMatchObject({ submission: 'annual', payload: review.payloadJson });

    // Practice HMRC returns what was approved; the next review compares with it: no change.
    const held = await h.ok('yearEnd.annualView', { ...ref('2026-27'), compareWithHmrc: true });
    expect(held.figuresFrom).toBe('hmrc');
    expect(held.hmrc?.figures).toEqual(expect.arrayContaining(figures));
    const again = await h.ok('yearEnd.annualPrepare', { ...ref('2026-27'), figures });
    expect(again.comparedWith).toMatch(/What HMRC holds now/);
    expect(again.lines.every((l) => !l.changed)).toBe(true);
    const heldOlder = await h.ok('yearEnd.annualView', {
      ...ref('2025-26'),
      compareWithHmrc: true,
    });
    expect(heldOlder.hmrc?.figures).toEqual(expect.arrayContaining(olderFigures));
    expect(heldOlder.hmrc?.figures).toHaveLength(2);

    // The year-end checklist lists the foreign property's annual figures.
    const checklist = await h.ok('yearEnd.checklist', {
      profileId: profile.id,
      taxYear: '2026-27',
    });
    expect(checklist.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: `annual-${foreign.id}`,
          businessId: foreign.id,
          status: 'done',
        }),
      ]),
    );
  });
});
