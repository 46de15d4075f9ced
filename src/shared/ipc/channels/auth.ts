import { z } from 'zod';
import { defineChannels, defineEvents } from '../define';
import { environmentSchema } from './settings';
import { accountId, isoTime } from './primitives';

/**
 * Linking Ledgerlink to HMRC (issue 4). Every schema here is a strict object made of enums,
 * ids, ISO times and labels the main process writes itself: a token, the OAuth state, the
 * PKCE verifier or the client secret has no field to travel in (design.md "Rules of the
 * house"), and a handler that tried to add one would fail response validation.
 */

export const accountKindSchema = z.enum(['individual', 'agent']);
export type AccountKind = z.infer<typeof accountKindSchema>;

/** A linked HMRC account as the screens show it: a label and whether its tokens still work. */
export const linkedAccountSchema = z
  .object({
    id: accountId,
    label: z.string().max(300),
    kind: accountKindSchema,
    status: z.enum(['linked', 'relink-needed', 'session-only']),
  })
  .strict();

/** How HMRC's redirect comes back to the app (RFC 8252 §7.1, §7.3, and HMRC's oob). */
export const transportIdSchema = z.enum(['custom-scheme', 'loopback', 'manual']);
export type TransportId = z.infer<typeof transportIdSchema>;

/** The nine steps of HMRC's "Link software to HMRC" (seed-sign-up.md). */
export const linkStepIdSchema = z.enum([
  'requested',
  'browser-opened',
  'start-page',
  'sign-in',
  'two-step',
  'identity',
  'grant',
  'token-issued',
  'token-stored',
]);
export type LinkStepId = z.infer<typeof linkStepIdSchema>;

export const stepStatusSchema = z.enum(['waiting', 'current', 'in-browser', 'done', 'failed']);
export type StepStatus = z.infer<typeof stepStatusSchema>;

const id = z.uuid();
/** OAuth scope names, e.g. `read:self-assessment`: the shape rules out anything token-like. */
const scopeName = z.string().regex(/^[a-z]+:[a-z-]+$/);
const label = z.string().max(300);

export const transportOptionSchema = z
  .object({
    id: transportIdSchema,
    label,
    description: z.string().max(600),
    available: z.boolean(),
    unavailableReason: z.string().max(600).optional(),
    /** HMRC environments reach the custom scheme through the vendor's https relay page. */
    viaRelay: z.boolean(),
  })
  .strict();
export type TransportOption = z.infer<typeof transportOptionSchema>;

export const practiceUserSchema = z
  .object({
    userId: z.string().max(40),
    password: z.string().max(80),
    kind: accountKindSchema,
    name: label,
    nino: z.string().max(12).optional(),
    description: z.string().max(600),
  })
  .strict();

export const linkOptionsSchema = z
  .object({
    environment: environmentSchema,
    environmentLabel: label,
    transports: z.array(transportOptionSchema),
    defaultTransport: transportIdSchema.nullable(),
    keychain: z
      .object({ available: z.boolean(), message: z.string().max(600).optional() })
      .strict(),
    /** Practice HMRC's test users (their passwords are practice data, printed by Practice). */
    practiceUsers: z.array(practiceUserSchema),
  })
  .strict();
export type LinkOptions = z.infer<typeof linkOptionsSchema>;

export const featureScopeSchema = z
  .object({
    id: z.enum(['businesses', 'obligations', 'calculations', 'updates', 'final-declaration']),
    label,
    scope: scopeName,
    granted: z.boolean(),
  })
  .strict();

export const accountStatusSchema = z.enum(['linked', 'relink-needed', 'session-only']);

export const accountViewSchema = z
  .object({
    id,
    environment: environmentSchema,
    environmentLabel: label,
    kind: accountKindSchema,
    label,
    linkedAt: isoTime,
    grantExpiresAt: isoTime,
    /** Whole days until the 18-month authority ends, rounded up (≤ 0 once it has ended). */
    grantDaysLeft: z.number().int(),
    /** True from 30 days before the authority ends. */
    grantEndingSoon: z.boolean(),
    scopes: z.array(scopeName),
    status: accountStatusSchema,
    lastRefresh: z
      .object({
        at: isoTime,
        outcome: z.enum(['ok', 'failed']),
        detail: z.string().max(600).optional(),
      })
      .strict()
      .optional(),
    /** When the current access token expires; null when Ledgerlink cannot read it. */
    accessTokenExpiresAt: isoTime.nullable(),
    features: z.array(featureScopeSchema),
  })
  .strict();
