import type { AccountView } from '@shared/ipc/channels/auth';
import type { Environment } from '@shared/ipc/channels/settings';
import { useAccounts } from '../link/use-link';

/**
 * The linked HMRC accounts of one environment and kind: an individual's own sign-in for their
 * profile, an agent services account for clients (reference §2.10).
 */
export function useHmrcAccounts(
  environment: Environment | undefined,
  kind: 'individual' | 'agent',
) {
  const accounts = useAccounts();
  const list: AccountView[] = (accounts.data?.accounts ?? []).filter(
    (a) => a.environment === environment && a.kind === kind,
  );
  return { accounts: list, isPending: accounts.isPending, error: accounts.error };
}
