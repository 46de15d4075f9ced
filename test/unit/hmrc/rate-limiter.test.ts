import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRateLimiter, HMRC_RATE_LIMIT } from '../../../src/main/hmrc/rate-limiter';
import { virtualTime } from './support/virtual-time';

/** The most requests that left within any window of `ms` milliseconds. */
const busiestWindow = (times: number[], ms: number) =>
  Math.max(0, ...times.map((t) => times.filter((u) => u >= t && u < t + ms).length));

describe('the HMRC rate limiter', () => {
  it('keeps HMRC’s 3 per second with a safety margin', () => {
    expect(HMRC_RATE_LIMIT.limit).toBe(3);
    expect(HMRC_RATE_LIMIT.windowMs).toBeGreaterThan(1000);
  });

  it('spreads a burst of 50 to at most 3 in any rolling second, in the order asked', async () => {
    const time = virtualTime(10_000);
    const limiter = createRateLimiter({ ...HMRC_RATE_LIMIT, now: time.now, sleep: time.sleep });
    const left: { i: number; at: number }[] = [];
    const all = Array.from({ length: 50 }, (_, i) =>
      limiter.acquire().then(() => left.push({ i, at: time.now() })),
    );
    await time.runAll();
    await Promise.all(all);
    expect(left.map((l) => l.i)).toEqual([...Array(50).keys()]);
    const times = left.map((l) => l.at);
    expect(busiestWindow(times, 1000)).toBe(3);
    expect(busiestWindow(times, HMRC_RATE_LIMIT.windowMs)).toBe(3);
    // And it does not dawdle: 50 requests in ceil(50/3) windows.
    expect(times.at(-1)! - times[0]!).toBe(Math.floor(49 / 3) * HMRC_RATE_LIMIT.windowMs);
  });

  it('holds each slot until HMRC answers, so a slow trip cannot squeeze the next request into the same second', async () => {
    const time = virtualTime(10_000);
    const limiter = createRateLimiter({ ...HMRC_RATE_LIMIT, now: time.now, sleep: time.sleep });
    // Three requests leave at once and are answered 100, 200 and 400 ms later: each may have
    // reached HMRC at any moment until its answer.
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push((await limiter.acquire())());
    const left: number[] = [];
    const next = Array.from({ length: 3 }, () =>
      limiter.acquire().then((markSent) => {
        left.push(time.now());
        markSent()();
      }),
    );
    for (const [i, at] of [100, 200, 400].entries()) {
      await time.advance(at - (time.now() - 10_000));
      answers[i]!();
    }
    await time.runAll();
    await Promise.all(next);
    const w = HMRC_RATE_LIMIT.windowMs;
    expect(left).toEqual([10_100 + w, 10_200 + w, 10_400 + w]);
  });

  it('never lets more than the limit through in a window, whatever the arrivals (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 40 }),
        async (gaps) => {
          const time = virtualTime();
          const limiter = createRateLimiter({
            limit: 3,
            windowMs: 1200,
            now: time.now,
            sleep: time.sleep,
          });
          const sent: number[] = [];
          const waits: Promise<unknown>[] = [];
          for (const gap of gaps) {
            await time.advance(gap);
            waits.push(limiter.acquire().then(() => sent.push(time.now())));
          }
          await time.runAll();
          await Promise.all(waits);
          expect(sent).toHaveLength(gaps.length);
          expect(busiestWindow(sent, 1200)).toBeLessThanOrEqual(3);
        },
      ),
      { numRuns: 200 },
    );
  });
});
