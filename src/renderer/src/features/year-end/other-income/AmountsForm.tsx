import { useState, type JSX } from 'react';
import {
  OTHER_INCOME_DEFINITIONS,
  otherIncomeProblem,
  type OtherIncomeResource,
} from '@shared/domain/other-income-fields';
import { formatPence, parseMoney, penceToDecimalString } from '@shared/domain/money';
import type { OtherIncomeSection } from '@shared/ipc/channels/year-end-other-income';

const STATUS_WORDS: Record<OtherIncomeSection['status'], string> = {
  'not-sent': 'Nothing sent from Ledgerlink yet.',
  waiting: 'Approved and waiting in the outbox: select Sync now to send it.',
  sent: 'HMRC accepted it.',
  deleted: 'HMRC deleted it at your request.',
  failed: 'HMRC refused it.',
};

/**
 * The amounts of one thing (an account's interest, the year's dividends, pension contributions
 * or Gift Aid), each with HMRC's name beside the plain one, then a review of exactly what will
 * be sent, then approval (offline; the next sync sends it).
 */
export function AmountsForm({
  id,
  resource,
  section,
  disabledReason,
  busy,
  onApprove,
  onDelete,
  reviewHeading = 'h3',
}: {
  /** The review's heading level: one below the section the form sits in. */
  reviewHeading?: 'h3' | 'h4';
  id: string;
  resource: OtherIncomeResource;
  section: OtherIncomeSection;
  /** Set when this person may not do it: the action stays visible, disabled, with the reason. */
  disabledReason?: string | undefined;
  busy: boolean;
  onApprove: (values: Record<string, number>) => void;
  onDelete?: (() => void) | undefined;
}): JSX.Element {
  const def = OTHER_INCOME_DEFINITIONS[resource];
  const ReviewHeading = reviewHeading;
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      def.fields.map((f) => {
        const v = section.values[f.key];
        return [f.key, v === undefined ? '' : penceToDecimalString(v)];
      }),
    ),
  );
  const [reviewing, setReviewing] = useState<Record<string, number> | null>(null);
  const problems: Record<string, string> = {};
  const values: Record<string, number> = {};
  for (const f of def.fields) {
    const text = draft[f.key]?.trim() ?? '';
    if (text === '') continue;
    const parsed = parseMoney(text);
    if (!parsed.ok) problems[f.key] = parsed.message;
    else if (parsed.pence < 0) problems[f.key] = 'Enter an amount of 0 or more.';
    else values[f.key] = parsed.pence;
  }
  const whole =
    Object.keys(problems).length === 0 ? otherIncomeProblem(resource, values) : undefined;
  const reasonId = `${id}-why`;
  const disabled = disabledReason !== undefined;
  return (
    <div className="other-income-form">
      <p
        className={section.status === 'failed' ? 'notice notice-warn' : 'hint'}
        data-status={section.status}
      >
        {STATUS_WORDS[section.status]}
        {section.error ? ` ${section.error.message} ${section.error.action}` : ''}
      </p>
      {disabled ? (
        <p className="notice notice-warn" id={reasonId}>
          {disabledReason}
        </p>
      ) : null}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (disabled || Object.keys(problems).length > 0 || whole) return;
          setReviewing(values);
        }}
      >
        {def.fields.map((f) => {
          const fieldId = `${id}-${f.key}`;
          const problem = problems[f.key];
          return (
            <div className="field" key={f.key}>
              <label htmlFor={fieldId}>
                {f.label} <span className="figures-path mono">{f.key}</span>
              </label>
              <p className="hint" id={`${fieldId}-hint`}>
                {f.hint}
              </p>
              <input
                id={fieldId}
                className="annual-amount"
                inputMode="decimal"
                autoComplete="off"
                value={draft[f.key] ?? ''}
                readOnly={disabled}
                aria-describedby={[
                  `${fieldId}-hint`,
                  problem ? `${fieldId}-error` : '',
                  disabled ? reasonId : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
                aria-invalid={problem ? true : undefined}
                onChange={(e) => {
                  setDraft((d) => ({ ...d, [f.key]: e.target.value }));
                  setReviewing(null);
                }}
              />
              {problem ? (
                <p className="field-error" id={`${fieldId}-error`}>
                  {problem}
                </p>
              ) : null}
            </div>
          );
        })}
        {whole && Object.keys(values).length > 0 ? <p className="field-error">{whole}</p> : null}
        <div className="actions">
          <button
            type="submit"
            className="button primary"
            aria-disabled={disabled || undefined}
            aria-describedby={disabled ? reasonId : undefined}
          >
            Review {def.title}
          </button>
          {onDelete && def.deletable ? (
            <button
              type="button"
              className="button"
              aria-disabled={disabled || busy || undefined}
              aria-describedby={disabled ? reasonId : undefined}
              onClick={() => {
                if (disabled || busy) return;
                if (
                  window.confirm(
                    `Ask HMRC to delete the ${def.title.toLowerCase()} for this year? It is sent at the next sync.`,
                  )
                )
                  onDelete();
              }}
            >
              Delete what HMRC holds
            </button>
          ) : null}
        </div>
      </form>
      {reviewing ? (
        <section className="card review-panel" aria-label={`Review ${def.title}`}>
          <ReviewHeading>What will be sent to HMRC</ReviewHeading>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">HMRC’s name</th>
                <th scope="col">Amount</th>
              </tr>
            </thead>
            <tbody>
              {def.fields
                .filter((f) => reviewing[f.key] !== undefined)
                .map((f) => (
                  <tr key={f.key}>
                    <th scope="row">{f.label}</th>
                    <td className="mono">{f.key}</td>
                    <td>{formatPence(reviewing[f.key]!)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <p className="hint">
            Anything left blank is not sent, and HMRC removes any amount it held for it. Approving
            works offline: it waits in the outbox until you select Sync now.
          </p>
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => onApprove(reviewing)}
          >
            Approve and add to the outbox
          </button>
        </section>
      ) : null}
    </div>
  );
}
