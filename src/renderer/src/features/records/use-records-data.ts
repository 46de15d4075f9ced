import { useCallback, useEffect, useState } from 'react';
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { RecordsFilterInput, RecordsProgress } from '@shared/ipc/channels/records';
import { profileKey } from '@renderer/app/use-active-profile';
import { api, unwrap } from '@renderer/bridge';
import { filterKey } from './filter-state';

/**
 * The records screens' data. Every key is `['profile', profileId, 'records', …]`, so one
 * person's records are never cached (or shown) under another's id, and one invalidation of
 * `recordsKey(profileId)` refreshes everything after a change.
 */

export const recordsKey = (profileId: string) => profileKey(profileId, 'records');

export const contextKey = (profileId: string) => profileKey(profileId, 'records', 'context');
export const rulesKey = (profileId: string) => profileKey(profileId, 'records', 'rules');
export const detailKey = (profileId: string, transactionId: number) =>
  profileKey(profileId, 'records', 'detail', transactionId);

/** Forgets cached records of a profile once main says they changed (any window, any screen). */
export function useRecordsChangedEvents(profileId: string): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.on('records.changed', (event) => {
        void queryClient.invalidateQueries({ queryKey: recordsKey(event.profileId) });
      }),
    [queryClient, profileId],
  );
}

export const invalidateRecords = (queryClient: QueryClient, profileId: string) =>
  queryClient.invalidateQueries({ queryKey: recordsKey(profileId) });

/** Businesses and today's date (UK) as main sees them. */
export function useRecordsContext(profileId: string) {
  return useQuery({
    queryKey: contextKey(profileId),
    queryFn: () => unwrap(api.records.context({ profileId })),
  });
}

export function useSummary(profileId: string, filter: RecordsFilterInput) {
  return useQuery({
    queryKey: profileKey(profileId, 'records', 'summary', filterKey(filter)),
    queryFn: () => unwrap(api.records.summarise({ profileId, filter })),
    placeholderData: keepPreviousData,
  });
}

export function useDetail(profileId: string, transactionId: number | null) {
  return useQuery({
    queryKey: detailKey(profileId, transactionId ?? 0),
    queryFn: () => unwrap(api.records.get({ profileId, transactionId: transactionId! })),
    enabled: transactionId !== null,
  });
}

export function useRules(profileId: string) {
  return useQuery({
    queryKey: rulesKey(profileId),
    queryFn: () => unwrap(api.records.rules({ profileId })),
  });
}

export function useImportBatches(profileId: string) {
  return useQuery({
    queryKey: profileKey(profileId, 'records', 'batches'),
    queryFn: () => unwrap(api.records.importBatches({ profileId })),
  });
}

/**
 * A change to the records: afterwards everything cached for this profile's records is
 * refetched (main also says so with `records.changed`, for other windows).
 */
export function useRecordsMutation<I, O>(profileId: string, fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => invalidateRecords(queryClient, profileId),
  });
}

/** The latest progress event of one long operation (an import step, an archive). */
export function useOperationProgress(operationId: string | null): RecordsProgress | null {
  const [progress, setProgress] = useStateFor(operationId);
  useEffect(() => {
    if (!operationId) return undefined;
    return api.on('records.progress', (p) => {
      if (p.operationId === operationId) setProgress(p);
    });
  }, [operationId, setProgress]);
  return progress;
}

/** State that starts again (null) whenever `owner` changes. */
function useStateFor(owner: string | null) {
  const [state, setState] = useState<{ owner: string | null; value: RecordsProgress | null }>({
    owner,
    value: null,
  });
  const set = useCallback((value: RecordsProgress) => setState({ owner, value }), [owner]);
  return [state.owner === owner ? state.value : null, set] as const;
}
