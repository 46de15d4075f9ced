import { z } from 'zod';
import { defineChannels, defineEvents } from '../define';
import { code, isoDate, isoTime, pence, profileId, taxYear, text } from './primitives';

/**
 * The year end after the annual figures (reference §5.7): HMRC's final calculation shown the way
 * an SA302 reads, the declaration (HMRC's wording verbatim, the person's agreement, a main
 * agent's record of the client's approval), the final declaration sent through a crash-safe
 * outbox with its receipt, and amendments inside HMRC's window.
 */

const calculationId = z.string().regex(/^[0-9a-fA-F-]{36}$/);
const label = z.string().max(300);

export const declarationKindSchema = z.enum(['final-declaration', 'confirm-amendment']);
export type DeclarationKind = z.infer<typeof declarationKindSchema>;

const figure = z.object({ label, pence, path: z.string().max(300) }).strict();
/** A figure not placed in a section: money in pence, or HMRC's value as text (names, dates, flags). */
const otherFigure = z
  .object({ label, pence, path: z.string().max(300), text: label.optional() })
  .strict();
const band = z
  .object({
    group: label,
    name: label,
    /** Percent, as HMRC gives it (e.g. 20, 19, 21, 42.5). */
    rate: z.number().min(0).max(100),
    incomePence: pence,
    taxPence: pence,
  })
  .strict();

const message = z.object({ id: z.string().max(100), text }).strict();

/** A calculation as an SA302 reads; `otherFigures` carries every figure not shown above it. */
export const calculationViewSchema = z
  .object({
    calculationId,
    taxYear,
    calculationType: label,
    calculationReason: label,
    periodFrom: isoDate.optional(),
    periodTo: isoDate.optional(),
    calculatedAt: z.string().max(40).optional(),
    finalisedAt: z.string().max(40).optional(),
    confirmedAt: z.string().max(40).optional(),
    /** From HMRC's inputs: uk, scotland or wales. */
    taxRegime: z.enum(['uk', 'scotland', 'wales']).optional(),
    sources: z
      .array(
        z
          .object({
            incomeSourceId: z.string().max(40),
            kind: label,
            name: label.optional(),
            figures: z.array(figure).max(40),
          })
          .strict(),
      )
      .max(100),
    incomeReceivedPence: pence.optional(),
    allowancesPence: pence.optional(),
    taxableIncomePence: pence.optional(),
    allowances: z.array(figure).max(200),
    bands: z.array(band).max(100),
    incomeTaxChargedPence: pence.optional(),
    incomeTaxDuePence: pence.optional(),
    class4: z
      .object({ totalPence: pence, bands: z.array(band).max(20) })
      .strict()
      .optional(),
    class2Pence: pence.optional(),
    taxDeductedPence: pence.optional(),
    totalLiabilityPence: pence.optional(),
    /** From HMRC's previousCalculation: what an earlier calculation already asked for. */
    earlier: z.array(figure).max(20),
    otherFigures: z.array(otherFigure).max(3000),
    messages: z
      .object({
        info: z.array(message).max(200),
        warnings: z.array(message).max(200),
        errors: z.array(message).max(200),
      })
      .strict(),
  })
  .strict();
export type CalculationView = z.infer<typeof calculationViewSchema>;

export const storedCalculationSchema = z
  .object({ calculationId, calculationType: label, retrievedAt: isoTime, hasErrors: z.boolean() })
  .strict();

const agreementSchema = z
  .object({
    calculationId,
    declaration: declarationKindSchema,
    wording: z.enum(['individual', 'agent']),
    agreedBy: label,
    agreedAt: isoTime,
  })
  .strict();

export const clientApprovalMethodSchema = z.enum([
  'in-person',
  'phone',
  'email',
  'letter',
  'video',
]);
const clientApprovalSchema = z
  .object({
    calculationId,
    approvedOn: isoDate,
    method: clientApprovalMethodSchema,
    note: z.string().max(1000),
    recordedBy: label,
    recordedAt: isoTime,
  })
  .strict();

