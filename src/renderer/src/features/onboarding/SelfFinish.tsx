import { deadlineText, summariseDeadlines } from '@shared/domain/deadlines';
import { useEffect, useRef, type JSX } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formatNino } from '@shared/domain/nino';
import type { ProfileView, SnapshotView } from '@shared/ipc/channels/profiles';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { snapshotKey } from '../profiles/use-profile-data';
import type { SelfDetailsValues } from './SelfDetails';

/**
 * The last step for a sole trader: the profile is created on the sign-in just linked, then
 * Ledgerlink asks HMRC for the businesses and obligations and shows what it found.
 */
export function SelfFinish({
  details,
  accountId,
}: {
  details: SelfDetailsValues;
  accountId: string;
}): JSX.Element {
  const queryClient = useQueryClient();
  const setUp = useMutation({
    mutationFn: async (): Promise<{ profile: ProfileView; snapshot: SnapshotView | null }> => {
      const profile = await unwrap(
        api.profiles.create({ kind: 'self', ...details, accountId, activate: true }),
      );
      if (profile.authorisation.status !== 'authorised') return { profile, snapshot: null };
      const snapshot = await unwrap(api.profiles.refresh({ profileId: profile.id }));
      queryClient.setQueryData(snapshotKey(profile.id), snapshot);
      return { profile, snapshot };
    },
  });
  const started = useRef(false);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    setUp.mutate();
  }, [setUp]);
  useEffect(() => {
    if (setUp.data || setUp.error) resultRef.current?.focus();
  }, [setUp.data, setUp.error]);

  if (setUp.isPending || setUp.isIdle) {
    return (
      <Loading label="Creating your profile and asking HMRC for your businesses and deadlines…" />
    );
  }
  return (
    <div ref={resultRef} tabIndex={-1} className="onboarding-finish">
      {setUp.error ? (
        <>
          <ErrorNotice error={toIpcError(setUp.error)} />
          <div className="actions">
            <button type="button" className="button primary" onClick={() => setUp.mutate()}>
              Try again
            </button>
          </div>
        </>
      ) : null}
      {setUp.data ? <Summary {...setUp.data} /> : null}
    </div>
  );
}

function Summary({
  profile,
  snapshot,
}: {
  profile: ProfileView;
  snapshot: SnapshotView | null;
}): JSX.Element {
  const open = snapshot?.obligations.filter((o) => o.status === 'open') ?? [];
  const due = snapshot ? summariseDeadlines(snapshot.obligations, snapshot.today) : undefined;
  // The same words as Home and Review: overdue ones first, by main's date.
  const first = due?.overdue[0] ?? due?.next;
  return (
    <>
      <div
        className={`notice ${snapshot ? 'notice-ok' : 'notice-warn'}`}
        role={snapshot ? 'status' : 'alert'}
      >
        <p className="notice-title">
          {snapshot ? `You’re set up, ${profile.name}` : `Your profile is saved, ${profile.name}`}
        </p>
        {snapshot ? (
          <p>
            HMRC lists {snapshot.businesses.length}{' '}
            {snapshot.businesses.length === 1 ? 'business' : 'businesses'} for{' '}
            {formatNino(profile.nino)}
            {first && snapshot
              ? `, and ${open.length} open ${open.length === 1 ? 'obligation' : 'obligations'}${
                  due?.overdue.length ? ` (${due.overdue.length} overdue)` : ''
                }: the first is ${deadlineText(first.dueDate, snapshot.today)}.`
              : ', and nothing is due.'}
          </p>
        ) : (
          <p>{profile.authorisation.message}</p>
        )}
      </div>
      {snapshot && snapshot.businesses.length > 0 ? (
        <ul className="plain-list onboarding-businesses">
          {snapshot.businesses.map((b) => (
            <li key={b.hmrcBusinessId}>
              <strong>{b.name}</strong> <span className="mono detail">{b.hmrcBusinessId}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        <a className="button primary" href="#/home">
          Go to Home
        </a>
        <a className="button" href="#/profiles">
          Go to my profile
        </a>
      </div>
    </>
  );
}
