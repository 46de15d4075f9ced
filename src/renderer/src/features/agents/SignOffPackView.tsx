import { useState, type FormEvent, type JSX } from 'react';
import type { SignOffPack, SignOffSubject } from '@shared/ipc/channels/agents';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { TextField } from '@renderer/ui/TextField';
import { useRecordSignOff, useSignOffPack } from './use-agents';

/**
 * `#/profiles/sign-off/<profileId>/quarterly/<businessId>/<taxYear>/<periodEnd>` or
 * `…/year-end/<taxYear>` or `…/annual/<businessId>/<taxYear>`: the client sign-off pack, laid out as the printed page (the print
 * stylesheet hides everything else), with the print action and the client's approval.
 */
export function subjectFromRoute(parts: string[]): SignOffSubject | undefined {
  const [kind, a, b, c] = parts;
  if (kind === 'quarterly' && a && b && c && /^\d+$/.test(a))
    return { kind: 'quarterly', businessId: Number(a), taxYear: b, periodEnd: c };
  if (kind === 'year-end' && a) return { kind: 'year-end-calculation', taxYear: a };
  if (kind === 'annual' && a && b && /^\d+$/.test(a))
    return { kind: 'annual', businessId: Number(a), taxYear: b };
  return undefined;
}

/** The link to a pack, the inverse of `subjectFromRoute`. */
export function signOffHref(profileId: string, subject: SignOffSubject): string {
  const base = `#/profiles/sign-off/${profileId}`;
  if (subject.kind === 'quarterly')
    return `${base}/quarterly/${subject.businessId}/${subject.taxYear}/${subject.periodEnd}`;
  if (subject.kind === 'annual') return `${base}/annual/${subject.businessId}/${subject.taxYear}`;
  return `${base}/year-end/${subject.taxYear}`;
}

export function SignOffPackView({
  profileId,
  subject,
}: {
  profileId: string;
  subject: SignOffSubject;
}): JSX.Element {
  const pack = useSignOffPack(profileId, subject);
  const [printNote, setPrintNote] = useState<string | null>(null);
  if (pack.isPending) return <Loading label="Preparing the sign-off pack…" />;
  if (pack.error) return <ErrorNotice error={toIpcError(pack.error)} />;
  const p = pack.data;
  const print = async () => {
    const answer = await unwrap(api.agents.savePackPdf({ profileId, subject }));
    if (answer.browserPrint) window.print();
    else setPrintNote(answer.saved ? `Saved as ${answer.fileName ?? 'a PDF'}.` : 'Not saved.');
  };
  return (
    <div className="sign-off">
      <div className="sign-off-tools no-print">
        <button type="button" className="button primary" onClick={() => void print()}>
          Print or save as PDF
        </button>
        <span role="status">{printNote ?? ''}</span>
      </div>
      <PackDocument pack={p} />
      <ApprovalForm pack={p} profileId={profileId} subject={subject} />
    </div>
  );
}

function Lines({ lines }: { lines: SignOffPack['sections'][number]['lines'] }): JSX.Element {
  return (
    <table className="table sign-off-table">
      <thead>
        <tr>
          <th scope="col">What</th>
          <th scope="col" className="num">
            Amount
          </th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.label}>
            <th scope="row">{l.label}</th>
            <td className="num">{l.amount}</td>
            <td>{l.change ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const METHOD: Record<string, string> = {
  'in-person': 'in person',
  phone: 'by phone',
  email: 'by email',
  letter: 'by letter',
  video: 'by video call',
};

function PackDocument({ pack: p }: { pack: SignOffPack }): JSX.Element {
  return (
    <article className="sign-off-page" aria-labelledby="pack-title">
      <h2 id="pack-title">{p.title}</h2>
      <p className="sign-off-meta">
        For {p.clientName} (National Insurance number <span className="mono">{p.clientNino}</span>).
        Prepared by {p.agentName} on {p.preparedOn}. Reference{' '}
        <span className="mono">{p.reference}</span>.
      </p>
      <p>{p.summary}</p>
      <p>{p.comparedWith}</p>
      {p.sections.map((s) => (
        <section key={s.heading}>
          <h3>{s.heading}</h3>
          <Lines lines={s.lines} />
        </section>
      ))}
      {p.hmrcCalculation ? (
        <section>
          <h3>HMRC’s calculation</h3>
          <p className="sign-off-meta">Calculation {p.hmrcCalculation.calculationId}</p>
          <Lines lines={p.hmrcCalculation.lines} />
        </section>
      ) : null}
      <h3>Please confirm</h3>
      <ul>
        {p.confirmations.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      {p.approval ? (
        <p className="sign-off-approved">
          <strong>Approved</strong> on {p.approval.approvedOn} {METHOD[p.approval.method]}
          {p.approval.note ? `: ${p.approval.note.replace(/\.+$/, '')}` : ''}. Recorded by{' '}
          {p.approval.recordedBy}.
        </p>
      ) : (
        <p className="sign-off-signature">Signed: ______________________ Date: ____________</p>
      )}
    </article>
  );
}

function ApprovalForm({
  pack,
  profileId,
  subject,
}: {
  pack: SignOffPack;
  profileId: string;
  subject: SignOffSubject;
}): JSX.Element {
  const [approvedOn, setApprovedOn] = useState(pack.preparedOn);
  const [method, setMethod] = useState<NonNullable<SignOffPack['approval']>['method']>('email');
  const [note, setNote] = useState('');
  const record = useRecordSignOff(profileId, subject);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({ reference: pack.reference, approvedOn, method, note });
  };
  return (
    <section className="no-print sign-off-approval" aria-labelledby="approval-heading">
      <h2 id="approval-heading">Record the client’s approval</h2>
      {pack.approval ? (
        <p role="status">
          Approval recorded: {pack.approval.approvedOn}, {METHOD[pack.approval.method]}.
          {subject.kind === 'year-end-calculation'
            ? ' The final declaration can now go ahead.'
            : ''}
        </p>
      ) : null}
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id="approved-on"
          label="Date the client approved"
          type="date"
          value={approvedOn}
          onChange={setApprovedOn}
        />
        <div className="field">
          <label htmlFor="approval-method">How they approved</label>
          <select
            id="approval-method"
            value={method}
            onChange={(e) => setMethod(e.target.value as typeof method)}
          >
            {Object.entries(METHOD).map(([value, label]) => (
              <option key={value} value={value}>
                {label[0]!.toUpperCase() + label.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <TextField
          id="approval-note"
          label="Note (optional)"
          value={note}
          onChange={setNote}
          maxLength={1000}
        />
        <button type="submit" className="button primary" disabled={record.isPending}>
          Record approval
        </button>
      </form>
      {record.error ? <ErrorNotice error={toIpcError(record.error)} /> : null}
    </section>
  );
}
