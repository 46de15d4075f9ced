import { useState, type FormEvent, type JSX } from 'react';
import { AGENT_ROLE_LABELS, type AgentRole } from '@shared/domain/agent-permissions';
import { ARN_EXAMPLE, POSTCODE_EXAMPLE } from '@shared/domain/agent-authorisation';
import { formatNino, NINO_EXAMPLE } from '@shared/domain/nino';
import type { AgentsState, ClientRelationship, InvitationView } from '@shared/ipc/channels/agents';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { CopyButton } from '@renderer/ui/CopyButton';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { TextField } from '@renderer/ui/TextField';
import { InvitationsTable } from './InvitationsTable';
import { useAgentsAction, useAgentsState } from './use-agents';

/**
 * #/profiles/authority: the agent asks clients for authority through HMRC (nothing is sent on
 * the client's behalf: the link is shown to pass on), follows the requests, and sees each
 * client's role as HMRC confirms it, with a mismatch resolved in one click.
 */
export function ClientAuthority(): JSX.Element {
  const state = useAgentsState();
  if (state.isPending) return <Loading label="Reading your clients’ authority…" />;
  if (state.error) return <ErrorNotice error={toIpcError(state.error)} />;
  const s = state.data;
  if (!s.accountId)
    return (
      <div className="empty-state">
        <p>Link Ledgerlink with your agent services account to ask clients for authority.</p>
        <p>
          <a className="button primary" href="#/link">
            Link to HMRC as an agent
          </a>
        </p>
      </div>
    );
  return <AuthorityFor state={s} accountId={s.accountId} />;
}

function AuthorityFor({
  state,
  accountId,
}: {
  state: AgentsState;
  accountId: string;
}): JSX.Element {
  const [inviteFor, setInviteFor] = useState<ClientRelationship | null>(null);
  const refresh = useAgentsAction(() => unwrap(api.agents.refreshInvitations({ accountId })));
  return (
    <div className="agents-authority">
      {state.needsRelink ? (
        <div className="notice notice-warn" role="status">
          <p className="notice-title">Link your agent account again to ask HMRC about clients.</p>
          <p>
            The authority you gave Ledgerlink does not cover authorisation requests. Link again from{' '}
            <a href="#/link">Link to HMRC</a> and grant everything HMRC asks about.
          </p>
        </div>
      ) : null}
      <ArnForm state={state} accountId={accountId} />
      {state.arn ? (
        <>
          <InviteForm
            accountId={accountId}
            prefill={inviteFor}
            key={inviteFor?.profileId ?? 'new'}
          />
          <section aria-labelledby="requests-heading">
            <div className="section-heading">
              <h2 id="requests-heading">Requests you have sent</h2>
              <button
                type="button"
                className="button"
                onClick={() => refresh.mutate(undefined)}
                disabled={refresh.isPending}
              >
                {refresh.isPending ? 'Asking HMRC…' : 'Check with HMRC'}
              </button>
            </div>
            <p className="hint">
              HMRC keeps requests for 30 days; a request expires if the client has not answered
              within 21 days.
              {state.invitationsCheckedAt
                ? ` Last checked ${new Date(state.invitationsCheckedAt).toLocaleString('en-GB')}.`
                : ' Not checked with HMRC yet.'}
            </p>
            {refresh.error ? <ErrorNotice error={toIpcError(refresh.error)} /> : null}
            <InvitationsTable accountId={accountId} invitations={state.invitations} />
          </section>
          <Relationships clients={state.clients} onInvite={setInviteFor} />
        </>
      ) : null}
    </div>
  );
}

function ArnForm({ state, accountId }: { state: AgentsState; accountId: string }): JSX.Element {
  const [arn, setArn] = useState(state.arn ?? '');
  const [editing, setEditing] = useState(!state.arn);
  const save = useAgentsAction((value: string) =>
    unwrap(api.agents.setArn({ accountId, arn: value })),
  );
  if (!editing && state.arn)
    return (
      <p>
        Acting as <strong>{state.accountLabel}</strong>, Agent Reference Number{' '}
        <span className="mono">{state.arn}</span>.{' '}
        <button type="button" className="link-button" onClick={() => setEditing(true)}>
          Change
        </button>
      </p>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(arn, { onSuccess: () => setEditing(false) });
  };
  return (
    <form onSubmit={submit} className="agents-arn" noValidate>
      <TextField
        id="agent-arn"
        label="Your Agent Reference Number (ARN)"
        hint={`On your agent services account, like ${ARN_EXAMPLE}. HMRC needs it for every request about clients.`}
        value={arn}
        onChange={setArn}
        error={save.error ? toIpcError(save.error).message : null}
        autoComplete="off"
        spellCheck={false}
      />
      <button type="submit" className="button primary" disabled={save.isPending}>
        Save
      </button>
    </form>
  );
}

