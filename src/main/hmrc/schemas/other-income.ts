import { z } from 'zod';
import { moneyNonNegative } from './common';

/**
 * Request and response bodies of the other income and reliefs Ledgerlink sends: UK savings
 * accounts and their interest [SI schemas/ukSavingsAccount/*.json], UK dividends
 * [DI schemas/uk_dividends_amend_request.json], pension contributions
 * [RE schemas/amend_relief_pensions_request.json] and Gift Aid and gifts to charity
 * [RE schemas/amend_charitable_giving/def2/request.json]. Requests are strict; responses
 * tolerant (loose objects).
 */

/** HMRC's id for a UK savings account. [SI schemas/ukSavingsAccount/add_response.json] */
export const savingsAccountIdSchema = z.string().regex(/^[A-Za-z0-9]{15}$/, 'savings account ID');

/** 1 to 32 of these characters. [SI schemas/ukSavingsAccount/add_request.json accountName] */
export const ACCOUNT_NAME_PATTERN = /^[A-Za-z0-9 &'()*,\-./@£]{1,32}$/;
export const accountNameSchema = z
  .string()
  .regex(ACCOUNT_NAME_PATTERN, 'account name')
  .refine((s) => s.trim().length > 0, 'Must not be empty or contain only whitespace');

export const accountNameRequestSchema = z.object({ accountName: accountNameSchema }).strict();

export const addSavingsAccountResponseSchema = z.looseObject({
  savingsAccountId: savingsAccountIdSchema,
});

export const listSavingsAccountsResponseSchema = z.looseObject({
  savingsAccounts: z.array(
    z.looseObject({
      savingsAccountId: savingsAccountIdSchema,
      accountName: z.string().max(100).optional(),
    }),
  ),
});

/** A field left out removes the value HMRC held for it. [SI amend_request.json descriptions] */
export const savingsInterestRequestSchema = z
  .object({
    taxedUkInterest: moneyNonNegative.optional(),
    untaxedUkInterest: moneyNonNegative.optional(),
  })
  .strict();

export const savingsInterestResponseSchema = z.looseObject({
  taxedUkInterest: z.number().optional(),
  untaxedUkInterest: z.number().optional(),
});

export const ukDividendsRequestSchema = z
  .object({
    ukDividends: moneyNonNegative.optional(),
    otherUkDividends: moneyNonNegative.optional(),
  })
  .strict();

export const ukDividendsResponseSchema = z.looseObject({
  ukDividends: z.number().optional(),
  otherUkDividends: z.number().optional(),
});

export const pensionReliefsRequestSchema = z
  .object({
    pensionReliefs: z
      .object({
        regularPensionContributions: moneyNonNegative.optional(),
        oneOffPensionContributionsPaid: moneyNonNegative.optional(),
        retirementAnnuityPayments: moneyNonNegative.optional(),
        paymentToEmployersSchemeNoTaxRelief: moneyNonNegative.optional(),
        overseasPensionSchemeContributions: moneyNonNegative.optional(),
      })
      .strict(),
  })
  .strict();

export const pensionReliefsResponseSchema = z.looseObject({
  pensionReliefs: z.looseObject({}).optional(),
});

/**
 * The fields common to both of HMRC's definitions (def1 up to 2024-25 adds non-UK charities,
 * which Ledgerlink does not ask about). [RE schemas/amend_charitable_giving/def1|def2]
 */
export const charitableGivingRequestSchema = z
  .object({
    giftAidPayments: z
      .object({
        totalAmount: moneyNonNegative.optional(),
        oneOffAmount: moneyNonNegative.optional(),
        amountTreatedAsPreviousTaxYear: moneyNonNegative.optional(),
        amountTreatedAsSpecifiedTaxYear: moneyNonNegative.optional(),
      })
      .strict()
      .optional(),
    gifts: z
      .object({
        landAndBuildings: moneyNonNegative.optional(),
        sharesOrSecurities: moneyNonNegative.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export const charitableGivingResponseSchema = z.looseObject({
  giftAidPayments: z.looseObject({}).optional(),
  gifts: z.looseObject({}).optional(),
});
