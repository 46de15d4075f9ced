import { type Band, type BandSpec, applyBands, taxOnBands, ukBands } from './income-tax-bands';
import { type Pence, wholePoundsDown } from './money';
import { type TaxRates } from './rates';

export type { Band } from './income-tax-bands';

/**
 * A simplified Income Tax and Class 4 NIC calculation from a year's figures: profits per
 * business after the annual adjustments and allowances, the Personal Allowance and its taper,
 * the UK or Scottish bands, residential finance cost relief, foreign tax credit relief on
 * foreign property, Class 4 NIC. It is a practice figure, not HMRC's calculation: no losses,
 * other income, Gift Aid, pensions or payments on account. All arithmetic is in integer pence
 * (or whole pounds where HMRC uses whole pounds), so nothing drifts.
 */
export interface BusinessFigures {
  businessId: string;
  type: 'self-employment' | 'uk-property' | 'foreign-property';
  name?: string;
  /** Foreign property: the country, one set of figures per country. */
  countryCode?: string;
  income: Pence;
  /** Total expenses as submitted (itemised sum or consolidated). */
  expenses: Pence;
  /** Disallowable expenses, added back to profit. */
  disallowable: Pence;
  taxDeducted: Pence;
  /** Property only: residential finance costs (relieved as a tax reduction, not an expense). */
  financeCosts: Pence;
  /** Annual adjustments that add to profit (balancing charges, goods for own use...). */
  additions?: Pence;
  /** Annual allowances and deductions (capital allowances, the trading or property allowance...). */
  deductions?: Pence;
  /** Adjustments either side of 0 (the basis period adjustment). */
  accountingAdjustments?: Pence;
  /** Self-employment: an exemption from Class 4 NIC was given. */
  class4Exempt?: boolean;
  /** Self-employment: the annual adjustment to profits for Class 4 (from 2026-27). */
  class4Adjustment?: Pence;
  /** Foreign property: tax paid abroad, and whether foreign tax credit relief is claimed. */
  foreignTax?: { paid: Pence; claimed: boolean };
}

export interface BusinessResult extends BusinessFigures {
  netProfit: Pence;
  netLoss: Pence;
  adjustedProfit: Pence;
  adjustedLoss: Pence;
  /** Whole pounds, rounded down. */
  taxableProfit: number;
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
  totalIncome: number;
  personalAllowance: number;
  taxableIncome: number;
  bands: Band[];
  incomeTaxCharged: Pence;
  financeCostRelief: FinanceCostRelief | undefined;
  foreignTaxCredits: ForeignCredit[];
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
  };
}

const profitOf = (list: BusinessResult[], type: BusinessFigures['type']) =>
  list.filter((b) => b.type === type).reduce((t, b) => t + b.taxableProfit, 0);

function class4For(businesses: BusinessResult[], rates: TaxRates): Estimate['class4'] {
  const liableBusinesses = businesses.filter((b) => b.type === 'self-employment');
  if (liableBusinesses.length === 0) return undefined;
  // An exemption takes the business out of Class 4; the annual Class 4 adjustment reduces the
  // profits it is charged on. [SE schemas/createAmendAnnualSubmission/def4/request.json
  // nonFinancials.class4NicsExemptionReason, adjustments.adjustmentToProfitsForClass4]
  const p = Math.max(
    0,
    liableBusinesses
      .filter((b) => !b.class4Exempt)
      .reduce((t, b) => t + b.taxableProfit - wholePoundsDown(b.class4Adjustment ?? 0), 0),
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

export function estimate(
  figures: BusinessFigures[],
  rates: TaxRates,
  bandSpecs?: BandSpec[],
): Estimate {
  const bandsUsed = bandSpecs ?? ukBands(rates);
  const businesses = figures.map(businessResult);
  const totalSelfEmploymentProfit = profitOf(businesses, 'self-employment');
  const totalPropertyProfit = profitOf(businesses, 'uk-property');
  const totalForeignPropertyProfit = profitOf(businesses, 'foreign-property');
  const totalIncome = totalSelfEmploymentProfit + totalPropertyProfit + totalForeignPropertyProfit;

  // Personal Allowance tapers by £1 for every £2 of income over £100,000.
  const taper = Math.floor(Math.max(0, totalIncome - rates.taperThreshold) / 2);
  const personalAllowance = Math.max(0, rates.personalAllowance - taper);
  const taxableIncome = Math.max(0, totalIncome - personalAllowance);
  const bands = applyBands(taxableIncome, bandsUsed);
  const incomeTaxCharged = bands.reduce((t, b) => t + b.tax, 0);

  const financeCostRelief = financeCostReliefFor(
    businesses,
    taxableIncome,
    incomeTaxCharged,
    totalIncome,
    rates,
  );
  const afterFinanceCosts = incomeTaxCharged - (financeCostRelief?.relief ?? 0);
  const foreignTaxCredits = foreignCreditsFor(
    businesses,
    taxableIncome,
    bandsUsed,
    afterFinanceCosts,
  );
  const incomeTaxDue = afterFinanceCosts - foreignTaxCredits.reduce((t, c) => t + c.credit, 0);

  const class4 = class4For(businesses, rates);
  const taxDeducted = businesses.reduce((t, b) => t + b.taxDeducted, 0);
  const totalDue = incomeTaxDue + (class4?.total ?? 0) - taxDeducted;
  return {
    rates,
    businesses,
    totalSelfEmploymentProfit,
    totalPropertyProfit,
    totalForeignPropertyProfit,
    totalIncome,
    personalAllowance,
    taxableIncome,
    bands,
    incomeTaxCharged,
    financeCostRelief,
    foreignTaxCredits,
    incomeTaxDue,
    class4,
    taxDeducted,
    totalDue,
  };
}
