import { useState, type FormEvent, type JSX } from 'react';
import { useMutation } from '@tanstack/react-query';
import { formatPence } from '@shared/domain/money';
import type { DeclarationStateView } from '@shared/ipc/channels/year-end-declaration';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { Sa302View } from '../calculation/Sa302View';
import { useDeclarationState } from '../calculation/use-declaration';
import { yearEndHref } from '../year-end-route';

const METHODS: { value: 'in-person' | 'phone' | 'email' | 'letter' | 'video'; label: string }[] = [
  { value: 'email', label: 'By email' },
  { value: 'in-person', label: 'In person' },
  { value: 'phone', label: 'By phone' },
  { value: 'video', label: 'On a video call' },
  { value: 'letter', label: 'By letter' },
];

function ClientApprovalForm({
  s,
  onDone,
}: {
  s: DeclarationStateView;
  onDone: (v: DeclarationStateView) => void;
}): JSX.Element {
  const [approvedOn, setApprovedOn] = useState('');
  const [method, setMethod] = useState<(typeof METHODS)[number]['value']>('email');
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.yearEnd.recordClientApproval({
          profileId: s.profileId,
          taxYear: s.taxYear,
          calculationId: s.latest!.calculationId,
          approvedOn,
          method,
          note,
        }),
      ),
    onSuccess: onDone,
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form className="card form" onSubmit={submit} aria-labelledby="approval-title">
      <h2 id="approval-title">1. Your client’s approval</h2>
      <p>
        HMRC’s agent statement says your client has received a copy of this calculation and approved
        it. Record when and how they did, before you declare for them.
      </p>
      <div className="field">
        <label htmlFor="approved-on">Date your client approved it</label>
        <input
          id="approved-on"
          type="date"
          required
          value={approvedOn}
          onChange={(e) => setApprovedOn(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="approval-method">How they approved it</label>
        <select
          id="approval-method"
          value={method}
          onChange={(e) => setMethod(e.target.value as typeof method)}
        >
          {METHODS.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="approval-note">Note (optional)</label>
        <textarea
          id="approval-note"
          maxLength={1000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </div>
      {save.isError ? <ErrorNotice error={toIpcError(save.error)} /> : null}
      <button type="submit" className="button primary" disabled={save.isPending}>
        Record the client’s approval
      </button>
    </form>
  );
}

/**
 * The declaration (reference §5.7 steps 4–5): HMRC's wording verbatim (individual or agent),
 * the person's explicit agreement for this calculation id, a main agent's record of the
 * client's approval first, then the final declaration and Ledgerlink's receipt (HMRC sends none).
 */
/**
 * What Ledgerlink does not cover, named before the declaration with where to report it
 * (reference §5.8): the declaration waits until every question is answered and what applies
 * is confirmed as reported another way.
 */
function NotCoveredBeforeDeclaring({
  nc,
  href,
}: {
  nc: NonNullable<DeclarationStateView['notCovered']>;
  href: string;
}): JSX.Element | null {
  if (nc.unanswered === 0 && nc.applies.length === 0) return null;
  return (
    <section
      className={`card ${nc.unanswered > 0 || !nc.confirmedElsewhere ? 'notice-warn' : ''}`}
      aria-labelledby="not-covered-title"
      data-testid="declaration-not-covered"
    >
      <h2 id="not-covered-title">Income this return does not include from Ledgerlink</h2>
      {nc.unanswered > 0 ? (
        <p>
          You have not said yet whether you had income Ledgerlink does not cover.{' '}
          <a href={href}>Answer the questions on the checklist</a>.
        </p>
      ) : null}
      {nc.applies.length > 0 ? (
        <>
          <p>
            You told Ledgerlink you had the following. HMRC’s declaration covers all your income, so
            they must reach HMRC another way:
          </p>
          <dl>
            {nc.applies.map((a) => (
              <div key={a.label}>
                <dt>{a.label}</dt>
                <dd>{a.whereToReport}</dd>
              </div>
            ))}
          </dl>
          <p>
            {nc.confirmedElsewhere ? (
              'You confirmed you have reported them another way.'
            ) : (
              <>
                The declaration waits until you <a href={href}>confirm on the checklist</a> that you
                have reported them.
              </>
            )}
          </p>
        </>
      ) : null}
    </section>
  );
}

export function DeclarationScreen({
  profileId,
  taxYear,
}: {
  profileId: string;
  taxYear: string;
}): JSX.Element {
  const { state, set } = useDeclarationState(profileId, taxYear);
  const [ticked, setTicked] = useState(false);
  const agree = useMutation({
    mutationFn: (calculationId: string) =>
      unwrap(api.yearEnd.agree({ profileId, taxYear, calculationId, agreed: true })),
    onSuccess: set,
  });
  const declare = useMutation({
    mutationFn: (calculationId: string) =>
      unwrap(api.yearEnd.declare({ profileId, taxYear, calculationId })),
    onSuccess: set,
  });

  if (state.isPending) return <Loading label="Opening the declaration…" />;
  if (state.isError) return <ErrorNotice error={toIpcError(state.error)} />;
  const s = state.data;
  const latest = s.latest;
  const agent = s.actor === 'main-agent';
  const agreedHere = latest && s.agreement?.calculationId === latest.calculationId;
  const needsApproval = s.blockers.some((b) => b.code === 'NO_CLIENT_APPROVAL');
  const otherBlockers = s.blockers.filter(
    (b) => b.code !== 'NO_AGREEMENT' && b.code !== 'NO_CLIENT_APPROVAL',
  );

  return (
    <div className="year-end-screen">
      <ScreenHeader title={`Final declaration, ${taxYear}`}>
        For {s.profileName}.{' '}
        {agent
          ? 'You are declaring as their main agent.'
          : 'This is your return to HMRC for the year.'}
      </ScreenHeader>
      {s.readOnlyReason ? (
        <div className="notice notice-warn" role="note">
          <p className="notice-title">You can look, but not declare</p>
          <p>{s.readOnlyReason}</p>
        </div>
      ) : null}

      {s.notCovered && !s.declared ? (
        <NotCoveredBeforeDeclaring
          nc={s.notCovered}
          href={yearEndHref('checklist', profileId, taxYear)}
        />
      ) : null}

      {s.declared ? (
        <section className="card receipt" aria-labelledby="receipt-title">
          <h2 id="receipt-title">Receipt: HMRC has the final declaration</h2>
          <dl className="receipt-list">
            <div>
              <dt>Tax year</dt>
              <dd>{taxYear}</dd>
            </div>
            <div>
              <dt>Calculation declared</dt>
              <dd>
                <code>{s.declared.calculationId}</code>
              </dd>
            </div>
            <div>
              <dt>Agreed by</dt>
              <dd>
                {s.declared.agreedBy} at {s.declared.agreedAt}
              </dd>
            </div>
            <div>
              <dt>HMRC received it</dt>
              <dd>{s.declared.recordedAt}</dd>
            </div>
            <div>
              <dt>HMRC reference (correlation id)</dt>
              <dd>
                <code>{s.declared.correlationId}</code>
              </dd>
            </div>
            <div>
              <dt>Receipt number</dt>
              <dd>{s.declared.seq}</dd>
            </div>
          </dl>
          {s.note ? <p className="notice notice-ok">{s.note}</p> : null}
          <p>
            <a href={`#/year-end/amendment/${profileId}/${taxYear}`}>Amend this return</a> (until{' '}
            {s.amendmentWindowEnd})
          </p>
        </section>
      ) : null}

      {!s.declared && !s.readOnlyReason ? (
        <>
          {!latest ? (
            <p>
              First{' '}
              <a href={`#/year-end/calculation/${profileId}/${taxYear}`}>
                ask HMRC for the final calculation
              </a>
              .
            </p>
          ) : (
            <section className="card" aria-labelledby="calc-title">
              <h2 id="calc-title">The calculation you are declaring</h2>
              <p className="figure-lead">
                Total Income Tax and National Insurance due:{' '}
                <strong>{formatPence(latest.totalLiabilityPence ?? 0)}</strong>
              </p>
              <details>
                <summary>Show HMRC’s whole calculation</summary>
                <Sa302View view={latest} idPrefix="declare" />
              </details>
            </section>
          )}
          {otherBlockers.length > 0 ? (
            <div className="notice notice-error" role="alert">
              <p className="notice-title">This cannot be declared yet</p>
              <ul>
                {otherBlockers.map((b) => (
                  <li key={b.code}>
                    {b.message}{' '}
                    {b.fixAt ? (
                      <a
                        href={`#/${b.fixAt}${b.fixAt.startsWith('year-end') ? `/${profileId}/${taxYear}` : ''}`}
                      >
                        Fix it
                      </a>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {latest && agent && needsApproval && otherBlockers.length === 0 ? (
            <ClientApprovalForm s={s} onDone={set} />
          ) : null}
          {latest && agent && s.clientApproval ? (
            <p className="notice notice-ok">
              Client approval recorded: {s.clientApproval.method} on {s.clientApproval.approvedOn}
              {s.clientApproval.note ? ` (“${s.clientApproval.note}”)` : ''}.
            </p>
          ) : null}
          {latest && otherBlockers.length === 0 && !needsApproval ? (
            <section className="card declaration" aria-labelledby="statement-title">
              <h2 id="statement-title">{agent ? '2. ' : ''}HMRC’s declaration</h2>
              <p>{s.wording.leadIn}</p>
              <blockquote className="declaration-statement">{s.wording.statement}</blockquote>
              {agreedHere ? (
                <p className="notice notice-ok">
                  Agreed by {s.agreement!.agreedBy} at {s.agreement!.agreedAt}, for calculation{' '}
                  <code>{latest.calculationId}</code>.
                </p>
              ) : (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    agree.mutate(latest.calculationId);
                  }}
                >
                  <div className="choice">
                    <input
                      id="agree-tick"
                      type="checkbox"
                      checked={ticked}
                      onChange={(e) => setTicked(e.target.checked)}
                    />
                    <label htmlFor="agree-tick">
                      I have read HMRC’s statement above and I agree to it
                    </label>
                  </div>
                  <button type="submit" className="button" disabled={!ticked || agree.isPending}>
                    Record my agreement
                  </button>
                </form>
              )}
              {agree.isError ? <ErrorNotice error={toIpcError(agree.error)} /> : null}
              {agreedHere ? (
                <button
                  type="button"
                  className="button primary"
                  disabled={declare.isPending}
                  onClick={() => declare.mutate(latest.calculationId)}
                >
                  {declare.isPending ? 'Sending to HMRC…' : 'Send the final declaration to HMRC'}
                </button>
              ) : null}
              {s.outbox && s.outbox.state === 'sending' ? (
                <p className="notice notice-warn" role="status">
                  The last attempt was interrupted before HMRC answered. Sending again first asks
                  HMRC whether it already has it, so it is never declared twice.
                </p>
              ) : null}
              {s.outbox?.state === 'failed' && s.outbox.error ? (
                <ErrorNotice error={s.outbox.error} />
              ) : null}
              {declare.isError ? <ErrorNotice error={toIpcError(declare.error)} /> : null}
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
