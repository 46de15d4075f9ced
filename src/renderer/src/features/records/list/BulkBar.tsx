import { useId, useState, type JSX } from 'react';
import type { RecordsBusiness } from '@shared/ipc/channels/records';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { CategoryFields, type Placement } from '../CategoryFields';
import { plural } from '../format';
import { readShare } from '../money-entry';
import { useRecordsMutation } from '../use-records-data';

/** Changes every selected record at once: one business and category, or delete them all. */
export function BulkBar({
  profileId,
  selectedIds,
  businesses,
  deletedView,
  onClear,
  onDone,
}: {
  profileId: string;
  selectedIds: readonly number[];
  businesses: readonly RecordsBusiness[];
  deletedView: boolean;
  onClear: () => void;
  onDone: (message: string, undo?: { restore: number[] } | { remove: number[] }) => void;
}): JSX.Element {
  const id = useId();
  const [placement, setPlacement] = useState<Placement>({ businessId: 'keep', categoryId: null });
  const [share, setShare] = useState('');
  const [shareError, setShareError] = useState<string | null>(null);
  const n = selectedIds.length;

  const categorise = useRecordsMutation(profileId, (basisPoints: number) =>
    unwrap(
      api.records.categorise({
        profileId,
        transactionIds: [...selectedIds],
        ...(placement.businessId === 'keep' ? {} : { businessId: placement.businessId }),
        categoryId: placement.categoryId,
        ...(basisPoints ? { disallowableBasisPoints: basisPoints } : {}),
      }),
    ),
  );
  const remove = useRecordsMutation(profileId, () =>
    unwrap(api.records.remove({ profileId, transactionIds: [...selectedIds] })),
  );
  const restore = useRecordsMutation(profileId, () =>
    unwrap(api.records.restore({ profileId, transactionIds: [...selectedIds] })),
  );
  const error = categorise.error ?? remove.error ?? restore.error;

  return (
    <section className="records-bulk" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="records-bulk-title">
        {plural(n, 'record', 'records')} selected
      </h2>
      {deletedView ? (
        <div className="actions">
          <button
            type="button"
            className="button primary"
            disabled={restore.isPending}
            onClick={() =>
              restore.mutate(undefined, {
                onSuccess: (r) => onDone(`Restored ${plural(r.restored, 'record', 'records')}.`),
              })
            }
          >
            Restore
          </button>
          <button type="button" className="button" onClick={onClear}>
            Clear selection
          </button>
        </div>
      ) : (
        <form
          className="records-bulk-form"
          onSubmit={(e) => {
            e.preventDefault();
            const read = readShare(share);
            setShareError(read.ok ? null : read.message);
            if (!read.ok) return;
            categorise.mutate(read.basisPoints, {
              onSuccess: (r) => onDone(`Categorised ${plural(r.updated, 'record', 'records')}.`),
            });
          }}
        >
          <CategoryFields
            businesses={businesses}
            value={placement}
            onChange={setPlacement}
            keepBusinessOption
          />
          <div className="field">
            <label htmlFor={`${id}-share`}>Not allowable (%)</label>
            <input
              id={`${id}-share`}
              type="text"
              inputMode="decimal"
              value={share}
              onChange={(e) => setShare(e.target.value)}
              aria-invalid={shareError ? true : undefined}
              aria-describedby={`${id}-share-hint${shareError ? ` ${id}-share-error` : ''}`}
            />
            <p className="hint" id={`${id}-share-hint`}>
              Optional: the private share of each expense.
            </p>
            {shareError ? (
              <p className="field-error" id={`${id}-share-error`}>
                {shareError}
              </p>
            ) : null}
          </div>
          <div className="actions">
            <button type="submit" className="button primary" disabled={categorise.isPending}>
              Categorise {plural(n, 'record', 'records')}
            </button>
            <button
              type="button"
              className="button danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(undefined, {
                  onSuccess: (r) =>
                    onDone(`Deleted ${plural(r.removed, 'record', 'records')}.`, {
                      restore: [...selectedIds],
                    }),
                })
              }
            >
              Delete
            </button>
            <button type="button" className="button" onClick={onClear}>
              Clear selection
            </button>
          </div>
        </form>
      )}
      {error ? <ErrorNotice error={toIpcError(error)} /> : null}
    </section>
  );
}
