import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Overview,
  ProfileView,
  RefreshProgress,
  SnapshotView,
} from '@shared/ipc/channels/profiles';
import { profileKey, profilesQueryKey } from '@renderer/app/use-active-profile';
import { api, unwrap } from '@renderer/bridge';

/**
 * The profile-scoped data of the Profiles screens. Every key is `profileKey(profile.id, …)`,
 * and every answer carries the profile id it is for, which `forProfile` checks again before a
 * screen shows it under a profile's name.
 */

export const snapshotKey = (profileId: string) => profileKey(profileId, 'hmrc-snapshot');
export const overviewQueryKey = ['profiles', 'overview'] as const;
/** Opening a client from the overview (a switch: no one profile's data, so not profileKey). */
export const overviewOpenKey = ['profiles', 'overview', 'open'] as const;

/** Data only if it belongs to this profile; otherwise undefined (the screen shows "loading"). */
export function forProfile<T extends { profileId: string }>(
  data: T | undefined,
  profile: Pick<ProfileView, 'id'>,
): T | undefined {
  return data && data.profileId === profile.id ? data : undefined;
}

/** What HMRC said last time about this profile, from this computer (offline). */
export function useSnapshot(profileId: string) {
  return useQuery({
    queryKey: snapshotKey(profileId),
    queryFn: () => unwrap(api.profiles.snapshot({ profileId })),
  });
}

/** Asks HMRC now; the answer lands in the cache of the profile it was asked for. */
export function useRefresh(profileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: profileKey(profileId, 'refresh'),
    mutationFn: () => unwrap(api.profiles.refresh({ profileId })),
    onSuccess: (snapshot: SnapshotView) =>
      queryClient.setQueryData(snapshotKey(snapshot.profileId), snapshot),
  });
}

export function useSetPeriodType(profileId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: profileKey(profileId, 'period-type'),
    mutationFn: (request: {
      hmrcBusinessId: string;
      quarterlyPeriodType: 'standard' | 'calendar';
      confirmAccountingPeriod?: boolean;
    }) =>
      unwrap(api.profiles.setQuarterlyPeriodType({ profileId, confirmLockIn: true, ...request })),
    onSuccess: (snapshot: SnapshotView) =>
      queryClient.setQueryData(snapshotKey(snapshot.profileId), snapshot),
  });
}

/** The agent overview of every client; refreshed as background checks report progress. */
export function useOverview() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.on('profiles.refreshProgress', (progress: RefreshProgress) => {
        queryClient.setQueryData<Overview>(overviewQueryKey, (old) =>
          old ? { ...old, progress } : old,
        );
        if (!progress.running || progress.done % 10 === 0) {
          void queryClient.invalidateQueries({ queryKey: overviewQueryKey });
        }
      }),
    [queryClient],
  );
  useEffect(
    () =>
      api.on('profiles.changed', () => {
        void queryClient.invalidateQueries({ queryKey: overviewQueryKey });
      }),
    [queryClient],
  );
  return useQuery({
    queryKey: overviewQueryKey,
    queryFn: () => unwrap(api.profiles.overview()),
    refetchOnMount: 'always',
  });
}

export function useRefreshAll() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.profiles.refreshAll()),
    onSuccess: (progress) =>
      queryClient.setQueryData<Overview>(overviewQueryKey, (old) =>
        old ? { ...old, progress } : old,
      ),
  });
}

/** After a change to one profile the list event updates everything; this is for the answer itself. */
export function useProfilesInvalidation() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: profilesQueryKey });
}
