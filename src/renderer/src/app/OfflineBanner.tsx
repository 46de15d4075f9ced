import type { JSX } from 'react';
import { useNetwork } from '../features/sync/use-sync';

/**
 * In the header on every screen while the computer is offline: what still works (everything
 * but sync) and what happens to approved updates.
 */
export function OfflineBanner(): JSX.Element | null {
  const network = useNetwork();
  return (
    <div role="status" aria-live="polite">
      {network.data && !network.data.online ? (
        <div className="offline-banner">
          <strong>You are offline.</strong> Everything except sending to HMRC keeps working: review
          and approve updates, and they wait in the outbox until you sync.
          {network.data.syncOnReconnect
            ? ' They will be sent automatically when you are back online.'
            : ''}
        </div>
      ) : null}
    </div>
  );
}
