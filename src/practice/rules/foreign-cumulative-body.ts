import { type MtdError } from '../http/mtd-errors';
import {
  type AmountRange,
  type FieldSpec,
  MONEY,
  type ObjectSpec,
  type ParsedBody,
  checkAmounts,
  listAt,
  objectAt,
} from './body-shape';
import { checkPropertyDates, type DateRange } from './cumulative-bodies';
import { checkEntryKey, duplicateKeys } from './property-annual-body';

/**
 * The foreign property cumulative period summary: dates at the top as for UK property, and one
 * entry per country (2025-26, def1) or per property recorded for the business (2026-27 on,
 * def2), each with income, foreign tax and expenses. [PB app/v6/
 * createAmendForeignPropertyCumulativePeriodSummary/def1|def2/model/request/*.scala; schemas/
 * foreign_property_cumulative_summary_create_and_amend/def1|def2/request.json]
 */
const money = (names: readonly string[]): Record<string, FieldSpec> =>
  Object.fromEntries(names.map((n) => [n, MONEY]));

export const FOREIGN_INCOME_AMOUNTS = [
  'premiumsOfLeaseGrant',
  'otherPropertyIncome',
  'foreignTaxPaidOrDeducted',
  'specialWithholdingTaxOrUkTaxPaid',
] as const;

/** Itemised expenses that may be negative, in the model's order. */
export const FOREIGN_ITEMISED_EXPENSES = [
  'premisesRunningCosts',
  'repairsAndMaintenance',
  'financialCosts',
  'professionalFees',
  'costOfServices',
  'travelCosts',
  'other',
] as const;

export function foreignCumulativeSpec(byPropertyId: boolean): ObjectSpec {
  const key = byPropertyId ? 'propertyId' : 'countryCode';
  return {
    kind: 'object',
    fields: {
      fromDate: { kind: 'string' },
      toDate: { kind: 'string' },
      foreignProperty: {
        kind: 'array',
        items: {
          kind: 'object',
          fields: {
            [key]: { kind: 'string' },
            income: {
              kind: 'object',
              fields: {
                rentIncome: { kind: 'object', fields: money(['rentAmount']) },
                foreignTaxCreditRelief: { kind: 'boolean' },
                ...money(FOREIGN_INCOME_AMOUNTS),
              },
            },
            expenses: {
              kind: 'object',
              fields: money([
                ...FOREIGN_ITEMISED_EXPENSES,
                'residentialFinancialCost',
                'broughtFwdResidentialFinancialCost',
                'consolidatedExpenses',
              ]),
            },
          },
          required: [key],
        },
      },
    },
    required: ['foreignProperty'],
  };
}

const BOTH_EXPENSES: MtdError = {
  code: 'RULE_BOTH_EXPENSES_SUPPLIED',
  message:
    'Only one of either expenses or consolidatedExpenses can be supplied. A single expense type must be used for all foreign properties',
};

/**
 * The body's rules once it reads cleanly, reported together: the dates as for UK property; then
 * duplicated countries or property ids; then per entry its amounts (income and finance costs 0
 * or more, other expenses either side of 0), its country code or property id, and consolidated
 * expenses only beside the two residential finance cost fields. [PB app/v6/
 * createAmendForeignPropertyCumulativePeriodSummary/def1|def2/
 * Def*_CreateAmendForeignPropertyCumulativePeriodSummaryRulesValidator.scala]
 */
export function checkForeignCumulativeRules(
  body: ParsedBody,
  dates: DateRange,
  byPropertyId: boolean,
): MtdError[] {
  const errors = checkPropertyDates(dates);
  const entries = listAt(body, 'foreignProperty') ?? [];
  errors.push(...duplicateKeys(entries, byPropertyId ? 'propertyId' : 'countryCode'));
  entries.forEach((entry, i) => {
    const base = `/foreignProperty/${i}`;
    const amounts = checkAmounts(body, [
      [`${base}/income/rentIncome/rentAmount`, 'zero-or-more'],
      ...FOREIGN_INCOME_AMOUNTS.map((f): [string, AmountRange] => [
        `${base}/income/${f}`,
        'zero-or-more',
      ]),
      ...['residentialFinancialCost', 'broughtFwdResidentialFinancialCost'].map(
        (f): [string, AmountRange] => [`${base}/expenses/${f}`, 'zero-or-more'],
      ),
      // HMRC's rules check travel costs before the cost of services (the model has them the
      // other way round); the order decides the order of FORMAT_VALUE's paths.
      ...[
        'premisesRunningCosts',
        'repairsAndMaintenance',
        'financialCosts',
        'professionalFees',
        'travelCosts',
        'costOfServices',
        'other',
        'consolidatedExpenses',
      ].map((f): [string, AmountRange] => [`${base}/expenses/${f}`, 'may-be-negative']),
    ]);
    errors.push(...amounts, ...checkEntryKey(entry, i, byPropertyId));
    const expenses = objectAt(entry, 'expenses');
    if (
      expenses?.consolidatedExpenses !== undefined &&
      FOREIGN_ITEMISED_EXPENSES.some((f) => expenses[f] !== undefined)
    ) {
      errors.push({ ...BOTH_EXPENSES, paths: [`${base}/expenses`] });
    }
  });
  return errors;
}
