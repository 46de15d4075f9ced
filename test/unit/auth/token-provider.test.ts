import { describe, expect, it } from 'vitest';
import { createOffsetClock } from '../../../src/main/clock/clock';
import { createHmrcAccountStore, type HmrcAccount } from '../../../src/main/auth/hmrc-accounts';
import {
  OAuthFailure,
  type IssuedTokens,
  type OAuthClient,
} from '../../../src/main/auth/oauth-client';
import { createTokenService, REFRESH_WINDOW_MS } from '../../../src/main/auth/token-provider';
import { createLogger, memorySink } from '../../../src/main/logging/logger';
import { createMemoryStore } from '../../../src/main/storage/key-value-store';
import type { TokenRecord } from '../../../src/main/vault/token-cipher';
import { createTokenVault } from '../../../src/main/vault/token-vault';
import { createMemoryKeychain } from '../../support/fakes/memory-keychain';

const ID = '1d7e3b52-8a4f-4c1b-9e2d-6f0a3c5b7d91';
const HOUR = 3_600_000;

/** HMRC's token endpoint, reduced to refresh: single-use refresh tokens, controllable timing. */
function fakeOAuth() {
  let n = 0;
  const valid = new Set(['refresh-0']);
  const calls: string[] = [];
  let gate: Promise<void> | undefined;
  let parked = 0;
  let onParked: (() => void) | undefined;
  let failNext: OAuthFailure | undefined;
  const client: OAuthClient = {
    authorizeUrl: () => {
      throw new Error('not used');
    },
    exchangeCode: async () => {
      throw new Error('not used');
    },
    async refresh({ refreshToken }): Promise<IssuedTokens> {
      calls.push(refreshToken);
      if (gate) {
        parked += 1;
        onParked?.();
        await gate;
      }
      if (failNext) {
        const f = failNext;
        failNext = undefined;
        throw f;
      }
      if (!valid.delete(refreshToken))
        throw new OAuthFailure('invalid_grant', 'refresh_token is invalid', 400);
      n += 1;
      valid.add(`refresh-${n}`);
      return { access: `access-${n}`, refresh: `refresh-${n}`, expiresInSeconds: 14_400 };
    },
  };
  return {
    client,
    calls,
    hold() {
      let release!: () => void;
      gate = new Promise((r) => (release = r));
      return () => {
        gate = undefined;
        release();
      };
    },
    /** Resolves once a refresh is in flight, held at the gate. */
    inFlight: () =>
      new Promise<void>((resolve) => {
        if (parked > 0) return resolve();
        onParked = resolve;
      }),
    failNext: (f: OAuthFailure) => void (failNext = f),
  };
}

async function setup(options: { expiresInMs?: number; sessionOnly?: boolean } = {}) {
  const clock = createOffsetClock();
  const sink = memorySink();
  const logger = createLogger(sink);
  const accounts = createHmrcAccountStore(createMemoryStore('accounts'));
  const keychain = createMemoryKeychain();
  const store = createMemoryStore('vault');
  const vault = createTokenVault({ keychain, store, logger });
  const oauth = fakeOAuth();
  const now = clock.now();
  const account: HmrcAccount = {
    id: ID,
    environment: 'practice',
    kind: 'individual',
    label: 'Individual sign-in',
    linkedAt: now.toISOString(),
    grantExpiresAt: new Date(now.getTime() + 547 * 24 * HOUR).toISOString(),
    scopes: ['read:self-assessment', 'write:self-assessment'],
    status: options.sessionOnly ? 'session-only' : 'linked',
  };
  accounts.save(account);
  const record: TokenRecord = {
    access: 'access-0',
    refresh: 'refresh-0',
    expiresAt: new Date(now.getTime() + (options.expiresInMs ?? 4 * HOUR)).toISOString(),
    scopes: account.scopes,
    grantedAt: now.toISOString(),
  };
  if (options.sessionOnly) vault.keepForSession(ID, record);
  else await vault.save(ID, record);
  const tokens = createTokenService({
    accounts,
    vault,
    oauth: oauth.client,
    target: async () => ({
      environment: 'practice',
      definition: {
        id: 'practice',
        authorizeUrl: 'http://127.0.0.1:1/oauth/authorize',
        tokenUrl: 'http://127.0.0.1:1/oauth/token',
        apiBaseUrl: 'http://127.0.0.1:1',
        credentials: { clientId: 'c', clientSecret: 's', redirectUris: [] },
        allowPlainHttp: true,
      },
    }),
    clock,
    logger,
  });
  return { clock, accounts, vault, store, keychain, oauth, tokens, logs: sink.records, account };
}

