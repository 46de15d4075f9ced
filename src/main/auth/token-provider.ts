import type { Environment } from '@shared/ipc/channels/settings';
import type { Clock } from '../clock/clock';
import { AppError } from '../ipc/app-error';
import type { Logger } from '../logging/logger';
import { KeychainUnavailableError } from '../vault/master-key';
import type { TokenRecord } from '../vault/token-cipher';
import type { TokenVault } from '../vault/token-vault';
import type { HmrcAccountStore } from './hmrc-accounts';
import { OAuthFailure, type OAuthClient, type OAuthTarget } from './oauth-client';

/**
 * What every HMRC call uses to authorise itself (design.md flow 2). The HMRC client takes it
 * from `services.tokens`.
 */
export interface TokenProvider {
  /**
   * A valid access token; refreshes first when within 5 minutes of expiry; single-flight per
   * account. Throws AppError('RELINK_NEEDED', …) when the grant is gone (invalid_grant / 18
   * months), AppError('NOT_LINKED', …) when there is no token.
   */
  accessToken(accountId: string): Promise<string>;
  /**
   * After an API answered 401 INVALID_CREDENTIALS for `rejected`: refresh once (single-flight;
   * if another caller already refreshed past `rejected`, just return the newer token) and
   * return the new access token, or throw RELINK_NEEDED.
   */
  refreshAfterRejection(accountId: string, rejected: string): Promise<string>;
}

/** The provider plus what the scope status screen needs. */
export interface TokenService extends TokenProvider {
  /** Refresh now, whatever the expiry ("Refresh now" on the status screen). */
  refreshNow(accountId: string): Promise<void>;
  /** When the stored access token expires, or null if there is none or it cannot be read. */
  accessTokenExpiry(accountId: string): Promise<string | null>;
}

/** Refresh proactively inside this window (reference §2.6 suggestion: ~5 minutes). */
export const REFRESH_WINDOW_MS = 5 * 60 * 1000;

const notLinked = () =>
  new AppError(
    'NOT_LINKED',
    'Ledgerlink is not linked to HMRC for this account.',
    'Link it on the “Link to HMRC” screen, then try again.',
  );

const relinkNeeded = () =>
  new AppError(
    'RELINK_NEEDED',
    'HMRC no longer accepts Ledgerlink’s authority for this account. Authority lasts 18 months, and it ends sooner if it is taken back at HMRC.',
    'Select Re-link on the “Link to HMRC” screen and sign in to HMRC again. Your records are safe.',
  );

