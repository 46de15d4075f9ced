import type { BusinessKind } from '@shared/domain/business-kinds';
import {
  allowsDisallowable,
  categoryFitsKind,
  fieldValuePence,
  getCategory,
  type LedgerCategory,
} from '@shared/domain/categories';
import { BUSINESS_KIND_NAMES } from '@shared/domain/business-kinds';
import { MAX_HMRC_AMOUNT_PENCE, applyBasisPoints, type Pence } from '@shared/domain/money';
import { isIsoDate } from '@shared/domain/tax-year';
import { ledgerError, invalidInput } from './ledger-error';

/** The checks every write of a transaction's values goes through, shared by entry, import and rules. */

export function checkDate(date: string, path = 'date'): string {
  if (!isIsoDate(date) || date < '1900-01-01' || date > '2199-12-31') {
    throw invalidInput(
      path,
      'The date is not a valid date.',
      'Enter the date as day, month and year.',
    );
  }
  return date;
}

export function checkAmount(amount: number, path = 'amountPence'): Pence {
  if (!Number.isSafeInteger(amount)) {
    throw invalidInput(path, 'The amount must be in whole pence.');
  }
  if (Math.abs(amount) > MAX_HMRC_AMOUNT_PENCE) {
    throw invalidInput(path, 'The amount is larger than HMRC accepts (£99,999,999,999.99).');
  }
  return amount;
}

export function checkText(
  value: string | null | undefined,
  path: string,
  max: number,
): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length > max)
    throw invalidInput(path, `This is too long (${max} characters at most).`);
  return trimmed === '' ? null : trimmed;
}

export function checkCategory(
  categoryId: string | null,
  businessKind: BusinessKind | null,
  path = 'categoryId',
): LedgerCategory | null {
  if (categoryId === null) return null;
  const category = getCategory(categoryId);
  if (!category) {
    throw ledgerError(
      'CATEGORY_UNKNOWN',
      `“${categoryId}” is not a category Ledgerlink knows.`,
      'Choose a category from the list.',
      {
        fields: [{ path, message: 'Unknown category.' }],
      },
    );
  }
  if (category.reportable) {
    if (businessKind === null) {
      throw ledgerError(
        'BUSINESS_REQUIRED',
        `Choose which business “${category.name}” belongs to.`,
        'Pick a business first, then the category.',
        { fields: [{ path: 'businessId', message: 'Choose a business.' }] },
      );
    }
    if (!categoryFitsKind(category, businessKind)) {
      throw ledgerError(
        'CATEGORY_WRONG_KIND',
        `“${category.name}” is a ${BUSINESS_KIND_NAMES[category.kind].toLowerCase()} category, but this business is ${BUSINESS_KIND_NAMES[businessKind].toLowerCase()}.`,
        'Choose a category of this business, or change the business.',
        { fields: [{ path, message: 'Category does not fit the business.' }] },
      );
    }
  }
  return category;
}

/**
 * The disallowable part must have the expense's sign and be no bigger than it: at most the whole
 * of an expense of £100 (0…10,000p), and for a refund (a negative expense) between it and zero.
 */
export function checkDisallowable(
  disallowable: number,
  category: LedgerCategory | null,
  amountPence: Pence,
  path = 'disallowablePence',
): Pence {
  checkAmount(disallowable, path);
  if (disallowable === 0) return 0;
  if (!category || !allowsDisallowable(category) || !category.reportable) {
    throw ledgerError(
      'DISALLOWABLE_NOT_ALLOWED',
      category
        ? `“${category.name}” has no disallowable part in HMRC's figures.`
        : 'Choose an expense category before marking part of it as not allowable.',
      'Only self-employment expenses can have a part that is not allowable for tax.',
      { fields: [{ path, message: 'Not allowed for this category.' }] },
    );
  }
  const expense = fieldValuePence(category, amountPence);
  const fits =
    expense >= 0
      ? disallowable > 0 && disallowable <= expense
      : disallowable < 0 && disallowable >= expense;
  if (!fits) {
    throw ledgerError(
      'DISALLOWABLE_TOO_LARGE',
      'The part that is not allowable cannot be more than the expense itself.',
      'Enter an amount between zero and the expense.',
      { fields: [{ path, message: 'More than the expense.' }] },
    );
  }
  return disallowable;
}

/** A share in basis points (2,500 = 25 %) of the expense, as disallowable pence. */
export function disallowableFromShare(
  category: LedgerCategory | null,
  amountPence: Pence,
  basisPoints: number,
): Pence {
  if (basisPoints === 0 || !category || !category.reportable || !allowsDisallowable(category))
    return 0;
  return applyBasisPoints(fieldValuePence(category, amountPence), basisPoints);
}
