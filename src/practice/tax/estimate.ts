import { type Pence, wholePoundsDown } from './money';
import { type TaxRates } from './rates';

/**
 * A simplified in-year Income Tax and Class 4 NIC estimate from year-to-date figures. It is a
 * practice figure, not HMRC's calculation: no losses brought forward, allowances, adjustments or
 * other income. All arithmetic is in integer pence (or whole pounds where HMRC uses whole pounds),
 * so nothing drifts.
 */
export interface BusinessFigures {
  businessId: string;
  type: 'self-employment' | 'uk-property';
  name?: string;
  income: Pence;
  /** Total expenses as submitted (itemised sum or consolidated). */
  expenses: Pence;
  /** Disallowable expenses, added back to profit. */
  disallowable: Pence;
  taxDeducted: Pence;
  /** UK property only: residential finance costs (relieved as a tax reduction, not an expense). */
  financeCosts: Pence;
}

export interface BusinessResult extends BusinessFigures {
  netProfit: Pence;
  netLoss: Pence;
  adjustedProfit: Pence;
  adjustedLoss: Pence;
  /** Whole pounds, rounded down. */
  taxableProfit: number;
}

export interface Band {
  name: 'basic-rate' | 'higher-rate' | 'additional-rate';
  rate: number;
  bandLimit: number;
  income: number;
  tax: Pence;
}

export interface Class4Band {
  name: 'zero-rate' | 'basic-rate' | 'higher-rate';
  rate: number;
  threshold: number;
  income: number;
  amount: Pence;
}

export interface Estimate {
  rates: TaxRates;
  businesses: BusinessResult[];
  totalSelfEmploymentProfit: number;
  totalPropertyProfit: number;
  totalIncome: number;
  personalAllowance: number;
  taxableIncome: number;
  bands: Band[];
  incomeTaxCharged: Pence;
  financeCostRelief: { relievable: Pence; relief: Pence; adjustedTotalIncome: number } | undefined;
  incomeTaxDue: Pence;
  class4: { liable: number; chargeable: number; bands: Class4Band[]; total: Pence } | undefined;
  taxDeducted: Pence;
  totalDue: Pence;
}

/** Tax in pence on whole pounds at a whole-number percentage: exact. */
function taxOn(pounds: number, rate: number): Pence {
  return pounds * rate;
}

export function estimate(figures: BusinessFigures[], rates: TaxRates): Estimate {
  const businesses: BusinessResult[] = figures.map((b) => {
    const net = b.income - b.expenses;
    const adjusted = net + b.disallowable;
    return {
      ...b,
      netProfit: Math.max(0, net),
      netLoss: Math.max(0, -net),
      adjustedProfit: Math.max(0, adjusted),
      adjustedLoss: Math.max(0, -adjusted),
      taxableProfit: wholePoundsDown(Math.max(0, adjusted)),
    };
  });
  const totalSelfEmploymentProfit = businesses
    .filter((b) => b.type === 'self-employment')
    .reduce((t, b) => t + b.taxableProfit, 0);
  const totalPropertyProfit = businesses
    .filter((b) => b.type === 'uk-property')
    .reduce((t, b) => t + b.taxableProfit, 0);
  const totalIncome = totalSelfEmploymentProfit + totalPropertyProfit;

  // Personal Allowance tapers by £1 for every £2 of income over £100,000.
  const taper = Math.floor(Math.max(0, totalIncome - rates.taperThreshold) / 2);
  const personalAllowance = Math.max(0, rates.personalAllowance - taper);
  const taxableIncome = Math.max(0, totalIncome - personalAllowance);

  const basic = Math.min(taxableIncome, rates.basicRateLimit);
  const higher = Math.max(
    0,
    Math.min(taxableIncome, rates.additionalRateThreshold) - rates.basicRateLimit,
  );
  const additional = Math.max(0, taxableIncome - rates.additionalRateThreshold);
  const bands: Band[] = [
    {
      name: 'basic-rate',
      rate: rates.basicRate,
      bandLimit: rates.basicRateLimit,
      income: basic,
      tax: taxOn(basic, rates.basicRate),
    },
  ];
  if (higher > 0) {
    bands.push({
      name: 'higher-rate',
      rate: rates.higherRate,
      bandLimit: rates.additionalRateThreshold,
      income: higher,
      tax: taxOn(higher, rates.higherRate),
    });
  }
  if (additional > 0) {
    bands.push({
      name: 'additional-rate',
      rate: rates.additionalRate,
      bandLimit: rates.additionalRateThreshold,
      income: additional,
      tax: taxOn(additional, rates.additionalRate),
    });
  }
  const incomeTaxCharged = bands.reduce((t, b) => t + b.tax, 0);

  // Finance costs: a basic-rate reduction on the lowest of the costs, the property profits and
  // the income above the Personal Allowance.
  const financeCosts = businesses.reduce((t, b) => t + b.financeCosts, 0);
  let financeCostRelief: Estimate['financeCostRelief'];
  if (financeCosts > 0) {
    const relievable = Math.min(financeCosts, totalPropertyProfit * 100, taxableIncome * 100);
    const relief = Math.min(
      incomeTaxCharged,
      Math.floor((relievable * rates.financeCostReliefRate) / 100),
    );
    financeCostRelief = { relievable, relief, adjustedTotalIncome: totalIncome };
  }
  const incomeTaxDue = incomeTaxCharged - (financeCostRelief?.relief ?? 0);

  let class4: Estimate['class4'];
  if (businesses.some((b) => b.type === 'self-employment')) {
    const p = totalSelfEmploymentProfit;
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
    class4 = {
      liable: p,
      chargeable: main + upper,
      bands: c4,
      total: c4.reduce((t, b) => t + b.amount, 0),
    };
  }

  const taxDeducted = businesses.reduce((t, b) => t + b.taxDeducted, 0);
  const totalDue = incomeTaxDue + (class4?.total ?? 0) - taxDeducted;
  return {
    rates,
    businesses,
    totalSelfEmploymentProfit,
    totalPropertyProfit,
    totalIncome,
    personalAllowance,
    taxableIncome,
    bands,
    incomeTaxCharged,
    financeCostRelief,
    incomeTaxDue,
    class4,
    taxDeducted,
    totalDue,
  };
}
