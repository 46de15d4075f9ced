import { type StackedIncome, dividendTax, savingsTax } from './income-stacking';
import { type Band, type BandSpec, applyBands, taxOnBands, ukBands } from './income-tax-bands';
import { type BusinessFigures } from './business-figures-shape';
import { type BusinessLosses } from './losses';
import { type Pence, wholePoundsDown } from './money';
import { NO_OTHER_INCOME, type OtherIncomeFigures } from './other-income';
import { type TaxRates } from './rates';
import { type SavingsDividendRates, savingsDividendRatesFor } from './savings-dividend-rates';
import { taxYearFromLabel } from './tax-year';

export type { Band } from './income-tax-bands';

/**
 * A simplified Income Tax and Class 4 NIC calculation from a year's figures: profits per
 * business after the annual adjustments and allowances, the Personal Allowance and its taper,
 * the UK or Scottish bands, residential finance cost relief, foreign tax credit relief on
 * foreign property, Class 4 NIC; with `extras`, losses brought forward and claimed sideways,
 * savings interest and UK dividends on their own rates and allowances, and pension contributions
 * and Gift Aid relieved at source (the basic-rate band extended, adjusted net income reduced). It
 * is a practice figure, not HMRC's calculation. All arithmetic is in integer pence
 * (or whole pounds where HMRC uses whole pounds), so nothing drifts.
 */
export type { BusinessFigures } from './business-figures-shape';

export interface BusinessResult extends BusinessFigures {
  netProfit: Pence;
  netLoss: Pence;
  adjustedProfit: Pence;
  adjustedLoss: Pence;
  /** Whole pounds, rounded down. */
  taxableProfit: number;
  /** Losses brought forward set against this profit (whole pounds). */
  lossesUsed: number;
  /** Whole pounds after losses brought forward. */
  taxableProfitAfterLosses: number;
}

/** Everything beside the businesses' own figures. */
export interface EstimateExtras {
  other: OtherIncomeFigures;
  losses: BusinessLosses[];
  savingsRates: SavingsDividendRates;
}

export interface OtherIncomeResult {
  figures: OtherIncomeFigures;
  savings: StackedIncome | undefined;
  dividends: StackedIncome | undefined;
  losses: BusinessLosses[];
  /** This year's losses set against general income (whole pounds). */
  lossesAppliedToGeneralIncome: number;
  /** Pension payments and gifts to charity deducted from income (whole pounds). */
  deductions: number;
  /** Gross relief at source contributions plus gross Gift Aid (whole pounds): the band extension. */
  basicRateExtension: number;
  giftAid: { gross: Pence; tax: Pence; charge: Pence } | undefined;
  /** Income after reliefs less gross Gift Aid and pension contributions: the taper's measure. */
  adjustedNetIncome: number;
}

export interface Class4Band {
  name: 'zero-rate' | 'basic-rate' | 'higher-rate';
  rate: number;
  threshold: number;
  income: number;
  amount: Pence;
}

export interface ForeignCredit {
  businessId: string;
  countryCode: string;
  foreignIncome: Pence;
  foreignTax: Pence;
  ukLiability: Pence;
  credit: Pence;
}

export interface FinanceCostRelief {
  relievable: Pence;
  relief: Pence;
  adjustedTotalIncome: number;
  /** The part for UK property and for foreign property, each capped by its own profits. */
  ukRelievable: Pence;
  foreignRelievable: Pence;
}

export interface Estimate {
  rates: TaxRates;
  businesses: BusinessResult[];
  totalSelfEmploymentProfit: number;
  totalPropertyProfit: number;
  totalForeignPropertyProfit: number;
  /** Profits after losses: income other than savings and dividends (whole pounds). */
  nonSavingsIncome: number;
  totalIncome: number;
  personalAllowance: number;
  /** Personal Allowance and deductions set against income, all kinds together. */
  allowancesAllocated: number;
  /** Personal Allowance and deductions set against non-savings income. */
  nonSavingsAllowances: number;
  nonSavingsTaxable: number;
  /** Taxable income of every kind. */
  taxableIncome: number;
  bands: Band[];
  nonSavingsTax: Pence;
  other: OtherIncomeResult;
  incomeTaxCharged: Pence;
  financeCostRelief: FinanceCostRelief | undefined;
  foreignTaxCredits: ForeignCredit[];
  /** After finance cost relief and foreign tax credits. */
  incomeTaxDueAfterReliefs: Pence;
  /** After the Gift Aid charge, if the tax paid does not cover the tax the charities reclaim. */
  incomeTaxDue: Pence;
  class4: { liable: number; chargeable: number; bands: Class4Band[]; total: Pence } | undefined;
  taxDeducted: Pence;
  totalDue: Pence;
}

