import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPayload } from '../../../src/main/review/build-payload';
import { compareUpdates } from '../../../src/main/review/compare-updates';
import { foreignPropertyEntries } from '../../../src/main/review/foreign-property-places';
import { updateTargets } from '../../../src/main/review/update-targets';
import { loadHmrcSpecs } from '../../support/hmrc-specs';
import { tempLedger } from '../ledger/ledger-fixture';

const { specs, reason } = loadHmrcSpecs();
const FP = [
  'property-business-api',
  'put',
  '/individuals/business/property/foreign/{nino}/{businessId}/cumulative/{taxYear}',
] as const;
const FRANCE_ID = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';

let t: ReturnType<typeof tempLedger>;
beforeEach(() => {
  t = tempLedger();
});
afterEach(() => t.dispose());

/** A foreign property business at HMRC with a villa in France, a flat in Spain and one more in France. */
function landlord() {
  const { ledger } = t;
  const root = ledger.businesses.create({
    kind: 'foreign-property',
    name: 'Villa des Pins',
    countryCode: 'fra',
  });
  ledger.businesses.update(root.id, { hmrcBusinessId: 'XFIS85000000002' });
  const spain = ledger.businesses.create({
    kind: 'foreign-property',
    name: 'Piso Azul',
    countryCode: 'ESP',
  });
  const cottage = ledger.businesses.create({
    kind: 'foreign-property',
    name: 'Gîte, Dordogne',
    countryCode: 'FRA',
  });
  const add = (businessId: number, date: string, amountPence: number, categoryId: string) =>
    ledger.transactions.add({ date, description: categoryId, amountPence, businessId, categoryId });
  add(root.id, '2025-05-01', 250_000, 'fp.rentIncome.rentAmount');
  add(root.id, '2025-06-01', 37_500, 'fp.foreignTaxPaidOrDeducted');
  add(root.id, '2025-06-10', -41_000, 'fp.premisesRunningCosts');
  add(cottage.id, '2025-05-20', 80_000, 'fp.rentIncome.rentAmount');
  add(spain.id, '2025-05-02', 180_000, 'fp.rentIncome.rentAmount');
  add(spain.id, '2025-06-03', -22_500, 'fp.repairsAndMaintenance');
  add(spain.id, '2025-06-04', -9_000, 'fp.residentialFinancialCost');
  return { ledger, root, spain, cottage };
}

