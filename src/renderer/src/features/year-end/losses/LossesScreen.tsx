import { useState, type JSX } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatPence, parseMoney } from '@shared/domain/money';
import { previousTaxYear } from '@shared/domain/tax-year';
import type {
  LossActionResult,
  LossBusiness,
  LossClaim,
} from '@shared/ipc/channels/year-end-losses';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { profileKey } from '@renderer/app/use-active-profile';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { Modal } from '@renderer/ui/Modal';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { yearEndHref } from '../year-end-route';

/** What the person is about to send, shown in the confirmation before anything leaves. */
type Pending =
  | { action: 'bring-forward'; business: LossBusiness; amountPence: number }
  | { action: 'claim'; business: LossBusiness; claim: LossClaim; amountPence: number };

/**
 * Losses for a tax year: what HMRC's calculation says each business made, what HMRC holds,
 * and the two online actions (bring a loss forward, claim this year's loss), each confirmed
 * before it is sent and answered with HMRC's own reply.
 */
export function LossesScreen({
  profileId,
  taxYear,
}: {
  profileId: string;
  taxYear: string;
}): JSX.Element {
  const qc = useQueryClient();
  const key = profileKey(profileId, 'year-end', 'losses', taxYear);
  const view = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.yearEnd.losses({ profileId, taxYear })),
  });
  const [pending, setPending] = useState<Pending | null>(null);
  const [answer, setAnswer] = useState<{ what: string; result: LossActionResult } | null>(null);
  const send = useMutation({
    mutationFn: (p: Pending) =>
      p.action === 'bring-forward'
        ? unwrap(
            api.yearEnd.bringLossForward({
              profileId,
              taxYear,
              hmrcBusinessId: p.business.hmrcBusinessId,
              amountPence: p.amountPence,
              fromTaxYear: previousTaxYear(taxYear),
            }),
          )
        : unwrap(
            api.yearEnd.claimLoss({
              profileId,
              taxYear,
              hmrcBusinessId: p.business.hmrcBusinessId,
              claim: p.claim,
              amountPence: p.amountPence,
            }),
          ),
    onSuccess: (result, p) => {
      setAnswer({ what: describe(p), result });
      setPending(null);
      void qc.invalidateQueries({ queryKey: key });
    },
  });

  if (view.isPending) return <Loading label="Reading your losses from HMRC…" />;
  if (view.isError) return <ErrorNotice error={toIpcError(view.error)} />;
  const v = view.data;
  return (
    <div className="year-end-screen">
      <ScreenHeader title={`Losses for ${taxYear}`}>
        A loss can lower your tax, this year or later. Nothing is sent to HMRC until you confirm.{' '}
        <a href={yearEndHref('checklist', profileId, taxYear)}>Back to the checklist</a>.
      </ScreenHeader>
      {answer ? <AnswerPanel what={answer.what} result={answer.result} /> : null}
      {v.businesses.length === 0 ? (
        <p className="empty-state">This profile has no business linked to HMRC.</p>
      ) : null}
      {v.businesses.map((b) => (
        <BusinessLosses
          key={b.hmrcBusinessId}
          business={b}
          busy={send.isPending}
          onConfirm={setPending}
        />
      ))}
      {pending ? (
        <Modal title="Send this to HMRC?" onClose={() => setPending(null)}>
          <p>{describe(pending)}</p>
          <p>HMRC will use it in the calculation of your tax. You can see HMRC’s answer here.</p>
          {send.isError ? <ErrorNotice error={toIpcError(send.error)} /> : null}
          <div className="button-row">
            <button
              type="button"
              className="button primary"
              disabled={send.isPending}
              onClick={() => send.mutate(pending)}
            >
              {send.isPending ? 'Sending…' : 'Send to HMRC'}
            </button>
            <button type="button" className="button" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </Modal>
      ) : null}
    </div>
  );
}

function describe(p: Pending): string {
  const amount = formatPence(p.amountPence);
  if (p.action === 'bring-forward')
    return `Bring a loss of ${amount} made before this year forward into ${p.business.name}.`;
  const how =
    p.claim === 'carry-forward'
      ? 'keep it for later years'
      : p.claim === 'carry-sideways'
        ? 'set it against this year’s other income'
        : 'set it against last year’s income';
  return `Use ${amount} of ${p.business.name}’s loss this year: ${how}.`;
}

