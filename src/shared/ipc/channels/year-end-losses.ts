import { z } from 'zod';
import { defineChannels } from '../define';
import { businessKindSchema, code, isoTime, pence, profileId, taxYear, text } from './primitives';

/**
 * Losses for a tax year (Individual Losses 7.0 from 2026-27, 6.0 before): what HMRC's latest
 * calculation says each business made, what HMRC holds about its losses, and the online
 * actions: bring a loss forward, claim a loss. Each action is sent to HMRC at once (no outbox:
 * HMRC's answer decides what happens next) after the person confirms, and HMRC's answer is
 * shown as it came.
 */

const hmrcBusinessId = z.string().regex(/^X[A-Z0-9]IS[0-9]{11}$/);

export const LOSS_CLAIMS = ['carry-forward', 'carry-sideways', 'carry-back'] as const;
export const lossClaimSchema = z.enum(LOSS_CLAIMS);
export type LossClaim = z.infer<typeof lossClaimSchema>;

/** One way to use a loss, in plain words, and what it does to the calculation. */
export const lossOptionSchema = z
  .object({
    claim: lossClaimSchema,
    title: z.string().max(100),
    explanation: text,
    effect: text,
    /** Why this business cannot use it (carry back is for trades only), if so. */
    unavailable: text.optional(),
  })
  .strict();
export type LossOption = z.infer<typeof lossOptionSchema>;

export const lossBusinessSchema = z
  .object({
    hmrcBusinessId,
    name: z.string().max(200),
    kind: businessKindSchema,
    /** From HMRC's latest calculation of the year kept here, when there is one. */
    calculation: z
      .object({
        calculationId: z.string().max(40),
        profitPence: pence,
        lossPence: pence,
        broughtForwardUsedPence: pence,
      })
      .strict()
      .optional(),
    /** Losses brought forward into the year that HMRC holds. */
    broughtForwardPence: pence,
    /** Claims HMRC holds for the year's loss. */
    claims: z
      .array(z.object({ claim: z.string().max(60), amountPence: pence.optional() }).strict())
      .max(20),
    options: z.array(lossOptionSchema).max(3),
  })
  .strict();
export type LossBusiness = z.infer<typeof lossBusinessSchema>;

export const lossesViewSchema = z
  .object({
    profileId,
    taxYear,
    apiVersion: z.enum(['7.0', '6.0']),
    readAt: isoTime,
    businesses: z.array(lossBusinessSchema).max(50),
  })
  .strict();
export type LossesView = z.infer<typeof lossesViewSchema>;

/** HMRC's answer to an online action, as it came. */
export const lossActionResultSchema = z
  .object({
    outcome: z.enum(['accepted', 'refused']),
    /** The exact JSON sent. */
    sent: z.string().max(4000),
    sentAt: isoTime,
    correlationId: z.string().max(100).optional(),
    /** HMRC's id for what it created (6.0 loss or claim id). */
    hmrcId: z.string().max(40).optional(),
    error: z.object({ code, message: text, action: text }).strict().optional(),
  })
  .strict();
export type LossActionResult = z.infer<typeof lossActionResultSchema>;

const ref = { profileId, taxYear, hmrcBusinessId };

export const yearEndLossesChannels = defineChannels({
  'yearEnd.losses': {
    request: z.object({ profileId, taxYear }).strict(),
    response: lossesViewSchema,
  },
  /** A loss made before the year, brought forward into it. */
  'yearEnd.bringLossForward': {
    request: z.object({ ...ref, amountPence: pence.positive(), fromTaxYear: taxYear }).strict(),
    response: lossActionResultSchema,
  },
  /** How the year's own loss is to be used. */
  'yearEnd.claimLoss': {
    request: z.object({ ...ref, claim: lossClaimSchema, amountPence: pence.positive() }).strict(),
    response: lossActionResultSchema,
  },
});
