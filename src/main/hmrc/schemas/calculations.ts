import { z } from 'zod';
import { MONEY_MAX, moneyNonNegative, moneySigned } from './common';

/**
 * Individual Calculations 8.0 [IC trigger.yaml, list.yaml, retrieve.yaml,
 * submit_final_declaration.yaml and schemas/*]. The retrieve document is large and differs by
 * tax year (def3: 2025-26, def4: 2026-27 onwards); Ledgerlink models the metadata, the
 * messages and the headline figures it shows, and keeps the rest as HMRC sent it.
 */

export const TRIGGER_CALCULATION_TYPES = [
  'in-year',
  'intent-to-finalise',
  'intent-to-amend',
] as const;
export type TriggerCalculationType = (typeof TRIGGER_CALCULATION_TYPES)[number];

/** Submit Final Declaration path types: `confirm-amendment` from 2025-26. */
export const DECLARATION_TYPES = ['final-declaration', 'confirm-amendment'] as const;
export type DeclarationType = (typeof DECLARATION_TYPES)[number];

/** Values of `calculationType` on the list query (TY 2025-26 onwards) [IC queryParameters]. */
export const LIST_CALCULATION_TYPES = [
  'in-year',
  'intent-to-finalise',
  'intent-to-amend',
  'final-declaration',
  'confirm-amendment',
] as const;
export type ListCalculationType = (typeof LIST_CALCULATION_TYPES)[number];

const calculationId = z.string();

/** [IC schemas/trigger/trigger_response.json] */
export const triggerResponseSchema = z.looseObject({ calculationId });
export type TriggerResponse = z.infer<typeof triggerResponseSchema>;

/**
 * [IC schemas/list/def1-3/list_response.json]: the three tax-year variants share
 * calculationId, calculationTimestamp and calculationType; the rest is optional here.
 */
export const listCalculationsResponseSchema = z.looseObject({
  calculations: z.array(
    z.looseObject({
      calculationId,
      calculationTimestamp: z.string(),
      calculationType: z.string(),
      calculationTrigger: z.string().optional(),
      calculationOutcome: z.string().optional(),
      // A number in the schema, but HMRC's own examples write it as a string ("236.89")
      // [IC examples/list/def2-3/list_response.json]: read either.
      liabilityAmount: z
        .preprocess(
          (v) => (typeof v === 'string' && /^-?\d+(\.\d{1,2})?$/.test(v) ? Number(v) : v),
          moneySigned,
        )
        .optional(),
      fromDate: z.string().optional(),
      toDate: z.string().optional(),
    }),
  ),
});
export type ListCalculationsResponse = z.infer<typeof listCalculationsResponseSchema>;

/** Whole pounds: HMRC's `intPos` (0 … 99,999,999,999, no decimals). */
const wholePounds = z.number().int().min(0).max(Math.floor(MONEY_MAX));

const message = z.looseObject({ id: z.string(), text: z.string() });

export const retrieveCalculationResponseSchema = z.looseObject({
  metadata: z.looseObject({
    calculationId,
    taxYear: z.string(),
    requestedBy: z.string(),
    requestedTimestamp: z.string().optional(),
    calculationReason: z.string(),
    calculationTimestamp: z.string().optional(),
    calculationType: z.string(),
    finalisationTimestamp: z.string().optional(),
    confirmationTimestamp: z.string().optional(),
    periodFrom: z.string(),
    periodTo: z.string(),
  }),
  inputs: z.looseObject({}),
  calculation: z
    .looseObject({
      taxCalculation: z
        .looseObject({
          incomeTax: z.looseObject({
            totalIncomeReceivedFromAllSources: wholePounds,
            totalAllowancesAndDeductions: wholePounds,
            totalTaxableIncome: wholePounds,
            incomeTaxCharged: moneyNonNegative,
            totalReliefs: moneyNonNegative.optional(),
            incomeTaxDueAfterReliefs: moneySigned.optional(),
            totalIncomeTaxDue: moneyNonNegative.optional(),
          }),
          nics: z
            .looseObject({
              class2Nics: z.looseObject({ amount: moneyNonNegative.optional() }).optional(),
              class4Nics: z.looseObject({ totalAmount: moneyNonNegative }).optional(),
              totalNic: moneySigned.optional(),
            })
            .optional(),
          totalIncomeTaxNicsCharged: moneySigned.optional(),
          totalTaxDeducted: moneySigned.optional(),
          totalIncomeTaxAndNicsDue: moneySigned,
        })
        .optional(),
      businessProfitAndLoss: z
        .array(
          z.looseObject({
            incomeSourceId: z.string(),
            incomeSourceType: z.enum(['self-employment', 'uk-property', 'foreign-property']),
            incomeSourceName: z.string().optional(),
            totalIncome: moneyNonNegative.optional(),
            totalExpenses: moneySigned.optional(),
            netProfit: moneyNonNegative.optional(),
            netLoss: moneyNonNegative.optional(),
            taxableProfit: wholePounds.optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  messages: z
    .looseObject({
      info: z.array(message).optional(),
      warnings: z.array(message).optional(),
      errors: z.array(message).optional(),
    })
    .optional(),
});
export type RetrieveCalculationResponse = z.infer<typeof retrieveCalculationResponseSchema>;
