import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { NetworkView, SyncRunView } from '@shared/ipc/channels/sync';
import { profileKey } from '@renderer/app/use-active-profile';
import { api, unwrap } from '@renderer/bridge';

/** Query keys of the review and sync screens; all profile-scoped except the network. */
export const syncKeys = {
  network: ['sync', 'network'] as const,
  run: ['sync', 'run'] as const,
  status: (profileId: string) => profileKey(profileId, 'sync', 'status'),
  receipts: (profileId: string) => profileKey(profileId, 'sync', 'receipts'),
  review: (profileId: string) => profileKey(profileId, 'review'),
};

/** Online or offline, and the "sync when back online" choice; kept current by main's events. */
export function useNetwork() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.on('sync.network', (view) =>
        queryClient.setQueryData<NetworkView>(syncKeys.network, view),
      ),
    [queryClient],
  );
  return useQuery({ queryKey: syncKeys.network, queryFn: () => unwrap(api.sync.network()) });
}

/** Refetches a profile's review and sync data whenever main says its outbox changed. */
export function useSyncChanges(profileId: string | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!profileId) return undefined;
    return api.on('sync.changed', (payload) => {
      if (payload.profileId !== profileId) return;
      void queryClient.invalidateQueries({ queryKey: syncKeys.status(profileId) });
      void queryClient.invalidateQueries({ queryKey: syncKeys.receipts(profileId) });
    });
  }, [profileId, queryClient]);
}

/**
 * Mounted once by the Review & sync screen: any profile's outbox changing (a sync of many
 * clients, a retry in the background) marks that profile's cached review and sync data stale,
 * whichever tab is showing.
 */
export function useAnySyncChanges(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.on('sync.changed', ({ profileId }) => {
        void queryClient.invalidateQueries({ queryKey: syncKeys.status(profileId) });
        void queryClient.invalidateQueries({ queryKey: syncKeys.receipts(profileId) });
        void queryClient.invalidateQueries({ queryKey: syncKeys.review(profileId) });
      }),
    [queryClient],
  );
}

export function useSyncStatus(profileId: string) {
  useSyncChanges(profileId);
  return useQuery({
    queryKey: syncKeys.status(profileId),
    queryFn: () => unwrap(api.sync.status({ profileId })),
    // The outbox can change while this screen is closed (a background retry): read it afresh.
    staleTime: 0,
  });
}

/** The latest sync run (one profile or many clients), live from `sync.progress` events. */
export function useSyncRun(): SyncRunView | null {
  const [run, setRun] = useState<SyncRunView | null>(null);
  useEffect(() => {
    let live = true;
    void unwrap(api.sync.run()).then((r) => {
      if (live) setRun((current) => current ?? r);
    });
    const stop = api.on('sync.progress', (view) => setRun(view));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return run;
}
