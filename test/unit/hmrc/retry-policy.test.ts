import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  DEFAULT_RETRY_POLICY,
  parseRetryAfterMs,
  retryReason,
  type HttpMethod,
} from '../../../src/main/hmrc/retry-policy';

const response = (status: number) => ({ kind: 'response', status }) as const;
const network = (code: string) => ({ kind: 'network', code }) as const;

describe('which failures are retried', () => {
  it.each<
    [HttpMethod, ReturnType<typeof response> | ReturnType<typeof network>, string | undefined]
  >([
    ['GET', response(429), 'throttled'],
    ['PUT', response(429), 'throttled'],
    // A 429 is the platform refusing at the door: nothing happened, so even a POST may go again.
    ['POST', response(429), 'throttled'],
    ['GET', response(500), 'server-error'],
    ['PUT', response(502), 'server-error'],
    ['GET', response(503), 'server-error'],
    ['PUT', response(504), 'server-error'],
    ['POST', response(500), undefined],
    ['POST', response(503), undefined],
    ['POST', response(504), undefined],
    ['GET', response(400), undefined],
    ['PUT', response(403), undefined],
    ['GET', response(404), undefined],
    ['GET', response(501), undefined],
    ['GET', network('ECONNRESET'), 'network'],
    ['PUT', network('ETIMEDOUT'), 'network'],
    ['GET', network('ECONNREFUSED'), 'network'],
    ['POST', network('ECONNRESET'), undefined],
    ['POST', network('ETIMEDOUT'), undefined],
    ['GET', network('ENOTFOUND'), undefined],
    ['DELETE', response(503), undefined],
  ])('%s after %j → %s', (method, outcome, expected) => {
    expect(retryReason(method, outcome)).toBe(expected);
  });
});

describe('back-off', () => {
  it('grows exponentially, is capped, and uses the full jitter range', () => {
    const p = DEFAULT_RETRY_POLICY;
    expect(backoffDelayMs(1, p, () => 0.999999)).toBe(p.baseDelayMs - 1);
    expect(backoffDelayMs(2, p, () => 0.5)).toBe(p.baseDelayMs);
    expect(backoffDelayMs(3, p, () => 0.5)).toBe(2 * p.baseDelayMs);
    expect(backoffDelayMs(20, p, () => 0.999999)).toBeLessThan(p.maxDelayMs);
    expect(backoffDelayMs(20, p, () => 0.999999)).toBeGreaterThan(p.maxDelayMs - 10);
    expect(backoffDelayMs(4, p, () => 0)).toBe(0);
  });

  it('reads Retry-After as seconds or as a date', () => {
    const now = Date.parse('2026-11-29T10:00:00Z');
    expect(parseRetryAfterMs('7', now)).toBe(7000);
    expect(parseRetryAfterMs('Sun, 29 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Sun, 29 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });
});
