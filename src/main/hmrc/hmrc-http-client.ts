import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { ZodType } from 'zod';
import type { Environment } from '@shared/ipc/channels/settings';
import type { TokenProvider } from '../auth/token-provider';
import type { Logger } from '../logging/logger';
import { acceptHeaderFor, type HmrcApi } from './api-versions';
import { describeError, type AccountKind } from './errors/error-catalogue';
import { HmrcError } from './errors/hmrc-error';
import { hmrcErrorsFrom, mapHmrcResponseError, mapNetworkError } from './errors/map-hmrc-error';
import { toRequestHeaders } from './fraud-prevention/build-headers';
import type { FraudHeaderCollector } from './fraud-prevention/collect-fraud-headers';
import type { RateLimiter } from './rate-limiter';
import {
  backoffDelayMs,
  parseRetryAfterMs,
  retryReason,
  type AttemptOutcome,
  type HttpMethod,
  type RetryPolicy,
  type RetryReason,
} from './retry-policy';

/** What every endpoint function returns: HMRC's data and the X-CorrelationId it came with. */
export interface HmrcResult<T> {
  data: T;
  /** HMRC's X-CorrelationId for this response (reference §3.1); quote it to HMRC's support. */
  correlationId: string | undefined;
  status: number;
  /** HMRC's Location header, where an answer names what it created (Agent Authorisation). */
  location?: string;
}

/** "HMRC is busy, will retry at hh:mm": one retry about to wait. */
export interface HmrcBusyInfo {
  accountId: string;
  api: HmrcApi;
  method: HttpMethod;
  reason: RetryReason;
  /** The retry about to happen, counting from 1. */
  attempt: number;
  /** The most retries that will be made. */
  maxAttempts: number;
  /** ISO time of the retry. */
  retryAt: string;
  delayMs: number;
}

export interface CallOptions {
  /** Told before each wait, so a caller (sync) can show "will retry at …" per item. */
  onBusy?: (info: HmrcBusyInfo) => void;
  /** Sandbox and Practice only: picks HMRC's canned test behaviour (reference §3.8). */
  govTestScenario?: string;
  signal?: AbortSignal;
}

export interface HmrcRequest<T> {
  api: HmrcApi;
  method: HttpMethod;
  /** The path with no personal data in it, for the log: `/obligations/details/{nino}/crystallisation`. */
  template: string;
  /** The real path, each parameter already checked and encoded. */
  path: string;
  query?: Record<string, string | undefined>;
  /** A body already validated against the endpoint's request schema. */
  body?: unknown;
  /** Schema for a 2xx body; omitted for 204 endpoints. */
  response?: ZodType<T>;
}

export interface HmrcTransport {
  readonly accountId: string;
  readonly environment: Environment;
  send<T = undefined>(request: HmrcRequest<T>, options?: CallOptions): Promise<HmrcResult<T>>;
}

export interface HmrcHttpClientDeps {
  account: { id: string; environment: Environment; kind: AccountKind };
  apiBaseUrl: () => Promise<string>;
  tokens: TokenProvider;
  fraudHeaders: FraudHeaderCollector;
  limiter: RateLimiter;
  retry: RetryPolicy;
  timeoutMs: number;
  userAgent: string;
  logger: Logger;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Every retry wait, for the app-wide `hmrc.busy` event. */
  onBusy: (info: HmrcBusyInfo) => void;
  /** Called once per call, to remember which account was used last. */
  onUsed: () => void;
}

/** Connection errors that happen before a request is written: nothing can have arrived. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
]);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ERR_SOCKET_CONNECTION_TIMEOUT']);

const GOV_TEST_SCENARIO = /^[A-Z0-9_]{1,64}$/;

type Attempt =
  | { kind: 'response'; response: AxiosResponse<unknown> }
  | { kind: 'network'; code: string | undefined };

/**
 * One HMRC account's client: every request goes rate limiter → token → Accept version,
 * Authorization and the fourteen fraud prevention headers (collected just before sending) →
 * axios → a typed result with its correlation id, or an HmrcError in plain English. Retries
 * follow retry-policy.ts; a 401 INVALID_CREDENTIALS gets one token refresh and one retry.
 */
