import { useRef, type JSX } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SyncRunView, SyncStatusView } from '@shared/ipc/channels/sync';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { EstimatePanel } from './EstimatePanel';
import { KIND_TEXT, SUBMISSION_TEXT, STATE_BADGE, STATE_TEXT, ukDate, when } from './format';
import { RunProgress } from './RunProgress';
import { syncKeys, useNetwork, useSyncRun, useSyncStatus } from './use-sync';

function OutboxTable({ status }: { status: SyncStatusView }): JSX.Element {
  const queryClient = useQueryClient();
  const discard = useMutation({
    mutationFn: (outboxId: number) =>
      unwrap(api.sync.discard({ profileId: status.profileId, outboxId })),
    onSuccess: (view) => queryClient.setQueryData(syncKeys.status(status.profileId), view),
  });
  if (status.items.length === 0) {
    return (
      <p className="empty-state">
        The outbox is empty. Approve an update on the “Updates to review” tab and it waits here
        until you sync.
      </p>
    );
  }
  return (
    <>
      <table className="table outbox-table">
        <caption>Updates you approved, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Business and period</th>
            <th scope="col">State</th>
            <th scope="col">Details</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {status.items.map((item) => (
            <tr key={item.id} data-outbox={item.id} data-state={item.state}>
              <th scope="row">
                {item.businessName}
                <span className="hint sync-block">
                  {KIND_TEXT[item.kind]} · {SUBMISSION_TEXT[item.submission ?? 'cumulative']}{' '}
                  {ukDate(item.periodStart)} to {ukDate(item.periodEnd)}
                </span>
              </th>
              <td>
                <span className={STATE_BADGE[item.state]}>{STATE_TEXT[item.state]}</span>
              </td>
              <td className="detail">
                {item.state === 'accepted' && item.acceptedAt ? (
                  <>
                    Accepted at {when(item.acceptedAt)}
                    {item.receiptSeq ? `, receipt ${item.receiptSeq}` : ''}.{' '}
                    {item.correlationId ? (
                      <span className="mono">HMRC reference {item.correlationId}</span>
                    ) : null}
                  </>
                ) : item.error ? (
                  <>
                    {item.error.message} {item.error.action}
                    {item.nextRetryAt && item.state === 'approved'
                      ? ` It will be tried again at ${when(item.nextRetryAt)}.`
                      : ''}
                    {item.error.correlationId ? (
                      <span className="mono sync-block">
                        HMRC reference {item.error.correlationId}
                      </span>
                    ) : null}
                    <span className="sync-block">Reference: {item.error.code}</span>
                  </>
                ) : (
                  `Approved at ${when(item.approvedAt)}.`
                )}
              </td>
              <td>
                {item.state === 'failed' || item.state === 'stale' ? (
                  <div className="actions">
                    <a className="button" href="#/review">
                      Review again
                    </a>
                    <button
                      type="button"
                      className="button"
                      onClick={() => discard.mutate(item.id)}
                    >
                      Remove
                    </button>
                  </div>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {discard.error ? <ErrorNotice error={toIpcError(discard.error)} /> : null}
    </>
  );
}

/**
 * Sync for the active profile: online status, "Sync now" with a progress bar, the outbox with
 * each item's state and reason, the last sync, and the tax estimate after it.
 */
export function SyncPanel({ profileId }: { profileId: string }): JSX.Element {
  const queryClient = useQueryClient();
  const status = useSyncStatus(profileId);
  const network = useNetwork();
  const run = useSyncRun();
  const resultRef = useRef<HTMLDivElement>(null);
  const syncNow = useMutation({
    mutationFn: () => unwrap(api.sync.now({ profileId })),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: syncKeys.status(profileId) });
      void queryClient.invalidateQueries({ queryKey: syncKeys.receipts(profileId) });
      void queryClient.invalidateQueries({ queryKey: syncKeys.review(profileId) });
      requestAnimationFrame(() => resultRef.current?.focus());
    },
  });
  const setAuto = useMutation({
    mutationFn: (enabled: boolean) => unwrap(api.sync.setSyncOnReconnect({ enabled })),
    onSuccess: (view) => queryClient.setQueryData(syncKeys.network, view),
  });

  if (status.isPending) return <Loading label="Reading the outbox…" />;
  if (status.error) return <ErrorNotice error={toIpcError(status.error)} />;
  const s = status.data;
  const online = network.data?.online ?? s.online;
  const ownRun: SyncRunView | null =
    run && run.clients.some((c) => c.profileId === profileId) ? run : null;
  const last: SyncRunView | undefined = syncNow.data;

  return (
    <div className="sync-panel">
      <section className="card" aria-labelledby="sync-title">
        <h2 id="sync-title">Send to HMRC</h2>
        <p>
          <span className={online ? 'badge badge-ok' : 'badge badge-warn'}>
            {online ? 'Online' : 'Offline'}
          </span>{' '}
          {s.counts.queued === 0
            ? 'Nothing is waiting to be sent.'
            : `${s.counts.queued} approved ${s.counts.queued === 1 ? 'update is' : 'updates are'} waiting to be sent.`}{' '}
          {s.lastSyncedAt
            ? `Last synced at ${when(s.lastSyncedAt)}: ${s.lastOutcome ?? ''}`
            : 'Not synced yet.'}
        </p>
        {s.counts.needsRelink > 0 ? (
          <div className="notice notice-warn">
            <p className="notice-title">
              HMRC no longer accepts Ledgerlink’s authority for this profile’s account.
            </p>
            <p>
              Link to HMRC again on the <a href="#/link">Link to HMRC</a> screen, then select Sync
              now: the updates waiting are kept.
            </p>
          </div>
        ) : null}
        <div className="actions">
          <button
            type="button"
            className="button primary"
            disabled={
              !online ||
              syncNow.isPending ||
              s.running ||
              s.counts.queued + s.counts.needsRelink === 0
            }
            onClick={() => syncNow.mutate()}
          >
            {syncNow.isPending || s.running ? 'Syncing…' : 'Sync now'}
          </button>
          {!online ? (
            <span className="hint">
              You are offline. Approved updates stay in the outbox; sync when you are back online.
            </span>
          ) : null}
        </div>
        <div className="choice">
          <input
            id="sync-on-reconnect"
            type="checkbox"
            checked={network.data?.syncOnReconnect ?? false}
            onChange={(e) => setAuto.mutate(e.target.checked)}
          />
          <label htmlFor="sync-on-reconnect">
            Sync automatically when this computer is back online
          </label>
        </div>
        {(syncNow.isPending || s.running) && ownRun ? <RunProgress run={ownRun} single /> : null}
        <div ref={resultRef} tabIndex={-1} className="sync-result" aria-live="polite">
          {last &&
          !syncNow.isPending &&
          (!s.lastSyncedAt || !last.finishedAt || s.lastSyncedAt <= last.finishedAt) ? (
            <div
              className={
                last.failed > 0 || last.queued > 0 ? 'notice notice-warn' : 'notice notice-ok'
              }
            >
              <p className="notice-title">
                {last.total === 0
                  ? 'There was nothing to send.'
                  : `${last.accepted} of ${last.total} ${last.total === 1 ? 'update' : 'updates'} accepted by HMRC.`}
              </p>
              {last.clients[0]?.problem ? <p>{last.clients[0].problem}</p> : null}
              {last.note ? <p>{last.note}</p> : null}
            </div>
          ) : null}
        </div>
        {syncNow.error ? <ErrorNotice error={toIpcError(syncNow.error)} /> : null}
      </section>

      <section aria-labelledby="outbox-title">
        <h2 id="outbox-title">Outbox</h2>
        <OutboxTable status={s} />
      </section>

      <EstimatePanel
        profileId={profileId}
        {...(s.estimate ? { estimate: s.estimate } : {})}
        allowed={s.estimateAllowed}
        {...(s.estimateReason ? { reason: s.estimateReason } : {})}
        online={online}
      />
    </div>
  );
}
