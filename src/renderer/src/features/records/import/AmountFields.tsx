import { useId, type JSX } from 'react';
import type { CsvMappingInput } from '@shared/ipc/channels/records';
import { withAmountKind } from './mapping-edit';

type ColumnSelect = (
  key: string,
  label: string,
  value: number | null,
  onChange: (v: number | null) => void,
  optional?: boolean,
) => JSX.Element;

/**
 * How the amounts are read: one signed column (a card's may show spending as a plus), separate
 * paid-out and paid-in columns, or one amount with its direction (CR/DR, D/C…) in another column.
 */
export function AmountFields({
  mapping,
  columnSelect,
  onChange,
  onInvertChosen,
}: {
  mapping: CsvMappingInput;
  columnSelect: ColumnSelect;
  onChange: (mapping: CsvMappingInput) => void;
  /** The person set the card-statement sign by hand: it answers the question too. */
  onInvertChosen: () => void;
}): JSX.Element {
  const id = useId();
  const set = (patch: Partial<CsvMappingInput>) => onChange({ ...mapping, ...patch });
  return (
    <fieldset>
      <legend>Amount</legend>
      <div className="choice">
        <input
          id={`${id}-single`}
          type="radio"
          name={`${id}-amount-kind`}
          checked={mapping.amount.kind === 'single'}
          onChange={() => onChange(withAmountKind(mapping, 'single'))}
        />
        <label htmlFor={`${id}-single`}>One amount column (money out has a minus sign)</label>
      </div>
      <div className="choice">
        <input
          id={`${id}-split`}
          type="radio"
          name={`${id}-amount-kind`}
          checked={mapping.amount.kind === 'debit-credit'}
          onChange={() => onChange(withAmountKind(mapping, 'debit-credit'))}
        />
        <label htmlFor={`${id}-split`}>Separate “paid out” and “paid in” columns</label>
      </div>
      <div className="choice">
        <input
          id={`${id}-direction`}
          type="radio"
          name={`${id}-amount-kind`}
          checked={mapping.amount.kind === 'direction'}
          onChange={() => onChange(withAmountKind(mapping, 'direction'))}
        />
        <label htmlFor={`${id}-direction`}>
          One amount column, with money in or out (CR/DR, Debit/Credit) in another column
        </label>
      </div>
      <div className="records-form-grid">
        {mapping.amount.kind === 'single' ? (
          <>
            {columnSelect('amount', 'Amount column', mapping.amount.column, (v) =>
              set({
                amount: {
                  kind: 'single',
                  column: v ?? 0,
                  invert: mapping.amount.kind === 'single' && mapping.amount.invert,
                },
              }),
            )}
            <div className="choice">
              <input
                id={`${id}-invert`}
                type="checkbox"
                checked={mapping.amount.invert}
                onChange={(e) => {
                  onInvertChosen();
                  if (mapping.amount.kind === 'single') {
                    set({ amount: { ...mapping.amount, invert: e.target.checked } });
                  }
                }}
              />
              <label htmlFor={`${id}-invert`}>
                Spending is shown without a minus (card statements)
              </label>
            </div>
          </>
        ) : mapping.amount.kind === 'direction' ? (
          <DirectionFields
            amount={mapping.amount}
            columnSelect={columnSelect}
            onChange={(amount) => set({ amount })}
          />
        ) : (
          <>
            {columnSelect(
              'debit',
              'Paid out column',
              mapping.amount.debitColumn,
              (v) =>
                mapping.amount.kind === 'debit-credit' &&
                set({ amount: { ...mapping.amount, debitColumn: v ?? 0 } }),
            )}
            {columnSelect(
              'credit',
              'Paid in column',
              mapping.amount.creditColumn,
              (v) =>
                mapping.amount.kind === 'debit-credit' &&
                set({ amount: { ...mapping.amount, creditColumn: v ?? 0 } }),
            )}
          </>
        )}
        <div className="field">
          <label htmlFor={`${id}-decimal`}>Amounts are written like</label>
          <select
            id={`${id}-decimal`}
            value={mapping.decimal}
            onChange={(e) => set({ decimal: e.target.value as CsvMappingInput['decimal'] })}
          >
            <option value="dot">1,234.56 (UK)</option>
            <option value="comma">1.234,56</option>
          </select>
        </div>
      </div>
    </fieldset>
  );
}

type DirectionAmount = Extract<CsvMappingInput['amount'], { kind: 'direction' }>;

/** The amount column, the column saying money in or out, and what an empty marker means. */
function DirectionFields({
  amount,
  columnSelect,
  onChange,
}: {
  amount: DirectionAmount;
  columnSelect: ColumnSelect;
  onChange: (amount: DirectionAmount) => void;
}): JSX.Element {
  const id = useId();
  return (
    <>
      {columnSelect('direction-amount', 'Amount column', amount.column, (v) =>
        onChange({ ...amount, column: v ?? 0 }),
      )}
      {columnSelect('direction-column', 'The direction is in column', amount.directionColumn, (v) =>
        onChange({ ...amount, directionColumn: v ?? 0 }),
      )}
      <div className="field">
        <label htmlFor={`${id}-blank`}>When the direction is left empty</label>
        <select
          id={`${id}-blank`}
          value={amount.blank ?? ''}
          onChange={(e) =>
            onChange({
              ...amount,
              blank: e.target.value === '' ? null : (e.target.value as 'in' | 'out'),
            })
          }
        >
          <option value="">List the row as unreadable</option>
          <option value="out">It is money out</option>
          <option value="in">It is money in</option>
        </select>
      </div>
    </>
  );
}
