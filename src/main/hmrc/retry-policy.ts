/**
 * When a failed HMRC call is tried again, and how long to wait first.
 *
 * - Retried: 429 MESSAGE_THROTTLED_OUT, 500, 502, 503, 504 and network failures (connection
 *   reset, socket hang up, time-outs) — the failures HMRC's reference guide calls temporary
 *   (reference §3.6, §3.7).
 * - Only idempotent requests (GET, PUT) are retried after a 5xx or a network failure: the
 *   request may have reached HMRC, and sending the same PUT again leaves the same state. A
 *   POST (a calculation trigger, a final declaration) is never retried then, because a second
 *   copy could act twice.
 * - A 429 is retried for every method: it is the API platform refusing the request at the
 *   door because of the rate limit, before any service sees it, so nothing happened.
 * - Back-off is exponential with full jitter (a random delay between 0 and the exponential
 *   cap), so many clients that failed together do not retry together; a Retry-After header,
 *   if HMRC ever sends one, is obeyed instead.
 */
export type HttpMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export type RetryReason = 'throttled' | 'server-error' | 'network';

export interface RetryPolicy {
  /** Attempts in all, including the first. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for; the error goes back to the person. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 120_000,
};

/** Network error codes that mean "try again later", as Node and axios report them. */
const TRANSIENT_NETWORK_CODES = new Set([
  'ECONNRESET', // includes "socket hang up"
  'ECONNREFUSED',
  'ECONNABORTED', // axios time-out without clarifyTimeoutError
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export const isTransientNetworkCode = (code: string | undefined): boolean =>
  code !== undefined && TRANSIENT_NETWORK_CODES.has(code);

export type AttemptOutcome =
  { kind: 'response'; status: number } | { kind: 'network'; code?: string | undefined };

/** Why this outcome may be retried for this method, or undefined when it must not be. */
export function retryReason(method: HttpMethod, outcome: AttemptOutcome): RetryReason | undefined {
  const idempotent = method === 'GET' || method === 'PUT';
  if (outcome.kind === 'network') {
    return idempotent && isTransientNetworkCode(outcome.code) ? 'network' : undefined;
  }
  if (outcome.status === 429) return 'throttled';
  if ([500, 502, 503, 504].includes(outcome.status)) return idempotent ? 'server-error' : undefined;
  return undefined;
}

/** Full jitter: uniform in [0, min(maxDelay, base × 2^(retry − 1))]. `retry` counts from 1. */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const cap = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * cap);
}

/** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3), in ms from now. */
export function parseRetryAfterMs(header: string | undefined, nowMs: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
