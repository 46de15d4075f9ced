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
 * HMRC (and Practice HMRC, which keeps a rolling one-second log per client id) counts a request
 * when it *arrives*, and network and queueing jitter (a loaded machine, a slow first hop) can
 * bring requests that left a second apart closer together on arrival. So a slot is held until
 * HMRC's answer comes back (`markAnswered`): a request has certainly arrived by the time it is
 * answered, so the next one to use that slot leaves a full window after the arrival, however
 * the trip was delayed. The cost is one round trip per three requests; a 429 costs a retry.
 * The window is one second plus a small margin for HMRC's own clock granularity.
 */

/**
 * The safety margin added to HMRC's one second (5 % of the rate). Measured with
 * `npm run bench -- sync` (an agent syncing 30 clients × 2 businesses against Practice HMRC at
 * 3 requests/second): counting from the send alone, this margin still met 429s on a heavily
 * loaded machine; counting each slot until the answer keeps them at zero. A 429 that still
 * happens is retried by the client.
 */
export const HMRC_RATE_LIMIT_MARGIN_MS = 50;

export const HMRC_RATE_LIMIT = { limit: 3, windowMs: 1000 + HMRC_RATE_LIMIT_MARGIN_MS } as const;

export interface RateLimiter {
  /**
   * Resolves when this request may leave; requests leave in the order they asked. The
   * resolved function records the moment the request actually leaves, and the one it returns
   * the moment the answer arrives (both optional: without them the grant time counts).
   */
  acquire(): Promise<MarkSent>;
}

/** Records that the request left; returns the function that records HMRC's answer arriving. */
export type MarkSent = () => MarkAnswered;
/** Holds the slot until now: the request has certainly reached HMRC once it is answered. */
export type MarkAnswered = () => void;

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
        const mark = () => {
          slot.at = Math.max(slot.at, options.now());
        };
        return () => {
          mark();
          return mark;
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
