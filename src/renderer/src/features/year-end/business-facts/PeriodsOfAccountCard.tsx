import type { JSX } from 'react';
import { formatUkDate } from '@shared/domain/tax-year';
import type { BusinessFacts } from '@shared/ipc/channels/year-end-business-facts';

/** The periods of account HMRC holds for the year (self-employment), read only. */
export function PeriodsOfAccountCard({
  facts,
  taxYear,
}: {
  facts: BusinessFacts;
  taxYear: string;
}): JSX.Element {
  const p = facts.periodsOfAccount;
  return (
    <section className="card" aria-labelledby="periods-title">
      <h3 id="periods-title">Periods of account</h3>
      {p.status === 'found' ? (
        p.declared && p.periods.length > 0 ? (
          <>
            <p>The accounts HMRC holds for {taxYear} cover:</p>
            <ul>
              {p.periods.map((d) => (
                <li key={`${d.startDate}-${d.endDate}`}>
                  {formatUkDate(d.startDate)} to {formatUkDate(d.endDate)}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>HMRC holds that the accounts for {taxYear} follow the tax year.</p>
        )
      ) : p.status === 'none' ? (
        <p>
          Nothing has been sent to HMRC for {taxYear}, so HMRC takes the business’s accounts to
          follow the tax year (6 April to 5 April).
        </p>
      ) : (
        <p className="hint">{p.reason}</p>
      )}
    </section>
  );
}
