import type { FraudHeadersView, HmrcBusy } from '@shared/ipc/channels/hmrc';
import type { Environment } from '@shared/ipc/channels/settings';
import type { EnvironmentRuntime } from '../environments/environment-runtime';
import { ENVIRONMENT_LABELS } from '../environments/hmrc-environments';
import { AppError } from '../ipc/app-error';
import type { IpcRouter } from '../ipc/ipc-router';
import { describeError } from './errors/error-catalogue';
import { explainFraudHeaders } from './fraud-prevention/explain-headers';
import { explainCheck } from './fraud-prevention/explain-check';
import type { HmrcBusyInfo } from './hmrc-http-client';
import type { HmrcService } from './hmrc-service';

const BUSY_LEAD: Record<HmrcBusyInfo['reason'], string> = {
  throttled: 'HMRC is busy',
  'server-error': 'HMRC had a problem',
  network: 'Ledgerlink could not reach HMRC',
};

/** "HMRC is busy. Ledgerlink will try again at 14:05:07 (retry 2 of 4)." in local time. */
export function busyMessage(info: HmrcBusyInfo): string {
  const at = new Date(info.retryAt).toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return `${BUSY_LEAD[info.reason]}. Ledgerlink will try again at ${at} (retry ${info.attempt} of ${info.maxAttempts}).`;
}

export function toBusyEvent(info: HmrcBusyInfo): HmrcBusy {
  return {
    accountId: info.accountId,
    reason: info.reason,
    attempt: info.attempt,
    maxAttempts: info.maxAttempts,
    retryAt: info.retryAt,
    message: busyMessage(info),
  };
}

const checkAvailability = (environment: Environment): FraudHeadersView['check'] =>
  environment === 'production'
    ? { available: false, reason: describeError('FRAUD_CHECK_NOT_AVAILABLE').message }
    : { available: true };

/** The HMRC client's channels; returns the function that stops its events. */
export function registerHmrcIpc(
  router: IpcRouter,
  deps: {
    hmrc: HmrcService;
    environments: Pick<EnvironmentRuntime, 'current'>;
    now: () => Date;
  },
): () => void {
  const { hmrc } = deps;

  router.handle('hmrc.fraudHeaders', async (request) => {
    const environment = deps.environments.current();
    const accounts = hmrc.accountsFor(environment);
    const usable = accounts.filter((a) => a.account.status !== 'relink-needed');
    const requested = request.accountId
      ? accounts.find((a) => a.account.id === request.accountId)
      : undefined;
    const active = requested ?? usable[0] ?? accounts[0];
    const collected = await hmrc.previewFraudHeaders();
    return {
      environment,
      environmentLabel: ENVIRONMENT_LABELS[environment].label,
      accounts: accounts.map(({ account, lastUsedAt }) => ({
        id: account.id,
        label: account.label,
        kind: account.kind,
        status: account.status,
        ...(lastUsedAt ? { lastUsedAt } : {}),
      })),
      activeAccountId: active?.account.id ?? null,
      collectedAt: collected.facts.localIpsCollectedAt.toISOString(),
      headers: explainFraudHeaders(collected.values, collected.facts).map((h) => ({
        name: h.name,
        value: h.value ?? null,
        state: h.state,
        reason: h.reason,
      })),
      check: checkAvailability(environment),
    };
  });

  router.handle('hmrc.checkFraudHeaders', async (request) => {
    const client = hmrc.forAccount(request.accountId);
    if (client.environment !== deps.environments.current()) {
      throw new AppError(
        'ACCOUNT_IN_OTHER_ENVIRONMENT',
        'That HMRC account belongs to another environment than the one Ledgerlink is using.',
        'Choose an account from the list, or switch environment in Settings.',
      );
    }
    const { data, correlationId } = await client.fraudHeaders.validate();
    return {
      accountId: client.accountId,
      checkedAt: deps.now().toISOString(),
      ...explainCheck(data),
      ...(correlationId ? { correlationId } : {}),
    };
  });

  return hmrc.onBusy((info) => router.emit('hmrc.busy', toBusyEvent(info)));
}
