import { randomUUID } from 'node:crypto';
import { PRODUCT_NAME } from '@shared/app/identity';
import type { Environment } from '@shared/ipc/channels/settings';
import type { HmrcAccount, HmrcAccountStore } from '../auth/hmrc-accounts';
import type { TokenProvider } from '../auth/token-provider';
import type { EnvironmentRuntime } from '../environments/environment-runtime';
import { AppError } from '../ipc/app-error';
import type { Logger } from '../logging/logger';
import type { KeyValueStore } from '../storage/key-value-store';
import { createAccountUsage, type AccountUsage } from './account-usage';
import * as businessDetails from './endpoints/business-details';
import * as calculations from './endpoints/calculations';
import * as foreignProperty from './endpoints/foreign-property';
import * as itsaStatus from './endpoints/itsa-status';
import * as losses from './endpoints/losses';
import { validateFraudPreventionHeaders } from './endpoints/fraud-headers-check';
import * as obligations from './endpoints/obligations';
import * as selfEmployment from './endpoints/self-employment';
import * as ukProperty from './endpoints/uk-property';
import {
  createFraudHeaderCollector,
  type CollectedFraudHeaders,
  type FraudHeaderCollector,
} from './fraud-prevention/collect-fraud-headers';
import { createDeviceIdSource } from './fraud-prevention/device-id';
import type { DisplaySource, MachineFacts } from './fraud-prevention/machine-facts';
import {
  createHmrcHttpClient,
  type CallOptions,
  type HmrcBusyInfo,
  type HmrcTransport,
} from './hmrc-http-client';
import { createRateLimiter, HMRC_RATE_LIMIT, type RateLimiter } from './rate-limiter';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

/** Drops the transport argument: `(client, a, b) => r` becomes `(a, b) => r`. */
type Bound<F> = F extends (client: HmrcTransport, ...args: infer A) => infer R
  ? (...args: A) => R
  : never;
const bind =
  <A extends unknown[], R>(fn: (client: HmrcTransport, ...args: A) => R, client: HmrcTransport) =>
  (...args: A): R =>
    fn(client, ...args);

/** Every endpoint Ledgerlink uses, for one HMRC account. */
export interface HmrcAccountClient {
  readonly accountId: string;
  readonly environment: Environment;
  readonly kind: HmrcAccount['kind'];
  /** The transport, for endpoints added by later features. */
  readonly transport: HmrcTransport;
  businessDetails: {
    list: Bound<typeof businessDetails.listBusinesses>;
    retrieve: Bound<typeof businessDetails.retrieveBusiness>;
    createAmendQuarterlyPeriodType: Bound<typeof businessDetails.createAmendQuarterlyPeriodType>;
  };
  individualDetails: {
    itsaStatus: Bound<typeof itsaStatus.retrieveItsaStatus>;
  };
  obligations: {
    incomeAndExpenditure: Bound<typeof obligations.incomeAndExpenditureObligations>;
    finalDeclaration: Bound<typeof obligations.finalDeclarationObligations>;
  };
  selfEmployment: {
    putCumulative: Bound<typeof selfEmployment.putSelfEmploymentCumulative>;
    getCumulative: Bound<typeof selfEmployment.getSelfEmploymentCumulative>;
  };
  ukProperty: {
    putCumulative: Bound<typeof ukProperty.putUkPropertyCumulative>;
    getCumulative: Bound<typeof ukProperty.getUkPropertyCumulative>;
  };
  foreignProperty: {
    putCumulative: Bound<typeof foreignProperty.putForeignPropertyCumulative>;
    getCumulative: Bound<typeof foreignProperty.getForeignPropertyCumulative>;
    details: Bound<typeof foreignProperty.retrieveForeignPropertyDetails>;
  };
  calculations: {
    trigger: Bound<typeof calculations.triggerCalculation>;
    list: Bound<typeof calculations.listCalculations>;
    retrieve: Bound<typeof calculations.retrieveCalculation>;
    submitFinalDeclaration: Bound<typeof calculations.submitFinalDeclaration>;
  };
  fraudHeaders: {
    validate: Bound<typeof validateFraudPreventionHeaders>;
  };
  /** Individual Losses: 7.0 from 2026-27, 6.0 before (losses.lossesVersionFor). */
  losses: {
    retrieveLossesAndClaims: Bound<typeof losses.retrieveLossesAndClaims>;
    createAmendLossesAndClaims: Bound<typeof losses.createAmendLossesAndClaims>;
    createBroughtForwardLoss: Bound<typeof losses.createBroughtForwardLoss>;
    listBroughtForwardLosses: Bound<typeof losses.listBroughtForwardLosses>;
    createLossClaim: Bound<typeof losses.createLossClaim>;
    listLossClaims: Bound<typeof losses.listLossClaims>;
  };
}

export interface HmrcService {
  /** The client for one HMRC account; throws AppError NOT_LINKED for an unknown account. */
  forAccount(accountId: string): HmrcAccountClient;
  /** The fraud prevention headers as they would be sent right now. */
  previewFraudHeaders(): Promise<CollectedFraudHeaders>;
  /** Accounts of an environment, most recently used first. */
  accountsFor(environment: Environment): { account: HmrcAccount; lastUsedAt?: string }[];
  /** Every retry wait of every account ("HMRC is busy, will retry at …"). */
  onBusy(listener: (info: HmrcBusyInfo) => void): () => void;
}