/** Tax in pence on whole pounds at a whole-number percentage: exact. */
function taxOn(pounds: number, rate: number): Pence {
  return pounds * rate;
}

function businessResult(b: BusinessFigures): BusinessResult {
  const net = b.income - b.expenses;
  const adjusted =
    net +
    b.disallowable +
    (b.additions ?? 0) -
    (b.deductions ?? 0) +
    (b.accountingAdjustments ?? 0);
  return {
    ...b,
    netProfit: Math.max(0, net),
    netLoss: Math.max(0, -net),
    adjustedProfit: Math.max(0, adjusted),
    adjustedLoss: Math.max(0, -adjusted),
    taxableProfit: wholePoundsDown(Math.max(0, adjusted)),
    lossesUsed: 0,
    taxableProfitAfterLosses: wholePoundsDown(Math.max(0, adjusted)),
  };
}

/** Sets each business's losses brought forward against its profit (a foreign business's countries in turn). */
function applyLosses(list: BusinessResult[], losses: BusinessLosses[]): BusinessResult[] {
  const left = new Map(losses.map((l) => [l.businessId, l.broughtForwardUsed]));
  return list.map((b) => {
    const available = left.get(b.businessId) ?? 0;
    const used = Math.min(available, b.taxableProfit);
    left.set(b.businessId, available - used);
    return { ...b, lossesUsed: used, taxableProfitAfterLosses: b.taxableProfit - used };
  });
}

const profitOf = (list: BusinessResult[], type: BusinessFigures['type']) =>
  list.filter((b) => b.type === type).reduce((t, b) => t + b.taxableProfitAfterLosses, 0);

function class4For(
  businesses: BusinessResult[],
  rates: TaxRates,
  losses: BusinessLosses[],
): Estimate['class4'] {
  const liableBusinesses = businesses.filter((b) => b.type === 'self-employment');
  if (liableBusinesses.length === 0) return undefined;
  // An exemption takes the business out of Class 4; the annual Class 4 adjustment reduces the
  // profits it is charged on. [SE schemas/createAmendAnnualSubmission/def4/request.json
  // nonFinancials.class4NicsExemptionReason, adjustments.adjustmentToProfitsForClass4]
  const p = Math.max(
    0,
    liableBusinesses
      .filter((b) => !b.class4Exempt)
      .reduce(
        (t, b) =>
          t +
          b.taxableProfitAfterLosses -
          (losses.find((l) => l.businessId === b.businessId)?.class4Used ?? 0) -
          wholePoundsDown(b.class4Adjustment ?? 0),
        0,
      ),
  );
  const zero = Math.min(p, rates.class4LowerLimit);
  const main = Math.max(0, Math.min(p, rates.class4UpperLimit) - rates.class4LowerLimit);
  const upper = Math.max(0, p - rates.class4UpperLimit);
  const c4: Class4Band[] = [
    { name: 'zero-rate', rate: 0, threshold: rates.class4LowerLimit, income: zero, amount: 0 },
    {
      name: 'basic-rate',
      rate: rates.class4MainRate,
      threshold: rates.class4UpperLimit,
      income: main,
      amount: taxOn(main, rates.class4MainRate),
    },
  ];
  if (upper > 0) {
    c4.push({
      name: 'higher-rate',
      rate: rates.class4AdditionalRate,
      threshold: rates.class4UpperLimit,
      income: upper,
      amount: taxOn(upper, rates.class4AdditionalRate),
    });
  }
  return {
    liable: p,
    chargeable: main + upper,
    bands: c4,
    total: c4.reduce((t, b) => t + b.amount, 0),
  };
}

/**
 * Residential finance costs: a basic-rate reduction on the lowest of the costs, the property
 * profits and the income above the Personal Allowance, worked out for UK property and then for
 * foreign property. [IC schemas/retrieve/def3/calculation/reliefs.json residentialFinanceCosts]
 */
function financeCostReliefFor(
  businesses: BusinessResult[],
  taxableIncome: number,
  incomeTaxCharged: Pence,
  totalIncome: number,
  rates: TaxRates,
): FinanceCostRelief | undefined {
  const costs = (type: BusinessFigures['type']) =>
    businesses.filter((b) => b.type === type).reduce((t, b) => t + b.financeCosts, 0);
  const ukCosts = costs('uk-property');
  const foreignCosts = costs('foreign-property');
  if (ukCosts + foreignCosts === 0) return undefined;
  const ukRelievable = Math.min(
    ukCosts,
    profitOf(businesses, 'uk-property') * 100,
    taxableIncome * 100,
  );
  const foreignRelievable = Math.min(
    foreignCosts,
    profitOf(businesses, 'foreign-property') * 100,
    taxableIncome * 100 - ukRelievable,
  );
  const relievable = ukRelievable + Math.max(0, foreignRelievable);
  const relief = Math.min(
    incomeTaxCharged,
    Math.floor((relievable * rates.financeCostReliefRate) / 100),
  );
  return {
    relievable,
    relief,
    adjustedTotalIncome: totalIncome,
    ukRelievable,
    foreignRelievable: Math.max(0, foreignRelievable),
  };
}

