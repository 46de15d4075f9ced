import { z } from 'zod';
import { ANNUAL_KINDS } from '@shared/domain/annual-fields';
import { defineChannels } from '../define';
import {
  code,
  isoDate,
  isoTime,
  pence,
  profileId,
  rowId,
  businessYearFields,
  sha256,
  taxYear,
  text,
} from './primitives';
import { outboxStateSchema, reviewIssueSchema } from './review';

/**
 * The year end, part one: the annual figures of each business (adjustments, allowances and
 * non-financials, Self Employment 5.0 and Property Business 6.0 annual submissions), the
 * year-end checklist and the business facts for the year (Business Details 2.0), reference
 * §5.5–5.8. Annual figures go the same way as quarterly updates: prepared and checked here,
 * approved into the profile's outbox offline, sent by sync, receipted in the submission log.
 */

/** A business is a row of the profile's ledger. */
const businessId = rowId;

/** One annual figure: pence for money, yes/no, or a choice's value (the table's key names it). */
export const annualFigureSchema = z
  .object({
    key: z.string().min(1).max(100),
    value: z.union([pence, z.boolean(), z.string().max(50)]),
  })
  .strict();
export type AnnualFigureEntry = z.infer<typeof annualFigureSchema>;
// Foreign property: the figures of every country or property (7 each), so a generous cap.
const figures = z.array(annualFigureSchema).max(400);

/** One entry of a foreign property annual submission: a country (2025-26) or a property. */
export const annualEntryViewSchema = z
  .object({
    /** The country code or HMRC property id: figure keys are `<key>/<field>`. */
    key: z.string().min(1).max(100),
    label: z.string().max(500),
    places: z.array(z.string().max(200)).max(50),
  })
  .strict();
export type AnnualEntryView = z.infer<typeof annualEntryViewSchema>;

const annualRef = z.object({ profileId, businessId, taxYear }).strict();

/** One figure of the annual submission, now and in what it is compared with. */
export const annualLineSchema = z
  .object({
    key: z.string().max(100),
    label: z.string().max(600),
    /** HMRC's field, e.g. `allowances.annualInvestmentAllowance`. */
    hmrcField: z.string().max(300),
    now: z.string().max(100).optional(),
    before: z.string().max(100).optional(),
    /** The money figures in pence, so a change can be said in pounds (the client sign-off pack). */
    nowPence: pence.optional(),
    beforePence: pence.optional(),
    changed: z.boolean(),
  })
  .strict();
export type AnnualLine = z.infer<typeof annualLineSchema>;

export const annualHintsSchema = z
  .object({
    /** Expenses in the ledger for the year (pence, positive). */
    ledgerExpensesPence: pence,
    /** Expenses in the cumulative update HMRC last accepted from here, if any. */
    cumulativeExpensesPence: pence.optional(),
    /** The income allowance's cap (pence) and what claiming it would change, in words. */
    incomeAllowanceCapPence: pence,
    incomeAllowanceAdvice: text,
    /** Purchases in the records that look like equipment: candidates for the AIA. */
    capitalCandidates: z
      .array(
        z
          .object({
            id: z.number().int().positive(),
            date: isoDate,
            description: z.string().max(200),
            amountPence: pence,
          })
          .strict(),
      )
      .max(20),
    capitalCandidatesPence: pence,
  })
  .strict();
export type AnnualHints = z.infer<typeof annualHintsSchema>;

export const annualViewSchema = z
  .object({
    ...businessYearFields,
    /** Only kinds with annual figures here (shared/domain/annual-fields.ts). */
    kind: z.enum(ANNUAL_KINDS),
    /** The figures to start from, and where they came from. */
    figures,
    figuresFrom: z.enum(['outbox', 'hmrc', 'submission-log', 'none']),
    figuresNote: text,
    /** Foreign property: the countries or properties the figures are entered for. */
    entries: z.array(annualEntryViewSchema).max(50).optional(),
    /** Foreign properties with no country (2025-26) or HMRC property id (2026-27 on) yet. */
    unplaced: z.array(z.string().max(200)).max(50).optional(),
    /** HMRC's copy, when it was read (online). */
    hmrc: z
      .object({
        status: z.enum(['found', 'none', 'unavailable']),
        readAt: isoTime,
        reason: text.optional(),
        figures: figures.optional(),
      })
      .strict()
      .optional(),
    hints: annualHintsSchema,
    /** The newest annual item in the outbox for this business and year. */
    outbox: z
      .object({
        id: z.number().int().positive(),
        state: outboxStateSchema,
        submission: z.enum(['annual', 'annual-delete']),
        approvedAt: isoTime,
      })
      .strict()
      .optional(),
  })
  .strict();
export type AnnualView = z.infer<typeof annualViewSchema>;

export const annualReviewSchema = z
  .object({
    lines: z.array(annualLineSchema).max(400),
    /** What the "before" column is. */
    comparedWith: text,
    payloadJson: z.string().max(20_000),
    payloadHash: sha256,
    errors: z.array(reviewIssueSchema),
    warnings: z.array(reviewIssueSchema),
  })
  .strict();
export type AnnualReview = z.infer<typeof annualReviewSchema>;

const approved = z
  .object({ outboxId: z.number().int().positive(), state: outboxStateSchema })
  .strict();

export const yearEndAnnualChannels = defineChannels({
  /** The annual figures screen for one business and year (offline; HMRC's copy when asked). */
  'yearEnd.annualView': {
    request: annualRef.extend({ compareWithHmrc: z.boolean().optional() }).strict(),
    response: annualViewSchema,
  },
  /** Checks the figures and shows the exact body and what changes (offline). */
  'yearEnd.annualPrepare': {
    request: annualRef.extend({ figures }).strict(),
    response: annualReviewSchema,
  },
  /** Freezes the annual submission into the outbox (offline); sync sends it. */
  'yearEnd.annualApprove': {
    request: annualRef
      .extend({ figures, payloadHash: sha256, acknowledgedWarnings: z.array(code).max(100) })
      .strict(),
    response: approved,
  },
  /** Approves deleting HMRC's annual submission for the business and year (sent by sync). */
  'yearEnd.annualDelete': {
    request: annualRef,
    response: approved,
  },
});
