import Fastify, { type FastifyInstance } from 'fastify';
import { registerAccountingType } from './apis/accounting-type';
import { registerAgentAuthorisation } from './apis/agent-authorisation';
import { registerAgentClientPages } from './apis/agent-client-pages';
import { registerBroughtForwardLosses } from './apis/brought-forward-losses';
import { registerBsas } from './apis/bsas';
import { registerBsasSummaries } from './apis/bsas-summaries';
import { registerBusinessDetails } from './apis/business-details';
import { registerBusinessIncomeSummary } from './apis/business-income-summary';
import { registerCreateTestUser } from './apis/create-test-user';
import { registerForeignPropertyCumulative } from './apis/foreign-property-cumulative';
import { registerForeignPropertyDetails } from './apis/foreign-property-details';
import { registerHomePage } from './apis/home-page';
import { registerIndividualCalculations } from './apis/individual-calculations';
import { registerItsaStatus } from './apis/itsa-status';
import { registerLateAccountingDateRule } from './apis/late-accounting-date-rule';
import { registerLossClaims } from './apis/loss-claims';
import { registerLossesAndClaims } from './apis/losses-and-claims';
import { registerObligations } from './apis/obligations';
import { registerOtherIncome } from './apis/other-income';
import { registerPeriodsOfAccount } from './apis/periods-of-account';
import { registerPropertyAnnual } from './apis/property-annual';
import { registerPropertyCumulative } from './apis/property-cumulative';
import { registerSavingsAccounts } from './apis/savings-accounts';
import { registerSelfEmploymentAnnual } from './apis/self-employment-annual';
import { registerSelfEmploymentCumulative } from './apis/self-employment-cumulative';
import { registerTestSupport } from './apis/test-support';
import { type PracticeClock, createOffsetClock } from './clock';
import { type FaultConfig, FaultInjector, isApiPath } from './faults/fault-injection';
import { grantControl } from './faults/grant-end';
import { type FraudHeaderFeedback, FraudFeedbackStore } from './fraud-headers/feedback-store';
import { registerFraudHeaderRoutes } from './fraud-headers/routes';
import { type ApiDeps, newCorrelationId } from './http/api-route';
import { E, errorBody } from './http/mtd-errors';
import { RateLimiter } from './http/rate-limiter';
import { registerJourneyRoutes } from './oauth/journey-routes';
import { JourneyStore } from './oauth/journey-store';
import { registerTokenEndpoint } from './oauth/token-endpoint';
import { TokenStore } from './oauth/token-store';
import { PRACTICE_CLIENT, type RegisteredClient } from './registered-client';
import { type AgentRelationship } from './state/model';
import { type PracticeTestUser, describeUser } from './state/public-users';
import { seedState } from './state/seed';
import { seedPendingInvitation } from './state/seed-return';
import { topUpSeededUsers } from './state/seed-top-up';
import { PracticeStore } from './state/store';
import {
  type NewAgent,
  type NewBusiness,
  type NewIndividual,
  addBusiness,
  authoriseAgent,
  createAgent,
  createIndividual,
} from './state/test-users';

export type { FaultConfig } from './faults/fault-injection';
export type { FraudHeaderFeedback } from './fraud-headers/feedback-store';
export type { FraudHeaderReport, HeaderIssue } from './fraud-headers/validate';
export type { OffsetClock, PracticeClock } from './clock';
export type { NewAgent, NewBusiness, NewIndividual } from './state/test-users';
export type { PracticeBusiness, PracticeTestUser } from './state/public-users';
export type { RegisteredClient } from './registered-client';
export { createOffsetClock, systemClock } from './clock';
export { NO_FAULTS } from './faults/fault-injection';
export { validateFraudHeaders } from './fraud-headers/validate';
export { PRACTICE_FIGURES_NOTICE } from './apis/calculation-document';
export { SEEDED } from './state/seed';
export {
  PRACTICE_APPLICATION_NAME,
  PRACTICE_CLIENT,
  PRACTICE_CLIENT_ID,
  PRACTICE_CLIENT_SECRET,
  PRACTICE_REDIRECT_URIS,
  SUPPORTED_SCOPES,
} from './registered-client';
export { ACCESS_TOKEN_SECONDS, AUTH_CODE_TTL_MS, GRANT_LENGTH_MS } from './oauth/token-store';

