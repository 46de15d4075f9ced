import { createHash, randomBytes, randomUUID } from 'node:crypto';
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

/** Tokens are looked up by hash; the plain token exists only in the response that issues it. */
const hash = (value: string): string => createHash('sha256').update(value).digest('hex');

/** A grant together with the plain tokens just issued for it (for the token response only). */
export interface IssuedTokens {
  grant: GrantRecord;
  accessToken: string;
  refreshToken?: string;
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
    this.byAccessToken.set(g.accessTokenHash, g);
    if (g.refreshTokenHash) this.byRefreshToken.set(g.refreshTokenHash, g);
    for (const used of g.usedRefreshTokenHashes) this.byRefreshToken.set(used, g);
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
  ): IssuedTokens {
    const now = this.clock.now();
    const accessToken = token();
    const grant: GrantRecord = {
      grantId: randomUUID(),
      clientId,
      scopes,
      createdAt: now,
      expiresAt: now + GRANT_LENGTH_MS,
      accessTokenHash: hash(accessToken),
      accessTokenExpiresAt: now + ACCESS_TOKEN_SECONDS * 1000,
      usedRefreshTokenHashes: [],
    };
    if (userId !== undefined) grant.userId = userId;
    const refreshToken = withRefreshToken ? token() : undefined;
    if (refreshToken) grant.refreshTokenHash = hash(refreshToken);
    this.store.data.grants.push(grant);
    this.index(grant);
    this.store.changed();
    return { grant, accessToken, ...(refreshToken ? { refreshToken } : {}) };
  }

  lookupAccessToken(accessToken: string): AccessTokenLookup {
    const hashed = hash(accessToken);
    const grant = this.byAccessToken.get(hashed);
    if (!grant || grant.accessTokenHash !== hashed) return { status: 'unknown' };
    if (this.clock.now() >= grant.accessTokenExpiresAt) return { status: 'expired' };
    return { status: 'valid', grant };
  }

  /** The grant whose current or past refresh token this is. */
  grantForRefreshToken(refreshToken: string): { grant: GrantRecord; current: boolean } | undefined {
    const hashed = hash(refreshToken);
    const grant = this.byRefreshToken.get(hashed);
    if (!grant) return undefined;
    return { grant, current: grant.refreshTokenHash === hashed };
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
  rotate(grant: GrantRecord): IssuedTokens {
    this.byAccessToken.delete(grant.accessTokenHash);
    if (grant.refreshTokenHash) grant.usedRefreshTokenHashes.push(grant.refreshTokenHash);
    // Keep the persisted list short: an older used token is simply unknown, which is also invalid_grant.
    const dropped = grant.usedRefreshTokenHashes.splice(
      0,
      Math.max(0, grant.usedRefreshTokenHashes.length - 20),
    );
    for (const old of dropped) this.byRefreshToken.delete(old);
    const accessToken = token();
    const refreshToken = token();
    grant.accessTokenHash = hash(accessToken);
    grant.accessTokenExpiresAt = this.clock.now() + ACCESS_TOKEN_SECONDS * 1000;
    grant.refreshTokenHash = hash(refreshToken);
    this.index(grant);
    this.store.changed();
    return { grant, accessToken, refreshToken };
  }
}
