import type { JSX } from 'react';
import { toIpcError } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { EstimatePanel } from './EstimatePanel';
import { useNetwork, useSyncStatus } from './use-sync';

/** #/review/estimate: the tax estimate on its own, where "Tax calculation" leads. */
export function EstimateTab({ profileId }: { profileId: string }): JSX.Element {
  const status = useSyncStatus(profileId);
  const network = useNetwork();
  if (status.isPending) return <Loading label="Reading the latest estimate…" />;
  if (status.error) return <ErrorNotice error={toIpcError(status.error)} />;
  const s = status.data;
  return (
    <EstimatePanel
      profileId={profileId}
      {...(s.estimate ? { estimate: s.estimate } : {})}
      allowed={s.estimateAllowed}
      {...(s.estimateReason ? { reason: s.estimateReason } : {})}
      online={network.data?.online ?? s.online}
    />
  );
}
