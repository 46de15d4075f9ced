import type { RateLimiter } from '../../../../src/main/hmrc/rate-limiter';

/**
 * One virtual monotonic clock for the app's rate limiter and Practice HMRC's. Time stands
 * still while requests are on their way and moves only when every request the limiter has let
 * go has been settled (answered or dropped) and the limiter is waiting, and then straight to the end of that wait.
 * So what HMRC's counter sees is decided by the limiter's schedule alone: a busy machine makes
 * the test slower, never different.
 */
export function pacedClock() {
  let now = 0;
  let granted = 0;
  let settled = 0;
  const sleepers: { at: number; resolve: () => void }[] = [];

  const maybeAdvance = () => {
    if (granted !== settled || sleepers.length === 0) return;
    sleepers.sort((a, b) => a.at - b.at);
    const next = sleepers.shift()!;
    now = Math.max(now, next.at);
    next.resolve();
  };

  return {
    now: () => now,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        sleepers.push({ at: now + Math.max(0, ms), resolve });
        maybeAdvance();
      }),
    /** The limiter, counting the requests it lets go. */
    counting(limiter: RateLimiter): RateLimiter {
      return {
        async acquire() {
          const markSent = await limiter.acquire();
          granted += 1;
          return markSent;
        },
      };
    },
    /** A request the limiter let go has been answered, or its connection dropped. */
    settled() {
      settled += 1;
      maybeAdvance();
    },
  };
}
