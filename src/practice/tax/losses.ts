import { type BusinessRecord, type TaxpayerRecord } from '../state/model';
import { figuresForYear } from './bsas-summary';
import { type Pence, wholePoundsDown } from './money';
import { amount, subtree } from './pence-tree';
import { type TaxYear, taxYearStarting } from './tax-year';

/** A business's own result for a year before losses: taxable profit (whole pounds) or loss (pence). */
export interface YearResult {
  profit: number;
  loss: Pence;
}

/** What losses do to one business in the year being calculated. */
export interface BusinessLosses {
  businessId: string;
  /** Income Tax losses brought forward into the year (whole pounds). */
  broughtForward: number;
  /** The part set against this year's profit (whole pounds). */
  broughtForwardUsed: number;
  /** Class 4 only losses brought forward and used (self-employment). */
  class4BroughtForward: number;
  class4Used: number;
  /** This year's loss claimed against general income of the year (whole pounds, before capping). */
  carrySideways: number;
  /** What is left to carry forward after the year (whole pounds): unused losses plus this year's. */
  carriedForward: number;
}

/** The year's result of each business from its own figures, before any loss is applied. */
export function yearResult(
  taxpayer: TaxpayerRecord,
  business: BusinessRecord,
  ty: TaxYear,
): YearResult | undefined {
  if (!business.cumulative[ty.label]) return undefined;
  const figures = figuresForYear(taxpayer, business, ty);
  let profit = 0;
  let loss = 0;
  for (const f of figures) {
    const adjusted =
      f.income -
      f.expenses +
      f.disallowable +
      (f.additions ?? 0) -
      (f.deductions ?? 0) +
      (f.accountingAdjustments ?? 0);
    if (adjusted >= 0) profit += wholePoundsDown(adjusted);
    else loss += -adjusted;
  }
  return { profit, loss };
}

const IT_TYPES: Partial<Record<BusinessRecord['typeOfBusiness'], string>> = {
  'self-employment': 'self-employment',
  'uk-property': 'uk-property',
  'foreign-property': 'foreign-property',
};

/** Whether the year's loss of a business is claimed sideways (against the year's general income). */
function sidewaysClaim(
  taxpayer: TaxpayerRecord,
  businessId: string,
  ty: TaxYear,
): number | 'all' | undefined {
  const claim = taxpayer.losses?.claims.find(
    (c) =>
      c.businessId === businessId &&
      c.taxYearClaimedFor === ty.label &&
      (c.typeOfClaim === 'carry-sideways' || c.typeOfClaim === 'carry-forward-to-carry-sideways'),
  );
  if (claim) return 'all';
  const v7 = taxpayer.losses?.lossesAndClaims[businessId]?.[ty.label]?.body;
  const sideways = amount(subtree(v7, 'claims', 'carrySideways'), 'currentYearGeneralIncome');
  return sideways > 0 ? wholePoundsDown(sideways) : undefined;
}

/**
 * Losses for each business in a tax year, worked year by year from the first loss on record:
 * - a trading loss is carried forward and set against the next profits of the same trade
 *   [ITA 2007 s.83]; a property loss against the next property profits [ITA 2007 s.118, s.120];
 * - losses made before joining (Individual Losses 6.0 brought forward losses) are available from
 *   the year after `taxYearBroughtForwardFrom` [IL6 schemas/broughtForwardLosses/createBFLoss/
 *   create_request.json]; from 2026-27 the Losses and Claims resource gives the amount brought
 *   forward into the year [IL7 schemas/lossesAndClaims/createAmend/request.json
 *   losses.broughtForwardLosses];
 * - a year's own loss carries forward on its own unless claimed sideways against the year's
 *   general income [ITA 2007 s.64; IL6 loss claim carry-sideways; IL7 claims.carrySideways];
 * - Class 4 losses (self-employment-class4) reduce only the profits Class 4 NIC is charged on
 *   [SSCBA 1992 Sch 2 para 3].
 * Carry back (ITA 2007 s.64 previous year, s.72, s.89) is not modelled; the calculation says so.
 */
export function lossesFor(taxpayer: TaxpayerRecord, ty: TaxYear): BusinessLosses[] {
  const records = taxpayer.losses;
  const startYears = [
    ...(records?.broughtForward ?? []).map(
      (l) => Number(l.taxYearBroughtForwardFrom.slice(0, 4)) + 1,
    ),
    ...taxpayer.businesses.flatMap((b) =>
      Object.keys(b.cumulative).map((label) => Number(label.slice(0, 4))),
    ),
  ];
  const first = Math.min(ty.startYear, ...startYears);
  return taxpayer.businesses.map((business) => {
    let pool = 0;
    let class4Pool = 0;
    let result: BusinessLosses = {
      businessId: business.businessId,
      broughtForward: 0,
      broughtForwardUsed: 0,
      class4BroughtForward: 0,
      class4Used: 0,
      carrySideways: 0,
      carriedForward: 0,
    };
    for (let year = first; year <= ty.startYear; year += 1) {
      const y = taxYearStarting(year);
      const previous = `${year - 1}-${String(year % 100).padStart(2, '0')}`;
      for (const l of records?.broughtForward ?? []) {
        if (l.businessId !== business.businessId || l.taxYearBroughtForwardFrom !== previous)
          continue;
        if (l.typeOfLoss === 'self-employment-class4') class4Pool += wholePoundsDown(l.lossAmount);
        else if (l.typeOfLoss === IT_TYPES[business.typeOfBusiness])
          pool += wholePoundsDown(l.lossAmount);
      }
      const v7 = records?.lossesAndClaims[business.businessId]?.[y.label]?.body;
      pool += wholePoundsDown(amount(subtree(v7, 'losses'), 'broughtForwardLosses'));
      const own = yearResult(taxpayer, business, y) ?? { profit: 0, loss: 0 };
      const broughtForward = pool;
      const used = Math.min(pool, own.profit);
      pool -= used;
      const class4BroughtForward = class4Pool;
      const class4Used = Math.min(class4Pool, own.profit - used);
      class4Pool -= class4Used;
      const lossPounds = wholePoundsDown(own.loss);
      const claim = lossPounds > 0 ? sidewaysClaim(taxpayer, business.businessId, y) : undefined;
      const sideways = claim === 'all' ? lossPounds : Math.min(claim ?? 0, lossPounds);
      // What sideways relief cannot use in the year carries forward with the rest; the year's
      // general income caps it, which the calculation applies (this keeps the claimed figure).
      pool += lossPounds - sideways;
      result = {
        businessId: business.businessId,
        broughtForward,
        broughtForwardUsed: used,
        class4BroughtForward,
        class4Used,
        carrySideways: sideways,
        carriedForward: pool,
      };
    }
    return result;
  });
}
