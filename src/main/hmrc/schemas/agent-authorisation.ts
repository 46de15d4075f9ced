import { z } from 'zod';
import { INVITATION_STATUSES } from '@shared/domain/agent-authorisation';

/**
 * Agent Authorisation (1.0; 2.0 only for de-authorise) request and response bodies for Making
 * Tax Digital for Income Tax [agent-authorisation-api application.yaml components.schemas].
 * Requests are strict copies of the spec's ITSA schemas; responses are tolerant readers.
 */

/** [AA ClientIdNINO] (HMRC's pattern: spaces already removed). */
const clientNino = z
  .string()
  .regex(/^[ABCEGHJKLMNOPRSTWXYZ][ABCEGHJKLMNPRSTWXYZ]?\d{2}?\d{2}?\d{2}?[A-D]{1}$/);
/** [AA KnownFactPostcode] */
const postcode = z.string().regex(/^[A-Z]{1,2}[0-9][0-9A-Z]?\s?[0-9][A-Z]{2}$|BFPO\s?[0-9]{1,5}$/);
/** [AA AgentType] "Defaults to main if omitted"; Ledgerlink always says which. */
export const agentTypeSchema = z.enum(['main', 'supporting']);

/** [AA AgentsInvitationsITSARequest] */
export const createInvitationRequestSchema = z
  .object({
    service: z.literal('MTD-IT'),
    clientType: z.literal('personal'),
    clientIdType: z.literal('ni'),
    clientId: clientNino,
    knownFact: postcode,
    agentType: agentTypeSchema,
  })
  .strict();
export type CreateInvitationRequest = z.infer<typeof createInvitationRequestSchema>;

/** [AA CheckRelationshipITSARequest] */
export const checkRelationshipRequestSchema = z
  .object({
    service: z.literal('MTD-IT'),
    clientIdType: z.literal('ni'),
    clientId: clientNino,
    knownFact: postcode,
    agentType: agentTypeSchema,
  })
  .strict();
export type CheckRelationshipRequest = z.infer<typeof checkRelationshipRequestSchema>;

/** [AA DeauthoriseClientITSARequest] (2.0) */
export const deauthoriseRequestSchema = z
  .object({
    service: z.literal('MTD-IT'),
    clientType: z.literal('personal'),
    clientIdType: z.literal('ni'),
    clientId: clientNino,
    agentType: agentTypeSchema,
  })
  .strict();
export type DeauthoriseRequest = z.infer<typeof deauthoriseRequestSchema>;

/**
 * The spec declares `service` as an array of at most one, but the API and the spec's own
 * examples answer a plain string (SOURCES.md "Schema bugs"; the API's CHANGE_LOG APB-11560).
 * Both are read, and both become the one string.
 */
export const invitationServiceSchema = z
  .union([z.string(), z.array(z.string()).max(1)])
  .transform((s) => (Array.isArray(s) ? (s[0] ?? '') : s));

/** [AA AgentsInvitationsResponse] */
export const invitationResponseSchema = z.looseObject({
  _links: z.looseObject({ self: z.looseObject({ href: z.string() }) }),
  service: invitationServiceSchema,
  arn: z.string(),
  // HMRC's own examples have no time zone here (SOURCES.md), so any text is kept as sent.
  created: z.string(),
  updated: z.string().optional(),
  expiresOn: z.string().optional(),
  status: z.enum(INVITATION_STATUSES),
  clientActionUrl: z.string().optional(),
  agentType: agentTypeSchema.nullable().optional(),
});
export type InvitationResponse = z.infer<typeof invitationResponseSchema>;

export const invitationListResponseSchema = z.array(invitationResponseSchema);
