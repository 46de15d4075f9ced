import { z } from 'zod';
import { compareIsoDates } from '@shared/domain/tax-year';
import { isoDateSchema, moneyNonNegative, moneySigned } from './common';

/**
 * Self Employment Business 5.0, cumulative period summary (tax year 2025-26 onwards)
 * [SE schemas/createAmendCumulativePeriodSummary/request.json,
 * schemas/retrieveCumulativePeriodSummary/def1/response.json, reference §3.5, §5.4].
 */

/** The itemised expense fields; each has a `<field>Disallowable` twin. */
export const SE_EXPENSE_FIELDS = [
  'costOfGoods',
  'paymentsToSubcontractors',
  'wagesAndStaffCosts',
  'carVanTravelExpenses',
  'premisesRunningCosts',
  'maintenanceCosts',
  'adminCosts',
  'businessEntertainmentCosts',
  'advertisingCosts',
  'interestOnBankOtherLoans',
  'financeCharges',
  'irrecoverableDebts',
  'professionalFees',
  'depreciation',
  'otherExpenses',
] as const;
export type SeExpenseField = (typeof SE_EXPENSE_FIELDS)[number];

const each = <K extends string, S extends z.ZodType>(keys: readonly K[], schema: S) =>
  Object.fromEntries(keys.map((k) => [k, schema.optional()])) as Record<K, z.ZodOptional<S>>;

const disallowableKeys = SE_EXPENSE_FIELDS.map((f) => `${f}Disallowable` as const);

const periodDatesShape = { periodStartDate: isoDateSchema, periodEndDate: isoDateSchema };
const periodIncomeShape = {
  turnover: moneyNonNegative.optional(),
  other: moneyNonNegative.optional(),
  taxTakenOffTradingIncome: moneyNonNegative.optional(),
};
const periodExpensesShape = {
  consolidatedExpenses: moneySigned.optional(),
  ...each(SE_EXPENSE_FIELDS, moneySigned),
};
const disallowableShape = each(disallowableKeys, moneySigned);

/**
 * PUT body. `periodDates` is left out for customers with ITSA status "annual" or a latent
 * income source. Either itemised expenses or `consolidatedExpenses`, never both
 * (RULE_BOTH_EXPENSES_SUPPLIED) — checked here so it never reaches HMRC.
 */
export const selfEmploymentCumulativeRequestSchema = z
  .strictObject({
    periodDates: z.strictObject(periodDatesShape).optional(),
    periodIncome: z.strictObject(periodIncomeShape).optional(),
    periodExpenses: z.strictObject(periodExpensesShape).optional(),
    periodDisallowableExpenses: z.strictObject(disallowableShape).optional(),
  })
  .refine(
    (b) =>
      !(
        b.periodExpenses?.consolidatedExpenses !== undefined &&
        SE_EXPENSE_FIELDS.some((f) => b.periodExpenses?.[f] !== undefined)
      ),
    {
      message: 'Send itemised expenses or consolidatedExpenses, not both',
      path: ['periodExpenses'],
    },
  )
  .refine(
    (b) =>
      !b.periodDates ||
      compareIsoDates(b.periodDates.periodStartDate, b.periodDates.periodEndDate) <= 0,
    { message: 'The end date is before the start date', path: ['periodDates', 'periodEndDate'] },
  );
export type SelfEmploymentCumulativeBody = z.infer<typeof selfEmploymentCumulativeRequestSchema>;

/** GET response: the same shape, with `periodDates` required. */
export const selfEmploymentCumulativeResponseSchema = z.looseObject({
  periodDates: z.looseObject({ periodStartDate: z.string(), periodEndDate: z.string() }),
  periodIncome: z.looseObject(periodIncomeShape).optional(),
  periodExpenses: z.looseObject(periodExpensesShape).optional(),
  periodDisallowableExpenses: z.looseObject(disallowableShape).optional(),
});
export type SelfEmploymentCumulativeResponse = z.infer<
  typeof selfEmploymentCumulativeResponseSchema
>;
