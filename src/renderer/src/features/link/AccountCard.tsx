import { useState, type JSX } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountView, FlowView } from '@shared/ipc/channels/auth';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { formatDate, formatDateTime, formatDuration } from './format-time';
import { flowQueryKey } from './use-link';

const STATUS: Record<AccountView['status'], { text: string; badge: string }> = {
  linked: { text: 'Linked', badge: 'badge-ok' },
  'relink-needed': { text: 'Re-link needed', badge: 'badge-bad' },
  'session-only': { text: 'This session only', badge: 'badge-warn' },
};

export interface UnlinkedNotice {
  label: string;
  environment: AccountView['environment'];
  revoke: { url?: string | undefined; instructions: string };
}

/** One linked HMRC account on the scope status screen (issue 4 item 8). */
export function AccountCard({
  account,
  now,
  onUnlinked,
}: {
  account: AccountView;
  now: number;
  onUnlinked: (notice: UnlinkedNotice) => void;
}): JSX.Element {
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const headingId = `account-${account.id}`;

  const refresh = useMutation({
    mutationFn: () => unwrap(api.auth.refreshNow({ accountId: account.id })),
  });
  const relink = useMutation({
    mutationFn: () =>
      unwrap(
        api.auth.startLink({
          accountKind: account.kind,
          environment: account.environment,
          relinkAccountId: account.id,
          ...(account.status === 'session-only' ? { sessionOnly: true } : {}),
        }),
      ),
    onSuccess: (flow) => {
      queryClient.setQueryData<FlowView | null>(flowQueryKey, flow);
      window.location.hash = '#/link';
    },
  });
  const unlink = useMutation({
    mutationFn: () => unwrap(api.auth.unlink({ accountId: account.id })),
    onSuccess: (result) =>
      onUnlinked({ label: account.label, environment: account.environment, revoke: result.revoke }),
  });
  const failure = [refresh, relink, unlink].find((m) => m.error)?.error;
  const error = failure ? toIpcError(failure) : undefined;
  const ended = account.status === 'relink-needed';

  const tokenLeft = account.accessTokenExpiresAt
    ? new Date(account.accessTokenExpiresAt).getTime() - now
    : null;
  const grantLeft = new Date(account.grantExpiresAt).getTime() - now;
  // Whole days, rounded up: with 546.9 days to go, people expect "547 days".
  const grantDays = Math.ceil(grantLeft / 86_400_000);
  const days = `${grantDays} ${grantDays === 1 ? 'day' : 'days'}`;
  const endingSoon = grantLeft <= 30 * 86_400_000;
  const status = STATUS[account.status];

  return (
    <article className="card account-card" aria-labelledby={headingId} data-account={account.id}>
      <div className="account-head">
        <h2 id={headingId}>{account.label}</h2>
        <span className={`badge ${status.badge}`}>{status.text}</span>
      </div>

      {ended ? (
        // An alert: it also answers "Refresh now" when HMRC turns out to have ended the grant.
        <div className="notice notice-error" role="alert">
          <p className="notice-title">HMRC no longer accepts this sign-in</p>
          <p>
            The authority you gave Ledgerlink has ended or was taken back. Select Re-link and sign
            in to HMRC again. Your records are safe.
          </p>
        </div>
      ) : endingSoon ? (
        <div className="notice notice-warn">
          <p className="notice-title">
            {grantLeft > 0
              ? `Ledgerlink’s authority ends in ${days}`
              : 'Ledgerlink’s authority has ended'}
          </p>
          <p>Re-link before then to keep sending updates to HMRC without a break.</p>
        </div>
      ) : null}
      {account.status === 'session-only' ? (
        <p className="notice notice-warn">
          This sign-in is kept in memory only, because your computer’s keychain could not be used.
          You will need to link again after Ledgerlink closes.
        </p>
      ) : null}

      <dl className="facts">
        <dt>Environment</dt>
        <dd>{account.environmentLabel}</dd>
        <dt>Signed in as</dt>
        <dd>{account.kind === 'agent' ? 'An agent (agent services account)' : 'An individual'}</dd>
        <dt>Linked on</dt>
        <dd>{formatDate(account.linkedAt)}</dd>
        <dt>Access token</dt>
        <dd data-testid="token-time-left">
          {ended
            ? 'Not usable until you re-link'
            : tokenLeft === null
              ? 'Cannot be read'
              : tokenLeft > 0
                ? `${formatDuration(tokenLeft)} left`
                : 'Expired: Ledgerlink renews it the next time it needs it'}
        </dd>
        <dt>Authority ends</dt>
        <dd data-testid="grant-ends">
          {formatDate(account.grantExpiresAt)}{' '}
          <span className="hint-inline">({grantLeft > 0 ? `in ${days}` : 'ended'})</span>
        </dd>
        <dt>Last renewal</dt>
        <dd data-testid="last-refresh">
          {account.lastRefresh
            ? `${formatDateTime(account.lastRefresh.at)}: ${
                account.lastRefresh.outcome === 'ok' ? 'renewed' : 'failed'
              }${account.lastRefresh.detail ? `. ${account.lastRefresh.detail}` : ''}`
            : 'Not renewed yet'}
        </dd>
      </dl>

      <table className="table account-scopes">
        <caption>What Ledgerlink can do with this authority</caption>
        <thead>
          <tr>
            <th scope="col">Ledgerlink can</th>
            <th scope="col">HMRC permission needed</th>
            <th scope="col">Granted</th>
          </tr>
        </thead>
        <tbody>
          {account.features.map((f) => (
            <tr key={f.id}>
              <th scope="row">{f.label}</th>
              <td className="mono">{f.scope}</td>
              <td>
                {ended && f.granted ? (
                  <span className="badge badge-neutral">Until it ended</span>
                ) : (
                  <span className={f.granted ? 'badge badge-ok' : 'badge badge-bad'}>
                    {f.granted ? 'Yes' : 'No'}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {error && !(ended && error.code === 'RELINK_NEEDED') ? <ErrorNotice error={error} /> : null}
      {refresh.isSuccess ? (
        <p className="saved" role="status">
          Renewed. The new access token lasts 4 hours.
        </p>
      ) : null}

      {confirming ? (
        <div className="notice notice-warn" role="group" aria-labelledby={`${headingId}-confirm`}>
          <p className="notice-title" id={`${headingId}-confirm`}>
            Unlink {account.label}?
          </p>
          <p>
            Ledgerlink will delete its copy of this HMRC sign-in from this computer. Your records
            stay.
          </p>
          <div className="actions">
            <button
              type="button"
              className="button danger"
              onClick={() => unlink.mutate()}
              disabled={unlink.isPending}
            >
              Yes, unlink
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => refresh.mutate()}
            disabled={refresh.isPending || ended}
          >
            {refresh.isPending ? 'Renewing…' : 'Refresh now'}
          </button>
          <button
            type="button"
            className={ended ? 'button primary' : 'button'}
            onClick={() => relink.mutate()}
            disabled={relink.isPending}
          >
            Re-link
          </button>
          <button type="button" className="button danger" onClick={() => setConfirming(true)}>
            Unlink
          </button>
        </div>
      )}
    </article>
  );
}
