import { useId, useState, type FormEvent, type JSX } from 'react';
import { allowsDisallowable, fieldValuePence, getCategory } from '@shared/domain/categories';
import { applyBasisPoints, type Pence } from '@shared/domain/money';
import type { RecordsBusiness, TransactionView } from '@shared/ipc/channels/records';
import type { IpcError } from '@shared/ipc/result';
import { CategoryFields, type Placement } from '../CategoryFields';
import { amountText, readAmount, readShare, signed } from '../money-entry';

/** The values of a transaction as the ledger takes them (add, or a full update). */
export interface EntryValues {
  date: string;
  description: string;
  counterparty: string | null;
  amountPence: Pence;
  businessId: number | null;
  categoryId: string | null;
  disallowablePence: Pence;
  notes: string | null;
}

interface Draft {
  date: string;
  description: string;
  counterparty: string;
  direction: 'in' | 'out';
  amount: string;
  placement: Placement;
  disallowableMode: 'share' | 'amount';
  disallowable: string;
  notes: string;
}

type FieldErrors = Partial<Record<keyof EntryValues, string>>;

/** A new record goes under the profile's business when it has only one. */
const soleBusiness = (businesses: readonly RecordsBusiness[]): number | null => {
  const live = businesses.filter((b) => !b.archived);
  return live.length === 1 ? live[0]!.id : null;
};

const draftOf = (
  t: TransactionView | null,
  today: string,
  businesses: readonly RecordsBusiness[],
): Draft => ({
  date: t?.date ?? today,
  description: t?.description ?? '',
  counterparty: t?.counterparty ?? '',
  direction: t && t.amountPence > 0 ? 'in' : 'out',
  amount: t ? amountText(t.amountPence) : '',
  placement: {
    businessId: t ? t.businessId : soleBusiness(businesses),
    categoryId: t?.categoryId ?? null,
  },
  disallowableMode: 'amount',
  disallowable: t && t.disallowablePence !== 0 ? amountText(t.disallowablePence) : '',
  notes: t?.notes ?? '',
});

/** The ledger's field errors (`fields[].path`) next to the fields they are about. */
const FIELD_KEYS: readonly (keyof EntryValues)[] = [
  'date',
  'description',
  'counterparty',
  'amountPence',
  'businessId',
  'categoryId',
  'disallowablePence',
  'notes',
];

/** Whether the form shows this error next to its fields (so no separate notice is needed). */
export const shownAtFields = (error: IpcError | null): boolean =>
  Object.keys(fieldErrorsOf(error)).length > 0;

export function fieldErrorsOf(error: IpcError | null): FieldErrors {
  const out: FieldErrors = {};
  for (const f of error?.fields ?? []) {
    const key = f.path.split('.').pop() as keyof EntryValues;
    // The ledger's short field message, with its full sentence when it has only one problem.
    if (FIELD_KEYS.includes(key))
      out[key] ??= error!.fields!.length === 1 ? error!.message : f.message;
  }
  return out;
}

/**
 * Add or edit one transaction. Amounts are typed as a size with "money in / money out"; the part
 * that is not allowable as an amount or a share of the expense. The parts of a split keep the
 * bank line's date, description and amount (change those on the split itself).
 */
