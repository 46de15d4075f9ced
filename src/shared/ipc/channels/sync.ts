import { z } from 'zod';
import { defineChannels, defineEvents } from '../define';
import { outboxStateSchema } from './review';
import { environmentSchema } from './settings';
import {
  isoTime,
  isoDate,
  taxYear,
  profileId,
  pence,
  text,
  code,
  sha256,
  profileRef,
  businessKindSchema,
  howMany,
} from './primitives';

/**
 * Sync (issue 8): the outbox of approved updates, sending them to HMRC, the hash-chained
 * submission log of receipts, the tax estimate after a sync, online/offline, and syncing many
 * clients at once for agents. Payloads, hashes, HMRC correlation ids and times cross IPC;
 * tokens never do.
 */

const runId = z.string().regex(/^[0-9a-f-]{36}$/);

export const itemErrorSchema = z
  .object({
    code,
    message: text,
    action: text,
    correlationId: z.string().max(100).optional(),
    /** HMRC's field problems (JSON pointers into the payload). */
    fields: z
      .array(z.object({ path: z.string().max(300), message: text }).strict())
      .max(50)
      .optional(),
  })
  .strict();
export type ItemError = z.infer<typeof itemErrorSchema>;

export const outboxItemSchema = z
  .object({
    id: z.number().int().positive(),
    businessId: z.number().int().positive(),
    businessName: z.string().max(200),
    hmrcBusinessId: z.string().max(20),
    kind: businessKindSchema,
    /** Annual figures or their deletion; absent for a quarterly cumulative update. */
    submission: z.enum(['annual', 'annual-delete']).optional(),
    taxYear,
    periodStart: isoDate,
    periodEnd: isoDate,
    state: outboxStateSchema,
    approvedAt: isoTime,
    payloadHash: sha256,
    attempts: howMany,
    /** Queued after HMRC was busy or unreachable: when it will be tried again. */
    nextRetryAt: isoTime.optional(),
    /** Why it failed, or why it is queued again. */
    error: itemErrorSchema.optional(),
    acceptedAt: isoTime.optional(),
    correlationId: z.string().max(100).optional(),
    /** The submission log entry (receipt) for an accepted item. */
    receiptSeq: z.number().int().positive().optional(),
  })
  .strict();
export type OutboxItemView = z.infer<typeof outboxItemSchema>;

export const receiptSchema = z
  .object({
    seq: z.number().int().positive(),
    recordedAt: isoTime,
    profileId,
    profileName: z.string().max(200),
    environment: environmentSchema,
    businessName: z.string().max(200),
    hmrcBusinessId: z.string().max(20),
    kind: businessKindSchema,
    /** Annual figures or their deletion; absent for a quarterly cumulative update. */
    submission: z.enum(['annual', 'annual-delete']).optional(),
    taxYear,
    periodStart: isoDate,
    periodEnd: isoDate,
    payloadHash: sha256,
    correlationId: z.string().max(100),
    entryHash: sha256,
  })
  .strict();
export type ReceiptView = z.infer<typeof receiptSchema>;

export const estimateSchema = z
  .object({
    profileId,
    taxYear,
    /**
     * `ready`: figures below. `errors`: HMRC's calculation found problems (no figures).
     * `pending`: HMRC has not finished yet. `not-allowed`: a supporting agent (reason says why).
     * `failed`: it could not be fetched (error says why).
     */
    status: z.enum(['ready', 'errors', 'pending', 'not-allowed', 'failed']),
    calculationId: z.string().max(100).optional(),
    requestedAt: isoTime.optional(),
    calculatedAt: z.string().max(40).optional(),
    /** The dates the calculation covers (HMRC's data to the last update). */
    periodFrom: isoDate.optional(),
    periodTo: isoDate.optional(),
    /** The Income Tax HMRC says is due, after reliefs (what the lines add up to). */
    incomeTaxPence: pence.optional(),
    /** Income Tax on the bands before reliefs, and the reliefs HMRC took off it. */
    incomeTaxBeforeReliefsPence: pence.optional(),
    reliefsPence: pence.optional(),
    /** What HMRC's figure is based on: income so far, allowances, taxable income. */
    incomeReceivedPence: pence.optional(),
    allowancesPence: pence.optional(),
    taxableIncomePence: pence.optional(),
    /** Profit or loss so far per business, as HMRC worked it out. */
    businesses: z
      .array(
        z
          .object({
            name: z.string().max(200),
            kind: z.enum(['self-employment', 'uk-property', 'foreign-property']),
            incomePence: pence.optional(),
            expensesPence: pence.optional(),
            profitPence: pence.optional(),
            lossPence: pence.optional(),
          })
          .strict(),
      )
      .max(50)
      .optional(),
    class4NicsPence: pence.optional(),
    class2NicsPence: pence.optional(),
    totalPence: pence.optional(),
    /** HMRC's accuracy disclaimer for in-year figures (reference §5.3). */
    disclaimer: text.optional(),
    messages: z
      .array(z.object({ kind: z.enum(['error', 'warning', 'info']), text }).strict())
      .max(60),
    reason: text.optional(),
    error: itemErrorSchema.optional(),
  })
  .strict();
