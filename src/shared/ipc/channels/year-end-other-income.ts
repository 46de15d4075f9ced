import { z } from 'zod';
import { NOT_COVERED_TOPICS } from '@shared/domain/not-covered';
import { defineChannels } from '../define';
import { code, isoTime, pence, profileId, rowId, sha256, taxYear, text } from './primitives';

/**
 * Other income and reliefs of a tax year (UK savings interest per account, UK dividends,
 * pension contributions, Gift Aid) and the questions about what Ledgerlink does not cover
 * (reference §5.8). Approving works offline: it queues the exact body for HMRC, and the next
 * sync run sends it.
 */

const values = z.record(z.string().max(60), pence.min(0).max(9_999_999_999_999));
const accountName = z.string().max(32);

export const otherIncomeSubmissionSchema = z.enum([
  'savings-account-add',
  'savings-account-rename',
  'savings-interest',
  'dividends',
  'dividends-delete',
  'pension-relief',
  'pension-relief-delete',
  'charitable-giving',
  'charitable-giving-delete',
]);

const status = z.enum(['not-sent', 'waiting', 'sent', 'deleted', 'failed']);
const itemError = z.object({ code, message: text, action: text }).strict();
const permission = z.object({ allowed: z.boolean(), reason: text.optional() }).strict();

/** One thing's latest state: what was approved or sent, and how it went. */
const sectionSchema = z
  .object({
    status,
    values,
    approvedAt: isoTime.optional(),
    acceptedAt: isoTime.optional(),
    error: itemError.optional(),
  })
  .strict();
export type OtherIncomeSection = z.infer<typeof sectionSchema>;

export const otherIncomeViewSchema = z
  .object({
    profileId,
    taxYear,
    profileName: z.string().max(300),
    permissions: z
      .object({
        savings: permission,
        dividends: permission,
        'pension-relief': permission,
        'charitable-giving': permission,
      })
      .strict(),
    accounts: z
      .array(
        z
          .object({
            id: rowId,
            accountName: z.string().max(100),
            /** HMRC has the account (its id is known here). */
            atHmrc: z.boolean(),
            /** The add or the rename waiting in the outbox, or refused. */
            change: sectionSchema.extend({ accountName: z.string().max(100) }).optional(),
            interest: sectionSchema,
          })
          .strict(),
      )
      .max(1000),
    dividends: sectionSchema,
    'pension-relief': sectionSchema,
    'charitable-giving': sectionSchema,
    /** Items approved and waiting for "Sync now". */
    waiting: z.number().int().min(0),
    receipts: z
      .array(
        z
          .object({
            seq: z.number().int().positive(),
            submission: otherIncomeSubmissionSchema,
            what: z.string().max(200),
            recordedAt: isoTime,
            correlationId: z.string().max(100),
            entryHash: sha256,
          })
          .strict(),
      )
      .max(500),
    receiptsIntact: z.boolean(),
  })
  .strict();
export type OtherIncomeView = z.infer<typeof otherIncomeViewSchema>;

export const otherIncomeApprovalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('savings-account-add'), accountName }).strict(),
  z.object({ kind: z.literal('savings-account-rename'), accountId: rowId, accountName }).strict(),
  z.object({ kind: z.literal('savings-interest'), accountId: rowId, values }).strict(),
  z.object({ kind: z.literal('dividends'), values }).strict(),
  z.object({ kind: z.literal('pension-relief'), values }).strict(),
  z.object({ kind: z.literal('charitable-giving'), values }).strict(),
  z
    .object({
      kind: z.literal('delete'),
      what: z.enum(['dividends', 'pension-relief', 'charitable-giving']),
    })
    .strict(),
]);
export type OtherIncomeApproval = z.infer<typeof otherIncomeApprovalSchema>;

export const notCoveredTopicSchema = z.enum(NOT_COVERED_TOPICS);

export const notCoveredViewSchema = z
  .object({
    profileId,
    taxYear,
    topics: z
      .array(
        z
          .object({
            topic: notCoveredTopicSchema,
            question: text,
            label: z.string().max(200),
            whereToReport: text,
            /** Undefined until answered. */
            applies: z.boolean().optional(),
          })
          .strict(),
      )
      .max(20),
    unanswered: z.number().int().min(0),
    applies: z.array(notCoveredTopicSchema).max(20),
    confirmedElsewhere: z.boolean(),
    confirmedAt: isoTime.optional(),
  })
  .strict();
export type NotCoveredView = z.infer<typeof notCoveredViewSchema>;

const ref = z.object({ profileId, taxYear }).strict();

export const yearEndOtherIncomeChannels = defineChannels({
  'yearEnd.otherIncome': { request: ref, response: otherIncomeViewSchema },
  /** Queues the approved change (works offline); the next sync sends it. */
  'yearEnd.approveOtherIncome': {
    request: z.object({ profileId, taxYear, approval: otherIncomeApprovalSchema }).strict(),
    response: otherIncomeViewSchema,
  },
  /** Reads HMRC's list of the person's UK savings accounts (online). */
  'yearEnd.refreshSavingsAccounts': { request: ref, response: otherIncomeViewSchema },
  'yearEnd.notCovered': { request: ref, response: notCoveredViewSchema },
  'yearEnd.answerNotCovered': {
    request: z
      .object({ profileId, taxYear, topic: notCoveredTopicSchema, applies: z.boolean() })
      .strict(),
    response: notCoveredViewSchema,
  },
  /** The person confirms that what applies has been reported to HMRC another way. */
  'yearEnd.confirmReportedElsewhere': { request: ref, response: notCoveredViewSchema },
});
