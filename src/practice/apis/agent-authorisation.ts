import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, type MtdError } from '../http/mtd-errors';
import { type InvitationRecord } from '../state/invitation-model';
import { createInvitation, invitationsOf, statusOf } from '../state/invitations';
import { type AgentRelationship, type UserRecord } from '../state/model';
import { type PracticeStore } from '../state/store';
import { isoTimestamp } from '../tax/dates';

/**
 * Agent Authorisation (1.0; 2.0 adds de-authorise): an agent asks a client for authority for
 * Making Tax Digital for Income Tax as main or supporting agent, tracks and cancels the requests,
 * and checks a relationship. Every code and message is the spec's.
 * [agent-authorisation-api application.yaml; examples/errors/*.json]
 */
const API = 'agent-authorisation-api' as const;

/** [AA examples/errors/*.json; application.yaml components.responses] */
export const AA_ERRORS = {
  badRequest: { code: 'BAD_REQUEST', message: 'Bad Request' },
  serviceNotSupported: {
    code: 'SERVICE_NOT_SUPPORTED',
    message:
      'The service requested is not supported. Check the API documentation to find which services are supported.',
  },
  clientTypeNotSupported: {
    code: 'CLIENT_TYPE_NOT_SUPPORTED',
    message:
      'The client type requested is not supported. Check the API documentation to find which client types are supported.',
  },
  clientIdDoesNotMatchService: {
    code: 'CLIENT_ID_DOES_NOT_MATCH_SERVICE',
    message:
      'The type of client Identifier provided cannot be used with the requested service. Check the API documentation for details of the correct client identifiers to use.',
  },
  clientIdFormatInvalid: {
    code: 'CLIENT_ID_FORMAT_INVALID',
    message:
      'Client identifier must be in the correct format. Check the API documentation to find the correct format.',
  },
  postcodeFormatInvalid: {
    code: 'POSTCODE_FORMAT_INVALID',
    message:
      'Postcode must be in the correct format. Check the API documentation to find the correct format.',
  },
  agentTypeNotSupported: {
    code: 'AGENT_TYPE_NOT_SUPPORTED',
    message:
      'The agent type requested is not supported. Check the API documentation to find which agent types are supported.',
  },
  notAnAgent: {
    code: 'NOT_AN_AGENT',
    message:
      'This user does not have a Government Gateway agent account. They need to create an Government Gateway agent account before they can use this service.',
  },
  noPermissionOnAgency: {
    code: 'NO_PERMISSION_ON_AGENCY',
    message:
      'The user that is signed in cannot access this authorisation request. Their details do not match the agent business that created the authorisation request.',
  },
  clientRegistrationNotFound: {
    code: 'CLIENT_REGISTRATION_NOT_FOUND',
    message: "The details provided for this client do not match HMRC's records.",
  },
  postcodeDoesNotMatch: {
    code: 'POSTCODE_DOES_NOT_MATCH',
    message: "The postcode provided does not match HMRC's record for the client.",
  },
  duplicateAuthorisationRequest: {
    code: 'DUPLICATE_AUTHORISATION_REQUEST',
    message:
      'An authorisation request for this service has already been created and is awaiting the client’s response.',
  },
  alreadyAuthorised: {
    code: 'ALREADY_AUTHORISED',
    message:
      'The client has already authorised the agent for this service. The agent does not need ask the client for this authorisation again.',
  },
  invitationNotFound: {
    code: 'INVITATION_NOT_FOUND',
    message: 'The authorisation request cannot be found.',
  },
  invalidInvitationStatus: {
    code: 'INVALID_INVITATION_STATUS',
    message:
      'This authorisation request cannot be cancelled as the client has already responded to the request, or the request has expired.',
  },
  relationshipNotFound: {
    code: 'RELATIONSHIP_NOT_FOUND',
    message: 'Relationship is inactive. Agent is not authorised to act for this client.',
  },
  noRelationship: {
    code: 'NO_RELATIONSHIP',
    message: 'The specified relationship does not exist.',
  },
} satisfies Record<string, MtdError>;

const fail = (status: number, error: MtdError): never => {
  throw new ApiError(status, [error]);
};

/** [AA application.yaml components.schemas ClientIdNINO, KnownFactPostcode] */
const NINO = /^[ABCEGHJKLMNOPRSTWXYZ][ABCEGHJKLMNPRSTWXYZ]?\d{2}?\d{2}?\d{2}?[A-D]{1}$/;
const POSTCODE = /^[A-Z]{1,2}[0-9][0-9A-Z]?\s?[0-9][A-Z]{2}$|BFPO\s?[0-9]{1,5}$/;
const normalisePostcode = (p: string) => p.replace(/\s+/g, '').toUpperCase();

