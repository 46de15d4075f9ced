import { type TaxYear } from './tax-year';

/**
 * Rates and allowances for savings and dividend income, UK-wide (Scottish rates apply to
 * non-savings, non-dividend income only, so a Scottish taxpayer's savings and dividends use the
 * UK bands). Whole pounds and percentages.
 *
 * - Starting rate for savings: 0% on up to £5,000 of savings income, reduced by £1 for every £1
 *   of other taxable income (non-savings income after the Personal Allowance). [GOV.UK "Tax on
 *   savings interest": "starting rate for savings"; ITA 2007 s.12]
 * - Personal Savings Allowance: £1,000 for a basic rate taxpayer, £500 higher rate, £0 additional
 *   rate; savings income covered by it still uses up band. [GOV.UK "Tax on savings interest"
 *   "Personal Savings Allowance"; ITA 2007 s.12A-12B]
 * - Savings rates 20%, 40%, 45% (the main rates) in 2025-26 and 2026-27; the 2025 Budget raises
 *   them by 2 points from 6 April 2027, outside these years. [GOV.UK "Income Tax rates and
 *   Personal Allowances"; HM Treasury "Budget 2025" (26 November 2025) para. on property, savings
 *   and dividend income rates]
 * - Dividend Allowance £500 from 2024-25 (taxed at 0%, still uses up band). Dividend rates
 *   2025-26: ordinary 8.75%, upper 33.75%, additional 39.35%; 2026-27: ordinary 10.75%, upper
 *   35.75%, additional 39.35% (Budget 2025: ordinary and upper rates up 2 points from 6 April
 *   2026). [GOV.UK "Tax on dividends"; HM Treasury "Budget 2025"; ITA 2007 s.8, s.13A]
 * Other years use the 2026-27 figures, and the calculation says so.
 */
export interface SavingsDividendRates {
  published: boolean;
  savingsStartingRateBand: number;
  personalSavingsAllowance: { basic: number; higher: number; additional: number };
  savingsRates: { basic: number; higher: number; additional: number };
  dividendAllowance: number;
  dividendRates: { basic: number; higher: number; additional: number };
}

const COMMON = {
  savingsStartingRateBand: 5_000,
  personalSavingsAllowance: { basic: 1_000, higher: 500, additional: 0 },
  savingsRates: { basic: 20, higher: 40, additional: 45 },
  dividendAllowance: 500,
};

const BY_YEAR: Record<number, SavingsDividendRates> = {
  2025: {
    ...COMMON,
    published: true,
    dividendRates: { basic: 8.75, higher: 33.75, additional: 39.35 },
  },
  2026: {
    ...COMMON,
    published: true,
    dividendRates: { basic: 10.75, higher: 35.75, additional: 39.35 },
  },
};

export function savingsDividendRatesFor(ty: TaxYear): SavingsDividendRates {
  const known = BY_YEAR[ty.startYear];
  return known ?? { ...(BY_YEAR[2026] as SavingsDividendRates), published: false };
}
