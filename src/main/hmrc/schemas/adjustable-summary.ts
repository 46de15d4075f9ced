import { z } from 'zod';
import { businessIdSchema, isoDateSchema, moneySigned } from './common';

/**
 * Business Source Adjustable Summary 7.0 (trigger, list, retrieve, submit accounting
 * adjustments) and Business Income Source Summary 3.0 (retrieve). Requests strict, responses
 * tolerant (schemas/common.ts).
 */

export const BSAS_BUSINESS_TYPES = ['self-employment', 'uk-property', 'foreign-property'] as const;
export type BsasBusinessType = (typeof BSAS_BUSINESS_TYPES)[number];

/** [BSAS schemas/trigger/def2/request.json] (2025-26 on: no FHL types) */
export const bsasTriggerRequestSchema = z
  .object({
    accountingPeriod: z.object({ startDate: isoDateSchema, endDate: isoDateSchema }).strict(),
    typeOfBusiness: z.enum(BSAS_BUSINESS_TYPES),
    businessId: businessIdSchema,
  })
  .strict();
export type BsasTriggerRequest = z.infer<typeof bsasTriggerRequestSchema>;

export const bsasTriggerResponseSchema = z.looseObject({ calculationId: z.string() });

/** [BSAS schemas/list/def2/list_response.json] */
export const bsasListResponseSchema = z.looseObject({
  businessSources: z.array(
    z.looseObject({
      businessId: z.string(),
      typeOfBusiness: z.string(),
      taxYear: z.string().optional(),
      summaries: z.array(
        z.looseObject({
          calculationId: z.string(),
          requestedDateTime: z.string(),
          summaryStatus: z.string(),
          adjustedSummary: z.boolean(),
          adjustedDateTime: z.string().optional(),
        }),
      ),
    }),
  ),
});
export type BsasListResponse = z.infer<typeof bsasListResponseSchema>;

const summaryCalculation = z.looseObject({
  totalIncome: z.number().optional(),
  totalExpenses: z.number().optional(),
  netProfit: z.number().optional(),
  netLoss: z.number().optional(),
  totalAdditions: z.number().optional(),
  totalDeductions: z.number().optional(),
  taxableProfit: z.number().optional(),
  adjustedIncomeTaxLoss: z.number().optional(),
  income: z.record(z.string(), z.unknown()).optional(),
  expenses: z.record(z.string(), z.unknown()).optional(),
});

/** [BSAS schemas/retrieve_self_employment|retrieve_uk_property|retrieve_foreign_property] */
export const bsasRetrieveResponseSchema = z.looseObject({
  metadata: z.looseObject({
    calculationId: z.string(),
    summaryStatus: z.string(),
    adjustedDateTime: z.string().optional(),
  }),
  adjustableSummaryCalculation: summaryCalculation,
  adjustments: z.unknown().optional(),
  adjustedSummaryCalculation: summaryCalculation.optional(),
});
export type BsasRetrieveResponse = z.infer<typeof bsasRetrieveResponseSchema>;

/** An adjustment: non-zero, 2 dp, either side of 0. [BSAS common/errors.yaml formatValue] */
const adjustment = moneySigned.refine((v) => v !== 0, 'an adjustment cannot be 0');
const amounts = (names: readonly string[]) =>
  z
    .object(Object.fromEntries(names.map((n) => [n, adjustment.optional()])))
    .strict()
    .optional();

