import { z } from 'zod';
import { defineChannels, defineEvents } from '../define';
import { linkedAccountSchema } from './auth';
import { environmentSchema } from './settings';
import { isoTime, accountId, text } from './primitives';

/**
 * The HMRC client's capability (issue 5): the fraud prevention headers as Ledgerlink sends
 * them, HMRC's check of them, and "HMRC is busy, will retry at …" events. Values are
 * percent-encoded header text, plain-English reasons, ids and ISO times: no token has a field
 * to travel in.
 */

export const fraudHeaderNameSchema = z.enum([
  'Gov-Client-Connection-Method',
  'Gov-Client-Device-ID',
  'Gov-Client-Local-IPs',
  'Gov-Client-Local-IPs-Timestamp',
  'Gov-Client-MAC-Addresses',
  'Gov-Client-Multi-Factor',
  'Gov-Client-Screens',
  'Gov-Client-Timezone',
  'Gov-Client-User-Agent',
  'Gov-Client-User-IDs',
  'Gov-Client-Window-Size',
  'Gov-Vendor-License-IDs',
  'Gov-Vendor-Product-Name',
  'Gov-Vendor-Version',
]);

export const fraudHeaderRowSchema = z
  .object({
    name: fraudHeaderNameSchema,
    /** Exactly what goes on the wire; null when the header is not sent. */
    value: z.string().max(8000).nullable(),
    state: z.enum(['sent', 'sent-empty', 'not-sent']),
    reason: text,
  })
  .strict();
export type FraudHeaderRow = z.infer<typeof fraudHeaderRowSchema>;

export const hmrcAccountChoiceSchema = linkedAccountSchema.extend({
  lastUsedAt: isoTime.optional(),
});
export type HmrcAccountChoice = z.infer<typeof hmrcAccountChoiceSchema>;

export const fraudHeadersViewSchema = z
  .object({
    environment: environmentSchema,
    environmentLabel: z.string().max(100),
    /** Linked accounts of the current environment, most recently used first. */
    accounts: z.array(hmrcAccountChoiceSchema),
    activeAccountId: accountId.nullable(),
    collectedAt: isoTime,
    headers: z.array(fraudHeaderRowSchema),
    /** HMRC's Test Fraud Prevention Headers API exists in Practice and the sandbox only. */
    check: z.object({ available: z.boolean(), reason: text.optional() }).strict(),
  })
  .strict();
export type FraudHeadersView = z.infer<typeof fraudHeadersViewSchema>;

const checkIssueSchema = z
  .object({
    code: z.string().max(100),
    headers: z.array(z.string().max(100)).max(50),
    /** HMRC's own words. */
    message: text,
    /** What it means, in plain English. */
    explanation: text,
  })
  .strict();
export type FraudHeadersCheckIssue = z.infer<typeof checkIssueSchema>;

export const fraudHeadersCheckSchema = z
  .object({
    accountId,
    checkedAt: isoTime,
    /** HMRC's result code: VALID_HEADERS, POTENTIALLY_INVALID_HEADERS or INVALID_HEADERS. */
    code: z.string().max(100),
    summary: text,
    specVersion: z.string().max(20).optional(),
    correlationId: z.string().max(100).optional(),
    errors: z.array(checkIssueSchema).max(100),
    warnings: z.array(checkIssueSchema).max(100),
  })
  .strict();
export type FraudHeadersCheck = z.infer<typeof fraudHeadersCheckSchema>;

export const hmrcBusySchema = z
  .object({
    accountId,
    reason: z.enum(['throttled', 'server-error', 'network']),
    /** The retry about to happen, from 1, and the most that will be made. */
    attempt: z.number().int().min(1).max(100),
    maxAttempts: z.number().int().min(1).max(100),
    retryAt: isoTime,
    /** "HMRC is busy. Ledgerlink will try again at 14:05." */
    message: text,
  })
  .strict();
export type HmrcBusy = z.infer<typeof hmrcBusySchema>;

export const hmrcChannels = defineChannels({
  'hmrc.fraudHeaders': {
    request: z.object({ accountId: accountId.optional() }).strict(),
    response: fraudHeadersViewSchema,
  },
  'hmrc.checkFraudHeaders': {
    request: z.object({ accountId }).strict(),
    response: fraudHeadersCheckSchema,
  },
});

export const hmrcEvents = defineEvents({
  'hmrc.busy': { payload: hmrcBusySchema },
});
