import type { JSX } from 'react';
import type { RecordsSummaryView } from '@shared/ipc/channels/records';
import { money, plural } from '../format';

/** Running totals of everything the filter matches (not only the rows in view). */
export function RecordsSummaryBar({
  summary,
  uncategorisedOnly,
  onShowUncategorised,
}: {
  summary: RecordsSummaryView | undefined;
  uncategorisedOnly: boolean;
  onShowUncategorised: () => void;
}): JSX.Element {
  if (!summary) return <div className="records-summary" aria-hidden="true" />;
  return (
    <div className="records-summary">
      <dl className="records-totals">
        <div>
          <dt>Records</dt>
          <dd aria-live="polite">{summary.count.toLocaleString('en-GB')}</dd>
        </div>
        <div>
          <dt>Money in</dt>
          <dd>{money(summary.inPence)}</dd>
        </div>
        <div>
          <dt>Money out</dt>
          <dd>{money(summary.outPence)}</dd>
        </div>
        <div>
          <dt>Net</dt>
          <dd>{money(summary.netPence)}</dd>
        </div>
      </dl>
      {summary.uncategorisedCount > 0 && !uncategorisedOnly ? (
        <p className="records-todo">
          <span className="badge badge-warn">To do</span>{' '}
          {plural(summary.uncategorisedCount, 'record has', 'records have')} no category yet.{' '}
          <button type="button" className="link-button" onClick={onShowUncategorised}>
            Show {summary.uncategorisedCount === 1 ? 'it' : 'them'}
          </button>
        </p>
      ) : summary.count > 0 && summary.uncategorisedCount === 0 ? (
        <p className="records-todo records-done">Every record here has a category.</p>
      ) : null}
    </div>
  );
}
