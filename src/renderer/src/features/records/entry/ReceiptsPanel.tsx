import { useId, useState, type JSX } from 'react';
import type { ReceiptView } from '@shared/ipc/channels/records';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { fileSize } from '@renderer/ui/file-size';
import { useRecordsMutation } from '../use-records-data';

/**
 * Receipts of one transaction: a photo or PDF chosen in the computer's own file dialog is
 * copied into the profile (so moving or deleting the original loses nothing).
 */
export function ReceiptsPanel({
  profileId,
  transactionId,
  receipts,
  disabled,
}: {
  profileId: string;
  transactionId: number;
  receipts: readonly ReceiptView[];
  disabled: boolean;
}): JSX.Element {
  const id = useId();
  const [said, setSaid] = useState<string | null>(null);
  const attach = useRecordsMutation(profileId, () =>
    unwrap(api.records.attachReceipt({ profileId, transactionId })),
  );
  const detach = useRecordsMutation(profileId, (receiptId: number) =>
    unwrap(api.records.detachReceipt({ profileId, transactionId, receiptId })),
  );
  const open = useRecordsMutation(profileId, (receiptId: number) =>
    unwrap(api.records.openReceipt({ profileId, receiptId })),
  );
  const error = attach.error ?? detach.error ?? open.error;

  return (
    <section className="records-receipts" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Receipts</h3>
      {receipts.length === 0 ? (
        <p className="hint">No receipt attached.</p>
      ) : (
        <ul className="plain-list">
          {receipts.map((r) => (
            <li key={r.id} className="records-receipt">
              <span>
                {r.originalName} <span className="hint">({fileSize(r.sizeBytes)})</span>
              </span>
              <button type="button" className="link-button" onClick={() => open.mutate(r.id)}>
                Open<span className="visually-hidden"> {r.originalName}</span>
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() =>
                  detach.mutate(r.id, { onSuccess: () => setSaid(`Removed ${r.originalName}.`) })
                }
              >
                Remove<span className="visually-hidden"> {r.originalName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button
        type="button"
        className="button"
        disabled={disabled || attach.isPending}
        onClick={() =>
          attach.mutate(undefined, {
            onSuccess: (result) =>
              setSaid('receipt' in result ? `Attached ${result.receipt.originalName}.` : null),
          })
        }
      >
        {attach.isPending ? 'Choosing…' : 'Attach a receipt…'}
      </button>
      <p role="status" className="saved">
        {said}
      </p>
      {error ? <ErrorNotice error={toIpcError(error)} /> : null}
    </section>
  );
}
