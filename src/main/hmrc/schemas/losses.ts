import { z } from 'zod';
import { businessIdSchema, moneyNonNegative, taxYearSchema } from './common';

/**
 * Individual Losses: 7.0 "Losses and Claims" (one resource per business per tax year, 2026-27
 * on) and the 6.0 brought forward loss and loss claim resources (tax years up to 2025-26).
 * Requests strict, responses tolerant (schemas/common.ts).
 */

/** [IL schemas/lossesAndClaims/createAmend/request.json] */
export const lossesAndClaimsRequestSchema = z
  .object({
    claims: z
      .object({
        carryBack: z
          .object({
            previousYearGeneralIncome: moneyNonNegative.optional(),
            earlyYearLosses: moneyNonNegative.optional(),
            terminalLosses: moneyNonNegative.optional(),
          })
          .strict()
          .optional(),
        carrySideways: z
          .object({ currentYearGeneralIncome: moneyNonNegative.optional() })
          .strict()
          .optional(),
        preferenceOrder: z
          .object({ applyFirst: z.enum(['carry-sideways', 'carry-back']).optional() })
          .strict()
          .optional(),
        carryForward: z
          .object({
            currentYearLosses: moneyNonNegative.optional(),
            previousYearsLosses: moneyNonNegative.optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    losses: z.object({ broughtForwardLosses: moneyNonNegative.optional() }).strict().optional(),
  })
  .strict();
export type LossesAndClaimsRequest = z.infer<typeof lossesAndClaimsRequestSchema>;

const looseMoney = z.number();

/** [IL schemas/lossesAndClaims/retrieve/response.json] */
export const lossesAndClaimsResponseSchema = z.looseObject({
  submittedOn: z.string().optional(),
  claims: z
    .looseObject({
      carryBack: z
        .looseObject({
          previousYearGeneralIncome: looseMoney.optional(),
          earlyYearLosses: looseMoney.optional(),
          terminalLosses: looseMoney.optional(),
        })
        .optional(),
      carrySideways: z.looseObject({ currentYearGeneralIncome: looseMoney.optional() }).optional(),
      preferenceOrder: z.looseObject({ applyFirst: z.string().optional() }).optional(),
      carryForward: z
        .looseObject({
          currentYearLosses: looseMoney.optional(),
          previousYearsLosses: looseMoney.optional(),
        })
        .optional(),
    })
    .optional(),
  losses: z.looseObject({ broughtForwardLosses: looseMoney.optional() }).optional(),
});
export type LossesAndClaimsResponse = z.infer<typeof lossesAndClaimsResponseSchema>;

/** [IL6 schemas/broughtForwardLosses/createBFLoss/create_request.json] */
export const TYPES_OF_LOSS = [
  'self-employment',
  'self-employment-class4',
  'uk-property-fhl',
  'uk-property',
  'foreign-property-fhl-eea',
  'foreign-property',
] as const;

export const createBroughtForwardLossRequestSchema = z
  .object({
    taxYearBroughtForwardFrom: taxYearSchema,
    typeOfLoss: z.enum(TYPES_OF_LOSS),
    businessId: businessIdSchema,
    lossAmount: moneyNonNegative,
  })
  .strict();
export type CreateBroughtForwardLossRequest = z.infer<typeof createBroughtForwardLossRequestSchema>;

/** [IL6 schemas/broughtForwardLosses/createBFLoss/create_response.json] */
export const createBroughtForwardLossResponseSchema = z.looseObject({ lossId: z.string() });

/** [IL6 schemas/broughtForwardLosses/listBFLoss/list_response.json] */
export const listBroughtForwardLossesResponseSchema = z.looseObject({
  losses: z.array(
    z.looseObject({
      lossId: z.string(),
      businessId: z.string(),
      typeOfLoss: z.string(),
      lossAmount: z.number(),
      taxYearBroughtForwardFrom: z.string(),
      lastModified: z.string().optional(),
    }),
  ),
});
export type ListBroughtForwardLossesResponse = z.infer<
  typeof listBroughtForwardLossesResponseSchema
>;

/** [IL6 schemas/lossClaims/createLossClaim/def1/request.json] */
export const TYPES_OF_CLAIM = [
  'carry-forward',
  'carry-sideways',
  'carry-sideways-fhl',
  'carry-forward-to-carry-sideways',
] as const;

export const createLossClaimRequestSchema = z
  .object({
    taxYearClaimedFor: taxYearSchema,
    typeOfLoss: z.enum(['self-employment', 'uk-property', 'foreign-property']),
    typeOfClaim: z.enum(TYPES_OF_CLAIM),
    businessId: businessIdSchema,
  })
  .strict();
export type CreateLossClaimRequest = z.infer<typeof createLossClaimRequestSchema>;

/** [IL6 schemas/lossClaims/createLossClaim/def1/response.json] */
export const createLossClaimResponseSchema = z.looseObject({ claimId: z.string() });

/** [IL6 schemas/lossClaims/listLossClaims/def1/response.json] */
export const listLossClaimsResponseSchema = z.looseObject({
  claims: z.array(
    z.looseObject({
      claimId: z.string(),
      businessId: z.string(),
      typeOfLoss: z.string(),
      typeOfClaim: z.string(),
      taxYearClaimedFor: z.string(),
      sequence: z.number().optional(),
      lastModified: z.string().optional(),
    }),
  ),
});
export type ListLossClaimsResponse = z.infer<typeof listLossClaimsResponseSchema>;
