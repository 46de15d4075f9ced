import { useId, type JSX } from 'react';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { plural } from '../format';
import { useImportBatches, useRecordsMutation } from '../use-records-data';

/** Earlier imports of this profile, newest first, each with Show and Undo. */
export function PastImports({
  profileId,
  onShowBatch,
}: {
  profileId: string;
  onShowBatch: (batchId: number) => void;
}): JSX.Element | null {
  const id = useId();
  const batches = useImportBatches(profileId);
  const undo = useRecordsMutation(profileId, (batchId: number) =>
    unwrap(api.records.importUndo({ profileId, batchId })),
  );
  const list = batches.data?.profileId === profileId ? batches.data.batches : [];
  if (list.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Earlier imports</h3>
      {undo.error ? <ErrorNotice error={toIpcError(undo.error)} /> : null}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">When</th>
            <th scope="col" className="num">
              Imported
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((b) => (
            <tr key={b.id}>
              <td>{b.fileName}</td>
              <td>{new Date(b.startedAt).toLocaleString('en-GB')}</td>
              <td className="num">
                {plural(b.rowsImported, 'row', 'rows')}
                {b.undoneAt ? <span className="badge badge-neutral">Undone</span> : null}
              </td>
              <td>
                {!b.undoneAt ? (
                  <span className="actions">
                    <button type="button" className="link-button" onClick={() => onShowBatch(b.id)}>
                      Show<span className="visually-hidden"> the records of {b.fileName}</span>
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      disabled={undo.isPending}
                      onClick={() => undo.mutate(b.id)}
                    >
                      Undo<span className="visually-hidden"> the import of {b.fileName}</span>
                    </button>
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