export function TransactionForm({
  transaction,
  businesses,
  today,
  submitLabel,
  busy,
  serverError,
  onSubmit,
}: {
  transaction: TransactionView | null;
  businesses: readonly RecordsBusiness[];
  today: string;
  submitLabel: string;
  busy: boolean;
  serverError: IpcError | null;
  onSubmit: (values: EntryValues) => void;
}): JSX.Element {
  const id = useId();
  const [draft, setDraft] = useState(() => draftOf(transaction, today, businesses));
  const [errors, setErrors] = useState<FieldErrors>({});
  const isPart = transaction?.parentId != null;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const category = draft.placement.categoryId ? getCategory(draft.placement.categoryId) : undefined;
  const canDisallow = category !== undefined && allowsDisallowable(category);
  const shown = { ...fieldErrorsOf(serverError), ...errors };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems: FieldErrors = {};
    if (!draft.date) problems.date = 'Enter the date.';
    if (!draft.description.trim()) problems.description = 'Describe the transaction.';
    const amount = readAmount(draft.amount);
    if (!amount.ok) problems.amountPence = amount.message;
    let disallowablePence = 0;
    if (canDisallow && category.reportable && amount.ok && draft.disallowable.trim() !== '') {
      const expense = fieldValuePence(category, signed(amount.pence, draft.direction));
      if (draft.disallowableMode === 'share') {
        const share = readShare(draft.disallowable);
        if (share.ok) disallowablePence = applyBasisPoints(expense, share.basisPoints);
        else problems.disallowablePence = share.message;
      } else {
        const part = readAmount(draft.disallowable, { allowZero: true });
        // The part has the expense's sign: positive for a cost, negative for a refund.
        if (part.ok) disallowablePence = expense < 0 ? -part.pence : part.pence;
        else problems.disallowablePence = part.message;
      }
    }
    setErrors(problems);
    if (Object.keys(problems).length > 0 || !amount.ok) return;
    onSubmit({
      date: draft.date,
      description: draft.description.trim(),
      counterparty: draft.counterparty.trim() || null,
      amountPence: signed(amount.pence, draft.direction),
      businessId: draft.placement.businessId === 'keep' ? null : draft.placement.businessId,
      categoryId: draft.placement.categoryId,
      disallowablePence,
      notes: draft.notes.trim() || null,
    });
  };

  const fieldError = (key: keyof EntryValues) =>
    shown[key] ? (
      <p className="field-error" id={`${id}-${key}-error`}>
        {shown[key]}
      </p>
    ) : null;
  const invalid = (key: keyof EntryValues) =>
    shown[key] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${key}-error` } : {};

  return (
    <form className="form records-entry-form" onSubmit={submit} noValidate>
      {isPart ? (
        <p className="hint">
          This is one part of a split bank line: its date, description and amount belong to the
          split.
        </p>
      ) : null}
      <div className="records-form-row">
        <div className="field">
          <label htmlFor={`${id}-date`}>Date</label>
          <input
            id={`${id}-date`}
            type="date"
            value={draft.date}
            readOnly={isPart}
            onChange={(e) => set('date', e.target.value)}
            {...invalid('date')}
          />
          {fieldError('date')}
        </div>
        <fieldset className="records-direction" disabled={isPart}>
          <legend>Money</legend>
          <label>
            <input
              type="radio"
              name={`${id}-direction`}
              checked={draft.direction === 'in'}
              onChange={() => set('direction', 'in')}
            />{' '}
            In
          </label>
          <label>
            <input
              type="radio"
              name={`${id}-direction`}
              checked={draft.direction === 'out'}
              onChange={() => set('direction', 'out')}
            />{' '}
            Out
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-amount`}>Amount (£)</label>
          <input
            id={`${id}-amount`}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={draft.amount}
            readOnly={isPart}
            onChange={(e) => set('amount', e.target.value)}
            {...invalid('amountPence')}
          />
          {fieldError('amountPence')}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>Description</label>
        <input
          id={`${id}-description`}
          type="text"
          value={draft.description}
          readOnly={isPart}
          maxLength={500}
          onChange={(e) => set('description', e.target.value)}
          {...invalid('description')}
        />
        {fieldError('description')}
      </div>
      <div className="field">
        <label htmlFor={`${id}-counterparty`}>Paid to or received from (optional)</label>
        <input
          id={`${id}-counterparty`}
          type="text"
          value={draft.counterparty}
          readOnly={isPart}
          maxLength={500}
          onChange={(e) => set('counterparty', e.target.value)}
          {...invalid('counterparty')}
        />
        {fieldError('counterparty')}
      </div>
      {transaction?.isSplit ? (
        <p className="hint">This bank line is split: its parts carry the categories.</p>
      ) : (
        <CategoryFields
          businesses={businesses}
          direction={transaction === null ? draft.direction : undefined}
          value={draft.placement}
          onChange={(placement) => set('placement', placement)}
          errors={{
            ...(shown.businessId ? { businessId: shown.businessId } : {}),
            ...(shown.categoryId ? { categoryId: shown.categoryId } : {}),
          }}
        />
      )}
      {canDisallow ? (
        <fieldset>
          <legend>Part not allowable for tax (optional)</legend>
          <p className="hint" id={`${id}-disallowable-hint`}>
            For example the private share of a phone bill. Enter an amount or a percentage of this
            expense.
          </p>
          <div className="records-form-row">
            <div className="field">
              <label htmlFor={`${id}-disallowable-mode`}>Enter it as</label>
              <select
                id={`${id}-disallowable-mode`}
                value={draft.disallowableMode}
                onChange={(e) =>
                  set('disallowableMode', e.target.value as Draft['disallowableMode'])
                }
              >
                <option value="amount">An amount (£)</option>
                <option value="share">A percentage (%)</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-disallowable`}>
                {draft.disallowableMode === 'amount' ? 'Not allowable (£)' : 'Not allowable (%)'}
              </label>
              <input
                id={`${id}-disallowable`}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={draft.disallowable}
                onChange={(e) => set('disallowable', e.target.value)}
                aria-describedby={`${id}-disallowable-hint${shown.disallowablePence ? ` ${id}-disallowablePence-error` : ''}`}
                aria-invalid={shown.disallowablePence ? true : undefined}
              />
              {fieldError('disallowablePence')}
            </div>
          </div>
        </fieldset>
      ) : null}
      <div className="field">
        <label htmlFor={`${id}-notes`}>Notes (optional)</label>
        <textarea
          id={`${id}-notes`}
          rows={2}
          maxLength={2000}
          value={draft.notes}
          onChange={(e) => set('notes', e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
