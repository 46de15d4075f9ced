import type { JSX } from 'react';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { useRecordsMutation } from '../use-records-data';

export interface StatusMessage {
  text: string;
  /** Deleted records the person can bring back. */
  restoreIds?: number[];
  /** Records just added, which Undo deletes again. */
  removeIds?: number[];
}

/**
 * What just happened, in one polite live region under the list: "Deleted 3 records. Undo".
 * It stays until the next message or until dismissed, so nobody has to race a timer to undo.
 */
export function UndoStatus({
  profileId,
  message,
  onMessage,
}: {
  profileId: string;
  message: StatusMessage | null;
  onMessage: (next: StatusMessage | null) => void;
}): JSX.Element {
  const restore = useRecordsMutation(profileId, (ids: number[]) =>
    unwrap(api.records.restore({ profileId, transactionIds: ids })),
  );
  const remove = useRecordsMutation(profileId, (ids: number[]) =>
    unwrap(api.records.remove({ profileId, transactionIds: ids })),
  );
  return (
    <div className="records-status" role="status">
      {message ? (
        <div className="records-toast">
          <span>{message.text}</span>
          {message.restoreIds?.length ? (
            <button
              type="button"
              className="button"
              disabled={restore.isPending}
              onClick={() =>
                restore.mutate(message.restoreIds!, {
                  onSuccess: (r) =>
                    onMessage({
                      text: `Undone: ${r.restored === 1 ? 'the record is' : `${r.restored} records are`} back.`,
                    }),
                  onError: (e) => onMessage({ text: toIpcError(e).message }),
                })
              }
            >
              Undo
            </button>
          ) : message.removeIds?.length ? (
            <button
              type="button"
              className="button"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(message.removeIds!, {
                  onSuccess: (r) =>
                    onMessage({
                      text: `Undone: ${r.removed === 1 ? 'the record is' : `${r.removed} records are`} deleted again (find ${r.removed === 1 ? 'it' : 'them'} under Deleted).`,
                    }),
                  onError: (e) => onMessage({ text: toIpcError(e).message }),
                })
              }
            >
              Undo
            </button>
          ) : null}
          <button type="button" className="link-button" onClick={() => onMessage(null)}>
            Dismiss
          </button>
        </div>
      ) : null}
    </div>
  );
}
