/**
 * HMRC's standard rate limit: 3 requests per second per application, across all its users;
 * over it the platform answers 429 MESSAGE_THROTTLED_OUT. [reference §3.7] Implemented as a
 * rolling one-second log of accepted requests per client id; refused requests do not count.
 */
export class RateLimiter {
  private readonly log = new Map<string, number[]>();

  constructor(
    private readonly limit: () => number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Records the request and returns true if it is within the limit. */
  tryAcquire(clientId: string): boolean {
    const limit = this.limit();
    if (!Number.isFinite(limit) || limit <= 0) return true;
    const now = this.now();
    const recent = (this.log.get(clientId) ?? []).filter((t) => now - t < 1000);
    if (recent.length >= limit) {
      this.log.set(clientId, recent);
      return false;
    }
    recent.push(now);
    this.log.set(clientId, recent);
    return true;
  }
}