/** The signed-in agent acting for the ARN in the path. [AA forbiddenGetInvitations examples] */
function agentFor(ctx: ApiContext): UserRecord {
  const user = ctx.user;
  if (!user || user.kind !== 'agent') return fail(403, AA_ERRORS.notAnAgent);
  if (user.arn !== ctx.params.arn) return fail(403, AA_ERRORS.noPermissionOnAgency);
  return user;
}

interface ItsaRequest {
  nino: string;
  postcode: string | undefined;
  agentType: AgentRelationship;
}

/**
 * Reads an MTD-IT request body, field by field in the order of the spec's error list: service,
 * client type, client id type, client id, known fact, agent type. A missing agent type means
 * main. [AA application.yaml badRequestCreateInvitation, AgentsInvitationsITSARequest,
 * CheckRelationshipITSARequest, DeauthoriseClientITSARequest]
 */
export function readItsaRequest(
  body: unknown,
  needs: { clientType: boolean; knownFact: boolean },
): ItsaRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return fail(400, AA_ERRORS.badRequest);
  const b = body as Record<string, unknown>;
  if (typeof b.service !== 'string') return fail(400, AA_ERRORS.badRequest);
  if (b.service !== 'MTD-IT') return fail(400, AA_ERRORS.serviceNotSupported);
  if (needs.clientType && b.clientType !== 'personal')
    return fail(400, AA_ERRORS.clientTypeNotSupported);
  if (b.clientIdType !== 'ni') return fail(400, AA_ERRORS.clientIdDoesNotMatchService);
  const nino = typeof b.clientId === 'string' ? b.clientId.replace(/\s+/g, '').toUpperCase() : '';
  if (!NINO.test(nino)) return fail(400, AA_ERRORS.clientIdFormatInvalid);
  let postcode: string | undefined;
  if (needs.knownFact) {
    if (typeof b.knownFact !== 'string' || !POSTCODE.test(b.knownFact.toUpperCase()))
      return fail(400, AA_ERRORS.postcodeFormatInvalid);
    postcode = b.knownFact;
  }
  const agentType = b.agentType ?? 'main';
  if (agentType !== 'main' && agentType !== 'supporting')
    return fail(400, AA_ERRORS.agentTypeNotSupported);
  return { nino, postcode, agentType };
}

/** The client must be known and the postcode must be the one HMRC holds. */
function checkKnownFacts(store: PracticeStore, req: ItsaRequest): void {
  const taxpayer = store.taxpayer(req.nino);
  if (!taxpayer) return fail(403, AA_ERRORS.clientRegistrationNotFound);
  if (
    req.postcode !== undefined &&
    normalisePostcode(taxpayer.postcode ?? '') !== normalisePostcode(req.postcode)
  )
    return fail(403, AA_ERRORS.postcodeDoesNotMatch);
}

/**
 * An invitation as the API shows it. The spec declares `service` as an array of one, but its
 * examples (and HMRC's service) answer a string; Practice HMRC answers the string.
 * [AA application.yaml AgentsInvitationsResponse; examples/get-agency-invitation-*.json]
 */
export function invitationJson(
  inv: InvitationRecord,
  now: number,
  baseUrl: string,
): Record<string, unknown> {
  const status = statusOf(inv, now);
  return {
    _links: { self: { href: `/agents/${inv.arn}/invitations/${inv.invitationId}` } },
    created: isoTimestamp(inv.created),
    ...(inv.lastUpdated !== inv.created ? { updated: isoTimestamp(inv.lastUpdated) } : {}),
    arn: inv.arn,
    service: inv.service,
    status,
    ...(status === 'Pending'
      ? {
          expiresOn: inv.expiryDate,
          clientActionUrl: `${baseUrl}/agent-client/invitations/${inv.invitationId}`,
        }
      : {}),
    agentType: inv.agentType,
  };
}

/** The base URL the client's link should use: the host the agent's software called. */
function baseUrlOf(ctx: ApiContext): string {
  return `http://${ctx.req.headers.host ?? '127.0.0.1'}`;
}

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60_000;

