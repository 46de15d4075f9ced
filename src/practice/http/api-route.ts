import { randomUUID } from 'node:crypto';
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { type PracticeClock } from '../clock';
import { type FraudFeedbackStore } from '../fraud-headers/feedback-store';
import { validateFraudHeaders } from '../fraud-headers/validate';
import { type TokenStore } from '../oauth/token-store';
import { type GrantRecord, type UserRecord } from '../state/model';
import { type PracticeStore } from '../state/store';
import { isoTimestamp } from '../tax/dates';
import { SANDBOX_DEFAULT } from '../scenarios/gov-test-scenario';
import { ApiError, E, errorBody, type MtdError } from './mtd-errors';
import { type RateLimiter } from './rate-limiter';

/** The APIs Practice HMRC serves, named as HMRC's repositories and spec folders name them. */
export type ApiName =
  | 'business-details-api'
  | 'obligations-api'
  | 'self-employment-business-api'
  | 'property-business-api'
  | 'individual-calculations-api'
  | 'self-assessment-individual-details-api'
  | 'individuals-savings-income-api'
  | 'individuals-dividends-income-api'
  | 'individuals-reliefs-api'
  | 'individual-losses-api'
  | 'self-assessment-bsas-api'
  | 'self-assessment-biss-api'
  | 'agent-authorisation-api'
  | 'mtd-sa-test-support-api'
  | 'txm-fph-validator-api'
  | 'api-platform-test-user'
  | 'practice-admin';

/**
 * Accept header versions per API: `application/vnd.hmrc.{version}+json`. [reference §3.1-§3.2]
 * Individual Calculations is 8.0, the version live in Production (9.0 is not released there).
 * Versions of the APIs added with the rest of the return are those in hmrc-specs/SOURCES.md.
 */
export const API_VERSIONS: Record<ApiName, string> = {
  'business-details-api': '2.0',
  'obligations-api': '3.0',
  'self-employment-business-api': '5.0',
  'property-business-api': '6.0',
  'individual-calculations-api': '8.0',
  'self-assessment-individual-details-api': '2.0',
  'individuals-savings-income-api': '2.0',
  'individuals-dividends-income-api': '2.0',
  'individuals-reliefs-api': '3.0',
  'individual-losses-api': '7.0',
  'self-assessment-bsas-api': '7.0',
  'self-assessment-biss-api': '3.0',
  // HMRC's end-to-end guide links 1.0; 2.0 is 1.0 plus de-authorise. [SOURCES.md agent-authorisation-api]
  'agent-authorisation-api': '1.0',
  'mtd-sa-test-support-api': '1.0',
  'txm-fph-validator-api': '1.0',
  'api-platform-test-user': '1.0',
  'practice-admin': '1.0',
};

/**
 * APIs live in more than one version at once. Individual Losses 6.0 serves tax years up to
 * 2025-26 and 7.0 from 2026-27, with different resources [SOURCES.md individual-losses-api-6.0];
 * Agent Authorisation answers 1.0 and 2.0 (conf/application.conf api.supported-versions).
 */
const LIVE_VERSIONS: Partial<Record<ApiName, readonly string[]>> = {
  'individual-losses-api': ['6.0', '7.0'],
  'agent-authorisation-api': ['1.0', '2.0'],
};

/** Every version of an API that Practice HMRC answers. */
export function liveVersions(api: ApiName): readonly string[] {
  return LIVE_VERSIONS[api] ?? [API_VERSIONS[api]];
}

export interface ApiDeps {
  /**
   * What a request without Gov-Test-Scenario gets: the stateful behaviour (HMRC production's),
   * or the sandbox's canned default answer for each endpoint.
   */
  withoutScenario: () => 'stateful' | 'sandbox-default';
  store: PracticeStore;
  tokens: TokenStore;
  rateLimiter: RateLimiter;
  feedback: FraudFeedbackStore;
  clock: PracticeClock;
}

export interface ApiContext {
  req: FastifyRequest;
  api: ApiName;
  clientId: string;
  grant: GrantRecord;
  /** The signed-in user for user-restricted endpoints. */
  user: UserRecord | undefined;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The `Gov-Test-Scenario` header, if any. */
  scenario: string | undefined;
  /** The parsed JSON body, or undefined when none was sent. */
  body: unknown;
  /** The API version the Accept header asked for. */
  version: string;
}

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Restriction = 'user' | 'application' | 'any';

export interface ApiRouteDefinition {
  method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  url: string;
  api: ApiName;
  /** user: user-restricted endpoint (the ITSA APIs); application: server token only; any: either. */
  restriction: Restriction;
  /** Whether the endpoint reads a JSON body. */
  jsonBody?: boolean;
  /**
   * The API versions that have this endpoint (default: the API's one version). A request for
   * another live version of the API finds no such resource: 404, as HMRC's version routing
   * answers. [hmrc/individual-losses-api app/routing/VersionRoutingRequestHandler.scala]
   */
  versions?: readonly string[];
  /**
   * The OAuth scope the endpoint needs. The ITSA APIs use read:self-assessment for GET and
   * write:self-assessment otherwise [reference §2.9]; Agent Authorisation names its own scopes
   * per endpoint. [agent-authorisation-api/application.yaml security]
   */
  scope?: string;
  handler: (ctx: ApiContext) => ApiResponse | Promise<ApiResponse>;
}

function sendError(reply: FastifyReply, status: number, errors: MtdError[]): FastifyReply {
  return reply.code(status).header('content-type', 'application/json').send(errorBody(errors));
}