export function createTokenService(deps: {
  accounts: HmrcAccountStore;
  vault: TokenVault;
  oauth: OAuthClient;
  target: (environment: Environment) => Promise<OAuthTarget>;
  clock: Clock;
  logger: Logger;
}): TokenService {
  const { accounts, vault, clock, logger } = deps;
  const inflight = new Map<string, Promise<string>>();

  /** One refresh at a time per account: HMRC refresh tokens are single use (reference §2.5–2.6). */
  const singleFlight = (accountId: string, run: () => Promise<string>): Promise<string> => {
    const running = inflight.get(accountId);
    if (running) return running;
    const started = run().finally(() => inflight.delete(accountId));
    inflight.set(accountId, started);
    return started;
  };

  const current = async (accountId: string): Promise<TokenRecord & { sessionOnly: boolean }> => {
    const account = accounts.get(accountId);
    if (!account) throw notLinked();
    if (account.status === 'relink-needed') throw relinkNeeded();
    const loaded = await vault.load(accountId);
    if (loaded.kind === 'missing') throw notLinked();
    if (loaded.kind === 'unreadable') {
      if (loaded.reason === 'keychain-unavailable') {
        throw new AppError(
          'KEYCHAIN_UNAVAILABLE',
          'Ledgerlink cannot open your computer’s keychain, where the key to your HMRC sign-in is kept.',
          'Unlock your keychain (or sign in to your computer again), then try again.',
        );
      }
      accounts.update(accountId, {
        status: 'relink-needed',
        lastRefresh: {
          at: clock.now().toISOString(),
          outcome: 'failed',
          detail: 'The saved sign-in could not be read.',
        },
      });
      throw relinkNeeded();
    }
    return { ...loaded.record, sessionOnly: loaded.sessionOnly };
  };

  const fresh = (record: TokenRecord) =>
    new Date(record.expiresAt).getTime() - clock.now().getTime() > REFRESH_WINDOW_MS;

  const refresh = async (
    accountId: string,
    record: TokenRecord & { sessionOnly: boolean },
  ): Promise<string> => {
    const account = accounts.get(accountId);
    if (!account) throw notLinked();
    const at = () => clock.now().toISOString();
    let issued;
    try {
      issued = await deps.oauth.refresh({
        target: await deps.target(account.environment),
        refreshToken: record.refresh,
      });
    } catch (error) {
      if (error instanceof OAuthFailure && error.kind === 'invalid_grant') {
        // The grant is gone (used refresh token, 18 months over, revoked). Nothing else changes:
        // records, profiles and the tokens stay as they are until the person re-links.
        logger.warn('HMRC refused the refresh token; the account needs re-linking', {
          accountId,
          detail: error.detail,
        });
        accounts.update(accountId, {
          status: 'relink-needed',
          lastRefresh: {
            at: at(),
            outcome: 'failed',
            detail: 'HMRC no longer accepts this sign-in.',
          },
        });
        throw relinkNeeded();
      }
      const detail =
        error instanceof OAuthFailure && error.kind === 'refresh-in-progress'
          ? 'HMRC was already renewing this sign-in.'
          : error instanceof OAuthFailure && error.kind === 'unreachable'
            ? 'Ledgerlink could not reach HMRC.'
            : 'HMRC did not renew the sign-in.';
      logger.warn('Token refresh failed', {
        accountId,
        kind: error instanceof OAuthFailure ? error.kind : 'unexpected',
        detail: error instanceof OAuthFailure ? error.detail : String(error),
      });
      accounts.update(accountId, { lastRefresh: { at: at(), outcome: 'failed', detail } });
      throw new AppError(
        'REFRESH_FAILED',
        `Ledgerlink could not renew its access to HMRC. ${detail}`,
        'Check your internet connection and try again in a minute.',
      );
    }
    logger.addSecret(issued.access);
    logger.addSecret(issued.refresh);
    const next: TokenRecord = {
      access: issued.access,
      refresh: issued.refresh,
      expiresAt: new Date(clock.now().getTime() + issued.expiresInSeconds * 1000).toISOString(),
      scopes: issued.scopes ?? record.scopes,
      grantedAt: record.grantedAt,
    };
    // The old refresh token is already spent: persist the new one before anyone uses the new
    // access token (reference §2.6), or a crash now would lose the grant.
    let sessionOnly = record.sessionOnly;
    if (sessionOnly) {
      vault.keepForSession(accountId, next);
    } else {
      try {
        await vault.save(accountId, next);
      } catch (error) {
        // Never lose the only valid refresh token: keep it for this session and say so.
        vault.keepForSession(accountId, next);
        sessionOnly = true;
        logger.warn('Renewed tokens kept in memory only: they could not be saved', {
          accountId,
          reason: error instanceof KeychainUnavailableError ? error.reason : 'write failed',
        });
      }
    }
    accounts.update(accountId, {
      status: sessionOnly ? 'session-only' : 'linked',
      scopes: next.scopes,
      lastRefresh: { at: at(), outcome: 'ok' },
    });
    logger.info('Access token renewed', { accountId });
    return next.access;
  };

  return {
    async accessToken(accountId) {
      const running = inflight.get(accountId);
      if (running) return running;
      const record = await current(accountId);
      if (fresh(record)) return record.access;
      return singleFlight(accountId, async () => {
        const again = await current(accountId);
        return fresh(again) ? again.access : refresh(accountId, again);
      });
    },

    refreshAfterRejection(accountId, rejected) {
      return singleFlight(accountId, async () => {
        const record = await current(accountId);
        // Someone else already refreshed past the rejected token: use theirs.
        if (record.access !== rejected) return record.access;
        return refresh(accountId, record);
      });
    },

    async refreshNow(accountId) {
      await singleFlight(accountId, async () => refresh(accountId, await current(accountId)));
    },

    async accessTokenExpiry(accountId) {
      const loaded = await vault.load(accountId);
      return loaded.kind === 'found' ? loaded.record.expiresAt : null;
    },
  };
}
