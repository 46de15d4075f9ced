import { useId, type JSX } from 'react';
import type { ImportAnalysisView } from '@shared/ipc/channels/records';
import { moneyWithDirection, plural } from '../format';

type Check = NonNullable<ImportAnalysisView['balanceCheck']>;

/**
 * The statement's own running balance, checked row by row as a reconciliation would: either
 * it follows every row, or where it breaks, with the likely reason (a row missing from the
 * file, with its amount, or a row listed twice, which can be left out here).
 */
export function BalanceCheck({
  check,
  skipped,
  canSkip,
  onSkip,
}: {
  check: Check;
  skipped: (line: number) => boolean;
  /** Whether leaving this line out is offered (a row repeated in the file). */
  canSkip: (line: number) => boolean;
  onSkip: (line: number, on: boolean) => void;
}): JSX.Element {
  const id = useId();
  if (check.breakCount === 0) {
    return (
      <section aria-labelledby={`${id}-h`}>
        <h3 id={`${id}-h`}>Running balance</h3>
        <p className="records-done">
          The statement’s balance follows every row: no row is missing or listed twice{' '}
          {`(${plural(check.pairsChecked, 'step', 'steps')} of the balance compared).`}
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby={`${id}-h`} className="records-balance-breaks">
      <h3 id={`${id}-h`}>Running balance</h3>
      <p>
        The statement’s balance does not follow the rows in{' '}
        {plural(check.breakCount, 'place', 'places')}. Compare these lines with your bank’s
        statement before importing:
      </p>
      <ul>
        {check.breaks.map((b) => (
          <li key={`${b.afterLine}-${b.line}`}>
            {b.kind === 'duplicated-row' && b.duplicateLine !== null ? (
              <>
                <strong>Line {b.duplicateLine} looks listed twice:</strong> the balance did not move
                for it ({moneyWithDirection(-b.gapPence)}).
                {canSkip(b.duplicateLine) ? (
                  <span className="choice">
                    <input
                      id={`${id}-skip-${b.duplicateLine}`}
                      type="checkbox"
                      checked={skipped(b.duplicateLine)}
                      onChange={(e) => onSkip(b.duplicateLine!, e.target.checked)}
                    />
                    <label htmlFor={`${id}-skip-${b.duplicateLine}`}>
                      Leave line {b.duplicateLine} out
                    </label>
                  </span>
                ) : null}
              </>
            ) : (
              <>
                <strong>
                  Between line {b.afterLine} and line {b.line}, a row of{' '}
                  {moneyWithDirection(b.gapPence)} looks missing:
                </strong>{' '}
                the balance moved by that much more than the rows explain. Add it by hand if it
                belongs in your records.
              </>
            )}
          </li>
        ))}
      </ul>
      {check.breaks.length < check.breakCount ? (
        <p className="hint">The first {check.breaks.length} are listed.</p>
      ) : null}
    </section>
  );
}