/** Options for {@link startPracticeHmrc}. */
export interface PracticeHmrcOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to listen on; 127.0.0.1 by default (Practice HMRC is never exposed beyond the machine). */
  host?: string;
  /**
   * JSON file to keep state in (users, businesses, submissions, calculations, grants). Loaded on
   * start if it exists, otherwise seeded; written shortly after every change (temp file + rename).
   * Without it, state lives in memory only.
   */
  dataFile?: string;
  /** The clock behind every date and lifetime; pass {@link createOffsetClock} to move time in tests. */
  clock?: PracticeClock;
  /** Faults to start with (off by default). */
  faults?: Partial<FaultConfig>;
  /** Requests per rolling second per client id before 429 MESSAGE_THROTTLED_OUT (HMRC: 3). 0 or Infinity turns it off. */
  rateLimitPerSecond?: number;
  /**
   * The monotonic milliseconds the rate limit's rolling second is measured in (default
   * performance.now). Tests pass a virtual clock so the limit never depends on machine load.
   */
  rateLimitClock?: () => number;
  /** How long a token refresh takes; a second refresh of the same grant meanwhile gets "Refresh operation is already in progress". Default 0. */
  refreshProcessingMs?: number;
  /** Waits out that time: a real timer by default; tests hold a refresh open until they release it. */
  refreshWait?: (ms: number) => Promise<void>;
  /**
   * How long a triggered calculation takes before it can be retrieved; until then retrieve is 404
   * and a second trigger is RULE_CALCULATION_IN_PROGRESS. Default 5000, as HMRC advises waiting
   * at least 5 seconds [IC trigger.yaml; reference §5.7 step 3]. Measured on `clock`, so tests
   * move the clock instead of waiting.
   */
  calculationDelayMs?: number | undefined;
  /**
   * How long after an update or final declaration its obligation shows as fulfilled. Default
   * one hour, HMRC's "may take up to an hour" [reference §5.2], so an app that expects it at once
   * finds out here; tests of other things may pass 0. Measured on `clock`.
   */
  obligationFulfilmentDelayMs?: number;
  /**
   * What a request without a Gov-Test-Scenario header gets. 'stateful' (the default): the real
   * behaviour against Practice HMRC's state, as HMRC production behaves and as HMRC's sandbox
   * does with `STATEFUL`. 'sandbox-default': what HMRC's sandbox answers without the header, each
   * endpoint's canned "N/A - DEFAULT" success, storing nothing. [reference §3.8]
   */
  withoutScenario?: 'stateful' | 'sandbox-default';
  /** Reserved for loggers: Practice HMRC itself never writes to the console. */
  quiet?: boolean;
}

/** A running Practice HMRC. */
export interface PracticeHmrc {
  /** e.g. `http://127.0.0.1:41234`: serves `/oauth/authorize` (browser pages), `/oauth/token` and every API path. */
  baseUrl: string;
  /** The registered practice application. */
  client: { clientId: string; clientSecret: string; redirectUris: string[] };
  /** The practice users (seeded and created), as they are now. */
  readonly testUsers: PracticeTestUser[];
  /** The clock in use (an offset clock unless one was passed in). */
  clock: PracticeClock;
  /** Changes fault injection; merged into the current settings. `setFaults(NO_FAULTS)` turns all off. */
  setFaults(faults: Partial<FaultConfig>): void;
  /** Current fault settings. */
  readonly faults: FaultConfig;
  /** Changes the rate limit (requests per rolling second per client id; 0 turns it off). */
  setRateLimit(perSecond: number): void;
  /** Changes how long token refreshes take. */
  setRefreshProcessingMs(ms: number): void;
  /** Changes how long calculations take. */
  setCalculationDelayMs(ms: number): void;
  /** Changes how long fulfilled obligations take to show as fulfilled. */
  setObligationFulfilmentDelayMs(ms: number): void;
  /** Changes what requests without Gov-Test-Scenario get. */
  setWithoutScenario(mode: 'stateful' | 'sandbox-default'): void;
  /** Creates an individual (with businesses, if given) and returns the new practice user. */
  createIndividual(input?: NewIndividual): PracticeTestUser;
  /** Creates an agent services account, optionally with clients, and returns it. */
  createAgent(input?: NewAgent): PracticeTestUser;
  /** Adds a business to an existing individual; returns its business id. */
  addBusiness(nino: string, business: NewBusiness): string;
  /** Records that the client with `nino` has authorised the agent (as main or supporting agent). */
  authoriseAgent(agentUserId: string, nino: string, relationship: AgentRelationship): void;
  /** Last request's fraud prevention header result per API, for a client id (default: the practice client). */
  fraudHeaderFeedback(clientId?: string): Record<string, FraudHeaderFeedback>;
  /** Writes pending state to the data file now. */
  flush(): Promise<void>;
  /** Stops listening and writes pending state. */
  stop(): Promise<void>;
}

