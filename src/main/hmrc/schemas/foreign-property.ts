import { z } from 'zod';
import { compareIsoDates } from '@shared/domain/tax-year';
import { isoDateSchema, moneyNonNegative, moneySigned } from './common';

/**
 * Property Business 6.0, foreign property cumulative summary and property details
 * [PB schemas/foreign_property_cumulative_summary_create_and_amend/def1|def2/request.json,
 * schemas/foreign_property_cumulative_summary_retrieve/*, schemas/foreign_property_details_retrieve/
 * def1/response.json; reference §3.5]. Figures are reported per country (2025-26, def1:
 * `countryCode`) or per property (2026-27 onwards, def2: `propertyId` from Create Foreign
 * Property Details), each with its own foreign tax paid and foreign tax credit relief claim.
 */

export const FOREIGN_PROPERTY_ITEMISED_EXPENSE_FIELDS = [
  'premisesRunningCosts',
  'repairsAndMaintenance',
  'financialCosts',
  'professionalFees',
  'travelCosts',
  'costOfServices',
  'other',
] as const;
export type ForeignPropertyItemisedExpenseField =
  (typeof FOREIGN_PROPERTY_ITEMISED_EXPENSE_FIELDS)[number];

/** ISO 3166-1 alpha-3 [PB common definitions countryCode]. */
const countryCode = z.string().regex(/^[A-Z]{3}$/, 'three-letter country code');
/** [PB common/queryParameters.yaml propertyId] */
const propertyId = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'property ID');

const income = {
  rentIncome: z.strictObject({ rentAmount: moneyNonNegative.optional() }).optional(),
  foreignTaxCreditRelief: z.boolean().optional(),
  premiumsOfLeaseGrant: moneyNonNegative.optional(),
  otherPropertyIncome: moneyNonNegative.optional(),
  foreignTaxPaidOrDeducted: moneyNonNegative.optional(),
  specialWithholdingTaxOrUkTaxPaid: moneyNonNegative.optional(),
};
const expenses = {
  premisesRunningCosts: moneySigned.optional(),
  repairsAndMaintenance: moneySigned.optional(),
  financialCosts: moneySigned.optional(),
  professionalFees: moneySigned.optional(),
  travelCosts: moneySigned.optional(),
  costOfServices: moneySigned.optional(),
  other: moneySigned.optional(),
  residentialFinancialCost: moneyNonNegative.optional(),
  broughtFwdResidentialFinancialCost: moneyNonNegative.optional(),
  consolidatedExpenses: moneySigned.optional(),
};

const notBoth = (e: { expenses?: Partial<Record<string, number>> | undefined }) =>
  !(
    e.expenses?.consolidatedExpenses !== undefined &&
    FOREIGN_PROPERTY_ITEMISED_EXPENSE_FIELDS.some((f) => e.expenses?.[f] !== undefined)
  );
const notBothMessage = {
  message: 'Send itemised expenses or consolidatedExpenses, not both',
  path: ['expenses'],
};
const figures = {
  income: z.strictObject(income).optional(),
  expenses: z.strictObject(expenses).optional(),
};
/** By country (2025-26, def1) or by property (2026-27 on, def2), never a mix. */
const byCountry = z.strictObject({ countryCode, ...figures }).refine(notBoth, notBothMessage);
const byProperty = z.strictObject({ propertyId, ...figures }).refine(notBoth, notBothMessage);

/** PUT body; `fromDate`/`toDate` left out for "annual" or latent customers. */
export const foreignPropertyCumulativeRequestSchema = z
  .strictObject({
    fromDate: isoDateSchema.optional(),
    toDate: isoDateSchema.optional(),
    foreignProperty: z.union([z.array(byProperty).min(1), z.array(byCountry).min(1)]),
  })
  .refine((b) => (b.fromDate === undefined) === (b.toDate === undefined), {
    message: 'fromDate and toDate go together',
    path: ['toDate'],
  })
  .refine((b) => !b.fromDate || !b.toDate || compareIsoDates(b.fromDate, b.toDate) <= 0, {
    message: 'The end date is before the start date',
    path: ['toDate'],
  });
export type ForeignPropertyCumulativeBody = z.infer<typeof foreignPropertyCumulativeRequestSchema>;
export type ForeignPropertyEntry = z.infer<typeof byProperty> | z.infer<typeof byCountry>;

/** GET response (tolerant reader). */
export const foreignPropertyCumulativeResponseSchema = z.looseObject({
  submittedOn: z.string().optional(),
  fromDate: z.string().optional(),
  toDate: z.string().optional(),
  foreignProperty: z.array(
    z.looseObject({
      countryCode: z.string().optional(),
      propertyId: z.string().optional(),
      income: z
        .looseObject({
          ...income,
          rentIncome: z.looseObject({ rentAmount: moneyNonNegative.optional() }).optional(),
        })
        .optional(),
      expenses: z.looseObject(expenses).optional(),
    }),
  ),
});
export type ForeignPropertyCumulativeResponse = z.infer<
  typeof foreignPropertyCumulativeResponseSchema
>;

/** Retrieve Foreign Property Details (2026-27 onwards): the properties and their countries. */
export const foreignPropertyDetailsResponseSchema = z.looseObject({
  foreignPropertyDetails: z
    .array(
      z.looseObject({
        submittedOn: z.string().optional(),
        propertyId: z.string(),
        propertyName: z.string().max(105).optional(),
        countryCode: z.string().optional(),
        endDate: z.string().optional(),
        endReason: z.string().optional(),
      }),
    )
    .optional(),
});
export type ForeignPropertyDetailsResponse = z.infer<typeof foreignPropertyDetailsResponseSchema>;
