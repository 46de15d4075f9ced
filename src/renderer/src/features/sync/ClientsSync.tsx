import type { JSX } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { ProfilesView } from '@shared/ipc/channels/profiles';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { RunProgress } from './RunProgress';
import { useNetwork, useSyncRun } from './use-sync';

/**
 * Agents: send every client's approved updates in one go, within HMRC's shared rate limit, with
 * a progress bar and each client's outcome; stop at any time (what is left stays queued and the
 * next run carries on).
 */
export function ClientsSync({ view }: { view: ProfilesView }): JSX.Element {
  const network = useNetwork();
  const run = useSyncRun();
  const online = network.data?.online ?? true;
  const clients = view.profiles.filter((p) => p.kind === 'client' && !p.archivedAt);
  const start = useMutation({ mutationFn: () => unwrap(api.sync.many({})) });
  const cancel = useMutation({ mutationFn: (runId: string) => unwrap(api.sync.cancel({ runId })) });
  const current =
    run && run.clients.length > 0 && (run.running || start.isSuccess) ? run : (start.data ?? null);

  return (
    <section className="card" aria-labelledby="clients-sync-title">
      <h2 id="clients-sync-title">Sync all clients</h2>
      <p>
        Sends the approved updates of every client ({clients.length}{' '}
        {clients.length === 1 ? 'client' : 'clients'}) to HMRC, one business at a time, within
        HMRC’s limit of 3 requests a second for Ledgerlink as a whole. You can stop at any time:
        what has not been sent stays in each client’s outbox.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={!online || start.isPending || (current?.running ?? false)}
          onClick={() => start.mutate()}
        >
          Sync all clients now
        </button>
        {current?.running ? (
          <button
            type="button"
            className="button"
            onClick={() => cancel.mutate(current.runId)}
            disabled={current.cancelled}
          >
            Stop
          </button>
        ) : null}
        {!online ? (
          <span className="hint">You are offline: sync when you are back online.</span>
        ) : null}
      </div>
      {current ? <RunProgress run={current} /> : null}
      {start.error ? <ErrorNotice error={toIpcError(start.error)} /> : null}
      {cancel.error ? <ErrorNotice error={toIpcError(cancel.error)} /> : null}
    </section>
  );
}