function InviteForm({
  accountId,
  prefill,
}: {
  accountId: string;
  prefill: ClientRelationship | null;
}): JSX.Element {
  const [name, setName] = useState(prefill?.name ?? '');
  const [nino, setNino] = useState(prefill ? formatNino(prefill.nino) : '');
  const [postcode, setPostcode] = useState(prefill?.postcode ?? '');
  const [role, setRole] = useState<AgentRole>(prefill?.typedRole ?? 'main');
  const [made, setMade] = useState<InvitationView | null>(null);
  const invite = useAgentsAction(async () => {
    const answer = await unwrap(
      api.agents.invite({
        accountId,
        clientName: name,
        nino,
        postcode,
        role,
        ...(prefill ? { profileId: prefill.profileId } : {}),
      }),
    );
    setMade(answer.invitation);
    return answer.state;
  });
  const error = invite.error ? toIpcError(invite.error) : null;
  const fieldError = (path: string) => error?.fields?.find((f) => f.path === path)?.message ?? null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMade(null);
    invite.mutate(undefined);
  };
  return (
    <section aria-labelledby="invite-heading" className="agents-invite">
      <h2 id="invite-heading">Ask a client for authority</h2>
      <p className="hint">
        HMRC makes a link for the client. Ledgerlink shows it for you to send them; nothing is sent
        to the client from here. Making Tax Digital for Income Tax only.
      </p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="invite-name"
          label="Client’s name"
          value={name}
          onChange={setName}
          error={fieldError('clientName')}
          autoComplete="off"
        />
        <TextField
          id="invite-nino"
          label="National Insurance number"
          hint={`Like ${NINO_EXAMPLE}`}
          value={nino}
          onChange={setNino}
          error={fieldError('nino')}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          id="invite-postcode"
          label="Postcode HMRC holds for the client"
          hint={`Their main home address, like ${POSTCODE_EXAMPLE}`}
          value={postcode}
          onChange={setPostcode}
          error={fieldError('postcode')}
          autoComplete="off"
        />
        <fieldset className="field">
          <legend>Ask to be their</legend>
          {(['main', 'supporting'] as const).map((r) => (
            <label key={r} className="radio">
              <input
                type="radio"
                name="invite-role"
                value={r}
                checked={role === r}
                onChange={() => setRole(r)}
              />{' '}
              {AGENT_ROLE_LABELS[r]}
              {r === 'supporting'
                ? ' (HMRC does not let a supporting agent see calculations or declare)'
                : ' (everything, including the final declaration)'}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button primary" disabled={invite.isPending}>
          {invite.isPending ? 'Asking HMRC…' : 'Create the request'}
        </button>
      </form>
      {error && !error.fields?.length ? <ErrorNotice error={error} /> : null}
      {made?.clientLink ? <ClientLink invitation={made} /> : null}
    </section>
  );
}

export function ClientLink({ invitation }: { invitation: InvitationView }): JSX.Element {
  const [selected, setSelected] = useState(false);
  const id = `link-${invitation.invitationId}`;
  return (
    <div className="notice notice-ok" role="status">
      <p className="notice-title">
        Request made for {invitation.client?.name ?? 'the client'}. Send them this link to answer:
      </p>
      <p>
        <input
          id={id}
          className="mono agents-link"
          readOnly
          value={invitation.clientLink ?? ''}
          aria-label="The client’s link"
          ref={(el) => {
            if (el && selected) el.select();
          }}
        />
      </p>
      <CopyButton
        label="Copy the link"
        text={() => invitation.clientLink ?? ''}
        onFailed={() => setSelected(true)}
      />
      <p>It expires on {invitation.expiresOn?.slice(0, 10) ?? 'the date HMRC gives'}.</p>
    </div>
  );
}

function Relationships({
  clients,
  onInvite,
}: {
  clients: ClientRelationship[];
  onInvite: (client: ClientRelationship) => void;
}): JSX.Element {
  return (
    <section aria-labelledby="roles-heading">
      <h2 id="roles-heading">Your clients’ roles, as HMRC confirms them</h2>
      {clients.length === 0 ? (
        <p>
          No client profiles use this agent account yet. <a href="#/profiles/add">Add a client</a>.
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Client</th>
              <th scope="col">Typed role</th>
              <th scope="col">HMRC says</th>
              <th scope="col">Where it stands</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {clients.map((c) => (
              <RelationshipRow key={c.profileId} client={c} onInvite={onInvite} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

const HMRC_ROLE: Record<string, string> = {
  main: 'Main agent',
  supporting: 'Supporting agent',
  none: 'Not authorised',
};

function RelationshipRow({
  client,
  onInvite,
}: {
  client: ClientRelationship;
  onInvite: (client: ClientRelationship) => void;
}): JSX.Element {
  const [typed, setPostcode] = useState<string | null>(null);
  const postcode = typed ?? client.postcode ?? '';
  const check = useAgentsAction(() =>
    unwrap(
      api.agents.checkRelationship({
        profileId: client.profileId,
        ...(postcode ? { postcode } : {}),
      }),
    ),
  );
  const useRole = useAgentsAction(() =>
    unwrap(api.agents.useHmrcRole({ profileId: client.profileId })),
  );
  const end = useAgentsAction(() =>
    unwrap(api.agents.deauthorise({ profileId: client.profileId, confirm: true })),
  );
  const error = check.error ?? useRole.error ?? end.error;
  const tone =
    client.status === 'confirmed'
      ? 'badge-ok'
      : client.status === 'mismatch' || client.status === 'not-authorised'
        ? 'badge-bad'
        : 'badge-neutral';
  return (
    <tr>
      <th scope="row">
        {client.name}
        <div className="detail mono">{formatNino(client.nino)}</div>
      </th>
      <td>{client.typedRole ? AGENT_ROLE_LABELS[client.typedRole] : 'None'}</td>
      <td>
        <span className={`badge ${tone}`}>
          {client.hmrcRole ? HMRC_ROLE[client.hmrcRole] : 'Not checked'}
        </span>
      </td>
      <td>
        {client.message}
        {error ? <ErrorNotice error={toIpcError(error)} /> : null}
      </td>
      <td>
        <div className="agents-actions">
          <label className="visually-hidden" htmlFor={`pc-${client.profileId}`}>
            Postcode for {client.name}
          </label>
          <input
            id={`pc-${client.profileId}`}
            className="agents-postcode"
            value={postcode}
            onChange={(e) => setPostcode(e.target.value)}
            placeholder="Postcode"
            autoComplete="off"
          />
          <button
            type="button"
            className="button"
            onClick={() => check.mutate(undefined)}
            disabled={check.isPending}
          >
            {check.isPending ? 'Asking HMRC…' : `Check ${client.name}’s role with HMRC`}
          </button>
          {client.status === 'mismatch' && client.hmrcRole && client.hmrcRole !== 'none' ? (
            <button
              type="button"
              className="button primary"
              onClick={() => useRole.mutate(undefined)}
              disabled={useRole.isPending}
            >
              Use HMRC’s role: {HMRC_ROLE[client.hmrcRole]}
            </button>
          ) : null}
          {client.status === 'not-authorised' && !client.pendingInvitationId ? (
            <button
              type="button"
              className="button primary"
              onClick={() => {
                onInvite(client);
                document.getElementById('invite-heading')?.scrollIntoView();
                document.getElementById('invite-name')?.focus();
              }}
            >
              Ask {client.name} for authority
            </button>
          ) : null}
          {client.hmrcRole === 'main' || client.hmrcRole === 'supporting' ? (
            <button
              type="button"
              className="button danger"
              onClick={() => {
                if (
                  window.confirm(
                    `Stop acting for ${client.name} at HMRC? They would need to authorise you again.`,
                  )
                )
                  end.mutate(undefined);
              }}
              disabled={end.isPending}
            >
              Stop acting for {client.name}
            </button>
          ) : null}
        </div>
      </td>
    </tr>
  );
}