function AnswerPanel({ what, result }: { what: string; result: LossActionResult }): JSX.Element {
  const ok = result.outcome === 'accepted';
  return (
    <section
      className={`notice ${ok ? 'notice-success' : 'notice-error'}`}
      role={ok ? 'status' : 'alert'}
    >
      <p className="notice-title">{ok ? 'HMRC accepted it' : 'HMRC did not accept it'}</p>
      <p>{what}</p>
      {result.error ? (
        <p>
          {result.error.message} {result.error.action} (HMRC’s code: {result.error.code})
        </p>
      ) : null}
      <details>
        <summary>What was sent</summary>
        <pre className="code-block">{result.sent}</pre>
        <p>
          Sent {new Date(result.sentAt).toLocaleString('en-GB')}
          {result.correlationId ? `; HMRC’s reference ${result.correlationId}` : ''}
          {result.hmrcId ? `; id ${result.hmrcId}` : ''}.
        </p>
      </details>
    </section>
  );
}

function BusinessLosses({
  business,
  busy,
  onConfirm,
}: {
  business: LossBusiness;
  busy: boolean;
  onConfirm: (p: Pending) => void;
}): JSX.Element {
  const [bring, setBring] = useState('');
  const [claimAmount, setClaimAmount] = useState(
    business.calculation?.lossPence ? (business.calculation.lossPence / 100).toFixed(2) : '',
  );
  const [claim, setClaim] = useState<LossClaim>('carry-forward');
  const [problem, setProblem] = useState<string | null>(null);
  const id = business.hmrcBusinessId;
  const amount = (text: string, then: (pence: number) => void) => {
    const parsed = parseMoney(text);
    if (!parsed.ok || parsed.pence <= 0) {
      setProblem(parsed.ok ? 'Enter an amount above £0.' : parsed.message);
      return;
    }
    setProblem(null);
    then(parsed.pence);
  };
  const c = business.calculation;
  return (
    <section className="card" aria-labelledby={`loss-${id}`}>
      <h2 id={`loss-${id}`}>{business.name}</h2>
      <dl className="facts">
        <dt>HMRC’s calculation</dt>
        <dd>
          {c
            ? c.lossPence > 0
              ? `a loss of ${formatPence(c.lossPence)}`
              : `a taxable profit of ${formatPence(c.profitPence)}`
            : 'not asked for yet: ask HMRC for the calculation to see the year’s loss'}
        </dd>
        <dt>Losses brought forward that HMRC holds</dt>
        <dd>{formatPence(business.broughtForwardPence)}</dd>
        <dt>Claims HMRC holds for this year</dt>
        <dd>
          {business.claims.length === 0
            ? 'none'
            : business.claims
                .map((k) => (k.amountPence ? `${k.claim} ${formatPence(k.amountPence)}` : k.claim))
                .join(', ')}
        </dd>
      </dl>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          amount(bring, (pence) =>
            onConfirm({ action: 'bring-forward', business, amountPence: pence }),
          );
        }}
      >
        <h3>Bring a loss forward</h3>
        <p>For a loss this business made in an earlier year and has not used yet.</p>
        <label htmlFor={`bring-${id}`}>Loss to bring forward (£)</label>
        <input
          id={`bring-${id}`}
          inputMode="decimal"
          value={bring}
          onChange={(e) => setBring(e.target.value)}
        />
        <button type="submit" className="button" disabled={busy}>
          Review and send…
        </button>
      </form>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          amount(claimAmount, (pence) =>
            onConfirm({ action: 'claim', business, claim, amountPence: pence }),
          );
        }}
      >
        <fieldset>
          <legend>How to use this year’s loss</legend>
          {business.options.map((o) => (
            <div key={o.claim} className="choice">
              <input
                type="radio"
                id={`claim-${id}-${o.claim}`}
                name={`claim-${id}`}
                value={o.claim}
                checked={claim === o.claim}
                disabled={o.unavailable !== undefined}
                onChange={() => setClaim(o.claim)}
                aria-describedby={`claim-${id}-${o.claim}-hint`}
              />
              <label htmlFor={`claim-${id}-${o.claim}`}>{o.title}</label>
              <p id={`claim-${id}-${o.claim}-hint`} className="hint">
                {o.explanation} <strong>What it does:</strong> {o.effect}
                {o.unavailable ? <em> Not available: {o.unavailable}</em> : null}
              </p>
            </div>
          ))}
        </fieldset>
        <label htmlFor={`claim-amount-${id}`}>Loss to use (£)</label>
        <input
          id={`claim-amount-${id}`}
          inputMode="decimal"
          value={claimAmount}
          onChange={(e) => setClaimAmount(e.target.value)}
        />
        <button type="submit" className="button primary" disabled={busy}>
          Review and send…
        </button>
      </form>
    </section>
  );
}
