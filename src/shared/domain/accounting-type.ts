import { formatPence, type Pence } from './money';

/**
 * The accounting type of a business for a tax year (reference §5.5 last bullet; Business
 * Details 2.0 accounting type): the cash basis (income when received, expenses when paid) or
 * traditional accounting, which HMRC calls accruals (income when earned, expenses when
 * incurred). Pure: the screen explains a change with these words before anything is sent, and
 * the main process refuses a change HMRC's calculation would refuse.
 */

export const ACCOUNTING_TYPES = ['cash', 'accruals'] as const;
export type AccountingType = (typeof ACCOUNTING_TYPES)[number];

export const ACCOUNTING_TYPE_NAMES: Record<AccountingType, string> = {
  cash: 'Cash basis',
  accruals: 'Traditional accounting (accruals)',
};

/**
 * Property income above this cannot use the cash basis: a property business with receipts over
 * £150,000 in the year must use accruals. [GOV.UK "Cash basis for property income"; reference
 * §5.5 "Property businesses over the cash-basis threshold must use accruals"]
 */
export const PROPERTY_CASH_BASIS_LIMIT_PENCE: Pence = 150_000_00;

/** What changes for the person when a business moves to this accounting type for a year. */
export function consequencesOf(to: AccountingType): string[] {
  return to === 'cash'
    ? [
        'Income counts when the money reaches you, and expenses when you pay them.',
        'Unpaid invoices, unpaid bills and stock at the end of the year no longer go into the figures.',
        'When you change basis, an adjustment may be due so that nothing is counted twice or missed. Put it in the year’s annual figures (ask an accountant if unsure).',
      ]
    : [
        'Income counts when you earn it, and expenses when you incur them, whenever the money moves.',
        'At the end of the year, include what customers owe you, what you owe suppliers, and stock you still hold.',
        'When you change basis, an adjustment may be due so that nothing is counted twice or missed. Put it in the year’s annual figures (ask an accountant if unsure).',
      ];
}

export type CashBasisCheck =
  { allowed: true } | { allowed: false; reason: string; receiptsPence: Pence };

/**
 * Whether a business may use the cash basis for a year given its receipts: self-employment
 * always may (the cash basis has been the default, with no turnover limit, since 2024-25);
 * property may only while its receipts are at most £150,000.
 */
export function cashBasisCheck(kind: string, receiptsPence: Pence): CashBasisCheck {
  if (kind === 'self-employment' || receiptsPence <= PROPERTY_CASH_BASIS_LIMIT_PENCE)
    return { allowed: true };
  return {
    allowed: false,
    receiptsPence,
    reason:
      `This property business has ${formatPence(receiptsPence)} of income in the year, more than ` +
      `the ${formatPence(PROPERTY_CASH_BASIS_LIMIT_PENCE)} a property business may have and still ` +
      'use the cash basis. It must use traditional accounting (accruals): HMRC’s final ' +
      'calculation refuses the cash basis for it.',
  };
}
