import { z } from 'zod';
import { INVITATION_STATUSES } from '@shared/domain/agent-authorisation';
import { defineChannels } from '../define';
import { accountId, isoDate, isoTime, pence, profileId, taxYear, text } from './primitives';

/**
 * The agent's practice (`agents.*`): asking clients for authority through HMRC's Agent
 * Authorisation API, learning each client's role from HMRC, and the client sign-off pack with
 * the client's recorded approval. Nothing here is sent on the client's behalf: the client's
 * link is shown for the agent to pass on.
 */
const role = z.enum(['main', 'supporting']);
const nino = z.string().max(20);
const postcode = z.string().max(12);
const invitationId = z.string().regex(/^[A-Z0-9]{13}$/);

export const invitationViewSchema = z
  .object({
    invitationId,
    status: z.enum(INVITATION_STATUSES),
    statusLabel: z.string().max(100),
    role,
    created: z.string().max(40),
    updated: z.string().max(40).optional(),
    expiresOn: z.string().max(40).optional(),
    /** The link the client opens to answer (only while the request waits for them). */
    clientLink: z.string().max(2000).optional(),
    /** Who it was sent to, when it was made from this computer. */
    client: z
      .object({
        name: z.string().max(200),
        nino,
        postcode,
        profileId: profileId.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type InvitationView = z.infer<typeof invitationViewSchema>;

export const relationshipStatusSchema = z.enum([
  'unchecked',
  'needs-postcode',
  'confirmed',
  'mismatch',
  'not-authorised',
]);
export type RelationshipStatus = z.infer<typeof relationshipStatusSchema>;

export const clientRelationshipSchema = z
  .object({
    profileId,
    name: z.string().max(200),
    nino,
    /** The role typed on the profile: a hint until HMRC confirms it. */
    typedRole: role.nullable(),
    postcode: postcode.nullable(),
    /** HMRC's answer to the relationship check; `none`: not authorised in either role. */
    hmrcRole: z.enum(['main', 'supporting', 'none']).nullable(),
    checkedAt: isoTime.optional(),
    correlationId: z.string().max(100).optional(),
    status: relationshipStatusSchema,
    /** Plain English: where this client stands and what to do next. */
    message: text,
    /** A request to this client still waiting for their answer. */
    pendingInvitationId: invitationId.optional(),
  })
  .strict();
export type ClientRelationship = z.infer<typeof clientRelationshipSchema>;

export const agentsStateSchema = z
  .object({
    /** The agent services account acting; null when no agent account is linked. */
    accountId: accountId.nullable(),
    accountLabel: z.string().max(200).nullable(),
    arn: z.string().max(20).nullable(),
    /** The linked sign-in lacks the Agent Authorisation scopes: link it again. */
    needsRelink: z.boolean(),
    invitations: z.array(invitationViewSchema).max(2000),
    invitationsCheckedAt: isoTime.optional(),
    clients: z.array(clientRelationshipSchema).max(5000),
  })
  .strict();
export type AgentsState = z.infer<typeof agentsStateSchema>;

/** What a sign-off pack is about. */
export const signOffSubjectSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('quarterly'),
      businessId: z.number().int().positive(),
      taxYear,
      periodEnd: isoDate,
    })
    .strict(),
  z.object({ kind: z.literal('year-end-calculation'), taxYear }).strict(),
  /** One business's annual figures (adjustments, allowances, other facts) for a year. */
  z
    .object({ kind: z.literal('annual'), businessId: z.number().int().positive(), taxYear })
    .strict(),
]);
export type SignOffSubject = z.infer<typeof signOffSubjectSchema>;

const packLine = z
  .object({
    label: z.string().max(200),
    /** The figure in words and pounds, e.g. "£12,345.67". */
    amount: z.string().max(100),
    pence: pence.optional(),
    /** "up £200.00 since the last update", "no change", "new". */
    change: z.string().max(200).optional(),
  })
  .strict();

