import type { AccountKind } from '@shared/ipc/channels/auth';
import type { Environment } from '@shared/ipc/channels/settings';
import type { Clock } from '../clock/clock';
import type { Logger } from '../logging/logger';
import { KeychainUnavailableError } from '../vault/master-key';
import type { TokenRecord } from '../vault/token-cipher';
import type { TokenVault } from '../vault/token-vault';
import { describeAccount, grantEndFrom } from './account-view';
import type { HmrcAccount, HmrcAccountStore } from './hmrc-accounts';
import { linkFailure } from './link-failures';
import { FLOW_LIFETIME_MS, setStep, type LinkFlow } from './link-flow';

/** The last step of linking: the tokens kept safe and the HMRC account saved. */
export interface LinkStorage {
  /**
   * Seals the tokens in the vault (or keeps them for the session when the person chose so) and
   * saves the account; when the keychain fails, holds the tokens in memory and asks the person.
   */
  store: (f: LinkFlow, accountId: string, record: TokenRecord) => Promise<void>;
  /** Saves the account and marks the attempt linked. */
  finish: (f: LinkFlow, accountId: string, record: TokenRecord, sessionOnly: boolean) => void;
}

export function createLinkStorage(deps: {
  accounts: HmrcAccountStore;
  vault: TokenVault;
  clock: Clock;
  logger: Logger;
  /** Tells the window how the attempt stands (only the latest attempt is shown). */
  publish: (f: LinkFlow) => void;
  /** Whether `f` is still the latest attempt (a newer one replaces it). */
  isLatest: (f: LinkFlow) => boolean;
  /** The attempt ran out of time (the person did not choose). */
  expire: (f: LinkFlow) => void;
}): LinkStorage {
  const { accounts, vault, clock, logger, publish, expire } = deps;

  const labelFor = (environment: Environment, kind: AccountKind): string => {
    const base = kind === 'agent' ? 'Agent services account' : 'Individual sign-in';
    const same = accounts.list().filter((a) => a.environment === environment && a.kind === kind);
    return same.length === 0 ? base : `${base} ${same.length + 1}`;
  };

  const finish = (f: LinkFlow, accountId: string, record: TokenRecord, sessionOnly: boolean) => {
    const linkedAt = clock.now();
    const existing = f.relinkAccountId ? accounts.get(f.relinkAccountId) : undefined;
    const account: HmrcAccount = {
      id: accountId,
      environment: f.environment,
      kind: f.accountKind,
      label: existing?.label ?? labelFor(f.environment, f.accountKind),
      linkedAt: linkedAt.toISOString(),
      grantExpiresAt: grantEndFrom(linkedAt),
      scopes: record.scopes,
      status: sessionOnly ? 'session-only' : 'linked',
    };
    accounts.save(account);
    f.held = undefined;
    f.phase = 'linked';
    f.account = describeAccount(account, record.expiresAt, linkedAt);
    setStep(
      f,
      'token-stored',
      'done',
      sessionOnly
        ? 'Kept in memory for this session only. You will need to link again after Ledgerlink closes.'
        : 'Stored encrypted. Its key is in your computer’s keychain.',
    );
    logger.info('HMRC account linked', {
      accountId,
      environment: f.environment,
      kind: f.accountKind,
      transport: f.transport.id,
      sessionOnly,
    });
    publish(f);
  };

  const store = async (f: LinkFlow, accountId: string, record: TokenRecord) => {
    if (f.sessionOnly) {
      vault.keepForSession(accountId, record);
      return finish(f, accountId, record, true);
    }
    try {
      await vault.save(accountId, record);
    } catch (error) {
      if (!deps.isLatest(f) || f.phase !== 'storing') return;
      const reason = error instanceof KeychainUnavailableError ? error.reason : 'write failed';
      logger.warn('Tokens could not be stored; asking the person what to do', { reason });
      // The code is spent, so keep the tokens in memory (main only) while the person chooses.
      f.held = { accountId, record };
      f.phase = 'storage-choice';
      f.error = { step: 'token-stored', ...linkFailure('KEYCHAIN_UNAVAILABLE') };
      setStep(f, 'token-stored', 'failed');
      f.timer = setTimeout(() => expire(f), FLOW_LIFETIME_MS);
      f.timer.unref?.();
      return publish(f);
    }
    // Once the tokens are stored the account is linked, even if Cancel came a moment too late.
    finish(f, accountId, record, false);
  };

  return { store, finish };
}
