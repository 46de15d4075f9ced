import { describe, expect, it } from 'vitest';
import { type BusinessFigures, estimate } from '../../../src/practice/tax/estimate';
import { ratesFor } from '../../../src/practice/tax/rates';
import { taxYearFromLabel } from '../../../src/practice/tax/tax-year';

const rates = ratesFor(taxYearFromLabel('2026-27'));
const se = (profitPounds: number, extra: Partial<BusinessFigures> = {}): BusinessFigures => ({
  businessId: 'XAIS00000000001',
  type: 'self-employment',
  income: profitPounds * 100,
  expenses: 0,
  disallowable: 0,
  taxDeducted: 0,
  financeCosts: 0,
  ...extra,
});

describe('practice Income Tax and Class 4 estimate (UK rates 2025-26 and 2026-27)', () => {
  it('uses the same published figures for both years', () => {
    const a = ratesFor(taxYearFromLabel('2025-26'));
    expect({ ...a, label: '', published: true }).toEqual({ ...rates, label: '', published: true });
    expect(a).toMatchObject({
      personalAllowance: 12570,
      basicRateLimit: 37700,
      additionalRateThreshold: 125140,
      class4LowerLimit: 12570,
      class4UpperLimit: 50270,
      class4MainRate: 6,
      class4AdditionalRate: 2,
    });
    expect(ratesFor(taxYearFromLabel('2027-28')).published).toBe(false);
  });

  it('£30,000 profit: basic rate only; Class 4 at 6%', () => {
    const e = estimate([se(30_000)], rates);
    expect(e.taxableIncome).toBe(17_430);
    expect(e.incomeTaxCharged).toBe(348_600);
    expect(e.class4?.total).toBe(104_580);
    expect(e.totalDue).toBe(453_180);
  });

  it('£110,000: the Personal Allowance tapers; higher rate; Class 4 at 2% above £50,270', () => {
    const e = estimate([se(110_000)], rates);
    expect(e.personalAllowance).toBe(7_570);
    expect(e.bands.map((b) => [b.name, b.income, b.tax])).toEqual([
      ['basic-rate', 37_700, 754_000],
      ['higher-rate', 64_730, 2_589_200],
    ]);
    expect(e.class4?.total).toBe(226_200 + 119_460);
  });

  it('£150,000: no Personal Allowance; additional rate above £125,140', () => {
    const e = estimate([se(150_000)], rates);
    expect(e.personalAllowance).toBe(0);
    expect(e.bands.map((b) => b.income)).toEqual([37_700, 87_440, 24_860]);
    expect(e.incomeTaxCharged).toBe(754_000 + 3_497_600 + 1_118_700);
  });

  it('profit is income less allowable expenses (expenses minus disallowable), rounded down to pounds', () => {
    const e = estimate(
      [se(0, { income: 5_000_000, expenses: 1_000_050, disallowable: 20_000 })],
      rates,
    );
    expect(e.businesses[0]).toMatchObject({
      netProfit: 3_999_950,
      adjustedProfit: 4_019_950,
      taxableProfit: 40_199,
    });
  });

  it('a loss gives no taxable profit', () => {
    const e = estimate([se(0, { income: 100_000, expenses: 250_000 })], rates);
    expect(e.businesses[0]).toMatchObject({ netLoss: 150_000, taxableProfit: 0 });
    expect(e.totalDue).toBe(0);
  });

  it('UK property: no Class 4; finance costs are a 20% reduction capped by property profit', () => {
    const property: BusinessFigures = {
      businessId: 'XPIS00000000001',
      type: 'uk-property',
      income: 2_000_000,
      expenses: 200_000,
      disallowable: 0,
      taxDeducted: 0,
      financeCosts: 500_000,
    };
    const e = estimate([property], rates);
    expect(e.class4).toBeUndefined();
    expect(e.financeCostRelief).toEqual({
      relievable: 500_000,
      relief: 100_000,
      adjustedTotalIncome: 18_000,
      ukRelievable: 500_000,
      foreignRelievable: 0,
    });
    expect(e.incomeTaxDue).toBe(e.incomeTaxCharged - 100_000);
  });

  it('tax already deducted reduces what is due', () => {
    const e = estimate([se(30_000, { taxDeducted: 50_000 })], rates);
    expect(e.totalDue).toBe(453_180 - 50_000);
  });
});
