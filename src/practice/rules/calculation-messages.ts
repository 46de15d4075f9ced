import { accountingTypeFor } from './accounting-type';
import { type BusinessRecord, type CalculationType, type PenceTree } from '../state/model';
import { entries, subtree, text } from '../tax/pence-tree';
import { type TaxYear } from '../tax/tax-year';

export interface CalculationMessage {
  id: string;
  text: string;
}

export interface CalculationMessages {
  info: CalculationMessage[];
  warnings: CalculationMessage[];
  errors: CalculationMessage[];
}

/** Whether any amount under `tree` (at any depth) is not zero. */
function anyAmount(tree: PenceTree | undefined): boolean {
  return Object.values(tree ?? {}).some((v) =>
    typeof v === 'number'
      ? v !== 0
      : typeof v === 'object' && !Array.isArray(v)
        ? anyAmount(v)
        : false,
  );
}

const nameOf = (b: BusinessRecord) =>
  b.tradingName ? `${b.tradingName} (${b.businessId})` : `${b.typeOfBusiness} ${b.businessId}`;

/**
 * Property income over this many pounds cannot use the cash basis. [GOV.UK "Cash basis for
 * property income" (£150,000 of property receipts); reference §5.5 "Property businesses over the
 * cash-basis threshold must use accruals"]
 */
const CASH_BASIS_PROPERTY_LIMIT_PENCE = 150_000_00;

/**
 * The business validation rules Practice HMRC runs on a calculation, each a message that names
 * what to fix. In an in-year calculation they are warnings; for intent-to-finalise and
 * intent-to-amend HMRC turns business validation warnings into errors, and a calculation with
 * errors has no results and cannot be declared until the data is fixed and a new calculation is
 * triggered. [reference §5.7 step 2-3; IC trigger.yaml; IC schemas/retrieve/def3/messages.json]
 * The ids are Practice HMRC's own (HMRC does not publish its message catalogue).
 */
export function validationFindings(
  taxYear: TaxYear,
  businesses: BusinessRecord[],
): CalculationMessage[] {
  const found: CalculationMessage[] = [];
  for (const b of businesses) {
    const cumulative = b.cumulative[taxYear.label]?.amounts;
    const annual = b.annual?.[taxYear.label]?.body;
    // Claiming the trading or property income allowance means no other expenses: the expenses
    // come out of the final cumulative update first. [reference §5.4 last bullet; E2E "Submit
    // allowance and adjustments"]
    if (b.typeOfBusiness === 'self-employment') {
      const claimed = subtree(annual, 'allowances')?.tradingIncomeAllowance !== undefined;
      const expenses =
        anyAmount(subtree(cumulative, 'periodExpenses')) ||
        anyAmount(subtree(cumulative, 'periodDisallowableExpenses'));
      if (claimed && expenses) {
        found.push({
          id: 'PRACTICE-TRADING-ALLOWANCE',
          text:
            `The trading income allowance is claimed for ${nameOf(b)}, but its cumulative update ` +
            'for the year also has expenses. Claiming the allowance means no other expenses: ' +
            'send a final cumulative update without expenses, or withdraw the allowance from the ' +
            'annual submission, then trigger a new calculation.',
        });
      }
    }
    if (b.typeOfBusiness === 'uk-property') {
      const claimed =
        subtree(annual, 'ukProperty', 'allowances')?.propertyIncomeAllowance !== undefined;
      if (claimed && anyAmount(subtree(cumulative, 'ukProperty', 'expenses'))) {
        found.push({
          id: 'PRACTICE-PROPERTY-ALLOWANCE',
          text:
            `The property income allowance is claimed for UK property ${b.businessId}, but its ` +
            'cumulative update for the year also has expenses. Claiming the allowance means no ' +
            'other expenses: send a final cumulative update without expenses, or withdraw the ' +
            'allowance from the annual submission, then trigger a new calculation.',
        });
      }
      const income = subtree(cumulative, 'ukProperty', 'income');
      const receipts = Object.values(income ?? {}).reduce<number>(
        (t, v) => t + (typeof v === 'number' ? v : 0),
        0,
      );
      if (
        accountingTypeFor(b, taxYear.label) === 'CASH' &&
        receipts > CASH_BASIS_PROPERTY_LIMIT_PENCE
      ) {
        found.push({
          id: 'PRACTICE-CASH-BASIS',
          text:
            `UK property ${b.businessId} has more than £150,000 of property income, so it cannot ` +
            'use the cash basis. Change its accounting type for the year to accruals, then ' +
            'trigger a new calculation.',
        });
      }
    }
    if (b.typeOfBusiness === 'foreign-property') {
      const keyOf = (e: PenceTree) => text(e, 'propertyId') ?? text(e, 'countryCode') ?? '';
      const withExpenses = new Set(
        entries(cumulative, 'foreignProperty')
          .filter((e) => anyAmount(subtree(e, 'expenses')))
          .map(keyOf),
      );
      const clash = entries(annual, 'foreignProperty').find(
        (e) =>
          subtree(e, 'allowances')?.propertyIncomeAllowance !== undefined &&
          withExpenses.has(keyOf(e)),
      );
      if (clash) {
        found.push({
          id: 'PRACTICE-FOREIGN-PROPERTY-ALLOWANCE',
          text:
            `The property income allowance is claimed for foreign property ${keyOf(clash)} of ` +
            `${b.businessId}, but its cumulative update also has expenses for it. Send a final ` +
            'cumulative update without those expenses, or withdraw the allowance, then trigger ' +
            'a new calculation.',
        });
      }
    }
  }
  return found;
}

/** Warnings in year; errors when finalising or amending. */
export function severityFor(type: CalculationType): 'warnings' | 'errors' {
  return type === 'in-year' ? 'warnings' : 'errors';
}
