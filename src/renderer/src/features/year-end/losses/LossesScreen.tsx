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
    <div className="year-end-screen losses-screen">
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
          apiVersion={v.apiVersion}
          calculationHref={yearEndHref('calculation', profileId, taxYear)}
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
    return `Bring in an unused loss of ${amount} from earlier years for ${p.business.name}.`;
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
      className={`notice ${ok ? 'notice-ok' : 'notice-error'}`}
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

/** A claim HMRC holds, in the words of the option it came from (6.0's other claim types named). */
function claimName(business: LossBusiness, claim: string): string {
  const other: Record<string, string> = {
    'carry-forward-to-carry-sideways': 'Kept for later years, then set against other income',
    'carry-sideways-fhl': 'Set against this year’s other income (furnished holiday letting)',
  };
  return business.options.find((o) => o.claim === claim)?.title ?? other[claim] ?? claim;
}

function BusinessLosses({
  business,
  apiVersion,
  calculationHref,
  busy,
  onConfirm,
}: {
  business: LossBusiness;
  apiVersion: '6.0' | '7.0';
  calculationHref: string;
  busy: boolean;
  onConfirm: (p: Pending) => void;
}): JSX.Element {
  const [bring, setBring] = useState('');
  const [claimAmount, setClaimAmount] = useState(
    business.calculation?.lossPence ? (business.calculation.lossPence / 100).toFixed(2) : '',
  );
  const [claim, setClaim] = useState<LossClaim>('carry-forward');
  const [problem, setProblem] = useState<{ form: 'claim' | 'bring'; text: string } | null>(null);
  const id = business.hmrcBusinessId;
  const amount = (form: 'claim' | 'bring', text: string, then: (pence: number) => void) => {
    const parsed = parseMoney(text);
    if (!parsed.ok || parsed.pence <= 0) {
      setProblem({ form, text: parsed.ok ? 'Enter an amount above £0.' : parsed.message });
      return;
    }
    setProblem(null);
    then(parsed.pence);
  };
  const c = business.calculation;
  // Claims for years before 2026-27 (Individual Losses 6.0) carry no amount: the whole loss.
  const wholeLoss = apiVersion === '6.0';
  const errorOf = (form: 'claim' | 'bring') =>
    problem?.form === form ? (
      <p className="field-error" role="alert" id={`${form}-error-${id}`}>
        {problem.text}
      </p>
    ) : null;
  return (
    <section className="card loss-card" aria-labelledby={`loss-${id}`}>
      <h2 id={`loss-${id}`}>{business.name}</h2>
      <dl className="facts">
        <dt>HMRC’s calculation of the year</dt>
        <dd>
          {c
            ? c.lossPence > 0
              ? `a loss of ${formatPence(c.lossPence)}`
              : `a taxable profit of ${formatPence(c.profitPence)}`
            : 'not asked for yet'}
        </dd>
        {c && c.broughtForwardUsedPence > 0 ? (
          <>
            <dt>Earlier losses used against it</dt>
            <dd>{formatPence(c.broughtForwardUsedPence)}</dd>
          </>
        ) : null}
        <dt>Losses from earlier years that HMRC holds</dt>
        <dd>{formatPence(business.broughtForwardPence)}</dd>
        <dt>How HMRC has this year’s loss being used</dt>
        <dd>
          {business.claims.length === 0
            ? 'not chosen yet'
            : business.claims
                .map((k) =>
                  k.amountPence
                    ? `${claimName(business, k.claim)}: ${formatPence(k.amountPence)}`
                    : claimName(business, k.claim),
                )
                .join('; ')}
        </dd>
      </dl>
      {!c ? (
        <p>
          The year’s loss comes from HMRC’s calculation.{' '}
          <a href={calculationHref}>Ask HMRC for the calculation</a>, then come back here.
        </p>
      ) : null}
      {c && c.lossPence === 0 ? (
        <p>This business made no loss this year, so there is no loss of this year to use.</p>
      ) : null}
      {wholeLoss && business.claims.length > 0 ? (
        <p>
          HMRC has your choice for this year’s loss. HMRC refuses a second claim for the same year;
          changing the choice cannot be done from Ledgerlink yet, so ask HMRC or your agent.
        </p>
      ) : (c && c.lossPence > 0) || (!c && !wholeLoss) ? (
        <form
          className="loss-form"
          aria-labelledby={`claim-title-${id}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (wholeLoss && c)
              return onConfirm({ action: 'claim', business, claim, amountPence: c.lossPence });
            amount('claim', claimAmount, (pence) =>
              onConfirm({ action: 'claim', business, claim, amountPence: pence }),
            );
          }}
        >
          <h3 id={`claim-title-${id}`}>Use this year’s loss</h3>
          <fieldset>
            <legend>How to use it</legend>
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
                <div id={`claim-${id}-${o.claim}-hint`} className="hint">
                  <p>{o.explanation}</p>
                  <p>
                    <strong>What it does to your tax:</strong> {o.effect}
                  </p>
                  {o.unavailable ? (
                    <p className="loss-unavailable">Not here: {o.unavailable}</p>
                  ) : null}
                </div>
              </div>
            ))}
          </fieldset>
          {wholeLoss ? (
            <p className="hint">
              For years before 2026-27 HMRC takes the whole loss this way (
              {formatPence(c?.lossPence ?? 0)}); it uses as much as the income allows.
            </p>
          ) : (
            <div className="field">
              <label htmlFor={`claim-amount-${id}`}>How much of the loss (£)</label>
              <input
                id={`claim-amount-${id}`}
                type="text"
                className="amount-input"
                inputMode="decimal"
                value={claimAmount}
                onChange={(e) => setClaimAmount(e.target.value)}
                {...(problem?.form === 'claim'
                  ? { 'aria-invalid': true, 'aria-errormessage': `claim-error-${id}` }
                  : {})}
              />
              {errorOf('claim')}
            </div>
          )}
          <div className="actions">
            <button type="submit" className="button primary" disabled={busy}>
              Review and send…
            </button>
          </div>
        </form>
      ) : null}
      <form
        className="loss-form"
        aria-labelledby={`bring-title-${id}`}
        onSubmit={(e) => {
          e.preventDefault();
          amount('bring', bring, (pence) =>
            onConfirm({ action: 'bring-forward', business, amountPence: pence }),
          );
        }}
      >
        <h3 id={`bring-title-${id}`}>Bring in a loss from an earlier year</h3>
        <p className="hint">
          Only if this business made a loss before this year that has not been used yet, for example
          before you joined Making Tax Digital. HMRC sets it against this year’s profit.
        </p>
        <div className="field">
          <label htmlFor={`bring-${id}`}>Unused loss from earlier years (£)</label>
          <input
            id={`bring-${id}`}
            type="text"
            className="amount-input"
            inputMode="decimal"
            value={bring}
            onChange={(e) => setBring(e.target.value)}
            {...(problem?.form === 'bring'
              ? { 'aria-invalid': true, 'aria-errormessage': `bring-error-${id}` }
              : {})}
          />
          {errorOf('bring')}
        </div>
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            Review and send…
          </button>
        </div>
      </form>
    </section>
  );
}
