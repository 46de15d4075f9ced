import { useState, type FormEvent, type JSX } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountKind, FlowView, TransportId } from '@shared/ipc/channels/auth';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { PracticeUsers } from './PracticeUsers';
import { flowQueryKey, useLinkOptions } from './use-link';

/** Step 1 of the seed: the person asks to link; main opens HMRC's pages in their browser. */
export function StartLinkForm({
  notice,
  lateGrant,
}: {
  notice?: string;
  /** HMRC's grant came back after the person cancelled: it was not used. */
  lateGrant?: { message: string; action: string };
}): JSX.Element {
  const options = useLinkOptions();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<AccountKind>('individual');
  const [transport, setTransport] = useState<TransportId | null>(null);
  const [sessionOnly, setSessionOnly] = useState(false);
  const start = useMutation({
    mutationFn: (request: {
      accountKind: AccountKind;
      transport?: TransportId;
      sessionOnly?: boolean;
    }) => unwrap(api.auth.startLink(request)),
    onSuccess: (flow) => queryClient.setQueryData<FlowView | null>(flowQueryKey, flow),
  });

  if (options.isPending) return <Loading label="Getting ready to link…" />;
  if (options.error) return <ErrorNotice error={toIpcError(options.error)} />;
  const o = options.data;
  const chosen = transport ?? o.defaultTransport;
  const keychainMissing = !o.keychain.available;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate({
      accountKind: kind,
      ...(chosen ? { transport: chosen } : {}),
      ...(sessionOnly ? { sessionOnly: true } : {}),
    });
  };

  return (
    <form className="form link-start" onSubmit={onSubmit} aria-labelledby="link-start-heading">
      <h2 id="link-start-heading">Link an HMRC account</h2>
      {lateGrant ? (
        <div className="notice notice-warn" role="status">
          <p className="notice-title">Nothing was linked</p>
          <p>{lateGrant.message}</p>
          <p>{lateGrant.action}</p>
        </div>
      ) : notice ? (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      ) : null}
      <p>
        You will sign in on HMRC’s own pages, in your usual web browser, and give Ledgerlink
        authority there. Ledgerlink never sees your password. You are linking to{' '}
        <strong>{o.environmentLabel}</strong> (change this in <a href="#/settings">Settings</a>).
      </p>

      <fieldset>
        <legend>Who is signing in?</legend>
        <div className="choice">
          <input
            type="radio"
            id="link-kind-individual"
            name="link-kind"
            checked={kind === 'individual'}
            onChange={() => setKind('individual')}
            aria-describedby="link-kind-individual-hint"
          />
          <label htmlFor="link-kind-individual">A business or landlord (an individual)</label>
          <p className="hint" id="link-kind-individual-hint">
            Sign in with your own Government Gateway user ID.
          </p>
        </div>
        <div className="choice">
          <input
            type="radio"
            id="link-kind-agent"
            name="link-kind"
            checked={kind === 'agent'}
            onChange={() => setKind('agent')}
            aria-describedby="link-kind-agent-hint"
          />
          <label htmlFor="link-kind-agent">An agent</label>
          <p className="hint" id="link-kind-agent-hint">
            Sign in with your agent services account user ID. One link serves all your clients.
          </p>
        </div>
      </fieldset>

      <fieldset>
        <legend>How your browser comes back to Ledgerlink</legend>
        {o.transports.map((t) => (
          <div key={t.id} className="choice">
            <input
              type="radio"
              id={`link-transport-${t.id}`}
              name="link-transport"
              checked={chosen === t.id}
              disabled={!t.available}
              onChange={() => setTransport(t.id)}
              aria-describedby={`link-transport-${t.id}-hint`}
            />
            <label htmlFor={`link-transport-${t.id}`}>
              {t.label}
              {t.id === o.defaultTransport ? ' (recommended)' : ''}
            </label>
            <p className="hint" id={`link-transport-${t.id}-hint`}>
              {t.description}
              {t.available ? '' : ` Not available: ${t.unavailableReason ?? ''}`}
            </p>
          </div>
        ))}
      </fieldset>

      {keychainMissing ? (
        <div className="notice notice-warn">
          <p className="notice-title">Your computer’s keychain cannot be used</p>
          <p>
            {o.keychain.message} Ledgerlink never saves a sign-in without encryption. Unlock your
            keychain and try again, or link for this session only.
          </p>
          <div className="choice">
            <input
              type="checkbox"
              id="link-session-only"
              checked={sessionOnly}
              onChange={(e) => setSessionOnly(e.target.checked)}
            />
            <label htmlFor="link-session-only">Keep me signed in for this session only</label>
          </div>
        </div>
      ) : null}

      {start.error ? <ErrorNotice error={toIpcError(start.error)} /> : null}
      <div className="actions">
        <button type="submit" className="button primary" disabled={start.isPending || !chosen}>
          {start.isPending ? 'Opening your browser…' : 'Open HMRC in my browser'}
        </button>
      </div>
      <PracticeUsers users={o.practiceUsers} />
    </form>
  );
}
