import { useEffect, useRef, useState, type JSX } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AccountKind, FlowView } from '@shared/ipc/channels/auth';
import type { Environment } from '@shared/ipc/channels/settings';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { LinkProgress } from '../link/LinkProgress';
import { PracticeUsers } from '../link/PracticeUsers';
import { flowQueryKey, useCurrentFlow, useLinkOptions } from '../link/use-link';
import { useHmrcAccounts } from '../profiles/use-hmrc-accounts';

const WHAT: Record<AccountKind, { button: string; intro: string }> = {
  individual: {
    button: 'Link my HMRC sign-in',
    intro:
      'Ledgerlink needs your authority to deal with HMRC for you. You sign in on HMRC’s own pages in your web browser; Ledgerlink never sees your password.',
  },
  agent: {
    button: 'Link my agent services account',
    intro:
      'Sign in with your agent services account (not a personal sign-in) on HMRC’s own pages in your web browser. One link serves all your clients.',
  },
};

/**
 * Linking, inside the set-up: the Link to HMRC journey of issue 4 (its steps, its progress,
 * its transports), started for the kind of account this person needs. An account of that kind
 * already linked in this environment can be used instead.
 */
export function LinkAccountStep({
  kind,
  environment,
  onLinked,
  onBack,
}: {
  kind: AccountKind;
  environment: Environment;
  onLinked: (accountId: string) => void;
  onBack: () => void;
}): JSX.Element {
  const queryClient = useQueryClient();
  const options = useLinkOptions();
  const flow = useCurrentFlow();
  const existing = useHmrcAccounts(environment, kind);
  const [flowId, setFlowId] = useState<string | null>(null);
  const [sessionOnly, setSessionOnly] = useState(false);
  const [linkAnother, setLinkAnother] = useState(false);
  const start = useMutation({
    mutationFn: () =>
      unwrap(
        api.auth.startLink({
          accountKind: kind,
          environment,
          ...(options.data?.defaultTransport ? { transport: options.data.defaultTransport } : {}),
          ...(sessionOnly ? { sessionOnly: true } : {}),
        }),
      ),
    onSuccess: (view: FlowView) => {
      setFlowId(view.flowId);
      queryClient.setQueryData<FlowView | null>(flowQueryKey, view);
    },
  });

  const current = flow.data && flow.data.flowId === flowId ? flow.data : null;
  const linkedId = current?.phase === 'linked' ? current.account?.id : undefined;
  const reported = useRef(false);
  useEffect(() => {
    if (!linkedId || reported.current) return;
    reported.current = true;
    onLinked(linkedId);
  }, [linkedId, onLinked]);

  if (options.isPending || existing.isPending) return <Loading label="Getting ready to link…" />;
  if (options.error) return <ErrorNotice error={toIpcError(options.error)} />;
  const o = options.data;

  if (current && current.phase !== 'cancelled' && current.phase !== 'linked') {
    return <LinkProgress flow={current} />;
  }
  if (linkedId) return <Loading label="Linked. Setting up your profile…" />;

  const offerExisting = existing.accounts.length > 0 && !linkAnother;
  return (
    <section aria-labelledby="onboarding-link-heading" className="onboarding-link">
      <h2 id="onboarding-link-heading">
        {kind === 'agent' ? 'Link your agent services account' : 'Link your HMRC sign-in'}
      </h2>
      {current?.phase === 'cancelled' ? (
        current.refusal ? (
          <div className="notice notice-warn" role="status">
            <p className="notice-title">Nothing was linked</p>
            <p>{current.refusal.message}</p>
            <p>{current.refusal.action}</p>
          </div>
        ) : (
          <p className="notice notice-warn" role="status">
            Linking cancelled. Nothing was saved.
          </p>
        )
      ) : null}
      {offerExisting ? (
        <>
          <p>
            Ledgerlink is already linked to{' '}
            {existing.accounts.length === 1 ? 'this account' : 'these accounts'}:
          </p>
          <div className="actions">
            {existing.accounts.map((a) => (
              <button
                key={a.id}
                type="button"
                className="button primary"
                onClick={() => onLinked(a.id)}
              >
                Use {a.label}
              </button>
            ))}
            <button type="button" className="button" onClick={() => setLinkAnother(true)}>
              Link a different account
            </button>
          </div>
        </>
      ) : (
        <>
          <p>{WHAT[kind].intro}</p>
          <p>
            You are linking to <strong>{o.environmentLabel}</strong>.
          </p>
          {!o.keychain.available ? (
            <div className="notice notice-warn">
              <p>{o.keychain.message}</p>
              <div className="choice">
                <input
                  type="checkbox"
                  id="onboarding-session-only"
                  checked={sessionOnly}
                  onChange={(e) => setSessionOnly(e.target.checked)}
                />
                <label htmlFor="onboarding-session-only">
                  Keep me signed in for this session only
                </label>
              </div>
            </div>
          ) : null}
          {!o.defaultTransport ? (
            <p className="notice notice-error" role="alert">
              This computer offers no way for HMRC to send you back to Ledgerlink. Choose one on the{' '}
              <a href="#/link">Link to HMRC</a> screen.
            </p>
          ) : null}
          {start.error ? <ErrorNotice error={toIpcError(start.error)} /> : null}
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={
                start.isPending || !o.defaultTransport || (!o.keychain.available && !sessionOnly)
              }
              onClick={() => start.mutate()}
            >
              {start.isPending ? 'Opening your browser…' : WHAT[kind].button}
            </button>
            <button type="button" className="button" onClick={onBack}>
              Back
            </button>
          </div>
          <PracticeUsers users={o.practiceUsers.filter((u) => u.kind === kind)} />
        </>
      )}
    </section>
  );
}
