import { useState, type JSX } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { AccountCard, type UnlinkedNotice } from './AccountCard';
import { useAccounts, useMainNow } from './use-link';

/** The scope status screen: every linked HMRC account, what it may do and for how long. */
export function AccountsPanel(): JSX.Element {
  const accounts = useAccounts();
  const now = useMainNow(accounts.data?.now, accounts.dataUpdatedAt);
  const [unlinked, setUnlinked] = useState<UnlinkedNotice | null>(null);
  const openRevoke = useMutation({
    mutationFn: (environment: UnlinkedNotice['environment']) =>
      unwrap(api.auth.openRevokePage({ environment })),
  });

  return (
    <section aria-labelledby="linked-accounts-heading" className="link-accounts">
      <h2 id="linked-accounts-heading" className="visually-hidden">
        Linked accounts
      </h2>
      {unlinked ? (
        <div className="notice notice-ok" role="status">
          <p className="notice-title">{unlinked.label} is unlinked</p>
          <p>{unlinked.revoke.instructions}</p>
          {unlinked.revoke.url ? (
            <div className="actions">
              <button
                type="button"
                className="button"
                onClick={() => openRevoke.mutate(unlinked.environment)}
              >
                Open “Manage authorised applications” at HMRC
              </button>
            </div>
          ) : null}
          {openRevoke.error ? <ErrorNotice error={toIpcError(openRevoke.error)} /> : null}
        </div>
      ) : null}
      {accounts.isPending ? <Loading label="Reading linked accounts…" /> : null}
      {accounts.error ? <ErrorNotice error={toIpcError(accounts.error)} /> : null}
      {accounts.data && accounts.data.accounts.length === 0 ? (
        <div className="empty-state">
          <p>No HMRC accounts are linked yet.</p>
          <p>
            <a href="#/link">Link an account</a> to let Ledgerlink deal with HMRC for you.
          </p>
        </div>
      ) : null}
      {accounts.data?.accounts.map((account) => (
        <AccountCard
          key={account.id}
          account={account}
          now={now}
          onUnlinked={(notice) => setUnlinked(notice)}
        />
      ))}
    </section>
  );
}
