import type { BusinessKind } from '../business-kinds';
import type { Pence } from '../money';

export type CategoryDirection = 'income' | 'expense';

/** Where a field sits in HMRC's cumulative body (reference §3.5). */
export type HmrcSection =
  | 'periodIncome'
  | 'periodExpenses'
  | 'ukProperty.income'
  | 'ukProperty.expenses'
  | 'foreignProperty.income'
  | 'foreignProperty.expenses';

/**
 * What happens to an expense line when the business reports consolidated expenses:
 * `folded` into the single total, `separate` still reported beside it (UK property finance costs
 * and rent-a-room, reference §3.5), or `consolidated`, the single total itself.
 */
export type ConsolidationRole = 'folded' | 'separate' | 'consolidated';

/** A category that becomes one HMRC field of a cumulative update. */
export interface HmrcCategory {
  /** Stable id stored with each transaction: `se.costOfGoods`, `ukp.rentARoom.rentsReceived`. */
  readonly id: string;
  readonly reportable: true;
  readonly kind: BusinessKind;
  readonly direction: CategoryDirection;
  readonly hmrcSection: HmrcSection;
  /** HMRC's field name inside its section; a dotted path for nested fields. */
  readonly hmrcField: string;
  /** The matching `…Disallowable` field in `periodDisallowableExpenses`, if there is one (§5.4). */
  readonly disallowableField: string | null;
  readonly name: string;
  readonly hint: string;
  /** HMRC's lower bound for the field: income can't go below zero; most expenses can (refunds). */
  readonly sign: 'non-negative' | 'any';
  readonly consolidation: ConsolidationRole | null;
  /** Counts as turnover / property income for the £90,000 consolidated-expenses test (§5.4). */
  readonly countsTowardsConsolidatedThreshold: boolean;
}

/** A ledger-only category: the transaction is accounted for but left out of HMRC figures. */
export interface ExcludedCategory {
  readonly id: 'excluded.personal' | 'excluded.transfer';
  readonly reportable: false;
  readonly name: string;
  readonly hint: string;
}

export type LedgerCategory = HmrcCategory | ExcludedCategory;

/** Whether part of a transaction in this category can be marked as not allowable for tax. */
export function allowsDisallowable(category: LedgerCategory): boolean {
  return category.reportable && category.disallowableField !== null;
}

/**
 * A bank amount (+ in, − out) as the value of the HMRC field: income counts money in, an expense
 * counts money out, so a refund of an expense (+) lowers that expense.
 */
export function fieldValuePence(category: HmrcCategory, amountPence: Pence): Pence {
  return category.direction === 'income' || amountPence === 0 ? amountPence : -amountPence;
}

/** The HMRC body path of the field, e.g. `periodExpenses.costOfGoods`. */
export function hmrcPath(category: HmrcCategory): string {
  return `${category.hmrcSection}.${category.hmrcField}`;
}