/** [BSAS schemas/submit_self_employment_accounting_adjustments/adjustment_definitions.json] */
export const SE_ADJUSTMENT_FIELDS = {
  income: ['turnover', 'other'],
  expenses: [
    'costOfGoods',
    'paymentsToSubcontractors',
    'wagesAndStaffCosts',
    'carVanTravelExpenses',
    'premisesRunningCosts',
    'maintenanceCosts',
    'adminCosts',
    'interestOnBankOtherLoans',
    'financeCharges',
    'irrecoverableDebts',
    'professionalFees',
    'depreciation',
    'otherExpenses',
    'advertisingCosts',
    'businessEntertainmentCosts',
    'consolidatedExpenses',
  ],
  additions: [
    'costOfGoodsDisallowable',
    'paymentsToSubcontractorsDisallowable',
    'wagesAndStaffCostsDisallowable',
    'carVanTravelExpensesDisallowable',
    'premisesRunningCostsDisallowable',
    'maintenanceCostsDisallowable',
    'adminCostsDisallowable',
    'interestOnBankOtherLoansDisallowable',
    'financeChargesDisallowable',
    'irrecoverableDebtsDisallowable',
    'professionalFeesDisallowable',
    'depreciationDisallowable',
    'otherExpensesDisallowable',
    'advertisingCostsDisallowable',
    'businessEntertainmentCostsDisallowable',
  ],
} as const;

/** [BSAS schemas/submit_uk_property_accounting_adjustments/def3/request.json; foreign def3 has no reversePremiums] */
export const PROPERTY_ADJUSTMENT_FIELDS = {
  income: ['totalRentsReceived', 'premiumsOfLeaseGrant', 'reversePremiums', 'otherPropertyIncome'],
  expenses: [
    'consolidatedExpenses',
    'premisesRunningCosts',
    'repairsAndMaintenance',
    'financialCosts',
    'professionalFees',
    'costOfServices',
    'residentialFinancialCost',
    'other',
    'travelCosts',
  ],
} as const;
const FOREIGN_INCOME = ['totalRentsReceived', 'premiumsOfLeaseGrant', 'otherPropertyIncome'];

export const seAdjustmentsRequestSchema = z
  .object({
    income: amounts(SE_ADJUSTMENT_FIELDS.income),
    expenses: amounts(SE_ADJUSTMENT_FIELDS.expenses),
    additions: amounts(SE_ADJUSTMENT_FIELDS.additions),
    zeroAdjustments: z.literal(true).optional(),
  })
  .strict();

export const ukPropertyAdjustmentsRequestSchema = z
  .object({
    ukProperty: z
      .object({
        income: amounts(PROPERTY_ADJUSTMENT_FIELDS.income),
        expenses: amounts(PROPERTY_ADJUSTMENT_FIELDS.expenses),
        zeroAdjustments: z.literal(true).optional(),
      })
      .strict(),
  })
  .strict();

export const foreignPropertyAdjustmentsRequestSchema = z
  .object({
    foreignProperty: z
      .object({
        countryLevelDetail: z
          .array(
            z
              .object({
                countryCode: z.string().regex(/^[A-Z]{3}$/),
                income: amounts(FOREIGN_INCOME),
                expenses: amounts(PROPERTY_ADJUSTMENT_FIELDS.expenses),
              })
              .strict(),
          )
          .min(1)
          .optional(),
        zeroAdjustments: z.literal(true).optional(),
      })
      .strict(),
  })
  .strict();

export const ADJUSTMENT_REQUEST_SCHEMAS = {
  'self-employment': seAdjustmentsRequestSchema,
  'uk-property': ukPropertyAdjustmentsRequestSchema,
  'foreign-property': foreignPropertyAdjustmentsRequestSchema,
} as const;

/** [BISS schemas/retrieveBiss/def1/response.json] */
export const bissResponseSchema = z.looseObject({
  total: z.looseObject({
    income: z.number(),
    expenses: z.number().optional(),
    additions: z.number().optional(),
    deductions: z.number().optional(),
    accountingAdjustments: z.number().optional(),
  }),
  profit: z.looseObject({ net: z.number().optional(), taxable: z.number().optional() }).optional(),
  loss: z.looseObject({ net: z.number().optional(), taxable: z.number().optional() }).optional(),
});
export type BissResponse = z.infer<typeof bissResponseSchema>;
