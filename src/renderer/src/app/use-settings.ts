import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../bridge';

export const settingsQueryKey = ['settings'] as const;

/** Settings, kept current by main's `settings.changed` event. */
export function useSettings() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.on('settings.changed', (settings) =>
        queryClient.setQueryData(settingsQueryKey, settings),
      ),
    [queryClient],
  );
  return useQuery({ queryKey: settingsQueryKey, queryFn: () => unwrap(api.settings.get()) });
}