export function registerAgentAuthorisation(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;
  const mine = (agent: UserRecord) => invitationsOf(store.data).filter((i) => i.arn === agent.arn);
  const invitation = (ctx: ApiContext, agent: UserRecord): InvitationRecord => {
    const inv = invitationsOf(store.data).find((i) => i.invitationId === ctx.params.invitationId);
    if (!inv) return fail(404, AA_ERRORS.invitationNotFound);
    if (inv.arn !== agent.arn) return fail(403, AA_ERRORS.noPermissionOnAgency);
    return inv;
  };

  registerApiRoute(app, deps, {
    method: 'POST',
    url: '/agents/:arn/invitations',
    api: API,
    versions: ['1.0', '2.0'],
    restriction: 'user',
    scope: 'write:sent-invitations',
    jsonBody: true,
    handler: (ctx) => {
      const agent = agentFor(ctx);
      const req = readItsaRequest(ctx.body, { clientType: true, knownFact: true });
      checkKnownFacts(store, req);
      const existing = agent.clients?.find((c) => c.nino === req.nino);
      if (existing?.relationship === req.agentType) fail(403, AA_ERRORS.alreadyAuthorised);
      const pending = mine(agent).find(
        (i) => i.clientId === req.nino && statusOf(i, clock.now()) === 'Pending',
      );
      if (pending) {
        // The duplicate's location comes with the error. [AA forbiddenCreateInvitation headers.Location]
        throw new ApiError(403, [AA_ERRORS.duplicateAuthorisationRequest], {
          location: `/agents/${pending.arn}/invitations/${pending.invitationId}`,
        });
      }
      const inv = createInvitation(store.data, agent, req.nino, req.agentType, clock.now());
      store.changed();
      return {
        status: 204,
        headers: { location: `/agents/${inv.arn}/invitations/${inv.invitationId}` },
      };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: '/agents/:arn/invitations',
    api: API,
    versions: ['1.0', '2.0'],
    restriction: 'user',
    scope: 'read:sent-invitations',
    handler: (ctx) => {
      const agent = agentFor(ctx);
      const since = clock.now() - THIRTY_DAYS_MS;
      const list = mine(agent).filter((i) => i.created >= since);
      if (list.length === 0) return { status: 204 };
      return {
        status: 200,
        body: list.map((i) => invitationJson(i, clock.now(), baseUrlOf(ctx))),
      };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: '/agents/:arn/invitations/:invitationId',
    api: API,
    versions: ['1.0', '2.0'],
    restriction: 'user',
    scope: 'read:sent-invitations',
    handler: (ctx) => {
      const inv = invitation(ctx, agentFor(ctx));
      return { status: 200, body: invitationJson(inv, clock.now(), baseUrlOf(ctx)) };
    },
  });

  registerApiRoute(app, deps, {
    method: 'DELETE',
    url: '/agents/:arn/invitations/:invitationId',
    api: API,
    versions: ['1.0', '2.0'],
    restriction: 'user',
    scope: 'write:cancel-invitations',
    handler: (ctx) => {
      const inv = invitation(ctx, agentFor(ctx));
      if (statusOf(inv, clock.now()) !== 'Pending') fail(403, AA_ERRORS.invalidInvitationStatus);
      inv.status = 'Cancelled';
      inv.lastUpdated = clock.now();
      store.changed();
      return { status: 204 };
    },
  });

  registerApiRoute(app, deps, {
    method: 'POST',
    url: '/agents/:arn/relationships',
    api: API,
    versions: ['1.0', '2.0'],
    restriction: 'user',
    scope: 'read:check-relationship',
    jsonBody: true,
    handler: (ctx) => {
      const agent = agentFor(ctx);
      const req = readItsaRequest(ctx.body, { clientType: false, knownFact: true });
      checkKnownFacts(store, req);
      // The relationship of the type asked (main when none is given). [AA application.yaml
      // CheckRelationshipITSARequest agentType; post-agency-check-relationship-itsa-supp-example.json]
      const held = agent.clients?.find((c) => c.nino === req.nino)?.relationship;
      if (held !== req.agentType) fail(404, AA_ERRORS.relationshipNotFound);
      return { status: 204 };
    },
  });

  // De-authorise: 2.0 only. [SOURCES.md agent-authorisation-api: "2.0 is 1.0 plus PUT
  // /agents/{arn}/deauthorise-client and scope write:relationships"]
  registerApiRoute(app, deps, {
    method: 'PUT',
    url: '/agents/:arn/deauthorise-client',
    api: API,
    versions: ['2.0'],
    restriction: 'user',
    scope: 'write:relationships',
    jsonBody: true,
    handler: (ctx) => {
      const agent = agentFor(ctx);
      const req = readItsaRequest(ctx.body, { clientType: true, knownFact: false });
      const held = agent.clients?.find((c) => c.nino === req.nino)?.relationship;
      if (held !== req.agentType) fail(403, AA_ERRORS.noRelationship);
      agent.clients = (agent.clients ?? []).filter((c) => c.nino !== req.nino);
      for (const inv of mine(agent)) {
        if (inv.clientId === req.nino && inv.status === 'Accepted') {
          inv.status = 'Deauthorised';
          inv.lastUpdated = clock.now();
        }
      }
      store.changed();
      return { status: 204 };
    },
  });
}
