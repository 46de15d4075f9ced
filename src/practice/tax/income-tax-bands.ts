import { type Pence } from './money';
import { type TaxRates } from './rates';
import { type TaxYear } from './tax-year';

/**
 * Income Tax bands on earnings, profits and other non-savings, non-dividend income, as widths of
 * taxable income (after the Personal Allowance) and whole-number percentages. Names are the
 * ones HMRC's calculation gives its bands. [IC schemas/retrieve/def3/calculation/taxCalculation.json
 * taxBandsWithAdvancedRate.name]
 */
export type BandName =
  | 'starter-rate'
  | 'basic-rate'
  | 'intermediate-rate'
  | 'higher-rate'
  | 'advanced-rate'
  | 'additional-rate';

export interface BandSpec {
  name: BandName;
  rate: number;
  /** Taxable income up to which the band runs; the last band has none. */
  upTo?: number;
}

export type TaxRegime = 'uk' | 'scotland' | 'wales';

/** The rest of the UK (and Wales, whose rates are the same so far): basic, higher, additional. */
export function ukBands(rates: TaxRates): BandSpec[] {
  return [
    { name: 'basic-rate', rate: rates.basicRate, upTo: rates.basicRateLimit },
    { name: 'higher-rate', rate: rates.higherRate, upTo: rates.additionalRateThreshold },
    { name: 'additional-rate', rate: rates.additionalRate },
  ];
}

/**
 * Scottish rates and bands on non-savings, non-dividend income, in taxable income (the bands
 * above the £12,570 Personal Allowance, less it). The top rate is reported under HMRC's
 * "additional-rate" name: HMRC's band names have no "top-rate".
 * - 2025-26: starter 19% to £2,827, basic 20% to £14,921, intermediate 21% to £31,092,
 *   higher 42% to £62,430, advanced 45% to £125,140, top 48% above. [Scottish Government,
 *   "Scottish Income Tax: rates and bands 2025 to 2026" (Scottish Budget, 4 December 2024),
 *   gov.scot/publications/scottish-income-tax-rates-and-bands]
 * - 2026-27: the starter and basic bands widened (basic from £16,538, intermediate from £29,527
 *   of gross income), higher, advanced and top unchanged. [Scottish Budget 2026-27, 13 January
 *   2026, as reported by ICAEW "Scottish Budget makes changes to income tax thresholds" and
 *   KPMG "Scottish Budget 2026-27: measures for individuals"]
 * Other years use the 2026-27 figures (the calculation says so).
 */
const SCOTTISH: Record<number, BandSpec[]> = {
  2025: [
    { name: 'starter-rate', rate: 19, upTo: 2_827 },
    { name: 'basic-rate', rate: 20, upTo: 14_921 },
    { name: 'intermediate-rate', rate: 21, upTo: 31_092 },
    { name: 'higher-rate', rate: 42, upTo: 62_430 },
    { name: 'advanced-rate', rate: 45, upTo: 125_140 },
    { name: 'additional-rate', rate: 48 },
  ],
  2026: [
    { name: 'starter-rate', rate: 19, upTo: 3_967 },
    { name: 'basic-rate', rate: 20, upTo: 16_956 },
    { name: 'intermediate-rate', rate: 21, upTo: 31_092 },
    { name: 'higher-rate', rate: 42, upTo: 62_430 },
    { name: 'advanced-rate', rate: 45, upTo: 125_140 },
    { name: 'additional-rate', rate: 48 },
  ],
};

export function scottishBands(ty: TaxYear): { bands: BandSpec[]; published: boolean } {
  const known = SCOTTISH[ty.startYear];
  return { bands: known ?? (SCOTTISH[2026] as BandSpec[]), published: known !== undefined };
}

export function bandsFor(
  regime: TaxRegime,
  ty: TaxYear,
  rates: TaxRates,
): { bands: BandSpec[]; published: boolean } {
  return regime === 'scotland'
    ? scottishBands(ty)
    : { bands: ukBands(rates), published: rates.published };
}

export interface Band {
  name: BandName;
  rate: number;
  bandLimit: number;
  income: number;
  tax: Pence;
}

/**
 * Spreads whole pounds of taxable income over the bands: each takes what falls between the
 * previous band's limit and its own. The first band is always listed; others once they hold
 * income. Tax is exact: whole pounds times a whole percentage is whole pence.
 */
export function applyBands(taxableIncome: number, bands: BandSpec[]): Band[] {
  const out: Band[] = [];
  let lower = 0;
  bands.forEach((b, i) => {
    const top = b.upTo ?? Infinity;
    const income = Math.max(0, Math.min(taxableIncome, top) - lower);
    if (i === 0 || income > 0) {
      out.push({
        name: b.name,
        rate: b.rate,
        bandLimit: b.upTo ?? lower,
        income,
        tax: income * b.rate,
      });
    }
    lower = top;
  });
  return out;
}

/** Tax in pence on taxable income across the bands. */
export function taxOnBands(taxableIncome: number, bands: BandSpec[]): Pence {
  return applyBands(taxableIncome, bands).reduce((t, b) => t + b.tax, 0);
}
