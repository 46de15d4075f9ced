import type { JSX } from 'react';
import type { ReviewIssue } from '@shared/ipc/channels/review';
import { routeForRecords } from '../records/filter-state';

function RecordLinks({ issue }: { issue: ReviewIssue }): JSX.Element | null {
  if (!issue.records?.length) return null;
  return (
    <ul className="checks-links">
      {issue.records.map((r) => (
        <li key={r.label}>
          <a href={routeForRecords(r.businessId, r.dateFrom, r.dateTo)}>{r.label}</a>
        </li>
      ))}
    </ul>
  );
}

/**
 * One warning in the compact card: its message on a line, then what to check (folded away: the
 * changed lines are marked in the table above), the records it is about and the box, side by
 * side.
 */
function CompactWarning({ warning, box }: { warning: ReviewIssue; box: JSX.Element }): JSX.Element {
  return (
    <li>
      <p className="notice-title">{warning.message}</p>
      <div className="checks-row">
        <details className="checks-more">
          <summary>What to check</summary>
          {warning.details?.length ? (
            <ul>
              {warning.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
          <p>{warning.action}</p>
        </details>
        <RecordLinks issue={warning} />
        {box}
      </div>
    </li>
  );
}

/**
 * The checks made before anything is sent. Errors (HMRC's own rule codes where HMRC would
 * refuse the update) block approval; each warning needs its box ticked.
 */
export function ChecksList({
  idPrefix,
  errors,
  warnings,
  acknowledged,
  onAcknowledge,
  compact = false,
}: {
  idPrefix: string;
  errors: ReviewIssue[];
  warnings: ReviewIssue[];
  acknowledged: string[];
  onAcknowledge: (code: string, checked: boolean) => void;
  /** Each warning in two lines, its details folded away (the compact card). */
  compact?: boolean;
}): JSX.Element {
  if (errors.length === 0 && warnings.length === 0) {
    return (
      <p className="checks-ok">
        <span aria-hidden="true">✓ </span>All checks passed: HMRC’s rules that can be checked on
        this computer are met.
      </p>
    );
  }
  return (
    <div className="checks">
      {errors.length > 0 ? (
        <div className="notice notice-error">
          <h3 className="checks-title">
            {errors.length === 1
              ? 'This must be put right before you can approve'
              : `${errors.length} things must be put right before you can approve`}
          </h3>
          <ul className="checks-list">
            {errors.map((e) => (
              <li key={e.code}>
                <p className="notice-title">{e.message}</p>
                {e.details?.length ? (
                  <ul>
                    {e.details.map((d) => (
                      <li key={d}>{d}</li>
                    ))}
                  </ul>
                ) : null}
                <p>{e.action}</p>
                <p className="notice-meta">
                  {e.hmrcRule ? `HMRC’s rule: ${e.code}` : `Reference: ${e.code}`}
                </p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <div className={`notice notice-warn${compact ? ' checks-compact' : ''}`}>
          <h3 className="checks-title">
            {warnings.length === 1
              ? 'Check this before approving'
              : `Check these ${warnings.length} things before approving`}
          </h3>
          <ul className="checks-list">
            {warnings.map((w) => {
              const id = `${idPrefix}-${w.code}`;
              const box = (
                <div className="choice">
                  <input
                    id={id}
                    type="checkbox"
                    checked={acknowledged.includes(w.code)}
                    onChange={(e) => onAcknowledge(w.code, e.target.checked)}
                  />
                  <label htmlFor={id}>I have checked this and the update is right</label>
                </div>
              );
              if (compact) return <CompactWarning key={w.code} warning={w} box={box} />;
              return (
                <li key={w.code}>
                  <p className="notice-title">{w.message}</p>
                  {w.details?.length ? (
                    <ul>
                      {w.details.map((d) => (
                        <li key={d}>{d}</li>
                      ))}
                    </ul>
                  ) : null}
                  <p>{w.action}</p>
                  <RecordLinks issue={w} />
                  {box}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
