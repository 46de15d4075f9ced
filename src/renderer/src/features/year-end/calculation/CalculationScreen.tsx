import { useState, type JSX } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { profileKey } from '@renderer/app/use-active-profile';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { CalculationProgress } from './CalculationProgress';
import { Sa302View } from './Sa302View';
import { useDeclarationState, useFinalCalculation } from './use-declaration';

/**
 * HMRC's final calculation for a tax year (reference §5.7 steps 2–4): ask after the year has
 * ended, wait as HMRC advises with progress and a way to stop, then read it as an SA302.
 * Errors block the declaration and say where the figures are fixed; every calculation kept is
 * listed so the person can see later what they agreed to.
 */
export function CalculationScreen({
  profileId,
  taxYear,
}: {
  profileId: string;
  taxYear: string;
}): JSX.Element {
  const { state } = useDeclarationState(profileId, taxYear);
  const { run, progress, cancel } = useFinalCalculation(profileId, taxYear);
  const [viewing, setViewing] = useState<string | null>(null);
  const stored = useQuery({
    queryKey: profileKey(profileId, 'year-end', 'calculation', viewing),
    queryFn: () => unwrap(api.yearEnd.storedCalculation({ profileId, calculationId: viewing! })),
    enabled: viewing !== null,
  });

  if (state.isPending) return <Loading label="Opening the year end…" />;
  if (state.isError) return <ErrorNotice error={toIpcError(state.error)} />;
  const s = state.data;
  const purpose = s.declared ? 'amend' : 'finalise';
  const canAsk = !s.readOnlyReason && (purpose === 'finalise' || s.withinAmendmentWindow);

  return (
    <div className="year-end-screen">
      <ScreenHeader title={`HMRC’s final calculation, ${taxYear}`}>
        For {s.profileName}. HMRC works out the tax from everything you sent for the year; you check
        it here before you declare.
      </ScreenHeader>
      {s.readOnlyReason ? (
        <p className="notice notice-warn" role="note">
          {s.readOnlyReason}
        </p>
      ) : null}
      {canAsk ? (
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            disabled={run.isPending}
            onClick={() => run.mutate(purpose)}
          >
            {s.latest ? 'Ask HMRC for a new calculation' : 'Ask HMRC for the final calculation'}
          </button>
          {s.latest && s.blockers.every((b) => b.code !== 'CALCULATION_ERRORS') ? (
            <a className="button" href={`#/year-end/declaration/${profileId}/${taxYear}`}>
              Go to the declaration
            </a>
          ) : null}
        </div>
      ) : null}
      <CalculationProgress progress={progress} busy={run.isPending} onCancel={cancel} />
      {run.isError ? <ErrorNotice error={toIpcError(run.error)} /> : null}
      {s.latest ? (
        <section className="card" aria-labelledby="latest-calc">
          <h2 id="latest-calc">
            {s.latest.calculationType === 'intent-to-amend'
              ? 'Amended calculation'
              : 'The calculation to declare'}
          </h2>
          <Sa302View view={s.latest} idPrefix="latest" />
        </section>
      ) : !s.readOnlyReason ? (
        <p>
          No final calculation yet. Ask HMRC for it when every update and the annual figures are in.
        </p>
      ) : null}
      {s.calculations.length > 0 ? (
        <section className="card" aria-labelledby="kept-calcs">
          <h2 id="kept-calcs">Calculations kept for {taxYear}</h2>
          <ul className="plain-list">
            {s.calculations.map((c) => (
              <li key={c.calculationId}>
                <button
                  type="button"
                  className="button"
                  onClick={() => setViewing(c.calculationId)}
                >
                  {c.calculationType} from {c.retrievedAt}
                  {c.hasErrors ? ' (with errors)' : ''}
                  {s.declared?.calculationId === c.calculationId ? ' (declared)' : ''}
                </button>
              </li>
            ))}
          </ul>
          {stored.data ? <Sa302View view={stored.data} idPrefix="kept" /> : null}
        </section>
      ) : null}
    </div>
  );
}
