import { useEffect, useState, type JSX } from 'react';
import type { HmrcBusy } from '@shared/ipc/channels/hmrc';
import { api } from '@renderer/bridge';

/** "HMRC is busy, will retry at hh:mm" while a call for this account is waiting to retry. */
export function FraudHeadersBusyNotice({ accountId }: { accountId: string }): JSX.Element | null {
  const [busy, setBusy] = useState<HmrcBusy | null>(null);
  useEffect(
    () =>
      api.on('hmrc.busy', (event) => {
        if (event.accountId === accountId) setBusy(event);
      }),
    [accountId],
  );
  if (!busy) return null;
  return (
    <p className="notice notice-warn" role="status">
      {busy.message}
    </p>
  );
}
