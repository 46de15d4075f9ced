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
import { adjustmentGroupLabel, adjustmentLineLabel } from './adjustment-lines';

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
        Correct a business’s figures for the year after its quarterly updates, for example an
        invoice entered twice or a cost missed. HMRC makes a summary of the year for you to adjust
        (its “adjustable summary”). Nothing is sent until you confirm.{' '}
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
    ['Costs not allowed for tax (added back)', 'additionsPence'],
    ['Allowances and other deductions', 'deductionsPence'],
    ['Taxable profit', 'taxableProfitPence'],
    ['Taxable loss', 'taxableLossPence'],
  ];
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>HMRC’s summary of the business’s year{after ? ', before and after' : ''}</caption>
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
  // Foreign property is adjusted per country: the countries are those in HMRC's summary.
  const countries = [
    ...new Set((s?.lines ?? []).flatMap((l) => (l.key.includes(':') ? [l.key.split(':')[0]] : []))),
  ];
  const choices =
    countries.length > 0
      ? countries.flatMap((c) => v.adjustable.map((k) => `${c}:${k}`))
      : v.adjustable;
  return (
    <section className="card adjust-card" aria-labelledby="adjust-title">
      <h2 id="adjust-title">{v.businessName}</h2>
      <SummaryTable before={answer?.before ?? v.incomeSummary} after={answer?.after} />
      {answer ? (
        <div
          className={`notice ${answer.outcome === 'accepted' ? 'notice-ok' : 'notice-error'}`}
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
        <div className="adjust-form">
          <p>
            {!s
              ? 'HMRC has not made a summary of this year for you to adjust yet. Ask for one: HMRC makes it from the updates you sent.'
              : s.adjusted
                ? 'HMRC has your adjustments on its latest summary. To change them, ask HMRC for a new summary and adjust that one: its adjustments replace these.'
                : 'The business’s figures changed since the summary was made: ask HMRC for a new one.'}
          </p>
          <div className="actions">
            <button
              type="button"
              className="button primary"
              disabled={trigger.isPending}
              onClick={() => trigger.mutate()}
            >
              {trigger.isPending
                ? 'Asking HMRC…'
                : s
                  ? 'Ask HMRC for a new summary'
                  : 'Ask HMRC for the adjustable summary'}
            </button>
          </div>
          {trigger.isError ? <ErrorNotice error={toIpcError(trigger.error)} /> : null}
        </div>
      ) : (
        <form
          className="adjust-form"
          onSubmit={(e) => {
            e.preventDefault();
            const minus = /^[-−]/.test(amount.trim());
            const parsed = parseMoney(amount.trim().replace(/^[-−]/, ''));
            if (!line) return setProblem('Choose the line to adjust.');
            if (!parsed.ok || parsed.pence === 0)
              return setProblem(parsed.ok ? 'An adjustment cannot be £0.' : parsed.message);
            if (reason.trim().length < 3) return setProblem('Say why, in a few words.');
            setProblem(null);
            setConfirming({
              key: line,
              amountPence: minus ? -parsed.pence : parsed.pence,
            });
          }}
        >
          <h3>Make an adjustment</h3>
          <p>
            HMRC’s summary to adjust is ready. Choose the line to correct and the amount to add to
            it; a minus amount takes away. HMRC accepts one set of adjustments per summary.
          </p>
          {problem ? (
            <p className="field-error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="adjust-line">Line to adjust</label>
            <select
              id="adjust-line"
              value={line}
              onChange={(e) => setLine(e.target.value)}
              aria-describedby="adjust-line-now"
            >
              <option value="">Choose…</option>
              {grouped(choices).map(([group, keys]) => (
                <optgroup key={group} label={group}>
                  {keys.map((k) => (
                    <option key={k} value={k}>
                      {adjustmentLineLabel(k)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
            <p id="adjust-line-now" className="hint">
              {line
                ? `In HMRC’s summary now: ${formatPence(s.lines.find((l) => l.key === line)?.amountPence ?? 0)}.`
                : 'The lines HMRC lets this business adjust.'}
            </p>
          </div>
          <div className="field">
            <label htmlFor="adjust-amount">Amount to add (£)</label>
            <input
              id="adjust-amount"
              type="text"
              className="amount-input"
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              aria-describedby="adjust-amount-hint"
            />
            <p id="adjust-amount-hint" className="hint">
              Put a minus sign in front to take away, for example −500.
            </p>
          </div>
          <div className="field">
            <label htmlFor="adjust-reason">Why you are making it</label>
            <input
              id="adjust-reason"
              type="text"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              aria-describedby="adjust-reason-hint"
            />
            <p id="adjust-reason-hint" className="hint">
              Kept with HMRC’s answer in this app’s log, for you or your accountant. HMRC does not
              ask for it.
            </p>
          </div>
          <div className="actions">
            <button type="submit" className="button primary" disabled={submit.isPending}>
              Review and send…
            </button>
          </div>
        </form>
      )}
      {confirming && s ? (
        <Modal title="Send this adjustment to HMRC?" onClose={() => setConfirming(null)}>
          <dl className="facts">
            <dt>Line</dt>
            <dd>{adjustmentLineLabel(confirming.key)}</dd>
            <dt>Change</dt>
            <dd>
              {confirming.amountPence < 0 ? 'take away ' : 'add '}
              {formatPence(Math.abs(confirming.amountPence))}
            </dd>
            <dt>Why</dt>
            <dd>{reason}</dd>
          </dl>
          <p>
            HMRC accepts one set of adjustments per summary, and uses them in its calculation of the
            year.
          </p>
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

/** The lines in the order given, under their groups (income, expenses, costs added back). */
function grouped(keys: readonly string[]): [string, string[]][] {
  const out = new Map<string, string[]>();
  for (const k of keys) {
    const g = `${k.includes(':') ? `${k.split(':')[0]}: ` : ''}${adjustmentGroupLabel(k)}`;
    out.set(g, [...(out.get(g) ?? []), k]);
  }
  return [...out];
}
