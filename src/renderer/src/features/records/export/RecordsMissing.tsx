import { useId, useState, type JSX } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { ProfileView } from '@shared/ipc/channels/profiles';
import type { IpcError } from '@shared/ipc/result';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { ProgressBar } from '@renderer/ui/ProgressBar';
import { useOperationProgress } from '../use-records-data';

/**
 * A profile whose records file is missing from this computer. Ledgerlink does not open it (that
 * would start it empty); it says so and offers the way back: the records from a profile
 * archive saved earlier, or deleting the profile. Once restored, the records screen opens by
 * itself (main announces the change) and `onRestored` hands up what the archive left out.
 */
export function RecordsMissing({
  profile,
  error,
  onRestored,
}: {
  profile: ProfileView;
  error: IpcError;
  onRestored: (restored: { transactions: number; businesses: number; notes: string[] }) => void;
}): JSX.Element {
  const id = useId();
  const [operationId, setOperationId] = useState<string | null>(null);
  const progress = useOperationProgress(operationId);
  const restore = useMutation({
    mutationFn: (op: string) =>
      unwrap(api.records.restoreArchive({ profileId: profile.id, operationId: op })),
    onSuccess: (result) => {
      if ('transactions' in result) onRestored(result);
    },
  });

  return (
    <section className="records-missing" aria-labelledby={`${id}-h`}>
      <div className="notice notice-error" role="alert">
        <p className="notice-title" id={`${id}-h`}>
          {error.message}
        </p>
        <p>{error.action}</p>
        <p className="notice-meta">Reference: {error.code}</p>
      </div>
      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={restore.isPending}
          onClick={() => {
            const op = crypto.randomUUID();
            setOperationId(op);
            restore.mutate(op);
          }}
        >
          Restore from an archive…
        </button>
        <a className="button" href="#/profiles/all">
          Go to All profiles to delete it
        </a>
      </div>
      {restore.isPending && progress ? (
        <ProgressBar label="Checking and restoring the archive…" progress={progress} unit="files" />
      ) : null}
      {restore.error ? <ErrorNotice error={toIpcError(restore.error)} /> : null}
    </section>
  );
}
