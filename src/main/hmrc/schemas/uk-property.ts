import { z } from 'zod';
import { compareIsoDates } from '@shared/domain/tax-year';
import { isoDateSchema, moneyNonNegative, moneySigned } from './common';

/**
 * Property Business 6.0, UK property cumulative summary (tax year 2025-26 onwards)
 * [PB schemas/uk_property_cumulative_summary_create_and_amend/def1/request.json,
 * schemas/uk_property_cumulative_summary_retrieve/def1/response.json, reference §3.5, §5.5].
 */

/** Itemised expense fields that cannot be combined with consolidatedExpenses. */
export const UK_PROPERTY_ITEMISED_EXPENSE_FIELDS = [
  'premisesRunningCosts',
  'repairsAndMaintenance',
  'financialCosts',
  'professionalFees',
  'costOfServices',
  'other',
  'travelCosts',
] as const;
export type UkPropertyItemisedExpenseField = (typeof UK_PROPERTY_ITEMISED_EXPENSE_FIELDS)[number];

const incomeShape = {
  premiumsOfLeaseGrant: moneyNonNegative.optional(),
  reversePremiums: moneyNonNegative.optional(),
  periodAmount: moneyNonNegative.optional(),
  taxDeducted: moneyNonNegative.optional(),
  otherIncome: moneyNonNegative.optional(),
};
const expensesShape = {
  premisesRunningCosts: moneySigned.optional(),
  repairsAndMaintenance: moneySigned.optional(),
  financialCosts: moneySigned.optional(),
  professionalFees: moneySigned.optional(),
  costOfServices: moneySigned.optional(),
  other: moneySigned.optional(),
  residentialFinancialCost: moneyNonNegative.optional(),
  travelCosts: moneySigned.optional(),
  residentialFinancialCostsCarriedForward: moneyNonNegative.optional(),
  consolidatedExpenses: moneySigned.optional(),
};

/**
 * PUT body. `fromDate`/`toDate` are left out for "annual" or latent customers. The
 * consolidated variant may carry only residentialFinancialCost,
 * residentialFinancialCostsCarriedForward and rentARoom besides consolidatedExpenses.
 */
export const ukPropertyCumulativeRequestSchema = z
  .strictObject({
    fromDate: isoDateSchema.optional(),
    toDate: isoDateSchema.optional(),
    ukProperty: z.strictObject({
      income: z
        .strictObject({
          ...incomeShape,
          rentARoom: z.strictObject({ rentsReceived: moneyNonNegative.optional() }).optional(),
        })
        .optional(),
      expenses: z
        .strictObject({
          ...expensesShape,
          rentARoom: z.strictObject({ amountClaimed: moneyNonNegative.optional() }).optional(),
        })
        .optional(),
    }),
  })
  .refine(
    (b) =>
      !(
        b.ukProperty.expenses?.consolidatedExpenses !== undefined &&
        UK_PROPERTY_ITEMISED_EXPENSE_FIELDS.some((f) => b.ukProperty.expenses?.[f] !== undefined)
      ),
    {
      message: 'Send itemised expenses or consolidatedExpenses, not both',
      path: ['ukProperty', 'expenses'],
    },
  )
  .refine((b) => (b.fromDate === undefined) === (b.toDate === undefined), {
    message: 'fromDate and toDate go together',
    path: ['toDate'],
  })
  .refine((b) => !b.fromDate || !b.toDate || compareIsoDates(b.fromDate, b.toDate) <= 0, {
    message: 'The end date is before the start date',
    path: ['toDate'],
  });
export type UkPropertyCumulativeBody = z.infer<typeof ukPropertyCumulativeRequestSchema>;

/** GET response: adds `submittedOn`; dates and ukProperty required. */
export const ukPropertyCumulativeResponseSchema = z.looseObject({
  submittedOn: z.string(),
  fromDate: z.string(),
  toDate: z.string(),
  ukProperty: z.looseObject({
    income: z
      .looseObject({
        ...incomeShape,
        rentARoom: z.looseObject({ rentsReceived: moneyNonNegative.optional() }).optional(),
      })
      .optional(),
    expenses: z
      .looseObject({
        ...expensesShape,
        rentARoom: z.looseObject({ amountClaimed: moneyNonNegative.optional() }).optional(),
      })
      .optional(),
  }),
});
export type UkPropertyCumulativeResponse = z.infer<typeof ukPropertyCumulativeResponseSchema>;
