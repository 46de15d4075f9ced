import type { JSX } from 'react';
import { formatPence } from '@shared/domain/money';
import { formatUkDate } from '@shared/domain/tax-year';
import type { AnnualView } from '@shared/ipc/channels/year-end-annual';

/**
 * What the records suggest: purchases that may qualify for the Annual Investment Allowance
 * (the person decides), and the income allowance compared with the actual expenses, with what
 * claiming it involves.
 */
export function AnnualHintsPanel({
  view,
  onUseAia,
}: {
  view: AnnualView;
  /** Absent for foreign property: which property's allowance it would be is the person's call. */
  onUseAia?: (pence: number) => void;
}): JSX.Element {
  const { hints } = view;
  return (
    <div className="annual-hints" aria-labelledby="annual-hints-heading">
      <h3 id="annual-hints-heading">From your records</h3>
      <p>{hints.incomeAllowanceAdvice}</p>
      {hints.cumulativeExpensesPence !== undefined ? (
        <p className="hint">
          The year’s cumulative update HMRC holds claims{' '}
          {formatPence(hints.cumulativeExpensesPence)} of expenses.
        </p>
      ) : null}
      {hints.capitalCandidates.length > 0 ? (
        <>
          <p>
            These purchases look like equipment. If they are, they may qualify for the Annual
            Investment Allowance instead of being expenses (you decide; cars do not qualify):
          </p>
          <ul className="annual-candidates">
            {hints.capitalCandidates.map((c) => (
              <li key={c.id}>
                {formatUkDate(c.date)}: {c.description} — {formatPence(c.amountPence)}
              </li>
            ))}
          </ul>
          {onUseAia ? (
            <button
              type="button"
              className="button"
              onClick={() => onUseAia(hints.capitalCandidatesPence)}
            >
              Use {formatPence(hints.capitalCandidatesPence)} as the Annual Investment Allowance
            </button>
          ) : null}
        </>
      ) : (
        <p className="hint">No purchases in your records for the year look like equipment.</p>
      )}
    </div>
  );
}
