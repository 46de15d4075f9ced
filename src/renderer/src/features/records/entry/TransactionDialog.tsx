import type { JSX } from 'react';
import type { RecordsBusiness, RuleView } from '@shared/ipc/channels/records';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { categoryName, dateText, moneyWithDirection } from '../format';
import { Modal } from '@renderer/ui/Modal';
import { useDetail, useRecordsMutation } from '../use-records-data';
import { AlwaysDoThis } from './AlwaysDoThis';
import { ReceiptsPanel } from './ReceiptsPanel';
import { TransactionForm, shownAtFields, type EntryValues } from './TransactionForm';

/**
 * One transaction, opened from the list (Enter or a click): edit it, split it, attach a
 * receipt, make a rule of its categorisation, or delete it (with Undo on the list).
 */
export function TransactionDialog({
  profileId,
  transactionId,
  businesses,
  rules,
  today,
  onClose,
  onSaved,
  onDeleted,
  onSplit,
}: {
  profileId: string;
  transactionId: number;
  businesses: readonly RecordsBusiness[];
  rules: readonly RuleView[];
  today: string;
  onClose: () => void;
  onSaved: (message: string) => void;
  onDeleted: (description: string, ids: number[]) => void;
  onSplit: (transactionId: number) => void;
}): JSX.Element {
  const detail = useDetail(profileId, transactionId);
  const save = useRecordsMutation(profileId, (values: EntryValues) => {
    const t = detail.data!.transaction;
    const isPart = t.parentId !== null;
    return unwrap(
      api.records.update({
        profileId,
        transactionId,
        patch: {
          ...(isPart
            ? {}
            : {
                date: values.date,
                description: values.description,
                counterparty: values.counterparty,
                amountPence: values.amountPence,
              }),
          ...(t.isSplit
            ? {}
            : {
                businessId: values.businessId,
                categoryId: values.categoryId,
                disallowablePence: values.disallowablePence,
              }),
          notes: values.notes,
        },
      }),
    );
  });
  const remove = useRecordsMutation(profileId, () =>
    unwrap(api.records.remove({ profileId, transactionIds: [transactionId] })),
  );

  const t = detail.data?.transaction;
  const title = t ? `${t.description}` : 'Transaction';
  const rule = t?.ruleId ? rules.find((r) => r.id === t.ruleId) : undefined;

  return (
    <Modal title={title} onClose={onClose} wide>
      {detail.isPending ? <Loading label="Opening the transaction…" /> : null}
      {detail.error ? <ErrorNotice error={toIpcError(detail.error)} /> : null}
      {t && detail.data ? (
        <>
          <p className="records-detail-facts">
            {dateText(t.date)} · <strong>{moneyWithDirection(t.amountPence)}</strong> ·{' '}
            {t.isSplit ? 'Split into parts' : categoryName(t.categoryId)}
            {t.ruleId ? (
              <>
                {' '}
                · categorised by rule{' '}
                <strong>{rule ? `“${rule.name}”` : 'that has since been removed'}</strong>
              </>
            ) : null}
            {t.importBatchId ? ` · from a bank import, line ${t.sourceLine ?? '?'}` : ''}
          </p>
          {save.error && !shownAtFields(toIpcError(save.error)) ? (
            <ErrorNotice error={toIpcError(save.error)} />
          ) : null}
          <p role="status" className="saved">
            {save.isSuccess ? 'Changes saved.' : null}
          </p>
          <TransactionForm
            key={t.id}
            transaction={t}
            businesses={businesses}
            today={today}
            submitLabel="Save changes"
            busy={save.isPending}
            serverError={save.error ? toIpcError(save.error) : null}
            onSubmit={(values) =>
              save.mutate(values, {
                // Stays open: the next thing is often "Always do this", a receipt or a split.
                onSuccess: () => onSaved(`Saved “${values.description}”.`),
              })
            }
          />

          <div className="records-detail-actions actions">
            {!t.deletedAt ? (
              <button type="button" className="button" onClick={() => onSplit(t.parentId ?? t.id)}>
                {t.parentId !== null || t.isSplit
                  ? 'Change the split…'
                  : 'Split across categories…'}
              </button>
            ) : null}
            {!t.deletedAt && t.parentId === null ? (
              <button
                type="button"
                className="button danger"
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate(undefined, {
                    onSuccess: () => {
                      onDeleted(t.description, [t.id]);
                      onClose();
                    },
                  })
                }
              >
                Delete
              </button>
            ) : null}
          </div>
          {remove.error ? <ErrorNotice error={toIpcError(remove.error)} /> : null}

          {t.categoryId && !t.isSplit && t.parentId === null ? (
            <AlwaysDoThis profileId={profileId} transaction={t} />
          ) : null}
          <ReceiptsPanel
            profileId={profileId}
            transactionId={t.id}
            receipts={detail.data.receipts}
            disabled={t.deletedAt !== null}
          />
          {detail.data.history.length > 0 ? (
            <details className="records-history">
              <summary>History of this record</summary>
              <ul className="plain-list">
                {detail.data.history.map((h, i) => (
                  <li key={`${h.at}-${i}`}>
                    {new Date(h.at).toLocaleString('en-GB')} · {h.action.replace(/-/g, ' ')} ·{' '}
                    {h.actor}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </>
      ) : null}
    </Modal>
  );
}
