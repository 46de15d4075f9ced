/**
 * HMRC's standard rate limit is 3 requests per second per application: every user of the
 * app together, across all their HMRC accounts (reference §3.7 [REF "Rate limiting"]). One
 * limiter is shared by every account client in the main process.
 *
 * It keeps a rolling log of when requests left and lets a request go only when fewer than
 * `limit` left within the last `windowMs`. The window is 1000 ms plus a safety margin:
 * HMRC (and Practice HMRC, which keeps a rolling one-second log per client id) count a
 * request when it arrives, after DNS, TLS and queueing in both event loops, and that jitter
 * can bring requests that left 1000 ms apart closer together on arrival. 200 ms absorbs
 * that and costs little: at most about 2.5 requests per second instead of 3.
 */
export const HMRC_RATE_LIMIT = { limit: 3, windowMs: 1200 } as const;

export interface RateLimiter {
  /** Resolves when this request may leave; requests leave in the order they asked. */
  acquire(): Promise<void>;
}

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  /** A monotonic clock in milliseconds (performance.now in the app). */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const sent: number[] = [];
  let queue: Promise<void> = Promise.resolve();

  const takeSlot = async (): Promise<void> => {
    for (;;) {
      const now = options.now();
      while (sent.length > 0 && now - sent[0]! >= options.windowMs) sent.shift();
      if (sent.length < options.limit) {
        sent.push(now);
        return;
      }
      await options.sleep(sent[0]! + options.windowMs - now);
    }
  };

  return {
    acquire() {
      const turn = queue.then(takeSlot);
      // A failed sleep must not wedge the queue for everyone behind it.
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
