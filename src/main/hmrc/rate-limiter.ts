/**
 * HMRC's standard rate limit is 3 requests per second per application: every user of the
 * app together, across all their HMRC accounts (reference §3.7 [REF "Rate limiting"]). One
 * limiter is shared by every account client in the main process.
 *
 * It keeps a rolling log of when requests left and lets a request go only when fewer than
 * `limit` left within the last `windowMs`. The caller reports the moment the request really
 * leaves (`markSent`, after the fraud headers are collected and just before the socket
 * write), so time spent between being granted a slot and sending — collecting the device
 * facts, a busy event loop — cannot bring two requests closer together than the window.
 *
 * The window is one second plus a margin for what remains: HMRC (and Practice HMRC, which keeps
 * a rolling one-second log per client id) counts a request when it *arrives*, and network and
 * queueing jitter can bring requests that left a second apart closer together on arrival.
 */

/**
 * The safety margin added to HMRC's one second. Measured (`npm run bench -- sync`: an agent
 * syncing 30 clients × 2 businesses against Practice HMRC at 3 requests/second) it keeps the
 * count of 429s at zero while costing 5 % of the rate, where the earlier 200 ms cost 20 %.
 * HMRC counts per second on its side; a 429 that still happens is retried by the client.
 */
export const HMRC_RATE_LIMIT_MARGIN_MS = 50;

export const HMRC_RATE_LIMIT = { limit: 3, windowMs: 1000 + HMRC_RATE_LIMIT_MARGIN_MS } as const;

export interface RateLimiter {
  /**
   * Resolves when this request may leave; requests leave in the order they asked. The
   * resolved function records the moment the request actually leaves (optional: without it
   * the grant time counts).
   */
  acquire(): Promise<MarkSent>;
}

export type MarkSent = () => void;

export interface RateLimiterOptions {
  limit: number;
  windowMs: number;
  /** A monotonic clock in milliseconds (performance.now in the app). */
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  // One slot per request in the window: when it was granted, then when it really left.
  const sent: { at: number }[] = [];
  let queue: Promise<unknown> = Promise.resolve();

  const takeSlot = async (): Promise<MarkSent> => {
    for (;;) {
      const now = options.now();
      for (let i = sent.length - 1; i >= 0; i--)
        if (now - sent[i]!.at >= options.windowMs) sent.splice(i, 1);
      if (sent.length < options.limit) {
        const slot = { at: now };
        sent.push(slot);
        return () => {
          slot.at = Math.max(slot.at, options.now());
        };
      }
      const oldest = Math.min(...sent.map((s) => s.at));
      await options.sleep(oldest + options.windowMs - now);
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
