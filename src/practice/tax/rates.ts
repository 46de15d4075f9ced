import { type TaxYear } from './tax-year';

/**
 * UK (non-Scottish) Income Tax and Class 4 NIC figures used by the practice estimate, in whole
 * pounds and whole-number percentages.
 *
 * 2025-26 and 2026-27 are identical [GOV.UK "Income Tax rates and Personal Allowances" and
 * "Self-employed National Insurance rates"; thresholds frozen to April 2028 by the 2022 Autumn
 * Statement and beyond by the 2025 Budget, Class 4 main rate 6% since 6 April 2024 (Spring
 * Budget 2024)]:
 * - Personal Allowance £12,570, reduced by £1 for every £2 of adjusted net income over £100,000
 * - basic rate 20% on the first £37,700 of taxable income; higher rate 40% up to £125,140;
 *   additional rate 45% above £125,140
 * - Class 4 NIC 6% on profits between £12,570 and £50,270, 2% above £50,270
 * - residential finance costs relieved as a 20% tax reduction
 * The separate property income rates announced in the 2025 Budget start in 2027-28, so they do
 * not apply to these years. Other years fall back to the 2026-27 figures (the estimate says so).
 */
export interface TaxRates {
  label: string;
  /** True when these are the published figures for the year asked about. */
  published: boolean;
  personalAllowance: number;
  taperThreshold: number;
  basicRateLimit: number;
  /** Taxable income above which the additional rate applies. */
  additionalRateThreshold: number;
  basicRate: number;
  higherRate: number;
  additionalRate: number;
  class4LowerLimit: number;
  class4UpperLimit: number;
  class4MainRate: number;
  class4AdditionalRate: number;
  financeCostReliefRate: number;
}

const UK_2025_TO_2027: Omit<TaxRates, 'label' | 'published'> = {
  personalAllowance: 12_570,
  taperThreshold: 100_000,
  basicRateLimit: 37_700,
  additionalRateThreshold: 125_140,
  basicRate: 20,
  higherRate: 40,
  additionalRate: 45,
  class4LowerLimit: 12_570,
  class4UpperLimit: 50_270,
  class4MainRate: 6,
  class4AdditionalRate: 2,
  financeCostReliefRate: 20,
};

export function ratesFor(ty: TaxYear): TaxRates {
  const published = ty.startYear === 2025 || ty.startYear === 2026;
  return { ...UK_2025_TO_2027, label: ty.label, published };
}
