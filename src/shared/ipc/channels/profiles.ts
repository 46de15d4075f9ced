import { z } from 'zod';
import { AGENT_ROLES } from '@shared/domain/agent-permissions';
import { ITSA_STATUSES } from '@shared/domain/itsa-status';
import { defineChannels, defineEvents } from '../define';
import { linkedAccountSchema } from './auth';
import { environmentSchema } from './settings';
import { isoTime, isoDate, profileId, accountId, text, profileRef } from './primitives';

/**
 * Taxpayer profiles (issue 6): the people whose tax affairs Ledgerlink keeps, each acted for
 * through one HMRC account; their businesses and obligations as HMRC last reported them; the
 * agent's client list, CSV import and overview. Names and NINOs are personal data but not
 * secrets: they cross IPC so the switcher can search them. Tokens never appear here.
 */

/** Typed by a person: checked by the main process against HMRC's rules for a clear message. */
const nameInput = z.string().max(300);
const ninoInput = z.string().max(40);
const hmrcBusinessId = z.string().regex(/^X[A-Z0-9]IS[0-9]{11}$/);

export const profileKindSchema = z.enum(['self', 'client']);
export type ProfileKind = z.infer<typeof profileKindSchema>;

export const agentRoleSchema = z.enum(AGENT_ROLES);

export const authorisationStatusSchema = z.enum([
  'authorised',
  'not-authorised',
  'not-signed-up',
  'unknown',
]);
export type AuthorisationStatus = z.infer<typeof authorisationStatusSchema>;

/** The last answer HMRC gave about acting for this person (List All Businesses). */
export const authorisationSchema = z
  .object({
    status: authorisationStatusSchema,
    checkedAt: isoTime.optional(),
    /** HMRC's X-CorrelationId of that answer, to quote to HMRC. */
    correlationId: z.string().max(100).optional(),
    /** Plain English: what it means and what to do. */
    message: text.optional(),
    /** HMRC's or Ledgerlink's error code behind a status other than authorised. */
    code: z.string().max(100).optional(),
  })
  .strict();
export type Authorisation = z.infer<typeof authorisationSchema>;

export const obligationKindSchema = z.enum(['quarterly', 'final-declaration']);

/** One obligation as HMRC reported it. `dueDate` is HMRC's, never computed (reference §5.2). */
export const obligationRefSchema = z
  .object({
    kind: obligationKindSchema,
    businessId: hmrcBusinessId.optional(),
    businessName: z.string().max(200).optional(),
    periodStart: isoDate,
    periodEnd: isoDate,
    dueDate: isoDate,
  })
  .strict();
export type ObligationRef = z.infer<typeof obligationRefSchema>;

export const profileAccountSchema = linkedAccountSchema;

export const profileViewSchema = z
  .object({
    id: profileId,
    name: z.string().max(200),
    nino: z.string().max(9),
    kind: profileKindSchema,
    environment: environmentSchema,
    /** The HMRC account acting for this person; null until one is linked. */
    accountId: accountId.nullable(),
    /** That account as it is now; null when none is chosen or it has been unlinked. */
    account: profileAccountSchema.nullable(),
    agentRole: agentRoleSchema.optional(),
    archivedAt: isoTime.optional(),
    createdAt: isoTime,
    lastActiveAt: isoTime.optional(),
    authorisation: authorisationSchema,
    /** What HMRC said at the last check, for the switcher and the overview (offline). */
    hmrc: z
      .object({
        checkedAt: isoTime.optional(),
        nextDue: obligationRefSchema.optional(),
        openCount: z.number().int().min(0).optional(),
      })
      .strict(),
  })
  .strict();
export type ProfileView = z.infer<typeof profileViewSchema>;

export const profilesViewSchema = z
  .object({
    environment: environmentSchema,
    environmentLabel: z.string().max(100),
    /** The main process's clock. */
    now: isoTime,
    /** The active profile of this environment (remembered across restarts). */
    activeId: profileId.nullable(),
    /** Every profile of this environment, archived ones included (marked by archivedAt). */
    profiles: z.array(profileViewSchema),
  })
  .strict();
export type ProfilesView = z.infer<typeof profilesViewSchema>;

/** A tax year's ITSA status and what it means (src/shared/domain/itsa-status.ts). */
export const itsaStatusViewSchema = z
  .object({
    taxYear: z.string().max(7),
    /** HMRC's value; absent when HMRC holds none or it has not been asked. */
    status: z.enum(ITSA_STATUSES).optional(),
    statusReason: z.string().max(200).optional(),
    label: z.string().max(100),
    text,
    quarterlyUpdatesDue: z.boolean(),
    quarterlyPenalties: z.boolean(),
    updatesWithoutDates: z.boolean(),
    /** When HMRC was last asked (absent: never). */
    checkedAt: isoTime.optional(),
  })
  .strict();
