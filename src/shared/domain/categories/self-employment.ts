import type { HmrcCategory } from './category';

/**
 * Self-employment fields of the cumulative period summary (reference §5.4; [SE]
 * `schemas/createAmendCumulativePeriodSummary/request.json`). The hints are ours, in plain words.
 */

const income = (
  field: string,
  name: string,
  hint: string,
  countsTowardsConsolidatedThreshold = false,
): HmrcCategory => ({
  id: `se.${field}`,
  reportable: true,
  kind: 'self-employment',
  direction: 'income',
  hmrcSection: 'periodIncome',
  hmrcField: field,
  disallowableField: null,
  name,
  hint,
  sign: 'non-negative',
  consolidation: null,
  countsTowardsConsolidatedThreshold,
});

// Every itemised expense has a `…Disallowable` twin and may be negative (refunds), §5.4.
const expense = (field: string, name: string, hint: string): HmrcCategory => ({
  id: `se.${field}`,
  reportable: true,
  kind: 'self-employment',
  direction: 'expense',
  hmrcSection: 'periodExpenses',
  hmrcField: field,
  disallowableField: `${field}Disallowable`,
  name,
  hint,
  sign: 'any',
  consolidation: 'folded',
  countsTowardsConsolidatedThreshold: false,
});

export const SELF_EMPLOYMENT_CATEGORIES: readonly HmrcCategory[] = [
  income(
    'turnover',
    'Sales and takings',
    'Money customers pay you for your goods or services: sales, fees, commission and tips.',
    true,
  ),
  income(
    'other',
    'Other business income',
    'Business income that is not from sales, such as grants, insurance payouts or rebates.',
  ),
  income(
    'taxTakenOffTradingIncome',
    'Tax taken off your trading income',
    'Tax a customer deducted before paying you, other than Construction Industry Scheme deductions.',
  ),
  expense(
    'costOfGoods',
    'Cost of goods',
    'Stock and materials you buy to sell, or to use in the work you sell.',
  ),
  expense(
    'paymentsToSubcontractors',
    'Payments to subcontractors',
    'Money paid to construction subcontractors under the Construction Industry Scheme.',
  ),
  expense(
    'wagesAndStaffCosts',
    'Wages and staff costs',
    "Employees' pay, pensions and other staff costs. Not money you take out for yourself.",
  ),
  expense(
    'carVanTravelExpenses',
    'Car, van and travel',
    'Fuel, vehicle insurance and repairs, fares, parking and hotels for business journeys.',
  ),
  expense(
    'premisesRunningCosts',
    'Rent, rates, power and insurance',
    'Rent, business rates, heating, lighting, water and insurance for your business premises.',
  ),
  expense(
    'maintenanceCosts',
    'Repairs and maintenance',
    'Repairing and maintaining business premises and equipment, but not improving them.',
  ),
  expense(
    'adminCosts',
    'Phone, stationery and office costs',
    'Phone and internet bills, postage, printing, stationery and office software.',
  ),
  expense(
    'businessEntertainmentCosts',
    'Business entertainment',
    'Entertaining clients or customers. Record it here and mark it as not allowable for tax.',
  ),
  expense(
    'advertisingCosts',
    'Advertising and marketing',
    'Adverts, your website, business cards and other promotion.',
  ),
  expense(
    'interestOnBankOtherLoans',
    'Interest on business loans',
    'Interest on bank and other business loans. Not repayments of the loan itself.',
  ),
  expense(
    'financeCharges',
    'Bank, card and finance charges',
    'Bank fees, overdraft and credit card charges, and card-payment processing fees.',
  ),
  expense(
    'irrecoverableDebts',
    'Bad debts written off',
    'Money a customer owes you, already counted as income, that you will never be paid.',
  ),
  expense(
    'professionalFees',
    'Accountancy, legal and professional fees',
    'Accountants, solicitors, surveyors and professional indemnity insurance.',
  ),
  expense(
    'depreciation',
    'Depreciation and loss on selling equipment',
    'Wear and tear on equipment and any loss when you sell it. Mark it as not allowable for tax.',
  ),
  expense(
    'otherExpenses',
    'Other business expenses',
    'Business costs that fit nowhere else, such as trade subscriptions or small tools.',
  ),
  {
    id: 'se.consolidatedExpenses',
    reportable: true,
    kind: 'self-employment',
    direction: 'expense',
    hmrcSection: 'periodExpenses',
    hmrcField: 'consolidatedExpenses',
    disallowableField: null,
    name: 'All expenses as one total',
    hint: 'One total of your allowable expenses, if your turnover is under £90,000 and you choose not to list them.',
    sign: 'any',
    consolidation: 'consolidated',
    countsTowardsConsolidatedThreshold: false,
  },
];