const receiptSchema = z
  .object({
    seq: z.number().int().positive(),
    declaration: declarationKindSchema,
    calculationId,
    recordedAt: isoTime,
    agreedBy: label,
    agreedAt: isoTime,
    correlationId: z.string().max(100),
    /** 'answered': HMRC said 204; 'confirmed': after an interrupted send, HMRC showed it holds it. */
    how: z.enum(['answered', 'confirmed']),
    entryHash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

const errorSchema = z.object({ code, message: text, action: text }).strict();

export const declarationStateSchema = z
  .object({
    profileId,
    taxYear,
    profileName: label,
    /** Who is declaring: the taxpayer, or an agent (main or supporting) for a client. */
    actor: z.enum(['individual', 'main-agent', 'supporting-agent']),
    /** Set when nothing here may be done: why (supporting agent, year not ended …). */
    readOnlyReason: text.optional(),
    yearEnded: z.boolean(),
    /** Last day HMRC accepts an amendment: 12 months after 31 January. */
    amendmentWindowEnd: isoDate,
    withinAmendmentWindow: z.boolean(),
    latest: calculationViewSchema.optional(),
    calculations: z.array(storedCalculationSchema).max(500),
    wording: z.object({ leadIn: text, statement: text, variant: z.enum(['individual', 'agent']) }),
    clientApproval: clientApprovalSchema.optional(),
    agreement: agreementSchema.optional(),
    /** What stops the declaration now, in plain English; empty when it may be sent. */
    blockers: z.array(z.object({ code, message: text, fixAt: z.string().max(100).optional() })),
    outbox: z
      .object({
        state: z.enum(['approved', 'sending', 'accepted', 'failed']),
        declaration: declarationKindSchema,
        calculationId,
        error: errorSchema.optional(),
      })
      .strict()
      .optional(),
    /**
     * Income and charges Ledgerlink does not cover (reference §5.8): questions not answered
     * yet, what applies with where to report it, and whether the person confirmed it was
     * reported another way. Absent for a supporting agent.
     */
    notCovered: z
      .object({
        unanswered: z.number().int().min(0),
        applies: z.array(z.object({ label, whereToReport: text }).strict()).max(20),
        confirmedElsewhere: z.boolean(),
      })
      .strict()
      .optional(),
    declared: receiptSchema.optional(),
    amended: z.array(receiptSchema).max(50),
    /** After a declaration: HMRC may take up to an hour to show the obligation fulfilled. */
    note: text.optional(),
  })
  .strict();
export type DeclarationStateView = z.infer<typeof declarationStateSchema>;

const ref = z.object({ profileId, taxYear }).strict();

export const amendmentCompareSchema = z
  .object({
    declaredCalculationId: calculationId,
    newCalculationId: calculationId,
    lines: z.array(
      z
        .object({ label, path: z.string().max(300), beforePence: pence, afterPence: pence })
        .strict(),
    ),
    taxChangePence: pence,
  })
  .strict();
export type AmendmentCompareView = z.infer<typeof amendmentCompareSchema>;

export const calculationProgressSchema = z
  .object({
    profileId,
    taxYear,
    stage: z.enum(['asking', 'waiting', 'retrieving', 'done', 'cancelled', 'failed']),
    /** Polls made so far and the most HMRC's advice allows. */
    attempt: z.number().int().min(0),
    of: z.number().int().min(0),
    calculationId: calculationId.optional(),
  })
  .strict();
export type CalculationProgressView = z.infer<typeof calculationProgressSchema>;

export const yearEndDeclarationChannels = defineChannels({
  /** Everything the calculation, declaration and amendment screens show (works offline). */
  'yearEnd.declarationState': { request: ref, response: declarationStateSchema },
  /**
   * Asks HMRC for the final calculation (intent-to-finalise; intent-to-amend after declaring),
   * waits as HMRC advises, retrieves and keeps it. Progress comes as yearEnd.calculationProgress.
   */
  'yearEnd.finalCalculation': {
    request: z.object({ profileId, taxYear, purpose: z.enum(['finalise', 'amend']) }).strict(),
    response: declarationStateSchema,
  },
  'yearEnd.cancelCalculation': {
    request: ref,
    response: z.object({ cancelled: z.boolean() }).strict(),
  },
  /** A calculation kept earlier, as it was retrieved (what the person agreed to). */
  'yearEnd.storedCalculation': {
    request: z.object({ profileId, calculationId }).strict(),
    response: calculationViewSchema,
  },
  'yearEnd.recordClientApproval': {
    request: z
      .object({
        profileId,
        taxYear,
        calculationId,
        approvedOn: isoDate,
        method: clientApprovalMethodSchema,
        note: z.string().max(1000),
      })
      .strict(),
    response: declarationStateSchema,
  },
  /** The person ticks HMRC's statement for exactly this calculation. */
  'yearEnd.agree': {
    request: z.object({ profileId, taxYear, calculationId, agreed: z.literal(true) }).strict(),
    response: declarationStateSchema,
  },
  /** Sends the final declaration (or confirms the amendment) with the agreed calculation id. */
  'yearEnd.declare': {
    request: z.object({ profileId, taxYear, calculationId }).strict(),
    response: declarationStateSchema,
  },
  'yearEnd.compareAmendment': { request: ref, response: amendmentCompareSchema },
});

export const yearEndDeclarationEvents = defineEvents({
  'yearEnd.calculationProgress': { payload: calculationProgressSchema },
});
