import { useState, type JSX } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { formatPence } from '@shared/domain/money';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { profileKey } from '@renderer/app/use-active-profile';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { CalculationProgress } from '../calculation/CalculationProgress';
import { useDeclarationState, useFinalCalculation } from '../calculation/use-declaration';

/**
 * Amend after declaring (reference §5.7 "Amendments after finalisation"): within 12 months of
 * the 31 January filing date. Change the figures through the normal updates, ask HMRC for the
 * amended calculation, compare it with the declared one (what changed, the change in tax),
 * agree and confirm. Outside the window it says so and sends nothing.
 */
export function AmendmentScreen({
  profileId,
  taxYear,
}: {
  profileId: string;
  taxYear: string;
}): JSX.Element {
  const { state, set } = useDeclarationState(profileId, taxYear);
  const { run, progress, cancel } = useFinalCalculation(profileId, taxYear);
  const [ticked, setTicked] = useState(false);
  const latestAmend =
    state.data?.latest?.calculationType === 'intent-to-amend'
      ? state.data.latest.calculationId
      : null;
  const compare = useQuery({
    queryKey: profileKey(profileId, 'year-end', 'amend-compare', taxYear, latestAmend),
    queryFn: () => unwrap(api.yearEnd.compareAmendment({ profileId, taxYear })),
    enabled: latestAmend !== null,
  });
  const confirm = useMutation({
    mutationFn: async (calculationId: string) => {
      await unwrap(api.yearEnd.agree({ profileId, taxYear, calculationId, agreed: true }));
      return unwrap(api.yearEnd.declare({ profileId, taxYear, calculationId }));
    },
    onSuccess: set,
  });

  if (state.isPending) return <Loading label="Opening amendments…" />;
  if (state.isError) return <ErrorNotice error={toIpcError(state.error)} />;
  const s = state.data;
  return (
    <div className="year-end-screen">
      <ScreenHeader title={`Amend the ${taxYear} return`}>
        HMRC accepts amendments until {s.amendmentWindowEnd} (12 months after the 31 January
        deadline).
      </ScreenHeader>
      {s.readOnlyReason ? <p className="notice notice-warn">{s.readOnlyReason}</p> : null}
      {!s.declared ? (
        <p>
          There is no final declaration to amend.{' '}
          <a href={`#/year-end/declaration/${profileId}/${taxYear}`}>Go to the declaration</a>.
        </p>
      ) : !s.withinAmendmentWindow ? (
        <div className="notice notice-error" role="alert">
          <p className="notice-title">
            HMRC’s window for amending {taxYear} closed on {s.amendmentWindowEnd}
          </p>
          <p>Nothing was sent. To correct this return now, contact HMRC.</p>
        </div>
      ) : (
        <>
          <ol className="steps">
            <li>
              Change the figures through the normal updates in{' '}
              <a href="#/review">Review &amp; sync</a> (or the annual figures) and send them.
            </li>
            <li>Ask HMRC for the amended calculation and compare it with what you declared.</li>
            <li>Agree to HMRC’s statement and confirm the amendment.</li>
          </ol>
          <button
            type="button"
            className="button primary"
            disabled={run.isPending}
            onClick={() => run.mutate('amend')}
          >
            Ask HMRC for the amended calculation
          </button>
          <CalculationProgress progress={progress} busy={run.isPending} onCancel={cancel} />
          {run.isError ? <ErrorNotice error={toIpcError(run.error)} /> : null}
          {compare.data && s.latest ? (
            <section className="card" aria-labelledby="compare-title">
              <h2 id="compare-title">What changed</h2>
              <p className="figure-lead">
                Change in tax:{' '}
                <strong>
                  {compare.data.taxChangePence >= 0 ? '+' : '−'}
                  {formatPence(Math.abs(compare.data.taxChangePence))}
                </strong>
                {compare.data.taxChangePence > 0
                  ? ' more to pay'
                  : compare.data.taxChangePence < 0
                    ? ' less to pay'
                    : ''}
              </p>
              <div className="table-scroll">
                <table className="table">
                  <caption>Declared calculation against the amended one</caption>
                  <thead>
                    <tr>
                      <th scope="col">Figure</th>
                      <th scope="col" className="num">
                        Declared
                      </th>
                      <th scope="col" className="num">
                        Amended
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {compare.data.lines.map((l) => (
                      <tr key={l.path}>
                        <th scope="row">{l.label}</th>
                        <td className="num">{formatPence(l.beforePence)}</td>
                        <td className="num">{formatPence(l.afterPence)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {s.latest.messages.errors.length > 0 ? (
                <p className="notice notice-error">
                  HMRC’s amended calculation has errors: correct the figures first.
                </p>
              ) : (
                <>
                  <p>{s.wording.leadIn}</p>
                  <blockquote className="declaration-statement">{s.wording.statement}</blockquote>
                  <div className="choice">
                    <input
                      id="amend-tick"
                      type="checkbox"
                      checked={ticked}
                      onChange={(e) => setTicked(e.target.checked)}
                    />
                    <label htmlFor="amend-tick">
                      I have read HMRC’s statement above and I agree to it
                    </label>
                  </div>
                  <button
                    type="button"
                    className="button primary"
                    disabled={!ticked || confirm.isPending}
                    onClick={() => confirm.mutate(s.latest!.calculationId)}
                  >
                    Confirm the amendment with HMRC
                  </button>
                </>
              )}
              {confirm.isError ? <ErrorNotice error={toIpcError(confirm.error)} /> : null}
            </section>
          ) : null}
          {s.amended.length > 0 ? (
            <section className="card receipt" aria-labelledby="amended-title">
              <h2 id="amended-title">Amendments HMRC has</h2>
              <ul>
                {s.amended.map((r) => (
                  <li key={r.seq}>
                    Receipt {r.seq}: calculation <code>{r.calculationId}</code>, confirmed{' '}
                    {r.recordedAt} (HMRC reference <code>{r.correlationId}</code>)
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
