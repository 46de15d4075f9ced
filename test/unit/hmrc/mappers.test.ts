import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calculationFigures } from '../../../src/main/hmrc/mappers/calculation-figures';
import {
  selfEmploymentCumulativeBody,
  selfEmploymentTotalsFromHmrc,
  type SelfEmploymentCumulativeTotals,
} from '../../../src/main/hmrc/mappers/self-employment-summary';
import {
  ukPropertyCumulativeBody,
  ukPropertyTotalsFromHmrc,
  type UkPropertyCumulativeTotals,
} from '../../../src/main/hmrc/mappers/uk-property-summary';
import { retrieveCalculationResponseSchema } from '../../../src/main/hmrc/schemas/calculations';
import {
  SE_EXPENSE_FIELDS,
  selfEmploymentCumulativeRequestSchema,
} from '../../../src/main/hmrc/schemas/self-employment';
import {
  UK_PROPERTY_ITEMISED_EXPENSE_FIELDS,
  ukPropertyCumulativeRequestSchema,
} from '../../../src/main/hmrc/schemas/uk-property';
import { MAX_HMRC_AMOUNT_PENCE } from '@shared/domain/money';
import { loadHmrcSpecs, readSpecFile } from '../../support/hmrc-specs';

const { specs, reason } = loadHmrcSpecs();
const SE_PATH = '/individuals/business/self-employment/{nino}/{businessId}/cumulative/{taxYear}';
const UKP_PATH = '/individuals/business/property/uk/{nino}/{businessId}/cumulative/{taxYear}';

const income = fc.integer({ min: 0, max: MAX_HMRC_AMOUNT_PENCE });
const signed = fc.integer({ min: -MAX_HMRC_AMOUNT_PENCE, max: MAX_HMRC_AMOUNT_PENCE });
const smallish = fc.integer({ min: -5_000_000_00, max: 5_000_000_00 });
const period = fc.option(
  fc.constantFrom(
    { start: '2025-04-06', end: '2025-07-05' },
    { start: '2025-04-06', end: '2026-04-05' },
    { start: '2026-04-01', end: '2026-06-30' },
  ),
  { nil: undefined },
);

const seTotals: fc.Arbitrary<SelfEmploymentCumulativeTotals> = fc.record(
  {
    period,
    income: fc.record({ turnover: income, other: income, taxTakenOffTradingIncome: income }),
    expenses: fc.oneof(
      fc.record({
        kind: fc.constant('itemised' as const),
        amounts: fc.dictionary(fc.constantFrom(...SE_EXPENSE_FIELDS), fc.oneof(signed, smallish)),
        disallowable: fc.dictionary(
          fc.constantFrom(...SE_EXPENSE_FIELDS),
          fc.oneof(signed, fc.constant(0)),
        ),
      }),
      fc.record({ kind: fc.constant('consolidated' as const), total: signed }),
    ),
  },
  { requiredKeys: ['income', 'expenses'] },
);

const ukpTotals: fc.Arbitrary<UkPropertyCumulativeTotals> = fc.record(
  {
    period,
    income: fc.record({
      periodAmount: income,
      premiumsOfLeaseGrant: income,
      reversePremiums: income,
      otherIncome: income,
      taxDeducted: income,
    }),
    expenses: fc.oneof(
      fc.record({
        kind: fc.constant('itemised' as const),
        amounts: fc.dictionary(fc.constantFrom(...UK_PROPERTY_ITEMISED_EXPENSE_FIELDS), signed),
      }),
      fc.record({ kind: fc.constant('consolidated' as const), total: signed }),
    ),
    residentialFinancialCost: income,
    residentialFinancialCostsCarriedForward: income,
    rentARoom: fc.record({ rentsReceived: income, amountClaimed: income }),
  },
  { requiredKeys: ['income', 'expenses'] },
);

