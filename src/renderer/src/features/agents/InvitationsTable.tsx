import { useState, type JSX } from 'react';
import { AGENT_ROLE_LABELS } from '@shared/domain/agent-permissions';
import { formatNino } from '@shared/domain/nino';
import type { InvitationView } from '@shared/ipc/channels/agents';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { CopyButton } from '@renderer/ui/CopyButton';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { useAgentsAction } from './use-agents';

const TONE: Record<InvitationView['status'], string> = {
  Pending: 'badge-warn',
  Partialauth: 'badge-warn',
  Accepted: 'badge-ok',
  Rejected: 'badge-bad',
  Cancelled: 'badge-neutral',
  Deauthorised: 'badge-neutral',
  Expired: 'badge-neutral',
};

const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '');

/** The requests of the last 30 days: status in words, the client's link while it waits, cancel. */
export function InvitationsTable({
  accountId,
  invitations,
}: {
  accountId: string;
  invitations: InvitationView[];
}): JSX.Element {
  if (invitations.length === 0) return <p>No requests in the last 30 days.</p>;
  return (
    <table className="table agents-requests">
      <thead>
        <tr>
          <th scope="col">Client</th>
          <th scope="col">Role asked for</th>
          <th scope="col">Status</th>
          <th scope="col">Made</th>
          <th scope="col">The client’s link</th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((i) => (
          <InvitationRow key={i.invitationId} accountId={accountId} invitation={i} />
        ))}
      </tbody>
    </table>
  );
}

function InvitationRow({
  accountId,
  invitation: i,
}: {
  accountId: string;
  invitation: InvitationView;
}): JSX.Element {
  const [selected, setSelected] = useState(false);
  const cancel = useAgentsAction(() =>
    unwrap(api.agents.cancelInvitation({ accountId, invitationId: i.invitationId })),
  );
  const who = i.client?.name ?? 'A client (request made elsewhere)';
  return (
    <tr>
      <th scope="row">
        {who}
        <div className="detail mono">
          {i.client ? `${formatNino(i.client.nino)} · ` : ''}
          {i.invitationId}
        </div>
      </th>
      <td>{AGENT_ROLE_LABELS[i.role]}</td>
      <td>
        <span className={`badge ${TONE[i.status]}`}>{i.statusLabel}</span>
        {i.status === 'Pending' && i.expiresOn ? (
          <div className="detail">Expires {day(i.expiresOn)}</div>
        ) : null}
        {i.updated && i.status !== 'Pending' ? (
          <div className="detail">On {day(i.updated)}</div>
        ) : null}
      </td>
      <td>{day(i.created)}</td>
      <td>
        <div className="agents-actions">
          {i.clientLink ? (
            <>
              <input
                className="mono agents-link"
                readOnly
                value={i.clientLink}
                aria-label={`Link for ${who}`}
                ref={(el) => {
                  if (el && selected) el.select();
                }}
              />
              <CopyButton
                label="Copy the link"
                text={() => i.clientLink ?? ''}
                onFailed={() => setSelected(true)}
              />
              <button
                type="button"
                className="button danger"
                onClick={() => cancel.mutate(undefined)}
                disabled={cancel.isPending}
              >
                Cancel this request
              </button>
            </>
          ) : (
            <span className="detail">No link: the request is {i.statusLabel.toLowerCase()}.</span>
          )}
        </div>
        {cancel.error ? <ErrorNotice error={toIpcError(cancel.error)} /> : null}
      </td>
    </tr>
  );
}
