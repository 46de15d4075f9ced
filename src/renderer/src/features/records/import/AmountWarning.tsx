import { useId, type JSX } from 'react';
import type { ImportPreviewView } from '@shared/ipc/channels/records';

type AmountCheck = NonNullable<ImportPreviewView['amountCheck']>;

/**
 * The chosen amount column holds values that cannot be amounts of money (an account number, a
 * row number, one value thousands of times the rest). Says which rows, offers a column that looks
 * more like money when there is one, and asks the person to confirm before the whole file is
 * checked: otherwise the figures would be saved without a word.
 */
export function AmountWarning({
  check,
  betterLabel,
  onUseBetter,
  confirmed,
  onConfirm,
}: {
  check: AmountCheck;
  /** The better column's name, when there is one. */
  betterLabel: string | null;
  onUseBetter: () => void;
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
}): JSX.Element {
  const id = useId();
  return (
    <div
      className="notice notice-warn records-amount-warning"
      role="group"
      aria-labelledby={`${id}-t`}
    >
      <p className="notice-title" id={`${id}-t`}>
        These amounts do not look like money
      </p>
      <p>{check.message}</p>
      <table className="table records-amount-suspects">
        <caption className="visually-hidden">Rows whose amounts look wrong</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Line
            </th>
            <th scope="col">Value</th>
            <th scope="col">Why it looks wrong</th>
          </tr>
        </thead>
        <tbody>
          {check.rows.map((r) => (
            <tr key={r.line}>
              <td className="num">{r.line}</td>
              <td className="mono">{r.text}</td>
              <td>{r.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        {betterLabel ? (
          <button type="button" className="button" onClick={onUseBetter}>
            Use {betterLabel} for the amounts
          </button>
        ) : null}
      </div>
      <div className="choice">
        <input
          id={`${id}-ok`}
          type="checkbox"
          checked={confirmed}
          onChange={(e) => onConfirm(e.target.checked)}
        />
        <label htmlFor={`${id}-ok`}>
          I have checked these rows: the amounts in the preview are right
        </label>
      </div>
    </div>
  );
}