export type ItsaStatusView = z.infer<typeof itsaStatusViewSchema>;

export const electionSchema = z
  .object({
    /** The tax year a change would apply to: only the current one (reference §5.6). */
    taxYear: z.string().max(7),
    currentType: z.enum(['standard', 'calendar']),
    /** Whether Ledgerlink offers the change now; when not, `reason` says why. */
    offered: z.boolean(),
    changeTo: z.enum(['standard', 'calendar']).optional(),
    reason: text,
    /** The lock-in in one sentence, shown beside the offer before anything is chosen. */
    lockIn: text,
  })
  .strict();
export type ElectionView = z.infer<typeof electionSchema>;

export const businessViewSchema = z
  .object({
    hmrcBusinessId,
    typeOfBusiness: z.enum([
      'self-employment',
      'uk-property',
      'foreign-property',
      'property-unspecified',
    ]),
    name: z.string().max(200),
    commencementDate: isoDate.optional(),
    cessationDate: isoDate.optional(),
    /** The local business the records are kept under; absent for kinds not kept yet. */
    ledgerBusinessId: z.number().int().positive().optional(),
    election: electionSchema,
  })
  .strict();
export type BusinessView = z.infer<typeof businessViewSchema>;

export const obligationViewSchema = obligationRefSchema
  .extend({
    typeOfBusiness: z.string().max(40).optional(),
    status: z.enum(['open', 'fulfilled']),
    receivedDate: isoDate.optional(),
    /** Open and past HMRC's due date, on the main process's UK date. */
    overdue: z.boolean(),
  })
  .strict();
export type ObligationView = z.infer<typeof obligationViewSchema>;

export const snapshotViewSchema = z
  .object({
    profileId,
    /** The UK date today and the tax year it falls in (main's clock). */
    today: isoDate,
    taxYear: z.string().max(7),
    /** When HMRC was last asked successfully; null if never. */
    checkedAt: isoTime.nullable(),
    correlationId: z.string().max(100).optional(),
    authorisation: authorisationSchema,
    businesses: z.array(businessViewSchema),
    /** This tax year's ITSA status, then last year's (for the year end). */
    itsaStatus: itsaStatusViewSchema,
    itsaStatusLastYear: itsaStatusViewSchema,
    /** Open obligations of any year, and this tax year's fulfilled ones. */
    obligations: z.array(obligationViewSchema),
  })
  .strict();
export type SnapshotView = z.infer<typeof snapshotViewSchema>;

export const importProblemSchema = z
  .object({
    field: z.enum(['name', 'nino', 'role', 'row']),
    message: text,
  })
  .strict();

export const importRowSchema = z
  .object({
    /** The line of the file the row is on (the header is line 1). */
    line: z.number().int().min(1),
    name: z.string().max(300),
    nino: z.string().max(40),
    role: agentRoleSchema.nullable(),
    problems: z.array(importProblemSchema),
  })
  .strict();
export type ImportRow = z.infer<typeof importRowSchema>;

export const importPreviewSchema = z
  .object({
    rows: z.array(importRowSchema),
    valid: z.number().int().min(0),
    invalid: z.number().int().min(0),
    /** Problems with the file as a whole (no header, wrong columns…): nothing can be imported. */
    fileProblems: z.array(text),
  })
  .strict();
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const overviewStatusSchema = z.enum([
  'overdue',
  'due-soon',
  'up-to-date',
  'not-authorised',
  'not-signed-up',
  'not-checked',
]);
export type OverviewStatus = z.infer<typeof overviewStatusSchema>;

export const overviewRowSchema = z
  .object({
    profileId,
    name: z.string().max(200),
    nino: z.string().max(9),
    agentRole: agentRoleSchema.optional(),
    accountLabel: z.string().max(300).optional(),
    status: overviewStatusSchema,
    statusText: text,
    nextDue: obligationRefSchema.optional(),
    openCount: z.number().int().min(0).optional(),
    checkedAt: isoTime.optional(),
    /** This tax year's ITSA status: whether quarterly updates are due at all. */
    itsaStatus: itsaStatusViewSchema,
    /** When the client's last sync run finished (absent: never synced from this computer). */
    lastSyncedAt: isoTime.optional(),
    /** Short plain reasons the client needs the agent, most pressing first (empty: none). */
    attention: z.array(z.string().max(200)).max(10),
  })
  .strict();
export type OverviewRow = z.infer<typeof overviewRowSchema>;

