/**
 * Plain names for the lines HMRC lets a business adjust (`group.field`, foreign property
 * `FRA:group.field`), so the screen never shows HMRC's field names. Expense names match the
 * categories people see in their records. [BSAS submit_*_accounting_adjustments request.json]
 */
const SE_EXPENSES: Record<string, string> = {
  costOfGoods: 'Cost of goods',
  paymentsToSubcontractors: 'Payments to subcontractors',
  wagesAndStaffCosts: 'Wages and staff costs',
  carVanTravelExpenses: 'Car, van and travel',
  premisesRunningCosts: 'Rent, rates, power and insurance',
  maintenanceCosts: 'Repairs and maintenance',
  adminCosts: 'Phone, stationery and office costs',
  interestOnBankOtherLoans: 'Interest on business loans',
  financeCharges: 'Bank, card and finance charges',
  irrecoverableDebts: 'Bad debts written off',
  professionalFees: 'Accountancy, legal and professional fees',
  depreciation: 'Depreciation and loss on selling equipment',
  otherExpenses: 'Other business expenses',
  advertisingCosts: 'Advertising and marketing',
  businessEntertainmentCosts: 'Business entertainment',
  consolidatedExpenses: 'All expenses as one total',
};

const LABELS: Record<string, string> = {
  'income.turnover': 'Sales and takings',
  'income.other': 'Other business income',
  'income.totalRentsReceived': 'Rents received',
  'income.premiumsOfLeaseGrant': 'Premiums for granting a lease',
  'income.reversePremiums': 'Reverse premiums',
  'income.otherPropertyIncome': 'Other property income',
  'expenses.repairsAndMaintenance': 'Repairs and maintenance',
  'expenses.financialCosts': 'Loan interest and other finance costs',
  'expenses.costOfServices': 'Cost of services provided',
  'expenses.residentialFinancialCost': 'Residential finance costs (mortgage interest)',
  'expenses.other': 'Other property expenses',
  'expenses.travelCosts': 'Travel costs',
  ...Object.fromEntries(Object.entries(SE_EXPENSES).map(([f, name]) => [`expenses.${f}`, name])),
  ...Object.fromEntries(
    Object.entries(SE_EXPENSES)
      .filter(([f]) => f !== 'consolidatedExpenses')
      .map(([f, name]) => [`additions.${f}Disallowable`, `${name}: part not allowed for tax`]),
  ),
};

const GROUPS: Record<string, string> = {
  income: 'Income',
  expenses: 'Expenses',
  additions: 'Costs not allowed for tax (added back to profit)',
};

/** The plain name of a line, e.g. `expenses.costOfGoods` → "Cost of goods" (country first for foreign). */
export function adjustmentLineLabel(key: string): string {
  const [country, line] = key.includes(':') ? key.split(':') : [undefined, key];
  const name = LABELS[line ?? ''] ?? line ?? key;
  return country ? `${country}: ${name}` : name;
}

/** The group a line is listed under in the choice of lines. */
export function adjustmentGroupLabel(key: string): string {
  const line = key.includes(':') ? (key.split(':')[1] ?? key) : key;
  const group = line.split('.')[0] ?? '';
  return GROUPS[group] ?? group;
}
