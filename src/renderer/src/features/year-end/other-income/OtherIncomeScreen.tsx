import { useState, type JSX } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { OTHER_INCOME_DEFINITIONS } from '@shared/domain/other-income-fields';
import type {
  OtherIncomeApproval,
  OtherIncomeView,
} from '@shared/ipc/channels/year-end-other-income';
import { profileKey } from '@renderer/app/use-active-profile';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { yearEndHref } from '../year-end-route';
import { AmountsForm } from './AmountsForm';
import { otherIncomeKey } from './other-income-key';
import { SavingsAccounts } from './SavingsAccounts';

/**
 * Other income and reliefs for a tax year: UK savings interest per account, UK dividends,
 * pension contributions and Gift Aid. Each is reviewed and approved into the outbox (works
 * offline) and sent by Sync now with the quarterly updates; receipts below.
 */
export function OtherIncomeScreen({
  profileId,
  taxYear,
}: {
  profileId: string;
  taxYear: string;
}): JSX.Element {
  const queryClient = useQueryClient();
  const view = useQuery({
    queryKey: otherIncomeKey(profileId, taxYear),
    queryFn: () => unwrap(api.yearEnd.otherIncome({ profileId, taxYear })),
    staleTime: 0,
  });
  const [approved, setApproved] = useState<string | null>(null);
  const approve = useMutation({
    mutationFn: (approval: OtherIncomeApproval) =>
      unwrap(api.yearEnd.approveOtherIncome({ profileId, taxYear, approval })),
    onSuccess: (data, approval) => {
      queryClient.setQueryData(otherIncomeKey(profileId, taxYear), data);
      void queryClient.invalidateQueries({ queryKey: profileKey(profileId) });
      setApproved(
        approval.kind === 'delete'
          ? `Deleting ${OTHER_INCOME_DEFINITIONS[approval.what].title.toLowerCase()} is approved.`
          : 'Approved.',
      );
    },
  });
  return (
    <>
      <ScreenHeader title={`Other income and reliefs for ${taxYear}`}>
        Savings interest, dividends, pension contributions and Gift Aid belong on the same return as
        your businesses. Nothing is sent until you approve it and sync.
      </ScreenHeader>
      <p>
        <a href={yearEndHref('checklist', profileId, taxYear)}>Back to the year-end checklist</a>
      </p>
      {view.isPending ? <Loading label="Reading your other income…" /> : null}
      {view.error ? <ErrorNotice error={toIpcError(view.error)} /> : null}
      {approved ? (
        <p className="notice notice-ok" role="status">
          {approved} It waits in the outbox and is sent when you select Sync now.{' '}
          <a href="#/review/sync">Open Sync</a>.
        </p>
      ) : null}
      {approve.error ? <ErrorNotice error={toIpcError(approve.error)} /> : null}
      {view.data ? (
        <OtherIncomeSections
          view={view.data}
          busy={approve.isPending}
          onApprove={(a) => {
            setApproved(null);
            approve.mutate(a);
          }}
        />
      ) : null}
    </>
  );
}

function OtherIncomeSections({
  view,
  busy,
  onApprove,
}: {
  view: OtherIncomeView;
  busy: boolean;
  onApprove: (approval: OtherIncomeApproval) => void;
}): JSX.Element {
  const yearly = ['dividends', 'pension-relief', 'charitable-giving'] as const;
  return (
    <>
      {view.waiting > 0 ? (
        <p className="notice" data-testid="other-income-waiting">
          {view.waiting} approved {view.waiting === 1 ? 'change waits' : 'changes wait'} in the
          outbox. <a href="#/review/sync">Sync now</a> sends {view.waiting === 1 ? 'it' : 'them'} to
          HMRC.
        </p>
      ) : null}
      <SavingsAccounts view={view} busy={busy} onApprove={onApprove} />
      {yearly.map((what) => {
        const def = OTHER_INCOME_DEFINITIONS[what];
        const permission = view.permissions[what];
        const section = view[what];
        return (
          <section key={what} className="card" aria-labelledby={`oi-${what}-heading`}>
            <h2 id={`oi-${what}-heading`}>{def.title}</h2>
            <p>{def.intro}</p>
            <AmountsForm
              key={`${section.status}:${section.approvedAt ?? ''}`}
              id={`oi-${what}`}
              resource={what}
              section={section}
              disabledReason={permission.allowed ? undefined : permission.reason}
              busy={busy}
              onApprove={(values) => onApprove({ kind: what, values })}
              onDelete={() => onApprove({ kind: 'delete', what })}
            />
          </section>
        );
      })}
      <section className="card" aria-labelledby="oi-receipts-heading">
        <h2 id="oi-receipts-heading">Receipts</h2>
        {view.receipts.length === 0 ? (
          <p className="hint">Nothing has been accepted by HMRC from here for this year yet.</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">What HMRC accepted</caption>
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">Recorded</th>
                <th scope="col">HMRC’s reference</th>
              </tr>
            </thead>
            <tbody>
              {view.receipts.map((r) => (
                <tr key={r.seq}>
                  <th scope="row">{r.what}</th>
                  <td>{new Date(r.recordedAt).toLocaleString('en-GB')}</td>
                  <td className="mono">{r.correlationId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className={view.receiptsIntact ? 'hint' : 'notice notice-warn'}>
          {view.receiptsIntact
            ? 'Each receipt is chained to the one before it, so a change to any of them would show.'
            : 'A receipt was changed after it was recorded: the chain does not check out.'}
        </p>
      </section>
    </>
  );
}
