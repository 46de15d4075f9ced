import type { AccountsView } from '@shared/ipc/channels/auth';
import type { Clock } from '../clock/clock';
import { AppError } from '../ipc/app-error';
import type { IpcRouter } from '../ipc/ipc-router';
import type { Logger } from '../logging/logger';
import type { ExternalOpener } from '../shell/external-opener';
import type { TokenVault } from '../vault/token-vault';
import { describeAccount } from './account-view';
import type { HmrcAccountStore } from './hmrc-accounts';
import type { LinkService } from './link-service';
import { revokeAdvice } from './revoke-advice';
import type { TokenService } from './token-provider';

export interface AuthIpcDeps {
  link: LinkService;
  accounts: HmrcAccountStore;
  tokens: TokenService;
  vault: TokenVault;
  opener: ExternalOpener;
  clock: Clock;
  logger: Logger;
}

/** The accounts as the renderer sees them: metadata and the access token's expiry, nothing secret. */
export async function accountsView(
  deps: Pick<AuthIpcDeps, 'accounts' | 'tokens' | 'clock'>,
): Promise<AccountsView> {
  const now = deps.clock.now();
  const accounts = await Promise.all(
    deps.accounts
      .list()
      .map(async (a) => describeAccount(a, await deps.tokens.accessTokenExpiry(a.id), now)),
  );
  return { now: now.toISOString(), accounts };
}

/** The `auth.*` channels and events (src/shared/ipc/channels/auth.ts). */
export function registerAuthIpc(router: IpcRouter, deps: AuthIpcDeps): () => void {
  const { link, accounts, tokens } = deps;

  const accountOrThrow = (accountId: string) => {
    const account = accounts.get(accountId);
    if (!account) {
      throw new AppError(
        'ACCOUNT_NOT_FOUND',
        'That HMRC account is no longer in Ledgerlink.',
        'Refresh the list of linked accounts.',
      );
    }
    return account;
  };

  router.handle('auth.linkOptions', (request) => link.options(request.environment));
  router.handle('auth.startLink', (request) => link.start(request));
  router.handle('auth.currentFlow', () => link.current());
  router.handle('auth.reopenBrowser', (request) => link.reopenBrowser(request.flowId));
  router.handle('auth.submitCode', (request) => link.submitCode(request.flowId, request.code));
  router.handle('auth.cancelLink', (request) => link.cancel(request.flowId));
  router.handle('auth.keepForSession', (request) => link.keepForSession(request.flowId));
  router.handle('auth.accounts', () => accountsView(deps));

  router.handle('auth.refreshNow', async ({ accountId }) => {
    accountOrThrow(accountId);
    await tokens.refreshNow(accountId);
    const account = accountOrThrow(accountId);
    return describeAccount(account, await tokens.accessTokenExpiry(accountId), deps.clock.now());
  });

  router.handle('auth.unlink', async ({ accountId }) => {
    const account = accountOrThrow(accountId);
    await deps.vault.delete(accountId);
    accounts.remove(accountId);
    deps.logger.info('HMRC account unlinked', { accountId, environment: account.environment });
    return { accountId, revoke: revokeAdvice(account.environment) };
  });

  router.handle('auth.openRevokePage', async ({ environment }) => {
    const { url } = revokeAdvice(environment);
    if (!url) return { opened: false };
    await deps.opener.open(url);
    return { opened: true };
  });

  // Tell every window when accounts change (link, refresh, re-link needed, unlink).
  let pending = false;
  return accounts.onChange(() => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      void accountsView(deps).then(
        (view) => router.emit('auth.accountsChanged', view),
        (error: unknown) =>
          deps.logger.warn('Could not describe accounts after a change', {
            error: error instanceof Error ? error.message : String(error),
          }),
      );
    });
  });
}
