import type { JSX } from 'react';
import { projectYear } from '@shared/domain/estimate-projection';
import type { EstimateView } from '@shared/ipc/channels/sync';
import { money, ukDate } from './format';

const KIND = {
  'self-employment': 'self-employment',
  'uk-property': 'UK property',
  'foreign-property': 'foreign property',
} as const;

/** Profit so far across the businesses HMRC calculated on (losses count against it). */
export const profitSoFar = (estimate: EstimateView): number | undefined =>
  estimate.businesses?.length
    ? estimate.businesses.reduce((t, b) => t + (b.profitPence ?? 0) - (b.lossPence ?? 0), 0)
    : estimate.incomeReceivedPence;

/** Why HMRC's figure is what it is, in words, when it is zero (the figure alone reads as broken). */
function whyZero(estimate: EstimateView): string | null {
  if ((estimate.totalPence ?? 0) !== 0) return null;
  const income = estimate.incomeReceivedPence;
  const allowances = estimate.allowancesPence;
  if (income !== undefined && allowances !== undefined && income <= allowances) {
    return `Nothing is due so far because the income HMRC has been told about (${money(income)}) is less than the allowances it gives (${money(allowances)}, mostly the Personal Allowance). Tax starts once the year’s income passes them, so the figure can rise as the year goes on.`;
  }
  if ((estimate.taxableIncomePence ?? 0) === 0) {
    return 'Nothing is due so far: HMRC found no taxable income in the updates it has.';
  }
  return null;
}

/** Profit per business, and what HMRC's figure is based on. */
export function EstimateBasis({ estimate }: { estimate: EstimateView }): JSX.Element | null {
  const reason = whyZero(estimate);
  return (
    <>
      {reason ? <p className="notice notice-ok estimate-why">{reason}</p> : null}
      {estimate.businesses?.length ? (
        <table className="table estimate-businesses">
          <caption>Profit so far, per business</caption>
          <thead>
            <tr>
              <th scope="col">Business</th>
              <th scope="col" className="num">
                Income
              </th>
              <th scope="col" className="num">
                Expenses
              </th>
              <th scope="col" className="num">
                Profit (or loss)
              </th>
            </tr>
          </thead>
          <tbody>
            {estimate.businesses.map((b, i) => (
              <tr key={`${b.name}-${i}`}>
                <td>
                  {b.name} <span className="hint">({KIND[b.kind]})</span>
                </td>
                <td className="num">{money(b.incomePence ?? 0)}</td>
                <td className="num">{money(b.expensesPence ?? 0)}</td>
                <td className="num">
                  {b.lossPence ? `−${money(b.lossPence)} loss` : money(b.profitPence ?? 0)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {estimate.incomeReceivedPence !== undefined ? (
        <details className="estimate-basis" open>
          <summary>What HMRC’s figure is based on</summary>
          <dl className="estimate-working">
            <div>
              <dt>Income HMRC has been told about</dt>
              <dd>{money(estimate.incomeReceivedPence)}</dd>
            </div>
            <div>
              <dt>Less allowances (the Personal Allowance)</dt>
              <dd>{money(estimate.allowancesPence ?? 0)}</dd>
            </div>
            <div>
              <dt>Taxable income</dt>
              <dd>{money(estimate.taxableIncomePence ?? 0)}</dd>
            </div>
            {estimate.reliefsPence ? (
              <>
                <div>
                  <dt>Income Tax on that, before reliefs</dt>
                  <dd>{money(estimate.incomeTaxBeforeReliefsPence ?? 0)}</dd>
                </div>
                <div>
                  <dt>Less reliefs (such as finance costs on a let property)</dt>
                  <dd>{money(estimate.reliefsPence)}</dd>
                </div>
              </>
            ) : null}
            <div>
              <dt>Income Tax due</dt>
              <dd>{money(estimate.incomeTaxPence ?? 0)}</dd>
            </div>
          </dl>
        </details>
      ) : null}
    </>
  );
}

/**
 * Ledgerlink's projection to the year end and the "set aside" figure, with the working: said
 * plainly to be Ledgerlink's arithmetic, not HMRC's.
 */
export function EstimateProjection({ estimate }: { estimate: EstimateView }): JSX.Element | null {
  const profit = profitSoFar(estimate);
  if (profit === undefined || !estimate.periodFrom || !estimate.periodTo) return null;
  const p = projectYear({
    taxYear: estimate.taxYear,
    profitSoFarPence: profit,
    periodFrom: estimate.periodFrom,
    periodTo: estimate.periodTo,
  });
  if (!p) return null;
  return (
    <section className="estimate-projection" aria-labelledby="projection-title">
      <h3 id="projection-title">Ledgerlink’s projection to the end of the year</h3>
      <p className="hint">
        Not HMRC’s figure: Ledgerlink’s own arithmetic, assuming the rest of the year goes at the
        same pace, that these profits are your only income, and the rates for England, Wales and
        Northern Ireland.
      </p>
      <dl className="estimate-figures">
        <div>
          <dt>Profit for the whole year, at this pace</dt>
          <dd>{money(p.yearProfitPence)}</dd>
        </div>
        <div>
          <dt>Tax and Class 4 for the whole year</dt>
          <dd>{money(p.yearTaxPence)}</dd>
        </div>
        <div className="estimate-total">
          <dt>Set aside by now</dt>
          <dd>{money(p.setAsideNowPence)}</dd>
        </div>
      </dl>
      <details>
        <summary>How the set-aside figure was worked out</summary>
        <ol className="estimate-steps">
          <li>
            Profit so far: {money(profit)} in {p.daysCovered} days ({ukDate(estimate.periodFrom)} to{' '}
            {ukDate(estimate.periodTo)}).
          </li>
          <li>
            At that pace for all {p.daysInYear} days of the tax year: {money(p.yearProfitPence)}.
          </li>
          <li>
            Less the Personal Allowance of {money(p.personalAllowancePence)}: taxable income{' '}
            {money(p.taxableIncomePence)}, Income Tax {money(p.incomeTaxPence)}.
          </li>
          <li>
            Class 4 National Insurance on profits over £12,570: {money(p.class4Pence)}. Together:{' '}
            {money(p.yearTaxPence)}.
          </li>
          <li>
            {p.daysCovered} of {p.daysInYear} days have gone, so the share to have set aside now is{' '}
            {money(p.setAsideNowPence)}.
          </li>
        </ol>
      </details>
    </section>
  );
}