/**
 * Foreign tax credit relief on foreign property, per country where it is claimed: the lower of
 * the foreign tax paid and the UK tax on that income, the income being treated as the top slice
 * of taxable income (the tax with it less the tax without it). Double taxation agreement rates
 * are not modelled. [IC schemas/retrieve/def3/calculation/reliefs.json foreignTaxCreditRelief;
 * PB foreign_property_cumulative_summary income.foreignTaxCreditRelief, foreignTaxPaidOrDeducted]
 */
function foreignCreditsFor(
  businesses: BusinessResult[],
  taxableIncome: number,
  bands: BandSpec[],
  taxAfterOtherReliefs: Pence,
): ForeignCredit[] {
  const withAll = taxOnBands(taxableIncome, bands);
  let left = Math.max(0, taxAfterOtherReliefs);
  return businesses
    .filter((b) => b.type === 'foreign-property' && b.foreignTax?.claimed && b.foreignTax.paid > 0)
    .map((b) => {
      const ukLiability = withAll - taxOnBands(Math.max(0, taxableIncome - b.taxableProfit), bands);
      const credit = Math.min(b.foreignTax?.paid ?? 0, ukLiability, left);
      left -= credit;
      return {
        businessId: b.businessId,
        countryCode: b.countryCode ?? 'ZZZ',
        foreignIncome: b.income,
        foreignTax: b.foreignTax?.paid ?? 0,
        ukLiability,
        credit,
      };
    });
}

/** Widens every band from the basic rate up by the extension (gross Gift Aid and pension contributions). */
function extendBands(bands: BandSpec[], by: number): BandSpec[] {
  if (by === 0) return bands;
  const from = bands.findIndex((b) => b.name === 'basic-rate');
  return bands.map((b, i) => (i >= from && b.upTo !== undefined ? { ...b, upTo: b.upTo + by } : b));
}

/** Sets `amount` against the parts in order; returns what each part takes. */
function allocate(amount: number, parts: number[]): number[] {
  let left = amount;
  return parts.map((part) => {
    const taken = Math.min(left, part);
    left -= taken;
    return taken;
  });
}