describe('foreign property kept per property, sent per country or per property', () => {
  it('keeps each further foreign property under the first, and one update for them all', () => {
    const { ledger, root, spain, cottage } = landlord();
    expect(spain.foreign).toMatchObject({ parentId: root.id, countryCode: 'ESP' });
    expect(cottage.foreign?.parentId).toBe(root.id);
    expect(ledger.businesses.foreignPropertyGroup(spain.id).map((b) => b.id)).toEqual([
      root.id,
      spain.id,
      cottage.id,
    ]);
    // The business's figures are its properties' together; each property's its own.
    expect(ledger.totals.yearToDate(root.id, '2025-26', '2025-07-05').incomePence).toBe(547_500);
    expect(ledger.totals.placeYearToDate(spain.id, '2025-26', '2025-07-05').incomePence).toBe(
      180_000,
    );
    const { targets, notReady } = updateTargets({
      businesses: ledger.businesses.list(),
      obligations: [],
      today: '2025-07-10',
      basisOf: () => ({ type: 'standard' }),
    });
    expect(targets.map((x) => x.business.id)).toEqual([root.id]);
    expect(notReady).toEqual([]);
  });

  it('2025-26: adds the properties of one country together, relief claimed for the country', () => {
    const { ledger, root } = landlord();
    ledger.businesses.update(root.id, { foreignTaxCreditRelief: true });
    const totals = ledger.totals.yearToDate(root.id, '2025-26', '2025-07-05');
    const { entries, problems } = foreignPropertyEntries(ledger, root.id, '2025-26', '2025-07-05');
    expect(problems).toEqual([]);
    const payload = buildPayload(totals, { withDates: true, foreignEntries: entries });
    expect(payload.schemaProblems).toEqual([]);
    expect(JSON.parse(payload.json)).toEqual({
      fromDate: '2025-04-06',
      toDate: '2025-07-05',
      foreignProperty: [
        {
          countryCode: 'FRA',
          income: {
            rentIncome: { rentAmount: 3300 },
            premiumsOfLeaseGrant: 0,
            otherPropertyIncome: 0,
            foreignTaxPaidOrDeducted: 375,
            specialWithholdingTaxOrUkTaxPaid: 0,
            foreignTaxCreditRelief: true,
          },
          expenses: expect.objectContaining({
            premisesRunningCosts: 410,
            repairsAndMaintenance: 0,
            residentialFinancialCost: 0,
          }),
        },
        {
          countryCode: 'ESP',
          income: expect.objectContaining({ rentIncome: { rentAmount: 1800 } }),
          expenses: expect.objectContaining({
            repairsAndMaintenance: 225,
            residentialFinancialCost: 90,
          }),
        },
      ],
    });
    // No relief claim is sent where no foreign tax was paid.
    expect(JSON.parse(payload.json).foreignProperty[1].income).not.toHaveProperty(
      'foreignTaxCreditRelief',
    );
    // The review names each line by its country.
    const lines = compareUpdates('foreign-property', JSON.parse(payload.json), undefined);
    expect(
      lines.find((l) => l.path === 'foreignProperty.ESP.income.rentIncome.rentAmount'),
    ).toMatchObject({ label: 'ESP: Foreign rents', section: 'income', pence: 180_000 });
  });

  it('2026-27: one entry per HMRC property id, and a property without one stops the update', () => {
    const { ledger, root, spain } = landlord();
    ledger.businesses.update(root.id, { hmrcPropertyId: FRANCE_ID });
    const add = (businessId: number, date: string, amountPence: number) =>
      ledger.transactions.add({
        date,
        description: 'rent',
        amountPence,
        businessId,
        categoryId: 'fp.rentIncome.rentAmount',
      });
    add(root.id, '2026-05-01', 250_000);
    add(spain.id, '2026-05-02', 180_000);
    const blocked = foreignPropertyEntries(ledger, root.id, '2026-27', '2026-07-05');
    expect(blocked.problems.map((p) => p.code)).toEqual(['FOREIGN_PROPERTY_ID_MISSING']);
    expect(blocked.problems[0]!.message).toContain('Piso Azul');

    ledger.businesses.update(spain.id, { hmrcPropertyId: '0A9B8C7D-6E5F-4A3B-9C2D-1E0F9A8B7C6D' });
    const { entries, problems } = foreignPropertyEntries(ledger, root.id, '2026-27', '2026-07-05');
    expect(problems).toEqual([]);
    const totals = ledger.totals.yearToDate(root.id, '2026-27', '2026-07-05');
    const payload = buildPayload(totals, { withDates: false, foreignEntries: entries });
    const body = JSON.parse(payload.json) as { foreignProperty: { propertyId: string }[] };
    expect(body).not.toHaveProperty('fromDate');
    expect(body.foreignProperty.map((e) => e.propertyId)).toEqual([
      FRANCE_ID,
      '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d',
    ]);
  });

  it('a foreign property with records but no country stops the update with a reason', () => {
    const { ledger } = t;
    const root = ledger.businesses.create({ kind: 'foreign-property', name: 'Abroad' });
    ledger.transactions.add({
      date: '2025-05-01',
      description: 'rent',
      amountPence: 100_000,
      businessId: root.id,
      categoryId: 'fp.rentIncome.rentAmount',
    });
    const { problems } = foreignPropertyEntries(ledger, root.id, '2025-26', '2025-07-05');
    expect(problems).toEqual([
      expect.objectContaining({ code: 'FOREIGN_PROPERTY_COUNTRY_MISSING', hmrcRule: false }),
    ]);
    expect(() => ledger.businesses.update(root.id, { countryCode: 'France' })).toThrow(
      /three-letter/,
    );
  });

  it.skipIf(!specs)(`sends bodies HMRC's request schema accepts (${reason})`, () => {
    const { ledger, root, spain } = landlord();
    const oas = specs!.requestSchema(...FP)!;
    const byCountry = foreignPropertyEntries(ledger, root.id, '2025-26', '2025-07-05');
    for (const withDates of [true, false]) {
      const payload = buildPayload(ledger.totals.yearToDate(root.id, '2025-26', '2025-07-05'), {
        withDates,
        foreignEntries: byCountry.entries,
      });
      expect(oas(JSON.parse(payload.json)).errors).toEqual([]);
    }
    ledger.businesses.update(root.id, { hmrcPropertyId: FRANCE_ID });
    ledger.businesses.update(spain.id, { hmrcPropertyId: '0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d' });
    ledger.businesses.setYearSettings(root.id, '2026-27', { consolidatedExpenses: true });
    ledger.transactions.add({
      date: '2026-05-01',
      description: 'rent',
      amountPence: 100_000,
      businessId: spain.id,
      categoryId: 'fp.rentIncome.rentAmount',
    });
    const byProperty = foreignPropertyEntries(ledger, root.id, '2026-27', '2026-07-05');
    const payload = buildPayload(ledger.totals.yearToDate(root.id, '2026-27', '2026-07-05'), {
      withDates: true,
      foreignEntries: byProperty.entries,
    });
    expect(JSON.parse(payload.json).foreignProperty[0].expenses).toHaveProperty(
      'consolidatedExpenses',
    );
    expect(oas(JSON.parse(payload.json)).errors).toEqual([]);
  });
});
