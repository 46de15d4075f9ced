import {
  ANNUAL_DEFINITIONS,
  incomeAllowanceField,
  type AnnualKind,
} from '@shared/domain/annual-fields';
import { formatPence, type Pence } from '@shared/domain/money';
import type { AnnualHints } from '@shared/ipc/channels/year-end-annual';
import type { Ledger } from '../../ledger';
import { flattenBody } from '../../review/flatten-body';

/**
 * Hints computed from the ledger for the annual figures (reference §5.4, §5.5): purchases that
 * look like equipment, as candidates for the Annual Investment Allowance (the person decides:
 * the ledger cannot know what is capital), and the income allowance set against the year's
 * actual expenses.
 */

/** Words that usually mean a piece of equipment rather than a running cost. */
const EQUIPMENT =
  /\b(laptop|computer|pc|macbook|monitor|printer|tablet|phone|camera|van|vehicle|tools?|drill|saw|sander|lathe|router|machine(ry)?|equipment|furniture|desk|boiler|fridge|freezer|oven|cooker|washing machine|dishwasher|sofa|bed)\b/i;
/** Below this a purchase is treated as a running cost (small tools are usually expenses). */
const CANDIDATE_MIN_PENCE = 10_000;

export function capitalCandidates(
  ledger: Ledger,
  businessId: number,
  from: string,
  to: string,
): Pick<AnnualHints, 'capitalCandidates' | 'capitalCandidatesPence'> {
  const page = ledger.records.list(
    { businessId, dateFrom: from, dateTo: to, direction: 'out' },
    { sort: 'amount-asc', limit: 500 },
  );
  const found = page.rows
    .filter(
      (r) =>
        Math.abs(r.amountPence) >= CANDIDATE_MIN_PENCE &&
        (EQUIPMENT.test(r.description) || r.categoryId === 'se.depreciation'),
    )
    .slice(0, 20)
    .map((r) => ({
      id: r.id,
      date: r.date,
      description: r.description.slice(0, 200),
      amountPence: Math.abs(r.amountPence),
    }));
  return {
    capitalCandidates: found,
    capitalCandidatesPence: found.reduce((sum, r) => sum + r.amountPence, 0),
  };
}

/** Expenses in a cumulative body (ours or HMRC's), positive pence. */
export function expensesInCumulative(body: unknown): Pence {
  let total = 0;
  for (const [path, value] of flattenBody(body)) {
    if (value.kind !== 'money' || path.endsWith('Disallowable')) continue;
    if (
      path.startsWith('periodExpenses.') ||
      path.startsWith('ukProperty.expenses.') ||
      // Foreign property: every country's or property's expenses (flattened under its key).
      /^foreignProperty\.[^.]+\.expenses\./.test(path)
    ) {
      total += value.pence;
    }
  }
  return total;
}

export function incomeAllowanceAdvice(
  kind: AnnualKind,
  expensesPence: Pence,
): {
  capPence: Pence;
  advice: string;
} {
  const def = ANNUAL_DEFINITIONS[kind];
  const field = incomeAllowanceField(def);
  const capPence = field.value.type === 'money' ? field.value.maxPence : 0;
  const name = def.incomeAllowanceName;
  if (expensesPence >= capPence) {
    return {
      capPence,
      advice: `Your recorded expenses for the year (${formatPence(expensesPence)}) are more than the ${name} (${formatPence(capPence)}), so claiming your actual expenses gives the bigger deduction.`,
    };
  }
  return {
    capPence,
    advice: `Your recorded expenses for the year (${formatPence(expensesPence)}) are less than the ${name} (${formatPence(capPence)}). Claiming the allowance instead would deduct ${formatPence(capPence - expensesPence)} more — but then you claim no expenses at all: first send the year’s last cumulative update again with no expenses, then claim the allowance here.`,
  };
}
