import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountsView, FlowView, LinkOptions } from '@shared/ipc/channels/auth';
import type { Environment } from '@shared/ipc/channels/settings';
import { api, unwrap } from '@renderer/bridge';

export const flowQueryKey = ['auth', 'flow'] as const;
export const accountsQueryKey = ['auth', 'accounts'] as const;
export const linkOptionsKey = (environment: Environment | undefined) =>
  ['auth', 'linkOptions', environment ?? 'current'] as const;

/** The linking flow in progress, kept live by main's `auth.progress` events. */
export function useCurrentFlow() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.on('auth.progress', (view) =>
        queryClient.setQueryData<FlowView | null>(flowQueryKey, view),
      ),
    [queryClient],
  );
  return useQuery({ queryKey: flowQueryKey, queryFn: () => unwrap(api.auth.currentFlow()) });
}

/** The linked accounts, kept live by main's `auth.accountsChanged` events. */
export function useAccounts() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      api.on('auth.accountsChanged', (view) =>
        queryClient.setQueryData<AccountsView>(accountsQueryKey, view),
      ),
    [queryClient],
  );
  return useQuery({
    queryKey: accountsQueryKey,
    queryFn: () => unwrap(api.auth.accounts()),
    // Time-dependent (token expiry, renewals): read afresh whenever the screen opens, and
    // now and then while it stays open.
    refetchOnMount: 'always',
    refetchInterval: 60_000,
  });
}

export function useLinkOptions(environment?: Environment) {
  return useQuery<LinkOptions>({
    queryKey: linkOptionsKey(environment),
    queryFn: () => unwrap(api.auth.linkOptions(environment ? { environment } : {})),
  });
}

/**
 * "Now" on the main process's clock, ticking: countdowns must agree with main, whose clock
 * tests move (and which may differ from this window's by a little). `receivedAt` is when the
 * answer carrying `mainNow` arrived (React Query's dataUpdatedAt).
 */
export function useMainNow(
  mainNow: string | undefined,
  receivedAt: number,
  tickMs = 30_000,
): number {
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const id = window.setInterval(() => setTick(Date.now()), tickMs);
    return () => window.clearInterval(id);
  }, [tickMs]);
  const skew = mainNow && receivedAt ? new Date(mainNow).getTime() - receivedAt : 0;
  return tick + skew;
}
