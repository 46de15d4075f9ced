import { useId, useState, type FormEvent, type JSX } from 'react';
import { allowsDisallowable, fieldValuePence, getCategory } from '@shared/domain/categories';
import type {
  RecordsBusiness,
  SplitPartInput,
  TransactionView,
} from '@shared/ipc/channels/records';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { CategoryFields } from '../CategoryFields';
import { dateText, money, moneyWithDirection } from '../format';
import { Modal } from '@renderer/ui/Modal';
import { amountText, readAmount, signed } from '../money-entry';
import { planSplit, type DraftPart } from '../split-plan';
import { useDetail, useRecordsMutation } from '../use-records-data';

let nextKey = 1;
const newPart = (over: Partial<DraftPart> = {}): DraftPart => ({
  key: `part-${nextKey++}`,
  amount: '',
  businessId: null,
  categoryId: null,
  disallowable: '',
  ...over,
});

function initialParts(t: TransactionView, parts: readonly TransactionView[]): DraftPart[] {
  if (parts.length >= 2) {
    return parts.map((p) =>
      newPart({
        amount: amountText(p.amountPence),
        businessId: p.businessId,
        categoryId: p.categoryId,
        disallowable: p.disallowablePence ? amountText(p.disallowablePence) : '',
      }),
    );
  }
  return [
    newPart({
      amount: amountText(t.amountPence),
      businessId: t.businessId,
      categoryId: t.categoryId,
    }),
    newPart(),
  ];
}

/** Part index → field → message, from the ledger's `parts[1].categoryId` paths. */
function partErrors(fields: { path: string; message: string }[] | undefined) {
  const out = new Map<number, Record<string, string>>();
  for (const f of fields ?? []) {
    const m = /^parts\[(\d+)\]\.(\w+)$/.exec(f.path);
    if (!m) continue;
    const index = Number(m[1]);
    out.set(index, { ...(out.get(index) ?? {}), [m[2]!]: f.message });
  }
  return out;
}

/**
 * Splits one bank line across categories or businesses (a shop receipt with stock and a
 * personal item, a bill shared by two businesses). What is left to allocate updates as the
 * person types; the split saves only when the parts add up to the bank line exactly.
 */
export function SplitDialog({
  profileId,
  transactionId,
  businesses,
  onClose,
  onSaved,
}: {
  profileId: string;
  transactionId: number;
  businesses: readonly RecordsBusiness[];
  onClose: () => void;
  onSaved: (message: string) => void;
}): JSX.Element {
  const detail = useDetail(profileId, transactionId);
  return (
    <Modal title="Split a transaction" onClose={onClose} wide>
      {detail.isPending ? <Loading label="Opening the transaction…" /> : null}
      {detail.error ? <ErrorNotice error={toIpcError(detail.error)} /> : null}
      {detail.data ? (
        <SplitForm
          profileId={profileId}
          transaction={detail.data.transaction}
          parts={detail.data.parts}
          businesses={businesses}
          onDone={(message) => {
            onSaved(message);
            onClose();
          }}
        />
      ) : null}
    </Modal>
  );
}

