import { useState, type JSX } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatPence, parseMoney } from '@shared/domain/money';
import type { AdjustmentResult, IncomeSummary } from '@shared/ipc/channels/year-end-adjustments';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { profileKey } from '@renderer/app/use-active-profile';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { Modal } from '@renderer/ui/Modal';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { yearEndHref } from '../year-end-route';

/**
 * Accounting adjustments for one business's year: HMRC's running summary (BISS) as the
 * "before", HMRC's adjustable summary, and adjustments sent with a reason after confirming,
 * with the summary after HMRC accepted them.
 */
export function AdjustmentsScreen({
  profileId,
  taxYear,
  businessId,
}: {
  profileId: string;
  taxYear: string;
  businessId: number | undefined;
}): JSX.Element {
  const snapshot = useQuery({
    queryKey: profileKey(profileId, 'hmrc-snapshot'),
    queryFn: () => unwrap(api.profiles.snapshot({ profileId })),
  });
  const businesses = (snapshot.data?.businesses ?? []).filter(
    (b) => b.ledgerBusinessId !== undefined,
  );
  const chosen =
    businesses.find((b) => b.ledgerBusinessId === businessId) ??
    (businesses.length === 1 ? businesses[0] : undefined);
  return (
    <div className="year-end-screen">
      <ScreenHeader title={`Accounting adjustments for ${taxYear}`}>
        Corrections to a business’s year after its updates, made on HMRC’s adjustable summary.
        Nothing is sent until you confirm.{' '}
        <a href={yearEndHref('checklist', profileId, taxYear)}>Back to the checklist</a>.
      </ScreenHeader>
      {snapshot.isPending ? <Loading label="Reading the businesses…" /> : null}
      {snapshot.isError ? <ErrorNotice error={toIpcError(snapshot.error)} /> : null}
      {!chosen && businesses.length > 1 ? (
        <nav aria-label="Businesses">
          <ul className="link-list">
            {businesses.map((b) => (
              <li key={b.hmrcBusinessId}>
                <a href={yearEndHref('adjustments', profileId, taxYear, b.ledgerBusinessId)}>
                  {b.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {chosen ? (
        <BusinessAdjustments
          key={chosen.hmrcBusinessId}
          profileId={profileId}
          taxYear={taxYear}
          hmrcBusinessId={chosen.hmrcBusinessId}
        />
      ) : null}
    </div>
  );
}

function SummaryTable({
  before,
  after,
}: {
  before: IncomeSummary | undefined;
  after: IncomeSummary | undefined;
}): JSX.Element {
  const rows: [string, keyof IncomeSummary][] = [
    ['Income', 'incomePence'],
    ['Expenses', 'expensesPence'],
    ['Added back', 'additionsPence'],
    ['Allowances and deductions', 'deductionsPence'],
    ['Taxable profit', 'taxableProfitPence'],
    ['Taxable loss', 'taxableLossPence'],
  ];
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>HMRC’s summary of the business’s year</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" className="num">
              {after ? 'Before' : 'Now'}
            </th>
            {after ? (
              <th scope="col" className="num">
                After
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, k]) => (
            <tr key={k}>
              <th scope="row">{label}</th>
              <td className="num">{before ? formatPence(before[k]) : '—'}</td>
              {after ? <td className="num">{formatPence(after[k])}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BusinessAdjustments({
  profileId,
  taxYear,
  hmrcBusinessId,
}: {
  profileId: string;
  taxYear: string;
  hmrcBusinessId: string;
}): JSX.Element {
  const qc = useQueryClient();
  const ref = { profileId, taxYear, hmrcBusinessId };
  const key = profileKey(profileId, 'year-end', 'adjustments', taxYear, hmrcBusinessId);
  const view = useQuery({ queryKey: key, queryFn: () => unwrap(api.yearEnd.adjustments(ref)) });
  const trigger = useMutation({
    mutationFn: () => unwrap(api.yearEnd.triggerAdjustableSummary(ref)),
    onSuccess: (v) => qc.setQueryData(key, v),
  });
  const [line, setLine] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<{ key: string; amountPence: number } | null>(null);
  const [answer, setAnswer] = useState<AdjustmentResult | null>(null);
  const submit = useMutation({
    mutationFn: (p: { calculationId: string; key: string; amountPence: number }) =>
      unwrap(
        api.yearEnd.submitAdjustments({
          ...ref,
          calculationId: p.calculationId,
          lines: [{ key: p.key, amountPence: p.amountPence }],
          reason,
        }),
      ),
    onSuccess: (r) => {
      setAnswer(r);
      setConfirming(null);
      void qc.invalidateQueries({ queryKey: key });
    },
  });

  if (view.isPending) return <Loading label="Reading HMRC’s summaries…" />;
  if (view.isError) return <ErrorNotice error={toIpcError(view.error)} />;
  const v = view.data;
  const s = v.summary;
  return (
    <section className="card" aria-labelledby="adjust-title">
      <h2 id="adjust-title">{v.businessName}</h2>
      <SummaryTable before={answer?.before ?? v.incomeSummary} after={answer?.after} />
      {answer ? (
        <div
          className={`notice ${answer.outcome === 'accepted' ? 'notice-success' : 'notice-error'}`}
          role={answer.outcome === 'accepted' ? 'status' : 'alert'}
        >
          <p className="notice-title">
            {answer.outcome === 'accepted'
              ? 'HMRC accepted the adjustment'
              : 'HMRC did not accept it'}
          </p>
          {answer.error ? (
            <p>
              {answer.error.message} {answer.error.action} (HMRC’s code: {answer.error.code})
            </p>
          ) : null}
          <p>Reason given: {answer.reason}</p>
          <details>
            <summary>What was sent</summary>
            <pre className="code-block">{answer.sent}</pre>
          </details>
        </div>
      ) : null}
      {!s || s.status !== 'valid' || s.adjusted ? (
        <div className="stack">
          <p>
            {!s
              ? 'There is no adjustable summary for this year yet. Ask HMRC for one to make adjustments.'
              : s.adjusted
                ? 'The latest summary has been adjusted. HMRC adjusts a summary once: ask for a new one to adjust again (it replaces the adjustments).'
                : 'The business’s figures changed since the summary was made: ask HMRC for a new one.'}
          </p>
          <button
            type="button"
            className="button primary"
            disabled={trigger.isPending}
            onClick={() => trigger.mutate()}
          >
            {trigger.isPending ? 'Asking HMRC…' : 'Ask HMRC for the adjustable summary'}
          </button>
          {trigger.isError ? <ErrorNotice error={toIpcError(trigger.error)} /> : null}
        </div>
      ) : (
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = parseMoney(amount.replace(/^-/, ''));
            if (!line) return setProblem('Choose the line to adjust.');
            if (!parsed.ok || parsed.pence === 0)
              return setProblem(parsed.ok ? 'An adjustment cannot be £0.' : parsed.message);
            if (reason.trim().length < 3) return setProblem('Say why, in a few words.');
            setProblem(null);
            setConfirming({
              key: line,
              amountPence: amount.trim().startsWith('-') ? -parsed.pence : parsed.pence,
            });
          }}
        >
          <p>
            HMRC’s adjustable summary: taxable profit {formatPence(s.taxableProfitPence)}. An
            adjustment is added to its line (a minus amount reduces it).
          </p>
          {problem ? (
            <p className="field-error" role="alert">
              {problem}
            </p>
          ) : null}
          <label htmlFor="adjust-line">Line to adjust</label>
          <select id="adjust-line" value={line} onChange={(e) => setLine(e.target.value)}>
            <option value="">Choose…</option>
            {v.adjustable.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
          <label htmlFor="adjust-amount">Adjustment (£, minus to reduce)</label>
          <input
            id="adjust-amount"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
          <label htmlFor="adjust-reason">Why</label>
          <input id="adjust-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="submit" className="button primary" disabled={submit.isPending}>
            Review and send…
          </button>
        </form>
      )}
      {confirming && s ? (
        <Modal title="Send this adjustment to HMRC?" onClose={() => setConfirming(null)}>
          <p>
            {confirming.key}: {confirming.amountPence < 0 ? '−' : '+'}
            {formatPence(Math.abs(confirming.amountPence))}. Reason: {reason}
          </p>
          <p>HMRC adjusts a summary once; the change goes into HMRC’s calculation of the year.</p>
          {submit.isError ? <ErrorNotice error={toIpcError(submit.error)} /> : null}
          <div className="button-row">
            <button
              type="button"
              className="button primary"
              disabled={submit.isPending}
              onClick={() => submit.mutate({ calculationId: s.calculationId, ...confirming })}
            >
              {submit.isPending ? 'Sending…' : 'Send to HMRC'}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        </Modal>
      ) : null}
    </section>
  );
}