interface Settings {
  rateLimit: number;
  refreshMs: number;
  calculationMs: number;
  fulfilmentMs: number;
  withoutScenario: 'stateful' | 'sandbox-default';
}

/** HMRC: wait at least 5 s before retrieving a calculation. [IC trigger.yaml] */
const DEFAULT_CALCULATION_MS = 5_000;
/** HMRC: an obligation may take up to an hour to show as fulfilled. [reference §5.2] */
const DEFAULT_FULFILMENT_MS = 60 * 60_000;

function buildApp(
  store: PracticeStore,
  clock: PracticeClock,
  settings: Settings,
  faults: FaultInjector,
  feedback: FraudFeedbackStore,
  clients: RegisteredClient[],
  timing: Pick<PracticeHmrcOptions, 'rateLimitClock' | 'refreshWait'>,
): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 1_048_576 });
  // Bodies arrive as text: each endpoint parses them as HMRC does (JSON or form-encoded).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('X-CorrelationId', newCorrelationId());
  });
  const tokens = new TokenStore(store, clock);
  faults.register(app, grantControl(tokens, store, clock));

  const deps: ApiDeps = {
    withoutScenario: () => settings.withoutScenario,
    store,
    tokens,
    rateLimiter: new RateLimiter(() => settings.rateLimit, timing.rateLimitClock),
    feedback,
    clock,
  };
  registerHomePage(app, clients[0] as RegisteredClient, () =>
    store.data.users.map((u) => describeUser(store, u, clock.now())),
  );
  registerJourneyRoutes(app, { store, tokens, journeys: new JourneyStore(clock), clients });
  registerTokenEndpoint(app, {
    store,
    tokens,
    clients,
    clock,
    refreshProcessingMs: () => settings.refreshMs,
    ...(timing.refreshWait ? { refreshWait: timing.refreshWait } : {}),
  });
  registerBusinessDetails(app, deps);
  registerAccountingType(app, deps);
  registerPeriodsOfAccount(app, deps);
  registerLateAccountingDateRule(app, deps);
  registerObligations(app, { ...deps, fulfilmentDelayMs: () => settings.fulfilmentMs });
  registerSelfEmploymentCumulative(app, deps);
  registerSelfEmploymentAnnual(app, deps);
  registerPropertyCumulative(app, deps);
  registerPropertyAnnual(app, deps);
  registerForeignPropertyCumulative(app, deps);
  registerForeignPropertyDetails(app, deps);
  registerIndividualCalculations(app, {
    ...deps,
    calculationDelayMs: () => settings.calculationMs,
  });
  registerItsaStatus(app, deps);
  registerSavingsAccounts(app, deps);
  registerOtherIncome(app, deps);
  registerLossesAndClaims(app, deps);
  registerBroughtForwardLosses(app, deps);
  registerLossClaims(app, deps);
  registerBusinessIncomeSummary(app, deps);
  registerBsas(app, deps);
  registerBsasSummaries(app, deps);
  registerAgentAuthorisation(app, deps);
  registerAgentClientPages(app, { store, clock });
  registerTestSupport(app, deps);
  registerCreateTestUser(app, deps);
  registerFraudHeaderRoutes(app, deps);

  app.setNotFoundHandler((req, reply) => {
    // The API platform's answer for a path no API serves. [reference §3.6]
    if (isApiPath(req.url) || req.url.startsWith('/oauth/token')) {
      return reply
        .code(404)
        .header('content-type', 'application/json')
        .send(errorBody([E.platformNotFound]));
    }
    return reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('Not found');
  });
  app.setErrorHandler((_err, _req, reply) => {
    reply
      .code(500)
      .header('content-type', 'application/json')
      .send(errorBody([E.internalServerError]));
  });
  return app;
}