function SplitForm({
  profileId,
  transaction: t,
  parts: existing,
  businesses,
  onDone,
}: {
  profileId: string;
  transaction: TransactionView;
  parts: readonly TransactionView[];
  businesses: readonly RecordsBusiness[];
  onDone: (message: string) => void;
}): JSX.Element {
  const id = useId();
  const [parts, setParts] = useState(() => initialParts(t, existing));
  const [tried, setTried] = useState(false);
  const direction = t.amountPence > 0 ? 'in' : 'out';
  const plan = planSplit(t.amountPence, parts);

  const save = useRecordsMutation(profileId, (input: SplitPartInput[]) =>
    unwrap(api.records.split({ profileId, transactionId: t.id, parts: input })),
  );
  const unsplit = useRecordsMutation(profileId, () =>
    unwrap(api.records.unsplit({ profileId, transactionId: t.id })),
  );
  const serverErrors = partErrors(save.error ? toIpcError(save.error).fields : undefined);

  const update = (index: number, patch: Partial<DraftPart>) =>
    setParts((ps) => ps.map((p, i) => (i === index ? { ...p, ...patch } : p)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!plan.ready) return;
    const input = parts.map((p): SplitPartInput => {
      const size = readAmount(p.amount);
      const amountPence = signed(size.ok ? size.pence : 0, direction);
      const category = p.categoryId ? getCategory(p.categoryId) : undefined;
      let disallowablePence = 0;
      const part = readAmount(p.disallowable, { allowZero: true });
      if (
        category?.reportable &&
        allowsDisallowable(category) &&
        p.disallowable.trim() &&
        part.ok
      ) {
        const expense = fieldValuePence(category, amountPence);
        disallowablePence = expense < 0 ? -part.pence : part.pence;
      }
      return {
        amountPence,
        businessId: p.businessId,
        categoryId: p.categoryId,
        disallowablePence,
      };
    });
    save.mutate(input, {
      onSuccess: () => onDone(`Split “${t.description}” into ${parts.length} parts.`),
    });
  };

  const remainder = plan.remainderPence;
  const remainderText =
    remainder === 0
      ? `The parts add up to ${money(Math.abs(t.amountPence))}.`
      : remainder > 0
        ? `${money(remainder)} left to allocate.`
        : `${money(-remainder)} too much: the parts add up to more than ${money(Math.abs(t.amountPence))}.`;

  return (
    <form className="form records-split" onSubmit={submit} noValidate>
      <p>
        {dateText(t.date)} · {t.description} · <strong>{moneyWithDirection(t.amountPence)}</strong>
      </p>
      <p className="hint">
        Enter each part as an amount of money {direction}. The parts must add up to the whole bank
        line.
      </p>
      <ol className="records-split-parts">
        {parts.map((p, index) => {
          const errors = serverErrors.get(index) ?? {};
          const amountProblem = tried ? plan.problems.get(index) : undefined;
          const category = p.categoryId ? getCategory(p.categoryId) : undefined;
          return (
            <li key={p.key} className="records-split-part">
              <fieldset>
                <legend>Part {index + 1}</legend>
                <div className="field">
                  <label htmlFor={`${id}-${p.key}-amount`}>Amount (£)</label>
                  <input
                    id={`${id}-${p.key}-amount`}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    value={p.amount}
                    onChange={(e) => update(index, { amount: e.target.value })}
                    aria-invalid={amountProblem || errors.amountPence ? true : undefined}
                    aria-describedby={
                      amountProblem || errors.amountPence
                        ? `${id}-${p.key}-amount-error`
                        : undefined
                    }
                  />
                  {amountProblem || errors.amountPence ? (
                    <p className="field-error" id={`${id}-${p.key}-amount-error`}>
                      {amountProblem ?? errors.amountPence}
                    </p>
                  ) : null}
                </div>
                <CategoryFields
                  businesses={businesses}
                  value={{ businessId: p.businessId, categoryId: p.categoryId }}
                  onChange={(v) =>
                    update(index, {
                      businessId: v.businessId === 'keep' ? null : v.businessId,
                      categoryId: v.categoryId,
                    })
                  }
                  errors={{
                    ...(errors.businessId ? { businessId: errors.businessId } : {}),
                    ...(errors.categoryId ? { categoryId: errors.categoryId } : {}),
                  }}
                />
                {category && allowsDisallowable(category) ? (
                  <div className="field">
                    <label htmlFor={`${id}-${p.key}-dis`}>
                      Not allowable for tax (£, optional)
                    </label>
                    <input
                      id={`${id}-${p.key}-dis`}
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      value={p.disallowable}
                      onChange={(e) => update(index, { disallowable: e.target.value })}
                    />
                    {errors.disallowablePence ? (
                      <p className="field-error">{errors.disallowablePence}</p>
                    ) : null}
                  </div>
                ) : null}
                {parts.length > 2 ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setParts((ps) => ps.filter((_, i) => i !== index))}
                  >
                    Remove part {index + 1}
                  </button>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() =>
            setParts((ps) => [
              ...ps,
              newPart(remainder > 0 ? { amount: amountText(remainder) } : {}),
            ])
          }
          disabled={parts.length >= 50}
        >
          Add a part
        </button>
      </div>
      <p
        role="status"
        aria-live="polite"
        className={`records-remainder ${remainder === 0 ? 'is-balanced' : 'is-off'}`}
      >
        {remainderText}
      </p>
      {save.error ? <ErrorNotice error={toIpcError(save.error)} /> : null}
      {unsplit.error ? <ErrorNotice error={toIpcError(unsplit.error)} /> : null}
      <div className="actions">
        <button type="submit" className="button primary" disabled={save.isPending}>
          Save the split
        </button>
        {t.isSplit ? (
          <button
            type="button"
            className="button"
            disabled={unsplit.isPending}
            onClick={() =>
              unsplit.mutate(undefined, {
                onSuccess: () => onDone(`“${t.description}” is one transaction again.`),
              })
            }
          >
            Undo the split
          </button>
        ) : null}
      </div>
    </form>
  );
}