export interface HmrcServiceDeps {
  accounts: Pick<HmrcAccountStore, 'list' | 'get'>;
  tokens: TokenProvider;
  environments: Pick<EnvironmentRuntime, 'definition'>;
  machine: MachineFacts;
  display: DisplaySource | undefined;
  /** Holds the device id and when each account was last used. */
  store: KeyValueStore;
  appVersion: string;
  logger: Logger;
  now: () => Date;
  /** Monotonic milliseconds for the rate limiter. */
  monotonicNow?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** One limiter for the whole application (reference §3.7); made here unless given. */
  limiter?: RateLimiter;
}

/** HMRC can take a while on a calculation or under load; 30 s is generous but bounded. */
const DEFAULT_TIMEOUT_MS = 30_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createHmrcService(deps: HmrcServiceDeps): HmrcService {
  const sleep = deps.sleep ?? realSleep;
  const limiter =
    deps.limiter ??
    createRateLimiter({
      ...HMRC_RATE_LIMIT,
      now: deps.monotonicNow ?? (() => performance.now()),
      sleep,
    });
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...deps.retry };
  const usage: AccountUsage = createAccountUsage(deps.store, deps.now);
  const deviceIds = createDeviceIdSource(deps.store, randomUUID);
  const fraudHeaders: FraudHeaderCollector = createFraudHeaderCollector({
    machine: deps.machine,
    display: deps.display,
    deviceId: () => deviceIds.deviceId(),
    vendor: { productName: PRODUCT_NAME, version: deps.appVersion },
    now: deps.now,
  });
  const busyListeners = new Set<(info: HmrcBusyInfo) => void>();
  const clients = new Map<string, HmrcAccountClient>();

  const build = (account: HmrcAccount): HmrcAccountClient => {
    const transport = createHmrcHttpClient({
      account: { id: account.id, environment: account.environment, kind: account.kind },
      apiBaseUrl: async () => (await deps.environments.definition(account.environment)).apiBaseUrl,
      tokens: deps.tokens,
      fraudHeaders,
      limiter,
      retry,
      timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      userAgent: `${PRODUCT_NAME}/${deps.appVersion}`,
      logger: deps.logger.child(account.environment),
      now: deps.now,
      sleep,
      random: deps.random ?? Math.random,
      onBusy: (info) => {
        for (const l of [...busyListeners]) l(info);
      },
      onUsed: () => usage.touch(account.id),
    });
    const c = transport;
    return {
      accountId: account.id,
      environment: account.environment,
      kind: account.kind,
      transport,
      businessDetails: {
        list: bind(businessDetails.listBusinesses, c),
        retrieve: bind(businessDetails.retrieveBusiness, c),
        createAmendQuarterlyPeriodType: bind(businessDetails.createAmendQuarterlyPeriodType, c),
      },
      individualDetails: {
        itsaStatus: bind(itsaStatus.retrieveItsaStatus, c),
      },
      obligations: {
        incomeAndExpenditure: bind(obligations.incomeAndExpenditureObligations, c),
        finalDeclaration: bind(obligations.finalDeclarationObligations, c),
      },
      selfEmployment: {
        putCumulative: bind(selfEmployment.putSelfEmploymentCumulative, c),
        getCumulative: bind(selfEmployment.getSelfEmploymentCumulative, c),
      },
      ukProperty: {
        putCumulative: bind(ukProperty.putUkPropertyCumulative, c),
        getCumulative: bind(ukProperty.getUkPropertyCumulative, c),
      },
      foreignProperty: {
        putCumulative: bind(foreignProperty.putForeignPropertyCumulative, c),
        getCumulative: bind(foreignProperty.getForeignPropertyCumulative, c),
        details: bind(foreignProperty.retrieveForeignPropertyDetails, c),
      },
      calculations: {
        trigger: bind(calculations.triggerCalculation, c),
        list: bind(calculations.listCalculations, c),
        retrieve: bind(calculations.retrieveCalculation, c),
        submitFinalDeclaration: bind(calculations.submitFinalDeclaration, c),
      },
      fraudHeaders: {
        validate: (options?: CallOptions) => validateFraudPreventionHeaders(c, options),
      },
      losses: {
        retrieveLossesAndClaims: bind(losses.retrieveLossesAndClaims, c),
        createAmendLossesAndClaims: bind(losses.createAmendLossesAndClaims, c),
        createBroughtForwardLoss: bind(losses.createBroughtForwardLoss, c),
        listBroughtForwardLosses: bind(losses.listBroughtForwardLosses, c),
        createLossClaim: bind(losses.createLossClaim, c),
        listLossClaims: bind(losses.listLossClaims, c),
      },
    };
  };

  return {
    forAccount(accountId) {
      const account = deps.accounts.get(accountId);
      if (!account) {
        throw new AppError(
          'NOT_LINKED',
          'Ledgerlink is not linked to that HMRC account.',
          'Link it on the “Link to HMRC” screen, then try again.',
        );
      }
      // Keyed by what the client depends on, so a re-link as another kind gets a fresh one.
      const key = `${account.id}\u0000${account.environment}\u0000${account.kind}`;
      let client = clients.get(key);
      if (!client) {
        client = build(account);
        clients.set(key, client);
      }
      return client;
    },
    previewFraudHeaders: () => fraudHeaders.collect(),
    accountsFor(environment) {
      return deps.accounts
        .list()
        .filter((a) => a.environment === environment)
        .map((account) => {
          const lastUsedAt = usage.lastUsed(account.id);
          return lastUsedAt ? { account, lastUsedAt } : { account };
        })
        .sort(
          (a, b) =>
            (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? '') ||
            b.account.linkedAt.localeCompare(a.account.linkedAt),
        );
    },
    onBusy(listener) {
      busyListeners.add(listener);
      return () => void busyListeners.delete(listener);
    },
  };
}
