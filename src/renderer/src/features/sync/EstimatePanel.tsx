import type { JSX } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EstimateView } from '@shared/ipc/channels/sync';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { useSettings } from '@renderer/app/use-settings';
import { EstimateBasis, EstimateProjection } from './EstimateExplained';
import { money, ukDate, when } from './format';
import { syncKeys } from './use-sync';

/**
 * HMRC's in-year estimate after a sync (reference §5.3): income tax and Class 4 National
 * Insurance, the dates it covers and HMRC's accuracy disclaimer. A supporting agent sees why
 * there is none.
 */
export function EstimatePanel({
  profileId,
  estimate,
  allowed,
  reason,
  online,
}: {
  profileId: string;
  estimate?: EstimateView;
  allowed: boolean;
  reason?: string;
  online: boolean;
}): JSX.Element {
  const queryClient = useQueryClient();
  const practice = useSettings().data?.environment === 'practice';
  const ask = useMutation({
    mutationFn: () =>
      unwrap(api.sync.estimate({ profileId, ...(estimate ? { taxYear: estimate.taxYear } : {}) })),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: syncKeys.status(profileId) }),
  });

  return (
    <section className="card estimate" aria-labelledby="estimate-title">
      <h2 id="estimate-title">Tax estimate from HMRC</h2>
      {!allowed ? (
        <p>{reason}</p>
      ) : (
        <>
          {estimate?.status === 'ready' ? (
            <>
              <p className="hint">
                Tax year {estimate.taxYear}
                {estimate.periodFrom && estimate.periodTo
                  ? `, covering ${ukDate(estimate.periodFrom)} to ${ukDate(estimate.periodTo)}`
                  : ''}
                {estimate.requestedAt ? `. Asked for at ${when(estimate.requestedAt)}.` : '.'}
              </p>
              <dl className="estimate-figures">
                <div>
                  <dt>Estimated Income Tax (after reliefs)</dt>
                  <dd>{money(estimate.incomeTaxPence ?? 0)}</dd>
                </div>
                <div>
                  <dt>Estimated Class 4 National Insurance</dt>
                  <dd>{money(estimate.class4NicsPence ?? 0)}</dd>
                </div>
                {estimate.class2NicsPence ? (
                  <div>
                    <dt>Estimated Class 2 National Insurance</dt>
                    <dd>{money(estimate.class2NicsPence)}</dd>
                  </div>
                ) : null}
                <div className="estimate-total">
                  <dt>Estimated total so far</dt>
                  <dd>{money(estimate.totalPence ?? 0)}</dd>
                </div>
              </dl>
              <EstimateBasis estimate={estimate} />
              <p className="notice notice-warn estimate-disclaimer">{estimate.disclaimer}</p>
              {practice ? (
                // Practice HMRC's figures come from a simplified calculation; nobody should
                // budget with them as if HMRC had worked them out.
                <p className="hint estimate-practice">
                  <strong>Practice figure.</strong> Practice HMRC worked this out with a simplified
                  calculation on this computer; it is not HMRC’s estimate of your tax.
                </p>
              ) : null}
              <EstimateProjection estimate={estimate} />
            </>
          ) : estimate?.status === 'errors' ? (
            <div className="notice notice-warn">
              <p className="notice-title">{estimate.reason}</p>
              <ul>
                {estimate.messages
                  .filter((m) => m.kind === 'error')
                  .map((m) => (
                    <li key={m.text}>{m.text}</li>
                  ))}
              </ul>
            </div>
          ) : estimate?.status === 'pending' ? (
            <p>{estimate.reason}</p>
          ) : estimate?.status === 'failed' && estimate.error ? (
            <ErrorNotice error={estimate.error} title="The estimate could not be fetched" />
          ) : (
            <p>
              No estimate yet. After this profile’s own sync, Ledgerlink asks HMRC for one at most
              once a day (a sync of several clients leaves it until someone looks); ask for one now
              with the button below.
            </p>
          )}
          {estimate?.messages.some((m) => m.kind !== 'error') ? (
            <details>
              <summary>HMRC’s notes on this calculation</summary>
              <ul>
                {estimate.messages
                  .filter((m) => m.kind !== 'error')
                  .map((m) => (
                    <li key={m.text}>{m.text}</li>
                  ))}
              </ul>
            </details>
          ) : null}
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={!online || ask.isPending}
              onClick={() => ask.mutate()}
            >
              Ask HMRC for a new estimate
            </button>
            {!online ? <span className="hint">Available when you are online.</span> : null}
          </div>
          {ask.isPending ? (
            <Loading label="HMRC is calculating: this takes a few seconds…" />
          ) : null}
          {ask.error ? <ErrorNotice error={toIpcError(ask.error)} /> : null}
        </>
      )}
    </section>
  );
}
