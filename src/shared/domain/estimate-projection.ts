import type { Pence } from './money';
import { daysBetween, taxYearEnd, taxYearStart, type IsoDate, type TaxYear } from './tax-year';

/**
 * Ledgerlink's own projection of a year's tax from the year so far — never HMRC's figure, and
 * labelled so wherever it is shown. It assumes the rest of the year goes at the same pace, that
 * the profits are the person's only income, and the rates for England, Wales and Northern
 * Ireland for 2025-26 and 2026-27 (GOV.UK "Income Tax rates and Personal Allowances" and
 * "Self-employed National Insurance rates"; thresholds frozen to April 2028):
 * - Personal Allowance £12,570, less £1 for every £2 of income over £100,000
 * - 20% on the first £37,700 of taxable income, 40% up to £125,140, 45% above
 * - Class 4 National Insurance 6% on profits between £12,570 and £50,270, 2% above
 * Whole pounds, as HMRC's calculation works in them for income and allowances.
 */
export const PROJECTION_RATES = {
  personalAllowance: 12_570_00,
  taperThreshold: 100_000_00,
  basicRateBand: 37_700_00,
  additionalRateThreshold: 125_140_00,
  class4Lower: 12_570_00,
  class4Upper: 50_270_00,
} as const;

export interface ProjectionInput {
  taxYear: TaxYear;
  /** Profit (negative: loss) so far, across the person's businesses. */
  profitSoFarPence: Pence;
  /** The dates the figures so far cover (HMRC's calculation period). */
  periodFrom: IsoDate;
  periodTo: IsoDate;
}

export interface Projection {
  daysCovered: number;
  daysInYear: number;
  /** Profit for the whole year at the pace so far. */
  yearProfitPence: Pence;
  personalAllowancePence: Pence;
  taxableIncomePence: Pence;
  incomeTaxPence: Pence;
  class4Pence: Pence;
  /** Income Tax and Class 4 for the whole year. */
  yearTaxPence: Pence;
  /** The share of the year's tax that belongs to the time gone: what to have put aside by now. */
  setAsideNowPence: Pence;
}

const wholePounds = (pence: number) => Math.floor(pence / 100) * 100;
const band = (amount: number, from: number, to: number) => Math.max(0, Math.min(amount, to) - from);

/** The tax on a year's profit at the rates above, in pence (rounded down to the penny). */
export function taxOnProfit(profitPence: Pence): {
  personalAllowancePence: Pence;
  taxableIncomePence: Pence;
  incomeTaxPence: Pence;
  class4Pence: Pence;
} {
  const r = PROJECTION_RATES;
  const income = wholePounds(Math.max(0, profitPence));
  const over = Math.max(0, income - r.taperThreshold);
  const allowance = Math.max(0, r.personalAllowance - wholePounds(over / 2));
  const taxable = Math.max(0, income - allowance);
  // The higher-rate band ends where the additional rate starts (on taxable income).
  const higherTop = r.additionalRateThreshold;
  const incomeTax =
    band(taxable, 0, r.basicRateBand) * 0.2 +
    band(taxable, r.basicRateBand, higherTop) * 0.4 +
    band(taxable, higherTop, Infinity) * 0.45;
  const class4 =
    band(income, r.class4Lower, r.class4Upper) * 0.06 +
    band(income, r.class4Upper, Infinity) * 0.02;
  return {
    personalAllowancePence: allowance,
    taxableIncomePence: taxable,
    incomeTaxPence: Math.floor(incomeTax),
    class4Pence: Math.floor(class4),
  };
}

/** Projects the year from the period so far; null when the period does not lie in the year. */
export function projectYear(input: ProjectionInput): Projection | null {
  const start = taxYearStart(input.taxYear);
  const end = taxYearEnd(input.taxYear);
  if (input.periodFrom < start || input.periodTo > end || input.periodTo < input.periodFrom)
    return null;
  const daysInYear = daysBetween(start, end) + 1;
  const daysCovered = daysBetween(start, input.periodTo) + 1;
  const yearProfitPence = Math.round((input.profitSoFarPence * daysInYear) / daysCovered);
  const tax = taxOnProfit(yearProfitPence);
  const yearTaxPence = tax.incomeTaxPence + tax.class4Pence;
  return {
    daysCovered,
    daysInYear,
    yearProfitPence,
    ...tax,
    yearTaxPence,
    setAsideNowPence: Math.round((yearTaxPence * daysCovered) / daysInYear),
  };
}
