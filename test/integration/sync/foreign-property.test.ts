import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEEDED } from '../../../src/practice/server';
import { addPropertyRecords } from './support/records';
import { startSyncHarness, type SyncHarness } from './support/sync-harness';

/**
 * A landlord with UK and foreign property (Isla, seeded in Practice HMRC with a villa in France
 * and a flat in Spain recorded by property id for 2026-27): the profile learns the foreign
 * property business and its properties from HMRC, records are kept per property, and both
 * businesses' cumulative updates are reviewed, sent and receipted; HMRC then holds the foreign
 * figures per property, with the foreign tax paid and the relief claim (reference §3.5).
 */
const isla = SEEDED.ukAndForeignLandlord;

let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('a landlord with UK and foreign property', () => {
  it('keeps records per foreign property and syncs both businesses', async () => {
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

    const uk = ledger.businesses.findByHmrcId(isla.ukPropertyId)!;
    const foreign = ledger.businesses.findByHmrcId(isla.foreignPropertyId)!;
    expect(foreign.kind).toBe('foreign-property');
    // The properties HMRC lists for 2026-27 are kept under the foreign property business.
    const places = ledger.businesses
      .foreignPropertyGroup(foreign.id)
      .filter((b) => b.id !== foreign.id);
    expect(places.map((p) => [p.name, p.foreign?.countryCode, p.foreign?.hmrcPropertyId])).toEqual([
      ['Villa des Pins, Antibes', 'FRA', isla.propertyIds.france],
      ['Piso Azul, Valencia', 'ESP', isla.propertyIds.spain],
    ]);
    const [france, spain] = places as [(typeof places)[0], (typeof places)[0]];
    ledger.businesses.update(france.id, { foreignTaxCreditRelief: true });

    addPropertyRecords(ledger, uk.id);
    const add = (
      businessId: number,
      date: string,
      description: string,
      amountPence: number,
      categoryId: string,
    ) => ledger.transactions.add({ date, description, amountPence, businessId, categoryId });
    add(france.id, '2026-05-01', 'Loyer, Villa des Pins', 250_000, 'fp.rentIncome.rentAmount');
    add(france.id, '2026-08-01', 'Loyer, Villa des Pins', 260_000, 'fp.rentIncome.rentAmount');
    add(france.id, '2026-09-15', 'Impôt foncier', 76_500, 'fp.foreignTaxPaidOrDeducted');
    add(france.id, '2026-06-10', 'Assurance habitation', -41_000, 'fp.premisesRunningCosts');
    add(spain.id, '2026-07-01', 'Alquiler, Piso Azul', 180_000, 'fp.rentIncome.rentAmount');
    add(spain.id, '2026-09-03', 'Fontanero', -22_500, 'fp.repairsAndMaintenance');

    const list = await h.services.review.list(profile.id, { compareWithHmrc: true });
    // One update for the foreign property business (not one per property), one for UK property.
    expect(list.updates.map((u) => u.kind).sort()).toEqual(['foreign-property', 'uk-property']);
    expect(list.notReady).toEqual([]);
    const f = list.updates.find((u) => u.kind === 'foreign-property')!;
    expect(f.errors).toEqual([]);
    expect(f.periodEnd).toBe('2026-10-05');
    const body = JSON.parse(f.payloadJson) as {
      fromDate: string;
      toDate: string;
      foreignProperty: {
        propertyId: string;
        income: Record<string, unknown>;
        expenses: Record<string, number>;
      }[];
    };
    expect(body).toMatchObject({ fromDate: '2026-04-06', toDate: '2026-10-05' });
    expect(body.foreignProperty).toEqual([
      expect.objectContaining({
        propertyId: isla.propertyIds.france,
        income: expect.objectContaining({
          rentIncome: { rentAmount: 5100 },
          foreignTaxPaidOrDeducted: 765,
          foreignTaxCreditRelief: true,
        }),
        expenses: expect.objectContaining({ premisesRunningCosts: 410, repairsAndMaintenance: 0 }),
      }),
      expect.objectContaining({
        propertyId: isla.propertyIds.spain,
        income: expect.objectContaining({ rentIncome: { rentAmount: 1800 } }),
        expenses: expect.objectContaining({ repairsAndMaintenance: 225 }),
      }),
    ]);
    // Compared with what HMRC holds (Q1, per property): the changed lines are named by property.
    expect(f.comparison.source).toBe('hmrc');
    expect(f.lines.some((l) => l.changed && l.label.includes('Foreign rents'))).toBe(true);

    for (const u of list.updates) {
      await h.services.review.approve({
        profileId: profile.id,
        businessId: u.businessId,
        taxYear: u.taxYear,
        periodEnd: u.periodEnd,
        payloadHash: u.payloadHash,
        recordsFingerprint: u.records.fingerprint,
        acknowledgedWarnings: u.warnings.map((w) => w.code),
      });
    }
    const run = await h.services.sync.syncNow(profile.id);
    expect(run).toMatchObject({ accepted: 2, failed: 0 });

    // HMRC holds the foreign figures per property; the receipt is in the hash-chained log.
    const { client } = h.services.profiles.hmrcFor(profile.id);
    const held = await client.foreignProperty.getCumulative(
      isla.nino,
      isla.foreignPropertyId,
      '2026-27',
    );
    expect(held.data.toDate).toBe('2026-10-05');
    expect(held.data.foreignProperty).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          propertyId: isla.propertyIds.france,
          income: expect.objectContaining({
            foreignTaxPaidOrDeducted: 765,
            foreignTaxCreditRelief: true,
          }),
        }),
      ]),
    );
    const receipts = h.services.sync.receipts(profile.id);
    expect(receipts.filter((r) => r.kind === 'foreign-property')).toHaveLength(1);
    expect(h.services.sync.verifyLog(profile.id)).toEqual([
      expect.objectContaining({ ok: true, entries: 2 }),
    ]);

    // A record edited after the send makes the next review show the change against HMRC's copy.
    add(spain.id, '2026-10-01', 'Alquiler, Piso Azul', 90_000, 'fp.rentIncome.rentAmount');
    const again = await h.services.review.list(profile.id, { compareWithHmrc: false });
    const next = again.updates.find((u) => u.kind === 'foreign-property')!;
    expect(next.records.count).toBeGreaterThan(f.records.count);
  });
});
