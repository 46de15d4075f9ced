import { z } from 'zod';
import { defineChannels } from '../define';
import { code, isoTime, pence, profileId, taxYear, text } from './primitives';

/**
 * Accounting adjustments for a business's year (Business Source Adjustable Summary 7.0), with
 * the Business Income Source Summary 3.0 as the before/after view. Online actions: ask HMRC
 * for the adjustable summary, then send adjustments (once per summary) with a reason, after
 * the person confirms; HMRC's answer is shown as it came.
 */

const hmrcBusinessId = z.string().regex(/^X[A-Z0-9]IS[0-9]{11}$/);
const ref = { profileId, taxYear, hmrcBusinessId };

/** HMRC's running summary of the business's year, in pence. [BISS retrieve_business_income.yaml] */
export const incomeSummarySchema = z
  .object({
    incomePence: pence,
    expensesPence: pence,
    additionsPence: pence,
    deductionsPence: pence,
    taxableProfitPence: pence,
    taxableLossPence: pence,
  })
  .strict();
export type IncomeSummary = z.infer<typeof incomeSummarySchema>;

export const adjustableSummarySchema = z
  .object({
    calculationId: z.string().max(40),
    status: z.enum(['valid', 'invalid', 'superseded']),
    adjusted: z.boolean(),
    /** HMRC's adjustable lines, e.g. `income.turnover`, with their amounts. */
    lines: z.array(z.object({ key: z.string().max(100), amountPence: pence }).strict()).max(100),
    taxableProfitPence: pence,
    adjustedTaxableProfitPence: pence.optional(),
  })
  .strict();
export type AdjustableSummary = z.infer<typeof adjustableSummarySchema>;

export const adjustmentsViewSchema = z
  .object({
    profileId,
    taxYear,
    hmrcBusinessId,
    businessName: z.string().max(200),
    readAt: isoTime,
    /** The lines HMRC lets this kind of business adjust. */
    adjustable: z.array(z.string().max(100)).max(60),
    incomeSummary: incomeSummarySchema.optional(),
    summary: adjustableSummarySchema.optional(),
  })
  .strict();
export type AdjustmentsView = z.infer<typeof adjustmentsViewSchema>;

export const adjustmentLineSchema = z
  .object({ key: z.string().max(100), amountPence: pence.refine((p) => p !== 0) })
  .strict();

export const adjustmentResultSchema = z
  .object({
    outcome: z.enum(['accepted', 'refused']),
    sent: z.string().max(8000),
    sentAt: isoTime,
    reason: text,
    correlationId: z.string().max(100).optional(),
    error: z.object({ code, message: text, action: text }).strict().optional(),
    before: incomeSummarySchema.optional(),
    after: incomeSummarySchema.optional(),
  })
  .strict();
export type AdjustmentResult = z.infer<typeof adjustmentResultSchema>;

export const yearEndAdjustmentsChannels = defineChannels({
  'yearEnd.adjustments': {
    request: z.object(ref).strict(),
    response: adjustmentsViewSchema,
  },
  'yearEnd.triggerAdjustableSummary': {
    request: z.object(ref).strict(),
    response: adjustmentsViewSchema,
  },
  'yearEnd.submitAdjustments': {
    request: z
      .object({
        ...ref,
        calculationId: z.string().max(40),
        lines: z.array(adjustmentLineSchema).min(1).max(60),
        reason: z.string().trim().min(3).max(500),
      })
      .strict(),
    response: adjustmentResultSchema,
  },
});
