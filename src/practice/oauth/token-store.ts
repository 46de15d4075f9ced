import { randomBytes, randomUUID } from 'node:crypto';
import { type PracticeClock } from '../clock';
import { type GrantRecord } from '../state/model';
import { type PracticeStore } from '../state/store';

/** Access tokens last 4 hours. [reference §2.5] */
export const ACCESS_TOKEN_SECONDS = 14_400;
/** Authorisation codes are single-use and expire after 10 minutes. [reference §2.3] */
export const AUTH_CODE_TTL_MS = 10 * 60 * 1000;
/** The grant (and so refreshing) lasts 18 months = 547 days. [reference §2.5; RURI GrantLength.scala] */
export const GRANT_LENGTH_MS = 547 * 86_400_000;

export interface AuthCode {
  code: string;
  clientId: string;
  redirectUri: string;
  scopes: string[];
  userId: string;
  codeChallenge?: string;
  issuedAt: number;
  used: boolean;
}

export type AccessTokenLookup =
  { status: 'valid'; grant: GrantRecord } | { status: 'expired' | 'unknown' };

function token(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Authorisation codes (memory only: they live 10 minutes) and grants with their tokens
 * (persisted, so a linked practice user stays linked across restarts).
 */
export class TokenStore {
  private readonly codes = new Map<string, AuthCode>();
  private readonly byAccessToken = new Map<string, GrantRecord>();
  private readonly byRefreshToken = new Map<string, GrantRecord>();
  private readonly refreshing = new Set<string>();

  constructor(
    private readonly store: PracticeStore,
    private readonly clock: PracticeClock,
  ) {
    for (const g of store.data.grants) this.index(g);
  }

  private index(g: GrantRecord): void {
    this.byAccessToken.set(g.accessToken, g);
    if (g.refreshToken) this.byRefreshToken.set(g.refreshToken, g);
    for (const used of g.usedRefreshTokens) this.byRefreshToken.set(used, g);
  }

  issueCode(input: Omit<AuthCode, 'code' | 'issuedAt' | 'used'>): string {
    const code = token();
    this.codes.set(code, { ...input, code, issuedAt: this.clock.now(), used: false });
    return code;
  }

  /** Returns the code if it exists, is unused and unexpired, and marks it used. */
  redeemCode(code: string): AuthCode | undefined {
    const found = this.codes.get(code);
    if (!found || found.used || this.clock.now() - found.issuedAt > AUTH_CODE_TTL_MS)
      return undefined;
    found.used = true;
    return found;
  }

  /** Peeks at a code without redeeming it (tests and the oob page). */
  code(code: string): AuthCode | undefined {
    return this.codes.get(code);
  }

  createGrant(
    clientId: string,
    userId: string | undefined,
    scopes: string[],
    withRefreshToken: boolean,
  ): GrantRecord {
    const now = this.clock.now();
    const grant: GrantRecord = {
      grantId: randomUUID(),
      clientId,
      scopes,
      createdAt: now,
      expiresAt: now + GRANT_LENGTH_MS,
      accessToken: token(),
      accessTokenExpiresAt: now + ACCESS_TOKEN_SECONDS * 1000,
      usedRefreshTokens: [],
    };
    if (userId !== undefined) grant.userId = userId;
    if (withRefreshToken) grant.refreshToken = token();
    this.store.data.grants.push(grant);
    this.index(grant);
    this.store.changed();
    return grant;
  }

  lookupAccessToken(accessToken: string): AccessTokenLookup {
    const grant = this.byAccessToken.get(accessToken);
    if (!grant || grant.accessToken !== accessToken) return { status: 'unknown' };
    if (this.clock.now() >= grant.accessTokenExpiresAt) return { status: 'expired' };
    return { status: 'valid', grant };
  }

  /** The grant whose current or past refresh token this is. */
  grantForRefreshToken(refreshToken: string): { grant: GrantRecord; current: boolean } | undefined {
    const grant = this.byRefreshToken.get(refreshToken);
    if (!grant) return undefined;
    return { grant, current: grant.refreshToken === refreshToken };
  }

  isRefreshing(grant: GrantRecord): boolean {
    return this.refreshing.has(grant.grantId);
  }

  beginRefresh(grant: GrantRecord): void {
    this.refreshing.add(grant.grantId);
  }

  endRefresh(grant: GrantRecord): void {
    this.refreshing.delete(grant.grantId);
  }

  /**
   * Issues a new access and refresh token. The old refresh token becomes used and the old
   * access token stops working at once. [reference §2.5]
   */
  rotate(grant: GrantRecord): GrantRecord {
    this.byAccessToken.delete(grant.accessToken);
    if (grant.refreshToken) grant.usedRefreshTokens.push(grant.refreshToken);
    // Keep the persisted list short: an older used token is simply unknown, which is also invalid_grant.
    const dropped = grant.usedRefreshTokens.splice(
      0,
      Math.max(0, grant.usedRefreshTokens.length - 20),
    );
    for (const old of dropped) this.byRefreshToken.delete(old);
    grant.accessToken = token();
    grant.accessTokenExpiresAt = this.clock.now() + ACCESS_TOKEN_SECONDS * 1000;
    grant.refreshToken = token();
    this.index(grant);
    this.store.changed();
    return grant;
  }
}
