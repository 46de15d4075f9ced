import type { ExcludedCategory } from './category';

/**
 * Ledger-only categories for a mixed bank account: the transaction is dealt with (so it stops
 * counting as uncategorised) but stays out of every HMRC figure.
 */
export const EXCLUDED_CATEGORIES: readonly ExcludedCategory[] = [
  {
    id: 'excluded.personal',
    reportable: false,
    name: 'Personal, not business',
    hint: 'Private spending or income that is not part of any business. Left out of HMRC figures.',
  },
  {
    id: 'excluded.transfer',
    reportable: false,
    name: 'Transfer or owner money',
    hint: 'Moving money between your own accounts, or money you put in or take out. Left out of HMRC figures.',
  },
];