export const signOffApprovalSchema = z
  .object({
    approvedOn: isoDate,
    method: z.enum(['in-person', 'phone', 'email', 'letter', 'video']),
    note: z.string().max(1000),
    recordedBy: z.string().max(300),
    recordedAt: isoTime,
  })
  .strict();
export type SignOffApproval = z.infer<typeof signOffApprovalSchema>;

export const signOffPackSchema = z
  .object({
    profileId,
    subject: signOffSubjectSchema,
    title: z.string().max(200),
    clientName: z.string().max(200),
    clientNino: nino,
    agentName: z.string().max(300),
    preparedOn: isoDate,
    /** A paragraph saying what this is, in plain words. */
    summary: text,
    sections: z
      .array(z.object({ heading: z.string().max(200), lines: z.array(packLine).max(100) }).strict())
      .max(20),
    /** What the comparison is against (the last update HMRC accepted, or nothing yet). */
    comparedWith: text,
    /** HMRC's calculation, when there is one for this. */
    hmrcCalculation: z
      .object({ calculationId: z.string().max(100), lines: z.array(packLine).max(40) })
      .strict()
      .optional(),
    /** What the client is asked to confirm, one statement each. */
    confirmations: z.array(text).max(10),
    /** Identifies exactly what was shown: approval is recorded against it. */
    reference: z.string().max(200),
    approval: signOffApprovalSchema.optional(),
  })
  .strict();
export type SignOffPack = z.infer<typeof signOffPackSchema>;

export const agentsChannels = defineChannels({
  /** What is known on this computer: no HMRC call. */
  'agents.state': {
    request: z.object({ accountId: accountId.optional() }).strict(),
    response: agentsStateSchema,
  },
  'agents.setArn': {
    request: z.object({ accountId, arn: z.string().max(30) }).strict(),
    response: agentsStateSchema,
  },
  /** Reads the requests of the last 30 days from HMRC. */
  'agents.refreshInvitations': {
    request: z.object({ accountId }).strict(),
    response: agentsStateSchema,
  },
  /** Asks a client for authority; the answer carries the client's link to pass on. */
  'agents.invite': {
    request: z
      .object({
        accountId,
        clientName: z.string().max(200),
        nino: z.string().max(30),
        postcode: z.string().max(30),
        role,
        profileId: profileId.optional(),
      })
      .strict(),
    response: z.object({ state: agentsStateSchema, invitation: invitationViewSchema }).strict(),
  },
  'agents.cancelInvitation': {
    request: z.object({ accountId, invitationId }).strict(),
    response: agentsStateSchema,
  },
  /** HMRC's relationship check for one client (main, else supporting). */
  'agents.checkRelationship': {
    request: z.object({ profileId, postcode: z.string().max(30).optional() }).strict(),
    response: agentsStateSchema,
  },
  /** The one click that makes the profile's role HMRC's answer. */
  'agents.useHmrcRole': {
    request: z.object({ profileId }).strict(),
    response: agentsStateSchema,
  },
  /** Stops acting for the client at HMRC (Agent Authorisation 2.0). */
  'agents.deauthorise': {
    request: z.object({ profileId, confirm: z.literal(true) }).strict(),
    response: agentsStateSchema,
  },
  'agents.signOffPack': {
    request: z.object({ profileId, subject: signOffSubjectSchema }).strict(),
    response: signOffPackSchema,
  },
  'agents.recordSignOff': {
    request: z
      .object({
        profileId,
        subject: signOffSubjectSchema,
        reference: z.string().max(200),
        approvedOn: isoDate,
        method: signOffApprovalSchema.shape.method,
        note: z.string().max(1000),
      })
      .strict(),
    response: signOffPackSchema,
  },
  /** Desktop app: the pack printed to a PDF file the agent chooses. */
  'agents.savePackPdf': {
    request: z.object({ profileId, subject: signOffSubjectSchema }).strict(),
    response: z
      .object({
        saved: z.boolean(),
        /** No PDF printer here (the browser host): the window prints with the browser. */
        browserPrint: z.boolean(),
        fileName: z.string().max(1000).optional(),
      })
      .strict(),
  },
});
