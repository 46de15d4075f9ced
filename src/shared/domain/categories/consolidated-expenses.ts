import type { BusinessKind } from '../business-kinds';
import { addPence, type Pence } from '../money';
import { categoriesForKind } from './catalogue';

/**
 * Consolidated ("three-line") expenses may be used only while turnover — for property, property
 * income — is below £90,000 (reference §5.4; it was £85,000 before July 2024).
 */
export const CONSOLIDATED_EXPENSES_THRESHOLD_PENCE: Pence = 9_000_000;

export function consolidatedExpensesAllowed(qualifyingIncomePence: Pence): boolean {
  return qualifyingIncomePence < CONSOLIDATED_EXPENSES_THRESHOLD_PENCE;
}

export interface FieldAmount {
  valuePence: Pence;
  disallowablePence: Pence;
}

/** The income the £90,000 test looks at: SE turnover, or gross property income (not tax deducted). */
export function consolidatedThresholdIncome(
  kind: BusinessKind,
  totals: ReadonlyMap<string, FieldAmount>,
): Pence {
  let income = 0;
  for (const category of categoriesForKind(kind)) {
    if (category.countsTowardsConsolidatedThreshold) {
      income = addPence(income, totals.get(category.id)?.valuePence ?? 0);
    }
  }
  return income;
}

/**
 * Folds itemised expenses into HMRC's `consolidatedExpenses` ("the sum of all allowable
 * expenses", [SE]/[PB] schema): allowable = value − disallowable, summed over the folded lines
 * plus anything recorded directly as consolidated. Lines with role `separate` (UK property
 * finance costs and rent-a-room relief) stay itemised beside it.
 */
export function foldIntoConsolidated(
  kind: BusinessKind,
  totals: ReadonlyMap<string, FieldAmount>,
): { consolidatedPence: Pence; separate: Map<string, Pence> } {
  let consolidatedPence = 0;
  const separate = new Map<string, Pence>();
  for (const category of categoriesForKind(kind)) {
    if (category.direction !== 'expense') continue;
    const amount = totals.get(category.id);
    const allowable = amount ? addPence(amount.valuePence, -amount.disallowablePence) : 0;
    if (category.consolidation === 'separate') separate.set(category.id, allowable);
    else consolidatedPence = addPence(consolidatedPence, allowable);
  }
  return { consolidatedPence, separate };
}