/** The totals as HMRC will hold them: missing itemised fields are sent (and so stored) as 0. */
const normalisedSe = (t: SelfEmploymentCumulativeTotals): SelfEmploymentCumulativeTotals => ({
  ...t,
  expenses:
    t.expenses.kind === 'consolidated'
      ? t.expenses
      : {
          kind: 'itemised',
          amounts: Object.fromEntries(
            SE_EXPENSE_FIELDS.map((f) => [
              f,
              t.expenses.kind === 'itemised' ? (t.expenses.amounts[f] ?? 0) : 0,
            ]),
          ),
          disallowable: Object.fromEntries(
            Object.entries(t.expenses.disallowable).filter(([, v]) => v !== 0),
          ),
        },
});

describe('self-employment: pence ⇄ HMRC JSON', () => {
  it('writes exact 2-dp amounts and every income and expense field, zeros included', () => {
    const body = selfEmploymentCumulativeBody({
      period: { start: '2025-04-06', end: '2025-07-05' },
      income: { turnover: 1_000_099, other: 0, taxTakenOffTradingIncome: 1050 },
      expenses: {
        kind: 'itemised',
        amounts: { costOfGoods: 123_456, adminCosts: -1 },
        disallowable: { costOfGoods: 2000, adminCosts: 0 },
      },
    });
    expect(body.periodDates).toEqual({
      periodStartDate: '2025-04-06',
      periodEndDate: '2025-07-05',
    });
    expect(body.periodIncome).toEqual({
      turnover: 10000.99,
      other: 0,
      taxTakenOffTradingIncome: 10.5,
    });
    expect(Object.keys(body.periodExpenses!)).toEqual([...SE_EXPENSE_FIELDS]);
    expect(body.periodExpenses).toMatchObject({
      costOfGoods: 1234.56,
      adminCosts: -0.01,
      depreciation: 0,
    });
    expect(body.periodDisallowableExpenses).toEqual({ costOfGoodsDisallowable: 20 });
    expect(JSON.stringify(body)).toContain('"turnover":10000.99');
  });

  it('sends a single total for consolidated expenses, and no dates for annual reporters', () => {
    const body = selfEmploymentCumulativeBody({
      income: { turnover: 0, other: 0, taxTakenOffTradingIncome: 0 },
      expenses: { kind: 'consolidated', total: 500_000 },
    });
    expect(body).toEqual({
      periodIncome: { turnover: 0, other: 0, taxTakenOffTradingIncome: 0 },
      periodExpenses: { consolidatedExpenses: 5000 },
    });
  });

  it('round-trips any totals through HMRC JSON without losing a penny (property)', () => {
    fc.assert(
      fc.property(seTotals, (totals) => {
        const body = selfEmploymentCumulativeBody(totals);
        const wire = JSON.parse(JSON.stringify(body));
        expect(selfEmploymentTotalsFromHmrc(wire)).toEqual(normalisedSe(totals));
        expect(selfEmploymentCumulativeRequestSchema.safeParse(wire).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it.skipIf(!specs)(
    `writes only bodies HMRC's request schema accepts (property) (${reason})`,
    () => {
      const oas = specs!.requestSchema('self-employment-business-api', 'put', SE_PATH)!;
      fc.assert(
        fc.property(seTotals, (totals) => {
          const wire = JSON.parse(JSON.stringify(selfEmploymentCumulativeBody(totals)));
          expect(oas(wire).errors).toEqual([]);
        }),
        { numRuns: 300 },
      );
    },
  );
});

describe('UK property: pence ⇄ HMRC JSON', () => {
  it('writes every income and itemised expense field, and the finance costs beside either kind', () => {
    const body = ukPropertyCumulativeBody({
      period: { start: '2025-04-06', end: '2025-07-05' },
      income: {
        periodAmount: 500_099,
        premiumsOfLeaseGrant: 0,
        reversePremiums: 0,
        otherIncome: 0,
        taxDeducted: 0,
      },
      expenses: { kind: 'consolidated', total: 120_000 },
      residentialFinancialCost: 30_000,
      rentARoom: { rentsReceived: 750_000, amountClaimed: 750_000 },
    });
    expect(body).toEqual({
      fromDate: '2025-04-06',
      toDate: '2025-07-05',
      ukProperty: {
        income: {
          premiumsOfLeaseGrant: 0,
          reversePremiums: 0,
          periodAmount: 5000.99,
          taxDeducted: 0,
          otherIncome: 0,
          rentARoom: { rentsReceived: 7500 },
        },
        expenses: {
          consolidatedExpenses: 1200,
          residentialFinancialCost: 300,
          rentARoom: { amountClaimed: 7500 },
        },
      },
    });
    const itemised = ukPropertyCumulativeBody({
      income: {
        periodAmount: 0,
        premiumsOfLeaseGrant: 0,
        reversePremiums: 0,
        otherIncome: 0,
        taxDeducted: 0,
      },
      expenses: { kind: 'itemised', amounts: { repairsAndMaintenance: 9999 } },
    });
    expect(Object.keys(itemised.ukProperty.expenses!)).toEqual([
      ...UK_PROPERTY_ITEMISED_EXPENSE_FIELDS,
    ]);
    expect(itemised.ukProperty.expenses!.repairsAndMaintenance).toBe(99.99);
  });

  it('round-trips any totals without losing a penny, always in a form HMRC accepts (property)', () => {
    const oas = specs?.requestSchema('property-business-api', 'put', UKP_PATH);
    fc.assert(
      fc.property(ukpTotals, (totals) => {
        const wire = JSON.parse(JSON.stringify(ukPropertyCumulativeBody(totals)));
        expect(ukPropertyCumulativeRequestSchema.safeParse(wire).success).toBe(true);
        if (oas) {
          expect(oas(wire).errors).toEqual([]);
        }
        const back = ukPropertyTotalsFromHmrc(wire);
        expect(back.income).toEqual(totals.income);
        expect(back.rentARoom).toEqual(totals.rentARoom);
        expect(back.residentialFinancialCost).toEqual(totals.residentialFinancialCost);
        if (totals.expenses.kind === 'consolidated') expect(back.expenses).toEqual(totals.expenses);
        else
          expect(back.expenses).toEqual({
            kind: 'itemised',
            amounts: Object.fromEntries(
              UK_PROPERTY_ITEMISED_EXPENSE_FIELDS.map((f) => [
                f,
                totals.expenses.kind === 'itemised' ? (totals.expenses.amounts[f] ?? 0) : 0,
              ]),
            ),
          });
      }),
      { numRuns: 500 },
    );
  });
});

describe.skipIf(!specs)(`calculation figures in pence (${reason})`, () => {
  it.each(['def3', 'def4'])("reads HMRC's %s example calculation", (def) => {
    const example = retrieveCalculationResponseSchema.parse(
      readSpecFile(
        `${specs!.dir}/individual-calculations-api/examples/retrieve/${def}/retrieve_response.json`,
      ),
    );
    const figures = calculationFigures(example);
    const tax = example.calculation!.taxCalculation!;
    expect(figures.calculationId).toBe(example.metadata.calculationId);
    expect(figures.totals!.incomeReceived).toBe(
      tax.incomeTax.totalIncomeReceivedFromAllSources * 100,
    );
    expect(figures.totals!.taxableIncome).toBe(tax.incomeTax.totalTaxableIncome * 100);
    expect(figures.totals!.incomeTaxCharged).toBe(Math.round(tax.incomeTax.incomeTaxCharged * 100));
    expect(figures.totals!.totalIncomeTaxAndNicsDue).toBe(
      Math.round(tax.totalIncomeTaxAndNicsDue * 100),
    );
    for (const v of Object.values(figures.totals!)) expect(Number.isSafeInteger(v)).toBe(true);
    expect(figures.businesses.length).toBe(example.calculation!.businessProfitAndLoss?.length ?? 0);
  });

  it('has no totals and shows HMRC’s errors when the calculation failed its checks', () => {
    const figures = calculationFigures({
      metadata: {
        calculationId: 'f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c',
        taxYear: '2025-26',
        requestedBy: 'customer',
        calculationReason: 'customer-request',
        calculationType: 'intent-to-finalise',
        periodFrom: '2025-04-06',
        periodTo: '2026-04-05',
      },
      inputs: {},
      messages: { errors: [{ id: 'C55001', text: 'Something needs fixing' }] },
    });
    expect(figures.totals).toBeUndefined();
    expect(figures.messages.errors).toEqual([{ id: 'C55001', text: 'Something needs fixing' }]);
  });
});
