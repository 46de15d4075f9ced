import { describe, expect, it } from 'vitest';
import { type BusinessFigures, estimate } from '../../../src/practice/tax/estimate';
import { NO_OTHER_INCOME, type OtherIncomeFigures } from '../../../src/practice/tax/other-income';
import { ratesFor } from '../../../src/practice/tax/rates';
import { savingsDividendRatesFor } from '../../../src/practice/tax/savings-dividend-rates';
import { taxYearFromLabel } from '../../../src/practice/tax/tax-year';

/**
 * Practice HMRC's calculation of savings, dividends, pension contributions and Gift Aid, against
 * worked examples from HMRC's guidance on GOV.UK (amounts in pounds unless said).
 */
const y2526 = taxYearFromLabel('2025-26');
const y2627 = taxYearFromLabel('2026-27');
const se = (profitPounds: number): BusinessFigures => ({
  businessId: 'XAIS00000000001',
  type: 'self-employment',
  income: profitPounds * 100,
  expenses: 0,
  disallowable: 0,
  taxDeducted: 0,
  financeCosts: 0,
});
const savings = (pounds: number, taxedNetPounds = 0) => ({
  savingsAccountId: 'SAVKB2UVwUTBQGJ',
  accountName: 'Rainy Day',
  gross: pounds * 100 + Math.floor((taxedNetPounds * 100 * 100) / 80),
  net: pounds * 100 + taxedNetPounds * 100,
  taxDeducted: Math.floor((taxedNetPounds * 100 * 100) / 80) - taxedNetPounds * 100,
});
const run = (profit: number, other: Partial<OtherIncomeFigures>, ty = y2526) =>
  estimate([se(profit)], ratesFor(ty), undefined, {
    other: { ...NO_OTHER_INCOME, ...other },
    losses: [],
    savingsRates: savingsDividendRatesFor(ty),
  });
const paid = (pounds: number) => ({
  regular: pounds * 100,
  oneOff: 0,
  paid: pounds * 100,
  gross: (pounds * 100 * 100) / 80,
});

describe('savings interest', () => {
  it('GOV.UK "Tax on savings interest": £16,000 other income and £200 interest: the starting rate covers it (£1,570 of it left)', () => {
    const e = run(16_000, { savings: [savings(200)] });
    expect(e.other.savings?.bands[0]).toEqual({
      name: 'savings-starter-rate',
      rate: 0,
      bandLimit: 1_570,
      income: 200,
      tax: 0,
    });
    expect(e.other.savings?.tax).toBe(0);
  });

  it('a higher rate taxpayer has a £500 Personal Savings Allowance; the rest at 40%', () => {
    const e = run(60_000, { savings: [savings(1_000)] });
    // No starting rate: other taxable income is over £5,000.
    expect(e.other.savings?.bands.map((b) => [b.name, b.income, b.tax])).toEqual([
      ['allowance-awarded-at-higher-rate', 500, 0],
      ['higher-rate', 500, 20_000],
    ]);
  });

  it('a basic rate taxpayer: £1,000 allowance, the rest at 20%; taxed interest is grossed up and its tax deducted', () => {
    const e = run(30_000, { savings: [savings(1_000, 800)] });
    // £800 net taxed interest is £1,000 gross with £200 taken off.
    expect(e.other.savings?.incomeReceived).toBe(2_000);
    expect(e.other.savings?.tax).toBe(20_000);
    expect(e.taxDeducted).toBe(20_000);
  });

  it('savings use up the Personal Allowance left after other income', () => {
    const e = run(10_000, { savings: [savings(4_000)] });
    expect(e.other.savings?.allowancesAllocated).toBe(2_570);
    expect(e.other.savings?.taxableIncome).toBe(1_430);
    expect(e.other.savings?.tax).toBe(0);
  });
});

describe('dividends', () => {
  it('2025-26: £500 allowance, then the ordinary rate 8.75%', () => {
    const e = run(30_000, { ukDividends: 5_000_00 });
    expect(e.other.dividends?.bands.map((b) => [b.name, b.rate, b.income, b.tax])).toEqual([
      ['allowance-awarded-at-basic-rate', 0, 500, 0],
      ['basic-rate', 8.75, 4_500, 39_375],
    ]);
  });

  it('2026-27: the ordinary rate is 10.75% and the upper rate 35.75%', () => {
    const e = run(45_000, { ukDividends: 2_000_00 }, y2627);
    // £32,430 non-savings taxable leaves £5,270 of basic band: the allowance takes 500 of it.
    expect(e.other.dividends?.bands.map((b) => [b.name, b.rate, b.income])).toEqual([
      ['allowance-awarded-at-basic-rate', 0, 500],
      ['basic-rate', 10.75, 1_500],
    ]);
    const higher = run(50_000, { ukDividends: 2_000_00 }, y2627);
    expect(higher.other.dividends?.bands.map((b) => [b.name, b.rate, b.income])).toEqual([
      ['allowance-awarded-at-higher-rate', 0, 500],
      ['higher-rate', 35.75, 1_500],
    ]);
  });
});

describe('pension contributions and Gift Aid relieved at source', () => {
  it('GOV.UK "Gift Aid": a higher rate taxpayer gets 20% more back on the gross gift through the wider basic band', () => {
    const without = run(60_000, {});
    const withGift = run(60_000, { giftAid: { paid: 800_00, gross: 1_000_00 } });
    expect(withGift.other.basicRateExtension).toBe(1_000);
    expect(without.incomeTaxDue - withGift.incomeTaxDue).toBe(200_00);
    expect(withGift.other.giftAid).toEqual({ gross: 1_000_00, tax: 200_00, charge: 0 });
  });

  it('relief at source contributions reduce adjusted net income: the Personal Allowance is kept', () => {
    expect(run(110_000, {}).personalAllowance).toBe(7_570);
    const e = run(110_000, { reliefAtSource: paid(8_000) });
    expect(e.other.adjustedNetIncome).toBe(100_000);
    expect(e.personalAllowance).toBe(12_570);
  });

  it('Gift Aid larger than the tax paid: the difference is charged', () => {
    const e = run(13_000, { giftAid: { paid: 800_00, gross: 1_000_00 } });
    // £430 taxable at 20% is £86; the charities reclaim £200.
    expect(e.incomeTaxDueAfterReliefs).toBe(86_00);
    expect(e.other.giftAid?.charge).toBe(114_00);
    expect(e.incomeTaxDue).toBe(200_00);
  });

  it('pension payments relieved by deduction come off income before the allowance', () => {
    const e = run(30_000, { pensionDeductions: 2_000_00 });
    expect(e.other.deductions).toBe(2_000);
    expect(e.taxableIncome).toBe(15_430);
  });
});

describe('losses', () => {
  it('a loss brought forward comes off the business profit, not below nil', () => {
    const e = estimate([se(3_000)], ratesFor(y2526), undefined, {
      other: NO_OTHER_INCOME,
      losses: [
        {
          businessId: 'XAIS00000000001',
          broughtForward: 5_000,
          broughtForwardUsed: 3_000,
          class4BroughtForward: 0,
          class4Used: 0,
          carrySideways: 0,
          carriedForward: 2_000,
        },
      ],
      savingsRates: savingsDividendRatesFor(y2526),
    });
    expect(e.businesses[0]).toMatchObject({ taxableProfit: 3_000, lossesUsed: 3_000 });
    expect(e.totalIncome).toBe(0);
    expect(e.class4?.liable).toBe(0);
  });
});
