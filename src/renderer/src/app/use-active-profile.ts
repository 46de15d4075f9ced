/**
 * The renderer's one source of "which profile". Every profile-scoped query key starts with
 * `['profile', profileId, …]` (use `profileKey`), so data fetched for one client is cached
 * under that client's id only: switching changes every key at once, and no screen can show one
 * client's figures under another client's name. The list of profiles itself is not
 * profile-scoped (`profilesQueryKey`).
 */
import { useCallback, useEffect } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ProfileView, ProfilesView } from '@shared/ipc/channels/profiles';
import { api, unwrap } from '../bridge';

export const profilesQueryKey = ['profiles', 'list'] as const;

/** The key of anything that belongs to one profile: `['profile', id, ...rest]`. */
export function profileKey<const R extends readonly unknown[]>(
  profileId: string,
  ...rest: R
): readonly ['profile', string, ...R] {
  return ['profile', profileId, ...rest] as const;
}

/** True for a key made by `profileKey` for this profile. */
export function isKeyOfProfile(key: readonly unknown[], profileId: string): boolean {
  return key[0] === 'profile' && key[1] === profileId;
}

/** Forgets everything cached for profiles that no longer exist (deleted). */
export function forgetMissingProfiles(queryClient: QueryClient, view: ProfilesView): void {
  const known = new Set(view.profiles.map((p) => p.id));
  queryClient.removeQueries({
    predicate: (q) => q.queryKey[0] === 'profile' && !known.has(String(q.queryKey[1])),
  });
}

/** The active profile of a list (null when none is active or it is archived). */
export function activeOf(view: ProfilesView | undefined): ProfileView | null {
  if (!view?.activeId) return null;
  const p = view.profiles.find((x) => x.id === view.activeId);
  return p && !p.archivedAt ? p : null;
}

/** Profiles of the environment in use, kept current by main's `profiles.changed` event. */
export function useProfiles() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.on('profiles.changed', (view) => {
        queryClient.setQueryData<ProfilesView>(profilesQueryKey, view);
        forgetMissingProfiles(queryClient, view);
      }),
    [queryClient],
  );
  return useQuery({ queryKey: profilesQueryKey, queryFn: () => unwrap(api.profiles.list()) });
}

/**
 * The active profile and how to switch. Switching updates the list at once (optimistically) so
 * every screen renders the new profile in the same frame; main's answer then confirms it.
 */
export function useActiveProfile() {
  const profiles = useProfiles();
  const queryClient = useQueryClient();
  const switchTo = useMutation({
    mutationFn: (profileId: string) => unwrap(api.profiles.setActive({ profileId })),
    onMutate: (profileId) => {
      const previous = queryClient.getQueryData<ProfilesView>(profilesQueryKey);
      if (previous)
        queryClient.setQueryData(profilesQueryKey, { ...previous, activeId: profileId });
      return { previous };
    },
    onError: (_error, _id, context) => {
      if (context?.previous) queryClient.setQueryData(profilesQueryKey, context.previous);
    },
    onSuccess: (view) => queryClient.setQueryData(profilesQueryKey, view),
  });
  const setActive = useCallback((profileId: string) => switchTo.mutateAsync(profileId), [switchTo]);
  return {
    profiles,
    active: activeOf(profiles.data),
    setActive,
    switching: switchTo,
  };
}