export function estimate(
  figures: BusinessFigures[],
  rates: TaxRates,
  bandSpecs?: BandSpec[],
  extras?: EstimateExtras,
): Estimate {
  const other = extras?.other ?? NO_OTHER_INCOME;
  const losses = extras?.losses ?? [];
  const sdRates = extras?.savingsRates ?? savingsDividendRatesFor(taxYearFromLabel(rates.label));
  const businesses = applyLosses(figures.map(businessResult), losses);
  const totalSelfEmploymentProfit = profitOf(businesses, 'self-employment');
  const totalPropertyProfit = profitOf(businesses, 'uk-property');
  const totalForeignPropertyProfit = profitOf(businesses, 'foreign-property');
  const nonSavingsIncome =
    totalSelfEmploymentProfit + totalPropertyProfit + totalForeignPropertyProfit;
  const savingsIncome = wholePoundsDown(other.savings.reduce((t, a) => t + a.gross, 0));
  const dividendIncome = wholePoundsDown(other.ukDividends + other.otherUkDividends);
  const totalIncome = nonSavingsIncome + savingsIncome + dividendIncome;

  // Reliefs come off total income before allowances: this year's losses claimed sideways, then
  // pension payments and gifts relieved by deduction. [ITA 2007 s.23 steps 2-3, s.64, s.431]
  const sideways = losses.reduce((t, l) => t + l.carrySideways, 0);
  const lossesAppliedToGeneralIncome = Math.min(sideways, totalIncome);
  const deductions = Math.min(
    totalIncome - lossesAppliedToGeneralIncome,
    wholePoundsDown(other.pensionDeductions + other.giftsToCharity),
  );
  const netIncome = totalIncome - lossesAppliedToGeneralIncome - deductions;
  // Adjusted net income is net income less gross Gift Aid and gross relief at source pension
  // contributions; the Personal Allowance tapers by £1 for every £2 of it over £100,000.
  // [ITA 2007 s.35, s.58]
  const extension = wholePoundsDown(other.giftAid.gross + other.reliefAtSource.gross);
  const adjustedNetIncome = Math.max(0, netIncome - extension);
  const taper = Math.floor(Math.max(0, adjustedNetIncome - rates.taperThreshold) / 2);
  const personalAllowance = Math.max(0, rates.personalAllowance - taper);

  // Reliefs and the allowance are set against non-savings income first, then savings, then
  // dividends, the order that usually gives the greatest reduction. [ITA 2007 s.25(2), s.25(4)]
  const [nsAllocated = 0, sAllocated = 0, dAllocated = 0] = allocate(
    lossesAppliedToGeneralIncome + deductions + personalAllowance,
    [nonSavingsIncome, savingsIncome, dividendIncome],
  );
  const nonSavingsTaxable = nonSavingsIncome - nsAllocated;
  const savingsTaxable = savingsIncome - sAllocated;
  const dividendTaxable = dividendIncome - dAllocated;
  const taxableIncome = nonSavingsTaxable + savingsTaxable + dividendTaxable;

  // Gift Aid and relief at source contributions extend the basic rate band and the higher rate
  // limit by their gross amount. [ITA 2007 s.414(2); FA 2004 s.192(4); GOV.UK "Tax relief for
  // pension contributions", "Gift Aid: higher rate taxpayers"]
  const bandsUsed = extendBands(bandSpecs ?? ukBands(rates), extension);
  const limits = {
    basicRateLimit: rates.basicRateLimit + extension,
    additionalRateThreshold: rates.additionalRateThreshold + extension,
  };
  const bands = applyBands(nonSavingsTaxable, bandsUsed);
  const nonSavingsTax = bands.reduce((t, b) => t + b.tax, 0);
  const savings =
    savingsIncome > 0
      ? savingsTax({
          received: savingsIncome,
          allowancesAllocated: sAllocated,
          nonSavingsTaxable,
          totalTaxable: taxableIncome,
          limits,
          rates: sdRates,
        })
      : undefined;
  const dividends =
    dividendIncome > 0
      ? dividendTax({
          received: dividendIncome,
          allowancesAllocated: dAllocated,
          taxableBelow: nonSavingsTaxable + savingsTaxable,
          totalTaxable: taxableIncome,
          limits,
          rates: sdRates,
        })
      : undefined;
  const incomeTaxCharged = nonSavingsTax + (savings?.tax ?? 0) + (dividends?.tax ?? 0);

  // Finance cost relief is limited by income other than savings and dividends. [ITTOIA 2005 s.274A-274AA]
  const financeCostRelief = financeCostReliefFor(
    businesses,
    nonSavingsTaxable,
    incomeTaxCharged,
    nonSavingsIncome,
    rates,
  );
  const afterFinanceCosts = incomeTaxCharged - (financeCostRelief?.relief ?? 0);
  const foreignTaxCredits = foreignCreditsFor(
    businesses,
    nonSavingsTaxable,
    bandsUsed,
    afterFinanceCosts,
  );
  const incomeTaxDueAfterReliefs =
    afterFinanceCosts - foreignTaxCredits.reduce((t, c) => t + c.credit, 0);
  // The charities reclaim basic-rate tax on Gift Aid; if the donor's tax does not cover it, the
  // difference is charged. [ITA 2007 s.424; IC def3/calculation/giftAid.json giftAidCharge]
  const giftAidTax = Math.floor((other.giftAid.gross * rates.basicRate) / 100);
  const giftAidCharge = Math.max(0, giftAidTax - incomeTaxDueAfterReliefs);
  const incomeTaxDue = incomeTaxDueAfterReliefs + giftAidCharge;

  const class4 = class4For(businesses, rates, losses);
  const taxDeducted =
    businesses.reduce((t, b) => t + b.taxDeducted, 0) +
    other.savings.reduce((t, a) => t + a.taxDeducted, 0);
  const totalDue = incomeTaxDue + (class4?.total ?? 0) - taxDeducted;
  return {
    rates,
    businesses,
    totalSelfEmploymentProfit,
    totalPropertyProfit,
    totalForeignPropertyProfit,
    nonSavingsIncome,
    totalIncome,
    personalAllowance,
    allowancesAllocated: nsAllocated + sAllocated + dAllocated,
    nonSavingsAllowances: nsAllocated,
    nonSavingsTaxable,
    taxableIncome,
    bands,
    nonSavingsTax,
    other: {
      figures: other,
      savings,
      dividends,
      losses,
      lossesAppliedToGeneralIncome,
      deductions,
      basicRateExtension: extension,
      giftAid:
        other.giftAid.gross > 0
          ? { gross: other.giftAid.gross, tax: giftAidTax, charge: giftAidCharge }
          : undefined,
      adjustedNetIncome,
    },
    incomeTaxCharged,
    financeCostRelief,
    foreignTaxCredits,
    incomeTaxDueAfterReliefs,
    incomeTaxDue,
    class4,
    taxDeducted,
    totalDue,
  };
}
