import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { E, errorBody, type MtdError } from '../http/mtd-errors';
import { GrantEnder, type GrantControl } from './grant-end';
import { seededRandom } from './seeded-random';

/**
 * Faults for testing the app's resilience, off by default and set per server instance. They
 * apply to API requests (and, if asked, to /oauth/token), never to the browser pages.
 */
export interface FaultConfig {
  /** Added delay before every affected request is handled, in milliseconds. */
  latencyMs: number;
  /** Share (0-1) of requests answered with a server error from `serverErrorStatuses`. */
  serverErrorRate: number;
  /** Which server errors to use, picked evenly (HMRC's 500 INTERNAL_SERVER_ERROR, 503 SERVER_ERROR, 504 GATEWAY_TIMEOUT). */
  serverErrorStatuses: (500 | 503 | 504)[];
  /** Share (0-1) of requests whose connection is destroyed without any answer. */
  dropRate: number;
  /**
   * When a dropped request is dropped: 'before' the server acts on it (nothing happened),
   * 'after' (the change is stored but the answer is lost, so clients must rely on
   * idempotency), or 'either', chosen at random per request.
   */
  dropWhen: 'before' | 'after' | 'either';
  /** Share (0-1) of requests answered 429 MESSAGE_THROTTLED_OUT whatever the rate limit says. */
  throttleRate: number;
  /** Seed for the random choices: the same seed and request order give the same faults. */
  seed: number | undefined;
  /** Also affect POST /oauth/token. */
  includeTokenEndpoint: boolean;
  /**
   * End the grant once this many cumulative updates have arrived (grant-end.ts): those are
   * handled as usual; the next one, and every later API request with that grant's tokens, gets
   * 401 INVALID_CREDENTIALS, and refreshing it gets invalid_grant. Fires once per setting.
   */
  endGrantAfterUpdates: number | undefined;
}

export const NO_FAULTS: FaultConfig = {
  latencyMs: 0,
  serverErrorRate: 0,
  serverErrorStatuses: [500, 503, 504],
  dropRate: 0,
  dropWhen: 'either',
  throttleRate: 0,
  seed: undefined,
  includeTokenEndpoint: false,
  endGrantAfterUpdates: undefined,
};

type Decision =
  | { kind: 'none' }
  | { kind: 'drop'; when: 'before' | 'after' }
  | { kind: 'error'; status: number; error: MtdError };

const SERVER_ERRORS: Record<number, MtdError> = {
  500: E.internalServerError,
  503: E.serviceUnavailable,
  504: E.gatewayTimeout,
};

const API_PREFIXES = [
  '/individuals/',
  '/obligations/',
  '/test/',
  '/create-test-user/',
  '/practice/',
];

export function isApiPath(url: string): boolean {
  return API_PREFIXES.some((p) => url.startsWith(p));
}

export class FaultInjector {
  private config: FaultConfig = { ...NO_FAULTS };
  private random: () => number = Math.random;
  private readonly decisions = new WeakMap<FastifyRequest, Decision>();
  private grantEnder = new GrantEnder(undefined);

  constructor(initial?: Partial<FaultConfig>) {
    if (initial) this.set(initial);
  }

  /** Merges new settings into the current ones; a seed restarts the random sequence. */
  set(faults: Partial<FaultConfig>): void {
    this.config = { ...this.config, ...faults };
    if (faults.seed !== undefined) this.random = seededRandom(faults.seed);
    else if ('seed' in faults) this.random = Math.random;
    if ('endGrantAfterUpdates' in faults) this.grantEnder.reset();
  }

  get current(): FaultConfig {
    return { ...this.config };
  }

  private applies(url: string): boolean {
    return isApiPath(url) || (this.config.includeTokenEndpoint && url.startsWith('/oauth/token'));
  }

  private decide(): Decision {
    const c = this.config;
    const roll = this.random();
    if (roll < c.dropRate) {
      const when =
        c.dropWhen === 'either' ? (this.random() < 0.5 ? 'before' : 'after') : c.dropWhen;
      return { kind: 'drop', when };
    }
    if (roll < c.dropRate + c.throttleRate)
      return { kind: 'error', status: 429, error: E.throttled };
    if (
      roll < c.dropRate + c.throttleRate + c.serverErrorRate &&
      c.serverErrorStatuses.length > 0
    ) {
      const status = c.serverErrorStatuses[
        Math.floor(this.random() * c.serverErrorStatuses.length)
      ] as number;
      return { kind: 'error', status, error: SERVER_ERRORS[status] ?? E.internalServerError };
    }
    return { kind: 'none' };
  }

  /** `grants` lets the grant-ending fault find and end grants; without it that fault is off. */
  register(app: FastifyInstance, grants?: GrantControl): void {
    this.grantEnder = new GrantEnder(grants);
    app.addHook('onRequest', async (req, reply) => {
      if (!this.applies(req.url)) return;
      // Decided on arrival, before any latency, so the count follows arrival order exactly.
      if (isApiPath(req.url) && this.grantEnder.refuses(this.config.endGrantAfterUpdates, req)) {
        return reply
          .code(401)
          .header('content-type', 'application/json')
          .send(errorBody([E.invalidCredentials]));
      }
      if (this.config.latencyMs > 0) await new Promise((r) => setTimeout(r, this.config.latencyMs));
      const decision = this.decide();
      this.decisions.set(req, decision);
      if (decision.kind === 'drop' && decision.when === 'before') {
        reply.hijack();
        req.raw.socket.destroy();
        return reply;
      }
      if (decision.kind === 'error') {
        return reply
          .code(decision.status)
          .header('content-type', 'application/json')
          .send(errorBody([decision.error]));
      }
    });
    app.addHook('onSend', async (req, _reply, payload) => {
      const decision = this.decisions.get(req);
      // The handler has run and its change is stored; the answer never arrives.
      if (decision?.kind === 'drop' && decision.when === 'after') req.raw.socket.destroy();
      return payload;
    });
  }
}