/** The first of `versions` the Accept header asks for, if any. */
function acceptedVersion(
  header: string | undefined,
  versions: readonly string[],
): string | undefined {
  if (!header) return undefined;
  const asked = header.split(',').map((part) => part.split(';')[0]?.trim().toLowerCase());
  return versions.find((v) => asked.includes(`application/vnd.hmrc.${v}+json`));
}

/**
 * Parses the body as HMRC's APIs do: an empty body is left for the endpoint to refuse
 * (RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED), a non-JSON content type is 415 INVALID_BODY_TYPE and
 * malformed JSON is 400 INVALID_REQUEST. [hmrc/*-api app/utils/ErrorHandler.scala]
 */
function parseJsonBody(req: FastifyRequest): unknown {
  const raw = typeof req.body === 'string' ? req.body : '';
  if (raw.trim() === '') return undefined;
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json' && type !== 'text/json')
    throw new ApiError(415, [E.invalidBodyType]);
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new ApiError(400, [E.invalidRequest]);
  }
}

/**
 * Registers an API endpoint behind the API platform's checks, in the order the platform makes
 * them: Accept header (406), bearer token (401), rate limit (429), scope (403). Fraud prevention
 * headers are checked and kept for validation feedback, but never block the request, as on
 * HMRC's APIs. [reference §3.1, §3.6, §3.7, §2.9, §4.5]
 */
export function registerApiRoute(
  app: FastifyInstance,
  deps: ApiDeps,
  def: ApiRouteDefinition,
): void {
  app.route({
    method: def.method,
    url: def.url,
    handler: async (req, reply) => {
      try {
        const version = acceptedVersion(req.headers.accept, liveVersions(def.api));
        if (!version) return sendError(reply, 406, [E.acceptHeaderInvalid]);
        if (!(def.versions ?? [API_VERSIONS[def.api]]).includes(version)) {
          return sendError(reply, 404, [E.platformNotFound]);
        }
        const auth = req.headers.authorization;
        if (!auth) return sendError(reply, 401, [E.missingCredentials]);
        const match = /^Bearer\s+(\S+)\s*$/i.exec(auth);
        if (!match) return sendError(reply, 401, [E.invalidCredentials]);
        const lookup = deps.tokens.lookupAccessToken(match[1] as string);
        if (lookup.status !== 'valid') return sendError(reply, 401, [E.invalidCredentials]);
        const { grant } = lookup;
        const user = grant.userId ? deps.store.user(grant.userId) : undefined;
        // A server token on a user-restricted endpoint (or the reverse) is the wrong token type. [reference §3.6]
        if (def.restriction === 'user' && !grant.userId)
          return sendError(reply, 401, [E.incorrectAccessTokenType]);
        if (def.restriction === 'application' && grant.userId)
          return sendError(reply, 401, [E.incorrectAccessTokenType]);
        if (grant.userId && !user) return sendError(reply, 401, [E.invalidCredentials]);

        if (!deps.rateLimiter.tryAcquire(grant.clientId))
          return sendError(reply, 429, [E.throttled]);

        if (def.restriction === 'user') {
          // GET needs read:self-assessment; PUT/POST/DELETE need write:self-assessment. [reference §2.9]
          const needed =
            def.scope ?? (def.method === 'GET' ? 'read:self-assessment' : 'write:self-assessment');
          if (!grant.scopes.includes(needed)) return sendError(reply, 403, [E.invalidScope]);
        }

        // An empty path segment matches none of the API's routes: HMRC answers 404
        // MATCHING_RESOURCE_NOT_FOUND, not a format error. [hmrc/business-details-api
        // it/test/v2/listAllBusinesses/ListAllBusinessesControllerISpec.scala ("", NOT_FOUND,
        // NotFoundError); app/api/utils/ErrorHandler.scala onClientError NOT_FOUND]
        if (Object.values((req.params ?? {}) as Record<string, string>).some((v) => v === '')) {
          return sendError(reply, 404, [E.notFound]);
        }

        if (def.api !== 'txm-fph-validator-api') {
          deps.feedback.record(grant.clientId, def.api, {
            method: def.method,
            path: req.url.split('?')[0] ?? req.url,
            requestedAt: isoTimestamp(deps.clock.now()),
            report: validateFraudHeaders(req.headers),
          });
        }

        const scenarioHeader = req.headers['gov-test-scenario'];
        const ctx: ApiContext = {
          req,
          api: def.api,
          clientId: grant.clientId,
          grant,
          user,
          params: (req.params ?? {}) as Record<string, string>,
          query: new URL(req.url, 'http://practice.invalid').searchParams,
          scenario:
            (Array.isArray(scenarioHeader) ? scenarioHeader[0] : scenarioHeader?.trim()) ??
            (deps.withoutScenario() === 'sandbox-default' ? SANDBOX_DEFAULT : undefined),
          body: def.jsonBody ? parseJsonBody(req) : undefined,
          version,
        };
        const result = await def.handler(ctx);
        reply.code(result.status);
        for (const [name, value] of Object.entries(result.headers ?? {})) reply.header(name, value);
        if (result.body === undefined) return reply.send();
        return reply.header('content-type', 'application/json').send(result.body);
      } catch (err) {
        if (err instanceof ApiError) {
          for (const [name, value] of Object.entries(err.headers)) reply.header(name, value);
          return sendError(reply, err.status, err.errors);
        }
        throw err;
      }
    },
  });
}

/** An X-CorrelationId for every response: HMRC's is a 36-character id. [reference §3.1] */
export function newCorrelationId(): string {
  return randomUUID();
}
