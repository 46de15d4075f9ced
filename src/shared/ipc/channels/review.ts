import { z } from 'zod';
import { defineChannels } from '../define';
import {
  isoTime,
  isoDate,
  taxYear,
  profileId,
  rowId,
  businessYearFields,
  pence,
  text,
  code,
  sha256,
} from './primitives';

/**
 * Review before syncing (issue 8): each cumulative update HMRC will receive, figure by figure
 * in plain words, what it changes compared with what HMRC already holds, the exact JSON, and
 * the checks made before anything is sent (reference §3.5, §3.6, §5.3). Approving freezes the
 * update into the profile's outbox; nothing here calls HMRC except the optional comparison
 * with HMRC's own copy when online.
 */

/** A business is a row of the profile's ledger. */
const businessId = rowId;

/** One check made before sending: an HMRC rule (with HMRC's code) or a Ledgerlink warning. */
export const reviewIssueSchema = z
  .object({
    code,
    /** True when HMRC itself would refuse the update with this code (reference §3.6). */
    hmrcRule: z.boolean(),
    message: text,
    /** What to do about it. */
    action: text,
    /** Detail lines, e.g. each figure that changed a lot. */
    details: z.array(text).max(60).optional(),
    /**
     * The records the issue is about, as a records-list filter the screen links to: exactly the
     * uncategorised rows of one business (or of none) in the update's dates.
     */
    records: z
      .array(
        z
          .object({
            label: text,
            businessId: businessId.nullable(),
            dateFrom: isoDate,
            dateTo: isoDate,
          })
          .strict(),
      )
      .max(4)
      .optional(),
  })
  .strict();
export type ReviewIssue = z.infer<typeof reviewIssueSchema>;

/** One line of the update: a date or an HMRC field, now and in the update it is compared with. */
export const reviewLineSchema = z
  .object({
    /** HMRC's JSON path, e.g. `periodIncome.turnover`. */
    path: z.string().max(200),
    section: z.enum(['dates', 'income', 'expenses', 'disallowable']),
    label: z.string().max(200),
    hint: text.optional(),
    /** Money lines: the amount in pence (expenses as HMRC reports them, positive). */
    pence: pence.optional(),
    /** Date lines. */
    text: z.string().max(100).optional(),
    /** The same line in the compared update; absent when there is none or it had no such line. */
    previousPence: pence.optional(),
    previousText: z.string().max(100).optional(),
    /** Differs from the compared update (also said in words, not only by colour). */
    changed: z.boolean(),
  })
  .strict();
export type ReviewLine = z.infer<typeof reviewLineSchema>;

export const comparisonSchema = z
  .object({
    /**
     * `hmrc`: HMRC's copy, read just now. `submission-log`: the last update HMRC accepted from
     * this computer. `none`: HMRC has nothing for this business and year yet.
     */
    source: z.enum(['hmrc', 'submission-log', 'none']),
    /** Plain English: what the "before" column is. */
    description: text,
    /** When that copy was sent or read. */
    at: isoTime.optional(),
    correlationId: z.string().max(100).optional(),
    /** HMRC could not be asked (offline, busy): why, when the log was used instead. */
    hmrcUnavailable: text.optional(),
    /** HMRC holds figures other than the last update sent from here (sent by other software?). */
    differsFromLog: z.boolean().optional(),
    changedLines: z.number().int().min(0),
  })
  .strict();
export type ComparisonView = z.infer<typeof comparisonSchema>;

export const outboxStateSchema = z.enum([
  'approved',
  'sending',
  'accepted',
  'failed',
  'needs-relink',
  'stale',
  'superseded',
]);
export type OutboxState = z.infer<typeof outboxStateSchema>;

/** Whether the update carries its dates, and why (ITSA status, a latent source, or quarterly). */
export const datesRuleSchema = z
  .object({
    withDates: z.boolean(),
    rule: z.enum(['quarterly', 'itsa-status', 'latent-source']),
    reason: text,
  })
  .strict();
export type DatesRuleView = z.infer<typeof datesRuleSchema>;

export const updateViewSchema = z
  .object({
    ...businessYearFields,
    periodStart: isoDate,
    periodEnd: isoDate,
    /** `Q2 2026-27: 6 Jul – 5 Oct 2026`, when the end is a quarter end. */
    periodLabel: z.string().max(100),
    /** The HMRC obligation this update meets, with HMRC's own due date (reference §5.2). */
    obligation: z
      .object({
        periodStart: isoDate,
        periodEnd: isoDate,
        dueDate: isoDate,
        status: z.enum(['open', 'fulfilled']),
      })
      .strict()
      .optional(),
    /** Period ends of this tax year the person may choose instead. */
    periodEnds: z.array(isoDate).max(12),
    datesRule: datesRuleSchema,
    expenses: z.enum(['itemised', 'consolidated']),
    lines: z.array(reviewLineSchema).max(80),
    incomePence: pence,
    expensesPence: pence,
    /** The exact JSON body of the PUT, as it will be sent (one line). */
    payloadJson: z.string().max(20_000),
    /** SHA-256 of payloadJson. */
    payloadHash: sha256,
    /** The records behind the figures (the ledger's fingerprint). */
    records: z.object({ count: z.number().int().min(0), fingerprint: sha256 }).strict(),
    comparison: comparisonSchema,
    errors: z.array(reviewIssueSchema),
    warnings: z.array(reviewIssueSchema),
    /** The newest outbox item for this business and year, if any. */
    outbox: z
      .object({
        id: z.number().int().positive(),
        state: outboxStateSchema,
        periodEnd: isoDate,
        payloadHash: sha256,
        /** The outbox item is exactly this update (same payload, same records). */
        sameAsThis: z.boolean(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type UpdateView = z.infer<typeof updateViewSchema>;

export const reviewListSchema = z
  .object({
    profileId,
    profileName: z.string().max(200),
    today: isoDate,
    online: z.boolean(),
    /** When HMRC's obligations were last read (the updates follow them). */
    obligationsCheckedAt: isoTime.nullable(),
    updates: z.array(updateViewSchema),
    /** Businesses that cannot have an update prepared, and why. */
    notReady: z
      .array(z.object({ businessName: z.string().max(200), reason: text }).strict())
      .max(200),
  })
  .strict();
export type ReviewList = z.infer<typeof reviewListSchema>;

const updateRef = z.object({ profileId, businessId, taxYear, periodEnd: isoDate }).strict();

export const reviewChannels = defineChannels({
  /** Every update the active obligations call for, prepared from the records (offline). */
  'review.list': {
    request: z.object({ profileId, compareWithHmrc: z.boolean().optional() }).strict(),
    response: reviewListSchema,
  },
  /** One business's update to a chosen period end. */
  'review.prepare': {
    request: updateRef.extend({ compareWithHmrc: z.boolean().optional() }).strict(),
    response: updateViewSchema,
  },
  /**
   * Freezes the update into the outbox (works offline). Refused when the figures or records
   * changed since the person saw them, when a check failed, or when a warning was not
   * acknowledged.
   */
  'review.approve': {
    request: updateRef
      .extend({
        /** What the person saw: the update must still be exactly this. */
        payloadHash: sha256,
        recordsFingerprint: sha256,
        /** Codes of the warnings the person ticked. */
        acknowledgedWarnings: z.array(code).max(20),
      })
      .strict(),
    response: z
      .object({ outboxId: z.number().int().positive(), state: outboxStateSchema })
      .strict(),
  },
});
