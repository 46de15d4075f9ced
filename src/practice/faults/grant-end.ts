import { type PracticeClock } from '../clock';
import { type TokenStore } from '../oauth/token-store';
import { type PracticeStore } from '../state/store';

/**
 * The fault "the grant ends part-way through a sync", made deterministic. HMRC's grant lasts
 * 18 months; after it, API calls with its access token get 401 INVALID_CREDENTIALS and a
 * refresh gets invalid_grant [reference §2.5, §2.6]. Moving a clock while several updates are
 * in flight cannot say which of them HMRC had already accepted; counting arrivals can: the
 * first N cumulative updates to arrive are handled as usual, and the grant of the next one
 * ends the moment it arrives, before it is handled.
 */

/** A cumulative summary PUT of either business kind [SE/PB create_amend_cumulative_period_summary]. */
const CUMULATIVE_PUT =
  /^\/individuals\/business\/(self-employment|property\/uk)\/[^/]+\/[^/]+\/cumulative\/[^/?]+(\?|$)/;

export function isCumulativeUpdate(method: string, url: string): boolean {
  return method === 'PUT' && CUMULATIVE_PUT.test(url);
}

/** What the fault needs from the token store: which grant a bearer token belongs to, and ending it. */
export interface GrantControl {
  grantOf(accessToken: string): string | undefined;
  /** Ends the grant now: it can no longer be refreshed. */
  end(grantId: string): void;
}

export function grantControl(
  tokens: TokenStore,
  store: PracticeStore,
  clock: PracticeClock,
): GrantControl {
  const grants = new Map<string, { expiresAt: number }>();
  return {
    grantOf(accessToken) {
      const found = tokens.lookupAccessToken(accessToken);
      if (found.status !== 'valid') return undefined;
      grants.set(found.grant.grantId, found.grant);
      return found.grant.grantId;
    },
    end(grantId) {
      const grant = grants.get(grantId);
      if (!grant) return;
      grant.expiresAt = Math.min(grant.expiresAt, clock.now());
      store.changed();
    },
  };
}

const bearerOf = (authorization: string | string[] | undefined): string | undefined =>
  /^Bearer\s+(\S+)\s*$/i.exec(Array.isArray(authorization) ? '' : (authorization ?? ''))?.[1];

/**
 * Counts cumulative updates as they arrive and remembers which grants it ended. `arrived`
 * answers true when the request must be refused as coming from an ended grant.
 */
export class GrantEnder {
  private seen = 0;
  private fired = false;
  private readonly ended = new Set<string>();

  constructor(private readonly control: GrantControl | undefined) {}

  /** Re-arms the fault (a new `endGrantAfterUpdates` setting counts from zero again). */
  reset(): void {
    this.seen = 0;
    this.fired = false;
  }

  refuses(
    afterUpdates: number | undefined,
    req: {
      method: string;
      url: string;
      headers: { authorization?: string | string[] | undefined };
    },
  ): boolean {
    if (!this.control) return false;
    const token = bearerOf(req.headers.authorization);
    const grantId = token ? this.control.grantOf(token) : undefined;
    if (!grantId) return false;
    if (this.ended.has(grantId)) return true;
    if (afterUpdates === undefined || this.fired || !isCumulativeUpdate(req.method, req.url))
      return false;
    this.seen += 1;
    if (this.seen <= afterUpdates) return false;
    this.fired = true;
    this.ended.add(grantId);
    this.control.end(grantId);
    return true;
  }
}
