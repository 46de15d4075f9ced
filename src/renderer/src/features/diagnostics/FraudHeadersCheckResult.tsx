import type { JSX } from 'react';
import type { FraudHeadersCheck, FraudHeadersCheckIssue } from '@shared/ipc/channels/hmrc';

const TONE: Record<string, { className: string; badge: string; label: string }> = {
  VALID_HEADERS: { className: 'notice notice-ok', badge: 'badge badge-ok', label: 'No problems' },
  POTENTIALLY_INVALID_HEADERS: {
    className: 'notice notice-warn',
    badge: 'badge badge-warn',
    label: 'Advice',
  },
  INVALID_HEADERS: {
    className: 'notice notice-error',
    badge: 'badge badge-bad',
    label: 'Problems',
  },
};

function IssueList({
  title,
  issues,
  id,
}: {
  title: string;
  issues: FraudHeadersCheckIssue[];
  id: string;
}): JSX.Element | null {
  if (issues.length === 0) return null;
  return (
    <>
      <h4 id={id}>{title}</h4>
      <ul className="fph-issues" aria-labelledby={id}>
        {issues.map((issue, i) => (
          <li key={`${issue.code}-${i}`} data-issue-code={issue.code}>
            <p>{issue.explanation}</p>
            <p className="hint">
              HMRC’s words ({issue.code}
              {issue.headers.length > 0 ? `, ${issue.headers.join(', ')}` : ''}): {issue.message}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

/** HMRC's answer from the Test Fraud Prevention Headers API, in plain words. */
export function FraudHeadersCheckResult({ result }: { result: FraudHeadersCheck }): JSX.Element {
  const tone = TONE[result.code] ?? {
    className: 'notice notice-warn',
    badge: 'badge badge-neutral',
    label: result.code,
  };
  return (
    <div className={tone.className} data-testid="fraud-headers-check-result">
      <p className="notice-title">
        <span className={tone.badge}>{tone.label}</span> {result.summary}
      </p>
      <IssueList title="Errors" issues={result.errors} id="fph-check-errors" />
      <IssueList title="Advice" issues={result.warnings} id="fph-check-warnings" />
      <p className="notice-meta">
        Checked {new Date(result.checkedAt).toLocaleString('en-GB')}
        {result.specVersion ? ` against specification ${result.specVersion}` : ''}
        {result.correlationId ? ` · HMRC correlation id ${result.correlationId}` : ''}
      </p>
    </div>
  );
}