export const refreshProgressSchema = z
  .object({
    running: z.boolean(),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    failed: z.number().int().min(0),
    startedAt: isoTime.optional(),
    finishedAt: isoTime.optional(),
    /** The last failure that was not about one client's authorisation (e.g. HMRC offline). */
    lastError: z
      .object({ code: z.string().max(100), message: text, action: text })
      .strict()
      .optional(),
  })
  .strict();
export type RefreshProgress = z.infer<typeof refreshProgressSchema>;

export const overviewSchema = z
  .object({
    now: isoTime,
    today: isoDate,
    /** Obligations due within this many days count as "due soon". */
    dueSoonDays: z.number().int().min(1),
    rows: z.array(overviewRowSchema),
    /** The oldest and newest successful checks among the rows. */
    oldestCheck: isoTime.optional(),
    newestCheck: isoTime.optional(),
    progress: refreshProgressSchema,
  })
  .strict();
export type Overview = z.infer<typeof overviewSchema>;

/** A CSV file's text, read in the window; 2 MB is thousands of clients. */
const csvText = z.string().max(2_000_000);

export const profilesChannels = defineChannels({
  'profiles.list': { request: z.undefined(), response: profilesViewSchema },
  'profiles.get': { request: profileRef, response: profileViewSchema },
  'profiles.setActive': { request: profileRef, response: profilesViewSchema },
  /** Checks a new profile's name and NINO (format, prefix, duplicates) without saving. */
  'profiles.validateNew': {
    request: z.object({ name: nameInput, nino: ninoInput }).strict(),
    response: z.object({ name: z.string().max(200), nino: z.string().max(9) }).strict(),
  },
  'profiles.create': {
    request: z
      .object({
        kind: profileKindSchema,
        name: nameInput,
        nino: ninoInput,
        accountId: accountId.nullable().optional(),
        agentRole: agentRoleSchema.optional(),
        /** Make it the active profile. */
        activate: z.boolean().optional(),
      })
      .strict(),
    response: profileViewSchema,
  },
  'profiles.edit': {
    request: z
      .object({
        profileId,
        name: nameInput.optional(),
        nino: ninoInput.optional(),
        accountId: accountId.nullable().optional(),
        agentRole: agentRoleSchema.optional(),
      })
      .strict(),
    response: profileViewSchema,
  },
  'profiles.archive': {
    request: z.object({ profileId, archived: z.boolean() }).strict(),
    response: profileViewSchema,
  },
  'profiles.deletionCheck': {
    request: profileRef,
    response: z
      .object({ profileId, name: z.string().max(200), unsyncedRecords: z.number().int().min(0) })
      .strict(),
  },
  'profiles.delete': {
    request: z.object({ profileId, confirmUnsynced: z.boolean() }).strict(),
    response: z.object({ deletedId: profileId }).strict(),
  },
  /** Asks HMRC (List All Businesses) whether the profile's account may act for this NINO. */
  'profiles.checkAuthorisation': { request: profileRef, response: profileViewSchema },
  /** What HMRC said last time, from this computer: never calls HMRC. */
  'profiles.snapshot': { request: profileRef, response: snapshotViewSchema },
  /** Fetches businesses and obligations from HMRC now and keeps them for offline use. */
  'profiles.refresh': { request: profileRef, response: snapshotViewSchema },
  'profiles.setQuarterlyPeriodType': {
    request: z
      .object({
        profileId,
        hmrcBusinessId,
        quarterlyPeriodType: z.enum(['standard', 'calendar']),
        /** The person confirmed the lock-in for the rest of the tax year. */
        confirmLockIn: z.literal(true),
        /** Calendar quarters only: the person confirmed their accounts run 1 April – 31 March. */
        confirmAccountingPeriod: z.boolean().optional(),
      })
      .strict(),
    response: snapshotViewSchema,
  },
  'profiles.previewImport': {
    request: z.object({ accountId, csv: csvText }).strict(),
    response: importPreviewSchema,
  },
  'profiles.importClients': {
    request: z.object({ accountId, csv: csvText }).strict(),
    response: z
      .object({
        imported: z.number().int().min(0),
        skipped: z.array(z.object({ line: z.number().int().min(1), message: text }).strict()),
      })
      .strict(),
  },
  'profiles.overview': { request: z.undefined(), response: overviewSchema },
  /** Checks every client with HMRC in the background; progress arrives as events. */
  'profiles.refreshAll': { request: z.undefined(), response: refreshProgressSchema },
});

export const profilesEvents = defineEvents({
  /** The list or the active profile changed: every screen updates at once. */
  'profiles.changed': { payload: profilesViewSchema },
  'profiles.refreshProgress': { payload: refreshProgressSchema },
});
