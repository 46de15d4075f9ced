import { useId, useState, type JSX } from 'react';
import type { ProfileView } from '@shared/ipc/channels/profiles';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { isFiltered, toRequestFilter, type FilterState } from '../filter-state';
import { fileSize } from '@renderer/ui/file-size';
import { plural } from '../format';
import { ProgressBar } from '@renderer/ui/ProgressBar';
import { useOperationProgress, useRecordsMutation } from '../use-records-data';
import { ArchiveImport } from './ArchiveImport';

/**
 * #/records/export: the records as CSV (a spreadsheet, an accountant) or JSON (another
 * program); the whole profile as one archive file; and an archive from another computer.
 * Files are chosen in the computer's own save and open dialogs.
 */
export function ExportScreen({
  profile,
  filter,
}: {
  profile: ProfileView;
  filter: FilterState;
}): JSX.Element {
  const id = useId();
  const profileId = profile.id;
  const [onlyFiltered, setOnlyFiltered] = useState(false);
  const [operationId, setOperationId] = useState<string | null>(null);
  const progress = useOperationProgress(operationId);
  const filtered = isFiltered(filter);

  const exportRecords = useRecordsMutation(profileId, (format: 'csv' | 'json') =>
    unwrap(
      api.records.exportRecords({
        profileId,
        format,
        filter: onlyFiltered && filtered ? toRequestFilter(filter) : {},
      }),
    ),
  );
  const archive = useRecordsMutation(profileId, (op: string) =>
    unwrap(api.records.exportArchive({ profileId, operationId: op })),
  );

  return (
    <div className="records-export">
      <section aria-labelledby={`${id}-records`}>
        <h2 id={`${id}-records`}>Export the records</h2>
        <p>
          A CSV file opens in any spreadsheet; amounts are in pounds and every row names its HMRC
          field. A JSON file is for other software; amounts are in pence.
        </p>
        {filtered ? (
          <div className="choice">
            <input
              id={`${id}-filtered`}
              type="checkbox"
              checked={onlyFiltered}
              onChange={(e) => setOnlyFiltered(e.target.checked)}
            />
            <label htmlFor={`${id}-filtered`}>Only the records the list is filtered to now</label>
          </div>
        ) : null}
        <div className="actions">
          <button
            type="button"
            className="button"
            disabled={exportRecords.isPending}
            onClick={() => exportRecords.mutate('csv')}
          >
            Save as CSV…
          </button>
          <button
            type="button"
            className="button"
            disabled={exportRecords.isPending}
            onClick={() => exportRecords.mutate('json')}
          >
            Save as JSON…
          </button>
        </div>
        <p role="status" className="saved">
          {exportRecords.data && 'rows' in exportRecords.data
            ? `Saved ${plural(exportRecords.data.rows, 'record', 'records')} to ${exportRecords.data.fileName}.`
            : null}
        </p>
        {exportRecords.error ? <ErrorNotice error={toIpcError(exportRecords.error)} /> : null}
      </section>

      <section aria-labelledby={`${id}-archive`}>
        <h2 id={`${id}-archive`}>Archive this whole profile</h2>
        <p>
          One file with everything {profile.name} has here: the records, the receipts and the log of
          what was sent to HMRC. Keep it as a backup, or import it on another computer.
        </p>
        <button
          type="button"
          className="button"
          disabled={archive.isPending}
          onClick={() => {
            const op = crypto.randomUUID();
            setOperationId(op);
            archive.mutate(op);
          }}
        >
          Save an archive…
        </button>
        {archive.isPending && progress ? (
          <ProgressBar label="Saving the archive…" progress={progress} unit="files" />
        ) : null}
        <p role="status" className="saved">
          {archive.data && 'bytes' in archive.data
            ? `Saved ${archive.data.fileName} (${fileSize(archive.data.bytes)}, ${plural(archive.data.files, 'file', 'files')}).`
            : null}
        </p>
        {archive.error ? <ErrorNotice error={toIpcError(archive.error)} /> : null}
      </section>

      <ArchiveImport />
    </div>
  );
}
