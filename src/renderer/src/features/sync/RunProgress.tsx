import type { JSX } from 'react';
import type { SyncRunView } from '@shared/ipc/channels/sync';

type ClientState = SyncRunView['clients'][number]['state'];

const CLIENT_STATE_TEXT: Record<ClientState, string> = {
  waiting: 'Waiting',
  syncing: 'Sending…',
  done: 'Done',
  queued: 'Queued to try again',
  failed: 'Needs attention',
  'needs-relink': 'Link to HMRC again',
  cancelled: 'Stopped',
  'nothing-to-send': 'Nothing to send',
};

const CLIENT_STATE_BADGE: Record<ClientState, string> = {
  waiting: 'badge badge-neutral',
  syncing: 'badge badge-neutral',
  done: 'badge badge-ok',
  queued: 'badge badge-warn',
  failed: 'badge badge-bad',
  'needs-relink': 'badge badge-warn',
  cancelled: 'badge badge-neutral',
  'nothing-to-send': 'badge badge-neutral',
};

/** A sync's progress bar, with per-client rows when it covers several clients. */
export function RunProgress({ run, single }: { run: SyncRunView; single?: boolean }): JSX.Element {
  const settled = run.accepted + run.queued + run.failed;
  const summary = `${settled} of ${run.total} ${run.total === 1 ? 'update' : 'updates'} done: ${run.accepted} accepted, ${run.queued} queued, ${run.failed} need attention.`;
  return (
    <div className="run-progress">
      <label className="run-progress-label" htmlFor={`run-${run.runId}`}>
        {run.running
          ? run.cancelled
            ? 'Stopping…'
            : 'Syncing'
          : run.cancelled
            ? 'Sync stopped'
            : 'Sync finished'}
      </label>
      <progress
        id={`run-${run.runId}`}
        className="progress"
        max={Math.max(1, run.total)}
        value={settled}
      />
      <p className="hint" aria-live="polite">
        {summary}
      </p>
      {single ? null : (
        <table className="table run-clients">
          <caption>Each client</caption>
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">State</th>
              <th scope="col" className="num">
                Accepted
              </th>
              <th scope="col" className="num">
                Queued
              </th>
              <th scope="col" className="num">
                Need attention
              </th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {run.clients.map((c) => (
              <tr key={c.profileId} data-client={c.name}>
                <th scope="row">{c.name}</th>
                <td>
                  <span className={CLIENT_STATE_BADGE[c.state]}>{CLIENT_STATE_TEXT[c.state]}</span>
                </td>
                <td className="num">{c.accepted}</td>
                <td className="num">{c.queued}</td>
                <td className="num">{c.failed}</td>
                <td className="detail">{c.message ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!run.running && run.note ? <p>{run.note}</p> : null}
    </div>
  );
}
