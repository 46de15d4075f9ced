import { useState, type FormEvent, type JSX } from 'react';
import {
  ACCOUNTING_TYPE_NAMES,
  ACCOUNTING_TYPES,
  type AccountingType,
} from '@shared/domain/accounting-type';
import type { BusinessFacts } from '@shared/ipc/channels/year-end-business-facts';

/**
 * The accounting type for the year: what HMRC holds, the property cash-basis limit said before
 * anything is chosen, and what a change means, shown before the person confirms it.
 */
export function AccountingTypeCard({
  facts,
  taxYear,
  busy,
  onChange,
}: {
  facts: BusinessFacts;
  taxYear: string;
  busy: boolean;
  onChange: (to: AccountingType) => void;
}): JSX.Element {
  const fact = facts.accountingType;
  const held = fact.status === 'known' ? fact.value : undefined;
  const [chosen, setChosen] = useState<AccountingType | undefined>(held);
  const cashRefused = facts.cashBasis.allowed ? undefined : facts.cashBasis.reason;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (chosen && chosen !== held) onChange(chosen);
  };
  return (
    <section className="card" aria-labelledby="accounting-type-title">
      <h3 id="accounting-type-title">Accounting type</h3>
      {cashRefused ? (
        <div className="notice notice-warn" role="note">
          <p className="notice-title">This business must use traditional accounting</p>
          <p>{cashRefused}</p>
        </div>
      ) : null}
      {fact.status === 'refused' ? (
        <p className="notice">{fact.reason}</p>
      ) : fact.status === 'unavailable' ? (
        <p className="notice">{fact.reason}</p>
      ) : (
        <form className="form" onSubmit={submit}>
          <p>
            HMRC holds <strong>{ACCOUNTING_TYPE_NAMES[fact.value]}</strong> for {taxYear}.
          </p>
          {fact.changeable ? (
            <>
              <fieldset>
                <legend>How this business keeps its accounts for {taxYear}</legend>
                {ACCOUNTING_TYPES.map((t) => {
                  const disabled = t === 'cash' && cashRefused !== undefined && held !== 'cash';
                  return (
                    <div className="choice" key={t}>
                      <input
                        id={`accounting-${t}`}
                        type="radio"
                        name="accounting-type"
                        checked={chosen === t}
                        disabled={disabled || busy}
                        aria-describedby={`accounting-${t}-hint`}
                        onChange={() => setChosen(t)}
                      />
                      <label htmlFor={`accounting-${t}`}>{ACCOUNTING_TYPE_NAMES[t]}</label>
                      <p className="hint" id={`accounting-${t}-hint`}>
                        {t === 'cash'
                          ? 'Money in when received, money out when paid.'
                          : 'Income when earned, expenses when incurred.'}
                      </p>
                    </div>
                  );
                })}
              </fieldset>
              {chosen && chosen !== held ? (
                <div className="notice" aria-live="polite">
                  <p className="notice-title">
                    What changes with {ACCOUNTING_TYPE_NAMES[chosen].toLowerCase()}
                  </p>
                  <ul>
                    {facts.consequences[chosen].map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                  {chosen === 'cash' && cashRefused ? <p>{cashRefused}</p> : null}
                </div>
              ) : null}
              <div className="actions">
                <button
                  type="submit"
                  className="button primary"
                  disabled={busy || !chosen || chosen === held}
                >
                  {busy
                    ? 'Telling HMRC…'
                    : chosen && chosen !== held
                      ? `Tell HMRC: ${ACCOUNTING_TYPE_NAMES[chosen].toLowerCase()} for ${taxYear}`
                      : 'No change to send'}
                </button>
              </div>
            </>
          ) : (
            <p className="hint">{fact.notChangeableReason}</p>
          )}
        </form>
      )}
    </section>
  );
}