export type EstimateView = z.infer<typeof estimateSchema>;

export const syncStatusSchema = z
  .object({
    profileId,
    profileName: z.string().max(200),
    online: z.boolean(),
    running: z.boolean(),
    lastSyncedAt: isoTime.optional(),
    /** Plain English: what the last sync did. */
    lastOutcome: text.optional(),
    counts: z
      .object({
        queued: howMany,
        failed: howMany,
        needsRelink: howMany,
        stale: howMany,
        accepted: howMany,
      })
      .strict(),
    items: z.array(outboxItemSchema).max(500),
    estimate: estimateSchema.optional(),
    /** Whether the profile's HMRC role allows a tax estimate (supporting agents: no). */
    estimateAllowed: z.boolean(),
    estimateReason: text.optional(),
  })
  .strict();
export type SyncStatusView = z.infer<typeof syncStatusSchema>;

/** How a run's updates stand so far: the same three numbers per client and for the whole run. */
const runTally = { accepted: howMany, queued: howMany, failed: howMany };

export const clientProgressSchema = z
  .object({
    profileId,
    name: z.string().max(200),
    state: z.enum([
      'waiting',
      'syncing',
      'done',
      'queued',
      'failed',
      'needs-relink',
      'cancelled',
      'nothing-to-send',
    ]),
    ...runTally,
    /** What happened, in plain English. */
    message: text.optional(),
    /** The first reason something was not accepted (HMRC's words), when there is one. */
    problem: text.optional(),
  })
  .strict();

export const syncRunSchema = z
  .object({
    runId,
    running: z.boolean(),
    cancelled: z.boolean(),
    startedAt: isoTime,
    finishedAt: isoTime.optional(),
    /** Updates in the run, and how many have an outcome. */
    total: howMany,
    ...runTally,
    clients: z.array(clientProgressSchema).max(2000),
    /** After a sync: HMRC may take up to an hour to show an update as received (reference §5.2). */
    note: text.optional(),
  })
  .strict();
export type SyncRunView = z.infer<typeof syncRunSchema>;

export const logCheckSchema = z
  .object({
    profileId,
    profileName: z.string().max(200),
    entries: howMany,
    ok: z.boolean(),
    /** The newest entry's hash, to compare with a copy kept elsewhere. */
    headHash: sha256.optional(),
    problems: z.array(z.object({ seq: howMany, problem: text }).strict()).max(200),
  })
  .strict();
export type LogCheckView = z.infer<typeof logCheckSchema>;

export const networkSchema = z
  .object({ online: z.boolean(), syncOnReconnect: z.boolean() })
  .strict();
export type NetworkView = z.infer<typeof networkSchema>;

export const syncChannels = defineChannels({
  /** The profile's outbox, last sync and latest estimate (offline). */
  'sync.status': { request: profileRef, response: syncStatusSchema },
  /** Sends the profile's queued updates now; resolves when the run ends. */
  'sync.now': { request: profileRef, response: syncRunSchema },
  /**
   * Agents: sends the queued updates of many clients (all client profiles with queued updates
   * when `profileIds` is left out). Returns at once; progress arrives as `sync.progress`.
   */
  'sync.many': {
    request: z.object({ profileIds: z.array(profileId).max(2000).optional() }).strict(),
    response: syncRunSchema,
  },
  /** Stops a run after the requests already on their way; what is left stays queued. */
  'sync.cancel': { request: z.object({ runId }).strict(), response: syncRunSchema.nullable() },
  /** The current or last multi-client run. */
  'sync.run': { request: z.undefined(), response: syncRunSchema.nullable() },
  /** Removes an item that failed or went stale from the outbox (the records stay). */
  'sync.discard': {
    request: z.object({ profileId, outboxId: z.number().int().positive() }).strict(),
    response: syncStatusSchema,
  },
  /** Receipts: the submission log, newest first. */
  'sync.receipts': {
    request: z.object({ profileId, limit: z.number().int().min(1).max(500).optional() }).strict(),
    response: z.array(receiptSchema),
  },
  /** Checks the hash chain of the submission log of one profile, or of every profile. */
  'sync.verifyLog': {
    request: z.object({ profileId: profileId.optional() }).strict(),
    response: z.array(logCheckSchema),
  },
  /** Asks HMRC for a new in-year estimate (individuals and main agents). */
  'sync.estimate': {
    request: z.object({ profileId, taxYear: taxYear.optional() }).strict(),
    response: estimateSchema,
  },
  'sync.network': { request: z.undefined(), response: networkSchema },
  'sync.setSyncOnReconnect': {
    request: z.object({ enabled: z.boolean() }).strict(),
    response: networkSchema,
  },
});

export const syncEvents = defineEvents({
  /** A profile's outbox or estimate changed. */
  'sync.changed': { payload: z.object({ profileId }).strict() },
  /** Progress of the running sync (one profile or many clients). */
  'sync.progress': { payload: syncRunSchema },
  /** The computer went online or offline. */
  'sync.network': { payload: networkSchema },
});
