import { z } from 'zod';
import type { CallOptions, HmrcResult, HmrcTransport } from '../hmrc-http-client';
import { isHmrcError } from '../errors/hmrc-error';
import {
  checkRelationshipRequestSchema,
  createInvitationRequestSchema,
  deauthoriseRequestSchema,
  invitationListResponseSchema,
  invitationResponseSchema,
  type CheckRelationshipRequest,
  type CreateInvitationRequest,
  type DeauthoriseRequest,
  type InvitationResponse,
} from '../schemas/agent-authorisation';
import { pathParam, validBody } from './request-checks';

/**
 * Agent Authorisation [agent-authorisation-api application.yaml]: an agent asks a client for
 * authority, tracks and cancels the requests, and checks a relationship. Every request goes
 * out as 1.0, the version HMRC's MTD guide links; only de-authorise, which 1.0 does not have,
 * is sent as 2.0 (SOURCES.md: "2.0 is 1.0 plus PUT /agents/{arn}/deauthorise-client").
 * Needs the agent scopes read/write:sent-invitations, write:cancel-invitations,
 * read:check-relationship and write:relationships.
 */
const arnSchema = z.string().regex(/^[A-Z]ARN[0-9]{7}$/);
/** HMRC's ids are 13 letters and digits [AA invitationIdParameter example CS5AK7O8FPC43]. */
const invitationIdSchema = z.string().regex(/^[A-Z0-9]{13}$/);

const base = (arn: string) => `/agents/${pathParam(arn, arnSchema, 'AGENT_REFERENCE_FORMAT')}`;

/** The request's id, from the Location HMRC answers with: `/agents/{arn}/invitations/{id}`. */
export function invitationIdFromLocation(location: string | undefined): string | undefined {
  const id = location?.match(/\/invitations\/([^/?#]+)$/)?.[1];
  return id && invitationIdSchema.safeParse(id).success ? id : undefined;
}

/** Create Invitation: `POST /agents/{arn}/invitations`, 204 with the new request's Location. */
export async function createInvitation(
  client: HmrcTransport,
  arn: string,
  body: CreateInvitationRequest,
  options?: CallOptions,
): Promise<HmrcResult<undefined> & { invitationId: string | undefined }> {
  const result = await client.send(
    {
      api: 'agent-authorisation',
      method: 'POST',
      template: '/agents/{arn}/invitations',
      path: `${base(arn)}/invitations`,
      body: validBody(createInvitationRequestSchema, body),
    },
    options,
  );
  return { ...result, invitationId: invitationIdFromLocation(result.location) };
}

/** Get all requests of the last 30 days: `GET /agents/{arn}/invitations` (204 when none). */
export async function listInvitations(
  client: HmrcTransport,
  arn: string,
  options?: CallOptions,
): Promise<HmrcResult<InvitationResponse[]>> {
  return client.send(
    {
      api: 'agent-authorisation',
      method: 'GET',
      template: '/agents/{arn}/invitations',
      path: `${base(arn)}/invitations`,
      // 204 No Content has no body at all: that is an empty list.
      response: z
        .union([invitationListResponseSchema, z.literal(''), z.undefined(), z.null()])
        .transform((v) => (Array.isArray(v) ? v : [])),
    },
    options,
  );
}

/** `GET /agents/{arn}/invitations/{invitationId}` */
export async function getInvitation(
  client: HmrcTransport,
  arn: string,
  invitationId: string,
  options?: CallOptions,
): Promise<HmrcResult<InvitationResponse>> {
  const id = pathParam(invitationId, invitationIdSchema, 'INVITATION_ID_FORMAT');
  return client.send(
    {
      api: 'agent-authorisation',
      method: 'GET',
      template: '/agents/{arn}/invitations/{invitationId}',
      path: `${base(arn)}/invitations/${id}`,
      response: invitationResponseSchema,
    },
    options,
  );
}

/** Cancel: `DELETE /agents/{arn}/invitations/{invitationId}`, 204; pending requests only. */
export async function cancelInvitation(
  client: HmrcTransport,
  arn: string,
  invitationId: string,
  options?: CallOptions,
): Promise<HmrcResult<undefined>> {
  const id = pathParam(invitationId, invitationIdSchema, 'INVITATION_ID_FORMAT');
  return client.send(
    {
      api: 'agent-authorisation',
      method: 'DELETE',
      template: '/agents/{arn}/invitations/{invitationId}',
      path: `${base(arn)}/invitations/${id}`,
    },
    options,
  );
}

/**
 * Get Status of a Relationship: `POST /agents/{arn}/relationships`. 204 means the agent holds
 * that relationship; 404 RELATIONSHIP_NOT_FOUND that it does not, which is an answer, not an
 * error. Nothing is created, so HMRC's answer is the same however often it is asked.
 */
export async function checkRelationship(
  client: HmrcTransport,
  arn: string,
  body: CheckRelationshipRequest,
  options?: CallOptions,
): Promise<{ held: boolean; correlationId: string | undefined }> {
  try {
    const result = await client.send(
      {
        api: 'agent-authorisation',
        method: 'POST',
        template: '/agents/{arn}/relationships',
        path: `${base(arn)}/relationships`,
        body: validBody(checkRelationshipRequestSchema, body),
      },
      options,
    );
    return { held: true, correlationId: result.correlationId };
  } catch (error) {
    if (isHmrcError(error) && error.status === 404 && error.code === 'RELATIONSHIP_NOT_FOUND')
      return { held: false, correlationId: error.correlationId };
    throw error;
  }
}

/** De-authorise a client (2.0 only): `PUT /agents/{arn}/deauthorise-client`, 204. */
export async function deauthoriseClient(
  client: HmrcTransport,
  arn: string,
  body: DeauthoriseRequest,
  options?: CallOptions,
): Promise<HmrcResult<undefined>> {
  return client.send(
    {
      api: 'agent-authorisation-deauthorise',
      method: 'PUT',
      template: '/agents/{arn}/deauthorise-client',
      path: `${base(arn)}/deauthorise-client`,
      body: validBody(deauthoriseRequestSchema, body),
    },
    options,
  );
}