/** A fresh state: the seeded users, and the seeded agent's pending request made now. */
function seededAt(now: number) {
  const data = seedState();
  seedPendingInvitation(data, now);
  return data;
}

/**
 * Starts Practice HMRC: HMRC's OAuth grant journey and token endpoint plus the ITSA APIs the
 * app uses, on 127.0.0.1. It behaves as HMRC publishes (reference/hmrc-protocol.md and HMRC's
 * OAS specs), independently of the app: it shares no code with src/main or src/shared.
 */
export async function startPracticeHmrc(options: PracticeHmrcOptions = {}): Promise<PracticeHmrc> {
  const clock: PracticeClock = options.clock ?? createOffsetClock();
  const loaded = options.dataFile ? await PracticeStore.readFile(options.dataFile) : undefined;
  const store = new PracticeStore(loaded ?? seededAt(clock.now()), options.dataFile);
  if (!loaded || topUpSeededUsers(loaded, seedState())) store.changed();
  const settings = {
    rateLimit: options.rateLimitPerSecond ?? 3,
    refreshMs: options.refreshProcessingMs ?? 0,
    calculationMs: options.calculationDelayMs ?? DEFAULT_CALCULATION_MS,
    fulfilmentMs: options.obligationFulfilmentDelayMs ?? DEFAULT_FULFILMENT_MS,
    withoutScenario: options.withoutScenario ?? 'stateful',
  };
  const faults = new FaultInjector(options.faults);
  const feedback = new FraudFeedbackStore();
  const clients = [PRACTICE_CLIENT];
  const app = buildApp(store, clock, settings, faults, feedback, clients, options);
  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host ?? '127.0.0.1';
  const baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const describe = (userId: string) =>
    describeUser(
      store,
      store.user(userId) as NonNullable<ReturnType<PracticeStore['user']>>,
      clock.now(),
    );

  return {
    baseUrl,
    client: {
      clientId: PRACTICE_CLIENT.clientId,
      clientSecret: PRACTICE_CLIENT.clientSecret,
      redirectUris: [...PRACTICE_CLIENT.redirectUris],
    },
    get testUsers() {
      return store.data.users.map((u) => describeUser(store, u, clock.now()));
    },
    clock,
    setFaults: (f) => faults.set(f),
    get faults() {
      return faults.current;
    },
    setRateLimit: (n) => {
      settings.rateLimit = n;
    },
    setRefreshProcessingMs: (ms) => {
      settings.refreshMs = ms;
    },
    setCalculationDelayMs: (ms) => {
      settings.calculationMs = ms;
    },
    setObligationFulfilmentDelayMs: (ms) => {
      settings.fulfilmentMs = ms;
    },
    setWithoutScenario: (mode) => {
      settings.withoutScenario = mode;
    },
    createIndividual(input) {
      const user = createIndividual(store.data, input);
      store.changed();
      return describe(user.userId);
    },
    createAgent(input) {
      const user = createAgent(store.data, input);
      store.changed();
      return describe(user.userId);
    },
    addBusiness(nino, business) {
      const taxpayer = store.taxpayer(nino);
      if (!taxpayer) throw new Error(`No practice individual with NINO ${nino}`);
      const created = addBusiness(store.data, taxpayer, business);
      store.changed();
      return created.businessId;
    },
    authoriseAgent(agentUserId, nino, relationship) {
      authoriseAgent(store.data, agentUserId, nino, relationship);
      store.changed();
    },
    fraudHeaderFeedback: (clientId = PRACTICE_CLIENT.clientId) => feedback.forClient(clientId),
    flush: () => store.flush(),
    async stop() {
      await app.close();
      await store.flush();
    },
  };
}
