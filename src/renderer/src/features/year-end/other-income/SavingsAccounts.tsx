import { useState, type JSX } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { OTHER_INCOME_DEFINITIONS } from '@shared/domain/other-income-fields';
import type {
  OtherIncomeApproval,
  OtherIncomeView,
} from '@shared/ipc/channels/year-end-other-income';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { AmountsForm } from './AmountsForm';
import { otherIncomeKey } from './other-income-key';

/**
 * UK savings accounts: the ones HMRC knows (read when online), adding and renaming one, and
 * each account's interest for the year.
 */
export function SavingsAccounts({
  view,
  busy,
  onApprove,
}: {
  view: OtherIncomeView;
  busy: boolean;
  onApprove: (approval: OtherIncomeApproval) => void;
}): JSX.Element {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null);
  const permission = view.permissions.savings;
  const reason = permission.allowed ? undefined : permission.reason;
  const refresh = useMutation({
    mutationFn: () =>
      unwrap(
        api.yearEnd.refreshSavingsAccounts({ profileId: view.profileId, taxYear: view.taxYear }),
      ),
    onSuccess: (data) =>
      queryClient.setQueryData(otherIncomeKey(view.profileId, view.taxYear), data),
  });
  const def = OTHER_INCOME_DEFINITIONS['savings-interest'];
  return (
    <section className="card" aria-labelledby="oi-savings-heading">
      <h2 id="oi-savings-heading">{def.title}</h2>
      <p>{def.intro}</p>
      {reason ? (
        <p className="notice notice-warn" id="oi-savings-why">
          {reason}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button"
          aria-disabled={reason !== undefined || refresh.isPending || undefined}
          aria-describedby={reason ? 'oi-savings-why' : undefined}
          onClick={() => {
            if (!reason && !refresh.isPending) refresh.mutate();
          }}
        >
          {refresh.isPending ? 'Asking HMRC…' : 'Get my accounts from HMRC'}
        </button>
      </div>
      {refresh.error ? <ErrorNotice error={toIpcError(refresh.error)} /> : null}
      {view.accounts.length === 0 ? (
        <p className="hint">
          No accounts yet. Get the accounts HMRC already knows, or add one below.
        </p>
      ) : null}
      {view.accounts.map((a) => (
        <section key={a.id} className="savings-account" aria-labelledby={`oi-acc-${a.id}`}>
          <h3 id={`oi-acc-${a.id}`}>{a.accountName}</h3>
          {a.change ? (
            <p className={a.change.status === 'failed' ? 'notice notice-warn' : 'hint'}>
              {a.atHmrc ? `Renaming it to “${a.change.accountName}”` : 'Adding it to HMRC'}{' '}
              {a.change.status === 'failed'
                ? `was refused: ${a.change.error?.message ?? ''} ${a.change.error?.action ?? ''}`
                : 'is approved and waits for Sync now.'}
            </p>
          ) : null}
          {renaming?.id === a.id ? (
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                onApprove({
                  kind: 'savings-account-rename',
                  accountId: a.id,
                  accountName: renaming.name,
                });
                setRenaming(null);
              }}
            >
              <label htmlFor={`oi-rename-${a.id}`}>New name for {a.accountName}</label>
              <input
                id={`oi-rename-${a.id}`}
                maxLength={32}
                value={renaming.name}
                onChange={(e) => setRenaming({ id: a.id, name: e.target.value })}
              />
              <button type="submit" className="button" disabled={busy}>
                Approve the new name
              </button>
              <button type="button" className="button" onClick={() => setRenaming(null)}>
                Cancel
              </button>
            </form>
          ) : (
            <button
              type="button"
              className="button"
              aria-disabled={reason !== undefined || undefined}
              aria-describedby={reason ? 'oi-savings-why' : undefined}
              onClick={() => {
                if (!reason) setRenaming({ id: a.id, name: a.accountName });
              }}
            >
              Rename {a.accountName}
            </button>
          )}
          <AmountsForm
            key={`${a.interest.status}:${a.interest.approvedAt ?? ''}`}
            id={`oi-savings-${a.id}`}
            resource="savings-interest"
            reviewHeading="h4"
            section={a.interest}
            disabledReason={reason}
            busy={busy}
            onApprove={(values) => onApprove({ kind: 'savings-interest', accountId: a.id, values })}
          />
        </section>
      ))}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (reason || name.trim() === '') return;
          onApprove({ kind: 'savings-account-add', accountName: name.trim() });
          setName('');
        }}
      >
        <label htmlFor="oi-add-account">
          Add an account (a name of your choice, up to 32 characters)
        </label>
        <input
          id="oi-add-account"
          maxLength={32}
          value={name}
          readOnly={reason !== undefined}
          aria-describedby={reason ? 'oi-savings-why' : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <button
          type="submit"
          className="button"
          aria-disabled={reason !== undefined || busy || undefined}
        >
          Add the account
        </button>
      </form>
    </section>
  );
}
