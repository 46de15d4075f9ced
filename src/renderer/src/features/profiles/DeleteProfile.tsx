import { useEffect, useId, useRef, useState, type JSX } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ProfileView } from '@shared/ipc/channels/profiles';
import { profileKey } from '@renderer/app/use-active-profile';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';

/**
 * Deleting a profile deletes its records from this computer. With records not yet sent to HMRC
 * it says how many, offers an export first, and needs a second, explicit confirmation.
 */
export function DeleteProfile({
  profile,
  onDone,
}: {
  profile: ProfileView;
  onDone: (message: string | null) => void;
}): JSX.Element {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [understood, setUnderstood] = useState(false);
  const check = useQuery({
    queryKey: profileKey(profile.id, 'deletion-check'),
    queryFn: () => unwrap(api.profiles.deletionCheck({ profileId: profile.id })),
    refetchOnMount: 'always',
    staleTime: 0,
  });
  // The ledger's archive export (issue 7): the OS save dialog, then one zip of the whole profile.
  const exported = useMutation({
    mutationFn: () =>
      unwrap(
        api.records.exportArchive({ profileId: profile.id, operationId: crypto.randomUUID() }),
      ),
  });
  const remove = useMutation({
    mutationFn: (confirmUnsynced: boolean) =>
      unwrap(api.profiles.delete({ profileId: profile.id, confirmUnsynced })),
    onSuccess: () => onDone(`Deleted ${profile.name} and their records from this computer.`),
  });
  useEffect(() => headingRef.current?.focus(), []);

  const unsynced = check.data?.unsyncedRecords ?? 0;
  const error = [check, exported, remove].find((x) => x.error)?.error;
  return (
    <div className="card profiles-delete" role="group" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`} ref={headingRef} tabIndex={-1}>
        Delete {profile.name}?
      </h3>
      {check.isPending ? <Loading label="Counting records not yet sent to HMRC…" /> : null}
      {check.data && unsynced === 0 ? (
        <p>
          This removes the profile and its folder from this computer. It has no records waiting to
          be sent to HMRC. Nothing at HMRC changes.
        </p>
      ) : null}
      {check.data && unsynced > 0 ? (
        <>
          <div className="notice notice-warn">
            <p className="notice-title">
              {unsynced} {unsynced === 1 ? 'record has' : 'records have'} not been sent to HMRC
            </p>
            <p>
              Deleting the profile deletes {unsynced === 1 ? 'it' : 'them'} from this computer. Save
              a copy of the whole profile first if you might need {unsynced === 1 ? 'it' : 'them'}.
            </p>
          </div>
          <div className="actions">
            <button
              type="button"
              className="button"
              onClick={() => exported.mutate()}
              disabled={exported.isPending}
            >
              Save a copy first
            </button>
          </div>
          {exported.isPending ? <Loading label="Saving a copy of the whole profile…" /> : null}
          {exported.data ? (
            'cancelled' in exported.data ? (
              <p className="notice notice-warn" role="status">
                No copy was saved.
              </p>
            ) : (
              <p className="notice notice-ok" role="status">
                Saved a copy as <span className="mono">{exported.data.fileName}</span> (
                {exported.data.files} {exported.data.files === 1 ? 'file' : 'files'}). It can be
                imported again as a profile.
              </p>
            )
          ) : null}
          <div className="choice">
            <input
              type="checkbox"
              id={`${id}-confirm`}
              checked={understood}
              onChange={(e) => setUnderstood(e.target.checked)}
            />
            <label htmlFor={`${id}-confirm`}>
              Delete {profile.name} and{' '}
              {unsynced === 1 ? 'this record' : `these ${unsynced} records`} from this computer
            </label>
          </div>
        </>
      ) : null}
      {error ? <ErrorNotice error={toIpcError(error)} /> : null}
      <div className="actions">
        <button
          type="button"
          className="button danger"
          disabled={!check.data || (unsynced > 0 && !understood) || remove.isPending}
          onClick={() => remove.mutate(unsynced > 0)}
        >
          Delete profile
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          Keep {profile.name}
        </button>
      </div>
    </div>
  );
}