export type AccountView = z.infer<typeof accountViewSchema>;

export const accountsViewSchema = z
  .object({
    /** The main process's clock, so countdowns agree with it (tests move it). */
    now: isoTime,
    accounts: z.array(accountViewSchema),
  })
  .strict();
export type AccountsView = z.infer<typeof accountsViewSchema>;

export const flowPhaseSchema = z.enum([
  'waiting',
  'exchanging',
  'storing',
  'storage-choice',
  'linked',
  'failed',
  'cancelled',
]);
export type FlowPhase = z.infer<typeof flowPhaseSchema>;

export const flowViewSchema = z
  .object({
    /** A random id for the flow; never the OAuth state. */
    flowId: id,
    environment: environmentSchema,
    environmentLabel: label,
    accountKind: accountKindSchema,
    relinkAccountId: id.optional(),
    transport: transportOptionSchema,
    alternatives: z.array(transportOptionSchema),
    phase: flowPhaseSchema,
    steps: z.array(
      z
        .object({
          id: linkStepIdSchema,
          status: stepStatusSchema,
          detail: z.string().max(600).optional(),
        })
        .strict(),
    ),
    error: z
      .object({
        step: linkStepIdSchema,
        code: z.string().max(60),
        message: z.string().max(600),
        action: z.string().max(600),
      })
      .strict()
      .optional(),
    /**
     * While waiting: the last answer Ledgerlink itself refused (not HMRC), and why. The
     * linking goes on waiting for the real one. On a cancelled linking: HMRC's grant that came
     * back after the person cancelled, which was not used.
     */
    refusal: z
      .object({
        code: z.string().max(60),
        message: z.string().max(600),
        action: z.string().max(600),
      })
      .strict()
      .optional(),
    sessionOnly: z.boolean(),
    startedAt: isoTime,
    expiresAt: isoTime,
    account: accountViewSchema.optional(),
  })
  .strict();
export type FlowView = z.infer<typeof flowViewSchema>;

export const revokeAdviceSchema = z
  .object({
    /** HMRC's "Manage authorised applications" page for the environment, if it has one. */
    url: z.url().optional(),
    instructions: z.string().max(600),
  })
  .strict();

const flowRef = z.object({ flowId: id }).strict();
const accountRef = z.object({ accountId: id }).strict();

export const authChannels = defineChannels({
  'auth.linkOptions': {
    request: z.object({ environment: environmentSchema.optional() }).strict(),
    response: linkOptionsSchema,
  },
  'auth.startLink': {
    request: z
      .object({
        accountKind: accountKindSchema,
        environment: environmentSchema.optional(),
        transport: transportIdSchema.optional(),
        /** Keep the tokens in memory only: for when the OS keychain cannot be used. */
        sessionOnly: z.boolean().optional(),
        /** Replace the tokens of this account (its authority ended or was revoked). */
        relinkAccountId: id.optional(),
      })
      .strict(),
    response: flowViewSchema,
  },
  'auth.currentFlow': { request: z.undefined(), response: flowViewSchema.nullable() },
  /** Opens the authorize page again; the renderer never sees that URL (it carries the state). */
  'auth.reopenBrowser': { request: flowRef, response: flowViewSchema },
  /** The manual transport: the code HMRC showed, pasted by the person. */
  'auth.submitCode': {
    request: z.object({ flowId: id, code: z.string().min(1).max(2048) }).strict(),
    response: flowViewSchema,
  },
  'auth.cancelLink': { request: flowRef, response: flowViewSchema },
  'auth.keepForSession': { request: flowRef, response: flowViewSchema },
  'auth.accounts': { request: z.undefined(), response: accountsViewSchema },
  'auth.refreshNow': { request: accountRef, response: accountViewSchema },
  'auth.unlink': {
    request: accountRef,
    response: z.object({ accountId: id, revoke: revokeAdviceSchema }).strict(),
  },
  'auth.openRevokePage': {
    request: z.object({ environment: environmentSchema }).strict(),
    response: z.object({ opened: z.boolean() }).strict(),
  },
});

export const authEvents = defineEvents({
  /** Every change to the linking flow, as the whole view (the renderer just replaces it). */
  'auth.progress': { payload: flowViewSchema },
  'auth.accountsChanged': { payload: accountsViewSchema },
});