describe('the token provider', () => {
  it('returns the stored token while it has more than 5 minutes left, without asking HMRC', async () => {
    const t = await setup();
    expect(await t.tokens.accessToken(ID)).toBe('access-0');
    t.clock.advance(4 * HOUR - REFRESH_WINDOW_MS - 1000);
    expect(await t.tokens.accessToken(ID)).toBe('access-0');
    expect(t.oauth.calls).toEqual([]);
  });

  it('refreshes proactively within 5 minutes of expiry, and after it', async () => {
    const t = await setup();
    t.clock.advance(4 * HOUR - REFRESH_WINDOW_MS + 1000);
    expect(await t.tokens.accessToken(ID)).toBe('access-1');
    t.clock.advance(5 * HOUR);
    expect(await t.tokens.accessToken(ID)).toBe('access-2');
    expect(t.oauth.calls).toEqual(['refresh-0', 'refresh-1']);
    expect(t.accounts.get(ID)?.lastRefresh?.outcome).toBe('ok');
  });

  it('makes one refresh for many concurrent callers (single-flight per account)', async () => {
    const t = await setup({ expiresInMs: -1 });
    const release = t.oauth.hold();
    const calls = Promise.all([1, 2, 3, 4, 5].map(() => t.tokens.accessToken(ID)));
    await t.oauth.inFlight();
    release();
    expect(await calls).toEqual(['access-1', 'access-1', 'access-1', 'access-1', 'access-1']);
    expect(t.oauth.calls).toEqual(['refresh-0']);
  });

  it('persists the new refresh token before anyone gets the new access token', async () => {
    const t = await setup({ expiresInMs: -1 });
    const token = await t.tokens.accessToken(ID);
    // A fresh vault on the same store and keychain (a restart) sees the new pair.
    const restarted = createTokenVault({
      keychain: t.keychain,
      store: t.store,
      logger: createLogger(() => undefined),
    });
    expect(await restarted.load(ID)).toMatchObject({
      record: { access: token, refresh: 'refresh-1' },
    });
  });

  it('after a 401, refreshes once for all callers that saw the same rejected token', async () => {
    const t = await setup();
    const release = t.oauth.hold();
    const both = Promise.all([
      t.tokens.refreshAfterRejection(ID, 'access-0'),
      t.tokens.refreshAfterRejection(ID, 'access-0'),
    ]);
    await t.oauth.inFlight();
    release();
    expect(await both).toEqual(['access-1', 'access-1']);
    // A late caller with the old token gets the newer one without another refresh.
    expect(await t.tokens.refreshAfterRejection(ID, 'access-0')).toBe('access-1');
    expect(t.oauth.calls).toEqual(['refresh-0']);
  });

  it('invalid_grant marks the account “Re-link needed” and leaves the tokens and metadata alone', async () => {
    const t = await setup({ expiresInMs: -1 });
    t.oauth.failNext(new OAuthFailure('invalid_grant', 'refresh_token has expired', 400));
    await expect(t.tokens.accessToken(ID)).rejects.toMatchObject({ code: 'RELINK_NEEDED' });
    const after = t.accounts.get(ID)!;
    expect(after.status).toBe('relink-needed');
    expect(after.lastRefresh?.outcome).toBe('failed');
    const { status: _s, lastRefresh: _l, ...rest } = after;
    const { status: _s0, ...before } = t.account;
    expect(rest).toEqual(before);
    expect(await t.vault.load(ID)).toMatchObject({
      record: { access: 'access-0', refresh: 'refresh-0' },
    });
    // And it does not keep asking HMRC.
    await expect(t.tokens.accessToken(ID)).rejects.toMatchObject({ code: 'RELINK_NEEDED' });
    await expect(t.tokens.refreshAfterRejection(ID, 'access-0')).rejects.toMatchObject({
      code: 'RELINK_NEEDED',
    });
    expect(t.oauth.calls).toHaveLength(1);
  });

  it('a failed network refresh says so, records it, and keeps the account linked', async () => {
    const t = await setup({ expiresInMs: -1 });
    t.oauth.failNext(new OAuthFailure('unreachable', 'TypeError: fetch failed'));
    await expect(t.tokens.accessToken(ID)).rejects.toMatchObject({ code: 'REFRESH_FAILED' });
    expect(t.accounts.get(ID)).toMatchObject({
      status: 'linked',
      lastRefresh: { outcome: 'failed', detail: 'Ledgerlink could not reach HMRC.' },
    });
    expect(await t.tokens.accessToken(ID)).toBe('access-1');
  });

  it('NOT_LINKED for an unknown account or missing tokens; RELINK_NEEDED for unreadable ones', async () => {
    const t = await setup();
    await expect(
      t.tokens.accessToken('00000000-0000-4000-8000-000000000000'),
    ).rejects.toMatchObject({
      code: 'NOT_LINKED',
    });
    await t.vault.delete(ID);
    await expect(t.tokens.accessToken(ID)).rejects.toMatchObject({ code: 'NOT_LINKED' });
    const u = await setup();
    const sealed = u.store.get<Record<string, string>>(`records.${ID}`)!;
    u.store.set(`records.${ID}`, { ...sealed, tag: Buffer.alloc(16).toString('base64') });
    await expect(u.tokens.accessToken(ID)).rejects.toMatchObject({ code: 'RELINK_NEEDED' });
    expect(u.accounts.get(ID)?.status).toBe('relink-needed');
  });

  it('a locked keychain is reported as such, not as a lost grant', async () => {
    const t = await setup();
    const restarted = createTokenService({
      accounts: t.accounts,
      vault: createTokenVault({
        keychain: t.keychain,
        store: t.store,
        logger: createLogger(() => undefined),
      }),
      oauth: t.oauth.client,
      target: async () => {
        throw new Error('not used');
      },
      clock: t.clock,
      logger: createLogger(() => undefined),
    });
    t.keychain.lock();
    await expect(restarted.accessToken(ID)).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    expect(t.accounts.get(ID)?.status).toBe('linked');
  });

  it('session-only accounts refresh in memory', async () => {
    const t = await setup({ expiresInMs: -1, sessionOnly: true });
    expect(await t.tokens.accessToken(ID)).toBe('access-1');
    expect(await t.vault.load(ID)).toMatchObject({
      sessionOnly: true,
      record: { refresh: 'refresh-1' },
    });
    expect(t.store.has(`records.${ID}`)).toBe(false);
  });

  it('“Refresh now” refreshes even a fresh token', async () => {
    const t = await setup();
    await t.tokens.refreshNow(ID);
    expect(await t.tokens.accessToken(ID)).toBe('access-1');
    const expiry = new Date((await t.tokens.accessTokenExpiry(ID))!).getTime();
    expect(Math.abs(expiry - (t.clock.now().getTime() + 4 * HOUR))).toBeLessThan(1000);
  });
});
