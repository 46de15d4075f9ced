import { type Pence } from './money';
import { type SavingsDividendRates } from './savings-dividend-rates';

/**
 * Savings and dividend income are taxed after other income, savings before dividends, each
 * slice taking the band room the income below it leaves. [ITA 2007 s.16 (savings income treated
 * as the highest part of total income, dividends above it), s.10-s.13A]
 */
export type StackBandName =
  | 'savings-starter-rate'
  | 'allowance-awarded-at-basic-rate'
  | 'allowance-awarded-at-higher-rate'
  | 'allowance-awarded-at-additional-rate'
  | 'basic-rate'
  | 'higher-rate'
  | 'additional-rate';

export interface StackBand {
  name: StackBandName;
  rate: number;
  bandLimit: number;
  income: number;
  tax: Pence;
}

export interface StackedIncome {
  incomeReceived: number;
  allowancesAllocated: number;
  taxableIncome: number;
  bands: StackBand[];
  tax: Pence;
}

/** UK band limits in taxable income, after any basic-rate extension. */
export interface UkLimits {
  basicRateLimit: number;
  additionalRateThreshold: number;
}

type Level = 'basic' | 'higher' | 'additional';

/** The band the person's total taxable income reaches: it sets the Personal Savings Allowance. */
export function highestLevel(totalTaxable: number, limits: UkLimits): Level {
  if (totalTaxable > limits.additionalRateThreshold) return 'additional';
  if (totalTaxable > limits.basicRateLimit) return 'higher';
  return 'basic';
}

const ALLOWANCE_NAME: Record<Level, StackBandName> = {
  basic: 'allowance-awarded-at-basic-rate',
  higher: 'allowance-awarded-at-higher-rate',
  additional: 'allowance-awarded-at-additional-rate',
};

/** Tax in pence on whole pounds at a percentage that may have two decimals (8.75%): to the penny below. */
function taxAt(pounds: number, rate: number): Pence {
  return Math.floor((pounds * Math.round(rate * 100)) / 100);
}

/**
 * Spreads a slice of taxable income starting at `from` (the taxable income below it) over nil-rate
 * allowances first and then the basic, higher and additional bands. Nil-rate allowances still use
 * band room. [GOV.UK "Tax on savings interest", "Tax on dividends": "allowances ... count towards
 * your basic or higher rate bands"]
 */
function spread(
  from: number,
  taxable: number,
  nilBands: { name: StackBandName; size: number }[],
  rates: Record<Level, number>,
  limits: UkLimits,
): StackBand[] {
  const out: StackBand[] = [];
  let left = taxable;
  for (const nil of nilBands) {
    const income = Math.min(left, nil.size);
    if (nil.size > 0) out.push({ name: nil.name, rate: 0, bandLimit: nil.size, income, tax: 0 });
    left -= income;
  }
  let position = from + (taxable - left);
  const levels: [StackBandName, Level, number][] = [
    ['basic-rate', 'basic', limits.basicRateLimit],
    ['higher-rate', 'higher', limits.additionalRateThreshold],
    ['additional-rate', 'additional', Infinity],
  ];
  for (const [name, level, top] of levels) {
    const income = Math.max(0, Math.min(left, top - position));
    if (income > 0) {
      out.push({
        name,
        rate: rates[level],
        bandLimit: Number.isFinite(top) ? top : limits.additionalRateThreshold,
        income,
        tax: taxAt(income, rates[level]),
      });
    }
    left -= income;
    position += income;
  }
  return out;
}

/**
 * Savings income: the starting rate for savings (£5,000 less the non-savings taxable income),
 * then the Personal Savings Allowance for the person's highest band, then the main rates.
 * [savings-dividend-rates.ts]
 */
export function savingsTax(input: {
  received: number;
  allowancesAllocated: number;
  nonSavingsTaxable: number;
  totalTaxable: number;
  limits: UkLimits;
  rates: SavingsDividendRates;
}): StackedIncome {
  const taxable = Math.max(0, input.received - input.allowancesAllocated);
  const starting = Math.max(0, input.rates.savingsStartingRateBand - input.nonSavingsTaxable);
  const level = highestLevel(input.totalTaxable, input.limits);
  const psa = input.rates.personalSavingsAllowance[level];
  const bands =
    input.received > 0
      ? spread(
          input.nonSavingsTaxable,
          taxable,
          [
            { name: 'savings-starter-rate', size: starting },
            { name: ALLOWANCE_NAME[level], size: psa },
          ],
          input.rates.savingsRates,
          input.limits,
        )
      : [];
  return {
    incomeReceived: input.received,
    allowancesAllocated: input.allowancesAllocated,
    taxableIncome: taxable,
    bands,
    tax: bands.reduce((t, b) => t + b.tax, 0),
  };
}

/** Dividends: the Dividend Allowance, then the dividend ordinary, upper and additional rates. */
export function dividendTax(input: {
  received: number;
  allowancesAllocated: number;
  taxableBelow: number;
  totalTaxable: number;
  limits: UkLimits;
  rates: SavingsDividendRates;
}): StackedIncome {
  const taxable = Math.max(0, input.received - input.allowancesAllocated);
  const level = highestLevel(input.totalTaxable, input.limits);
  const bands =
    input.received > 0
      ? spread(
          input.taxableBelow,
          taxable,
          [{ name: ALLOWANCE_NAME[level], size: input.rates.dividendAllowance }],
          input.rates.dividendRates,
          input.limits,
        )
      : [];
  return {
    incomeReceived: input.received,
    allowancesAllocated: input.allowancesAllocated,
    taxableIncome: taxable,
    bands,
    tax: bands.reduce((t, b) => t + b.tax, 0),
  };
}
