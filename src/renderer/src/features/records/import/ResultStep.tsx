import type { JSX } from 'react';
import type { ImportResultView } from '@shared/ipc/channels/records';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { plural } from '../format';
import { useRecordsMutation } from '../use-records-data';

/** What the import did, with the way back: undo removes every row it added. */
export function ResultStep({
  profileId,
  result,
  onShow,
  onAnother,
}: {
  profileId: string;
  result: ImportResultView;
  onShow: () => void;
  onAnother: () => void;
}): JSX.Element {
  const undo = useRecordsMutation(profileId, () =>
    unwrap(api.records.importUndo({ profileId, batchId: result.batchId })),
  );
  return (
    <div className="records-result">
      <div className="notice notice-ok" role="status">
        <p className="notice-title">
          Imported {plural(result.imported, 'transaction', 'transactions')} from {result.fileName}.
        </p>
        <ul>
          {result.categorisedByRules > 0 ? (
            <li>{plural(result.categorisedByRules, 'was', 'were')} categorised by your rules.</li>
          ) : null}
          {result.duplicatesSkipped > 0 ? (
            <li>{plural(result.duplicatesSkipped, 'duplicate was', 'duplicates were')} skipped.</li>
          ) : null}
          {result.duplicatesKept > 0 ? (
            <li>
              {plural(result.duplicatesKept, 'duplicate was', 'duplicates were')} imported as you
              chose.
            </li>
          ) : null}
          {result.fixedRows > 0 ? (
            <li>{plural(result.fixedRows, 'fixed row was', 'fixed rows were')} imported.</li>
          ) : null}
          {result.badRowsSkipped + result.skippedByChoice > 0 ? (
            <li>
              {plural(result.badRowsSkipped + result.skippedByChoice, 'row was', 'rows were')} left
              out.
            </li>
          ) : null}
        </ul>
      </div>
      {undo.data ? (
        <p className="notice notice-warn" role="status">
          Import undone: {plural(undo.data.removed, 'transaction was', 'transactions were')}{' '}
          removed. They are in the deleted records if you need them.
        </p>
      ) : null}
      {undo.error ? <ErrorNotice error={toIpcError(undo.error)} /> : null}
      <div className="actions">
        {!undo.data ? (
          <button type="button" className="button primary" onClick={onShow}>
            Show these records
          </button>
        ) : null}
        {!undo.data ? (
          <button
            type="button"
            className="button danger"
            disabled={undo.isPending}
            onClick={() => undo.mutate(undefined)}
          >
            Undo this import
          </button>
        ) : null}
        <button type="button" className="button" onClick={onAnother}>
          Import another statement
        </button>
      </div>
    </div>
  );
}
