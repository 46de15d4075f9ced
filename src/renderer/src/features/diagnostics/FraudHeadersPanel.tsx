import { useEffect, useState, type JSX } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FraudHeaderRow } from '@shared/ipc/channels/hmrc';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { FraudHeadersBusyNotice } from './FraudHeadersBusyNotice';
import { FraudHeadersCheckResult } from './FraudHeadersCheckResult';

const queryKey = (accountId: string | null) => ['hmrc.fraudHeaders', accountId] as const;

function HeaderValue({ row }: { row: FraudHeaderRow }): JSX.Element {
  if (row.state === 'not-sent') return <span className="badge badge-warn">Not sent</span>;
  if (row.state === 'sent-empty') return <span className="badge badge-neutral">Sent empty</span>;
  return <code className="fph-value">{row.value}</code>;
}

/**
 * Diagnostics → Fraud prevention headers: each header exactly as Ledgerlink sends it from this
 * computer, why, and HMRC's own check of them (Practice HMRC or the HMRC sandbox).
 */
export function FraudHeadersPanel(): JSX.Element {
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<string | null>(null);
  const view = useQuery({
    queryKey: queryKey(chosen),
    queryFn: () => unwrap(api.hmrc.fraudHeaders(chosen ? { accountId: chosen } : {})),
    staleTime: 0,
  });

  // Linking an account or switching environment changes what this panel shows.
  useEffect(() => {
    const refresh = () => void queryClient.invalidateQueries({ queryKey: ['hmrc.fraudHeaders'] });
    const offAccounts = api.on('auth.accountsChanged', refresh);
    const offSettings = api.on('settings.changed', refresh);
    return () => {
      offAccounts();
      offSettings();
    };
  }, [queryClient]);

  const accountId = view.data?.activeAccountId ?? null;
  const check = useMutation({
    mutationFn: (id: string) => unwrap(api.hmrc.checkFraudHeaders({ accountId: id })),
  });

  return (
    <section aria-labelledby="diagnostics-fraud-headers" className="fph">
      <h2 id="diagnostics-fraud-headers">Fraud prevention headers</h2>
      <p className="hint fph-intro">
        By law HMRC needs these details with every request Ledgerlink makes, to help protect your
        tax records from fraud. This is exactly what Ledgerlink sends from this computer, and why.
      </p>

      {view.isPending ? <Loading label="Reading this computer’s details…" /> : null}
      {view.error ? <ErrorNotice error={toIpcError(view.error)} /> : null}

      {view.data ? (
        <>
          {view.data.accounts.length === 0 ? (
            <div className="notice notice-warn" data-testid="fph-no-account">
              <p className="notice-title">
                No HMRC account is linked in {view.data.environmentLabel} yet.
              </p>
              <p>
                The headers below are what Ledgerlink will send. To have HMRC check them,{' '}
                <a href="#/link">link Ledgerlink to HMRC</a> first.
              </p>
            </div>
          ) : null}

          {view.data.accounts.length > 1 ? (
            <div className="field fph-account">
              <label htmlFor="fph-account">HMRC account</label>
              <select
                id="fph-account"
                value={accountId ?? ''}
                onChange={(e) => {
                  setChosen(e.target.value);
                  check.reset();
                }}
              >
                {view.data.accounts.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.label}
                    {a.kind === 'agent' ? ' (agent)' : ''}
                    {a.status === 'relink-needed' ? ' — needs linking again' : ''}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {view.data.accounts.length === 1 ? (
            <p className="fph-account-one">
              HMRC account: <strong>{view.data.accounts[0]!.label}</strong>
            </p>
          ) : null}

          <table className="table fph-table" aria-labelledby="diagnostics-fraud-headers">
            <thead>
              <tr>
                <th scope="col">Header</th>
                <th scope="col">Value sent</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {view.data.headers.map((row) => (
                <tr key={row.name} data-header={row.name}>
                  <th scope="row" className="fph-name">
                    {row.name}
                  </th>
                  <td>
                    <HeaderValue row={row} />
                  </td>
                  <td className="detail">{row.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">
            Read {new Date(view.data.collectedAt).toLocaleString('en-GB')}. Ledgerlink reads them
            again just before every request.{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => void view.refetch()}
              disabled={view.isFetching}
            >
              Read them again
            </button>
          </p>

          <h3 id="fph-check-heading">Check with HMRC</h3>
          {view.data.check.available ? (
            <p className="hint">
              HMRC’s Test Fraud Prevention Headers service checks the headers on a real request from
              this computer and says what, if anything, is wrong.
            </p>
          ) : (
            <p className="notice notice-warn">{view.data.check.reason}</p>
          )}
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={!view.data.check.available || !accountId || check.isPending}
              onClick={() => accountId && check.mutate(accountId)}
            >
              {check.isPending ? 'Checking…' : 'Check with HMRC'}
            </button>
          </div>
          <div aria-live="polite">
            {check.isPending && accountId ? (
              <>
                <Loading label="Asking HMRC to check the headers…" />
                <FraudHeadersBusyNotice accountId={accountId} />
              </>
            ) : null}
            {check.error ? <ErrorNotice error={toIpcError(check.error)} /> : null}
            {check.data ? <FraudHeadersCheckResult result={check.data} /> : null}
          </div>
        </>
      ) : null}
    </section>
  );
}