export function createHmrcHttpClient(deps: HmrcHttpClientDeps): HmrcTransport {
  const http: AxiosInstance = axios.create({
    timeout: deps.timeoutMs,
    // Every status comes back as a response; the policy below decides what it means.
    validateStatus: () => true,
    // HMRC's APIs do not redirect; following one could carry the bearer token elsewhere.
    maxRedirects: 0,
    transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: true },
  });
  const log = deps.logger;
  const kind = deps.account.kind;

  const attempt = async <T>(
    request: HmrcRequest<T>,
    baseUrl: string,
    token: string,
    options: CallOptions,
  ): Promise<Attempt> => {
    const markSent = await deps.limiter.acquire();
    // Collected after the slot is granted, immediately before sending [FPH local-ips].
    const fraud = await deps.fraudHeaders.collect();
    const scenario =
      deps.account.environment !== 'production' &&
      options.govTestScenario &&
      GOV_TEST_SCENARIO.test(options.govTestScenario)
        ? { 'Gov-Test-Scenario': options.govTestScenario }
        : {};
    // The rate limiter counts from the moment the request really leaves until its answer
    // arrives (rate-limiter.ts).
    const markAnswered = typeof markSent === 'function' ? markSent() : undefined;
    try {
      const response = await http.request<unknown>({
        baseURL: baseUrl,
        url: request.path,
        method: request.method,
        params: request.query
          ? Object.fromEntries(Object.entries(request.query).filter(([, v]) => v !== undefined))
          : undefined,
        data: request.body === undefined ? undefined : JSON.stringify(request.body),
        headers: {
          Accept: acceptHeaderFor(request.api),
          Authorization: `Bearer ${token}`,
          'User-Agent': deps.userAgent,
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...toRequestHeaders(fraud.values),
          ...scenario,
        },
        ...(options.signal ? { signal: options.signal } : {}),
      });
      return { kind: 'response', response };
    } catch (error) {
      if (options.signal?.aborted) throw error;
      const code = (error as { code?: unknown }).code;
      return { kind: 'network', code: typeof code === 'string' ? code : undefined };
    } finally {
      markAnswered?.();
    }
  };

  return {
    accountId: deps.account.id,
    environment: deps.account.environment,

    async send<T>(request: HmrcRequest<T>, options: CallOptions = {}): Promise<HmrcResult<T>> {
      deps.onUsed();
      const baseUrl = await deps.apiBaseUrl();
      let token = await deps.tokens.accessToken(deps.account.id);
      let refreshed = false;
      let retries = 0;
      // Reads the OS and hardware once before the first slot, so a slow first probe (WMI on
      // Windows) cannot hold a rate-limit slot.
      await deps.fraudHeaders.collect();

      for (;;) {
        const started = Date.now();
        const result = await attempt(request, baseUrl, token, options);
        const ms = Date.now() - started;
        const where = { api: request.api, method: request.method, path: request.template };

        if (result.kind === 'response') {
          const { response } = result;
          const correlationId = headerText(response.headers['x-correlationid']);
          const status = response.status;
          log.info('HMRC answered', { ...where, status, correlationId, retries, ms });

          if (status >= 200 && status < 300) {
            const location = headerText(response.headers['location']);
            return {
              data: parseBody(request, response.data, correlationId),
              correlationId,
              status,
              ...(location ? { location } : {}),
            };
          }

          const codes = hmrcErrorsFrom(status, response.data).map((e) => e.code);
          if (status === 401 && codes.includes('INVALID_CREDENTIALS') && !refreshed) {
            // The token was refused (expired early, or refreshed elsewhere): one refresh, one retry.
            refreshed = true;
            token = await deps.tokens.refreshAfterRejection(deps.account.id, token);
            continue;
          }
          const outcome: AttemptOutcome = { kind: 'response', status };
          const wait = planRetry(
            request,
            outcome,
            retries,
            headerText(response.headers['retry-after']),
          );
          if (wait) {
            retries += 1;
            await waitToRetry(request, wait, retries, options);
            continue;
          }
          throw mapHmrcResponseError({
            status,
            body: response.data,
            correlationId,
            accountKind: kind,
          });
        }

        log.warn('HMRC could not be reached', { ...where, code: result.code, retries, ms });
        const wait = planRetry(request, { kind: 'network', code: result.code }, retries, undefined);
        if (wait) {
          retries += 1;
          await waitToRetry(request, wait, retries, options);
          continue;
        }
        throw mapNetworkError({
          code: result.code,
          // A POST that may have reached HMRC is not sent again (retry-policy.ts), and the
          // person is told the outcome is unknown rather than that it failed.
          mayHaveArrived: request.method === 'POST' && !NOT_SENT_CODES.has(result.code ?? ''),
          timedOut: TIMEOUT_CODES.has(result.code ?? ''),
          accountKind: kind,
        });
      }
    },
  };

  function planRetry<T>(
    request: HmrcRequest<T>,
    outcome: AttemptOutcome,
    retries: number,
    retryAfter: string | undefined,
  ): { reason: RetryReason; delayMs: number } | undefined {
    const reason = retryReason(request.method, outcome);
    if (!reason || retries + 1 >= deps.retry.maxAttempts) return undefined;
    const asked = parseRetryAfterMs(retryAfter, deps.now().getTime());
    if (asked !== undefined && asked > deps.retry.maxRetryAfterMs) return undefined;
    return { reason, delayMs: asked ?? backoffDelayMs(retries + 1, deps.retry, deps.random) };
  }

  async function waitToRetry<T>(
    request: HmrcRequest<T>,
    wait: { reason: RetryReason; delayMs: number },
    retry: number,
    options: CallOptions,
  ): Promise<void> {
    const info: HmrcBusyInfo = {
      accountId: deps.account.id,
      api: request.api,
      method: request.method,
      reason: wait.reason,
      attempt: retry,
      maxAttempts: deps.retry.maxAttempts - 1,
      retryAt: new Date(deps.now().getTime() + wait.delayMs).toISOString(),
      delayMs: wait.delayMs,
    };
    log.info('HMRC busy: waiting to retry', {
      api: request.api,
      method: request.method,
      path: request.template,
      reason: wait.reason,
      retry,
      delayMs: wait.delayMs,
    });
    deps.onBusy(info);
    options.onBusy?.(info);
    await deps.sleep(wait.delayMs);
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
  }

  function parseBody<T>(
    request: HmrcRequest<T>,
    body: unknown,
    correlationId: string | undefined,
  ): T {
    if (!request.response) return undefined as T;
    const parsed = request.response.safeParse(body);
    if (parsed.success) return parsed.data;
    log.error('HMRC response did not match its schema', {
      api: request.api,
      method: request.method,
      path: request.template,
      correlationId,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    });
    throw new HmrcError({
      code: 'UNEXPECTED_HMRC_RESPONSE',
      ...describeError('UNEXPECTED_HMRC_RESPONSE', kind),
      ...(correlationId ? { correlationId } : {}),
    });
  }
}

const headerText = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
