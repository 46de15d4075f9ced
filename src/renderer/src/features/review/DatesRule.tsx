import type { JSX } from 'react';
import type { UpdateView } from '@shared/ipc/channels/review';
import type { FoldedDates } from './dates-summary';

/**
 * Whether the update is sent with its dates, and why. The full card says it in a box; the
 * compact card says the dates in one line (they leave the figures table there, "Changed" and
 * all) and keeps the why behind it. Sent without dates stays a box in both: it is the
 * unusual case, and its reason is what a person needs to read.
 */
export function DatesRule({
  view,
  dates,
}: {
  view: UpdateView;
  /** The compact card's dates, said on one line (from `foldedDates`); otherwise the box. */
  dates?: FoldedDates;
}): JSX.Element {
  const rule = view.datesRule;
  if (!dates) {
    return (
      <p
        className={`notice ${rule.withDates ? '' : 'notice-warn'} update-dates-rule`}
        data-dates-rule={rule.rule}
      >
        <strong>{rule.withDates ? 'Sent with dates: ' : 'Sent without dates: '}</strong>
        {rule.reason}
      </p>
    );
  }
  return (
    <details className="update-dates-rule update-dates-compact" data-dates-rule={rule.rule}>
      <summary>
        <strong>Sent with dates: </strong>
        {dates.now}
        {dates.change ? (
          <span className="update-dates-changed">
            {' '}
            <span aria-hidden="true">▲ </span>
            {dates.change}
          </span>
        ) : null}
      </summary>
      <p className="hint">{rule.reason}</p>
    </details>
  );
}
