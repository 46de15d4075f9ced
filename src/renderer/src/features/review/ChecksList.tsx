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
 * The checks made before anything is sent. Errors (HMRC's own rule codes where HMRC would
 * refuse the update) block approval; each warning needs its box ticked.
 */
export function ChecksList({
  idPrefix,
  errors,
  warnings,
  acknowledged,
  onAcknowledge,
}: {
  idPrefix: string;
  errors: ReviewIssue[];
  warnings: ReviewIssue[];
  acknowledged: string[];
  onAcknowledge: (code: string, checked: boolean) => void;
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
        <div className="notice notice-warn">
          <h3 className="checks-title">
            {warnings.length === 1
              ? 'Check this before approving'
              : `Check these ${warnings.length} things before approving`}
          </h3>
          <ul className="checks-list">
            {warnings.map((w) => {
              const id = `${idPrefix}-${w.code}`;
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
                  <div className="choice">
                    <input
                      id={id}
                      type="checkbox"
                      checked={acknowledged.includes(w.code)}
                      onChange={(e) => onAcknowledge(w.code, e.target.checked)}
                    />
                    <label htmlFor={id}>I have checked this and the update is right</label>
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
