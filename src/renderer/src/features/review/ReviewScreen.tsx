import { useReviewDisplay } from './use-review-display';
import type { JSX } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { ProfilesView } from '@shared/ipc/channels/profiles';
import { useActiveProfile } from '@renderer/app/use-active-profile';
import { useHashRoute } from '@renderer/app/use-hash-route';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { ClientsSync } from '../sync/ClientsSync';
import { EstimateTab } from '../sync/EstimateTab';
import { ReceiptsTable } from '../sync/ReceiptsTable';
import { SyncPanel } from '../sync/SyncPanel';
import { when } from '../sync/format';
import { syncKeys, useAnySyncChanges, useNetwork, useSyncStatus } from '../sync/use-sync';
import { UpdateCard } from './UpdateCard';

type Tab = 'updates' | 'sync' | 'estimate' | 'receipts' | 'clients';

const tabOf = (rest: string): Tab => {
  const first = rest.split('/')[0];
  return first === 'sync' || first === 'estimate' || first === 'receipts' || first === 'clients'
    ? first
    : 'updates';
};

function Tabs({ current, view }: { current: Tab; view: ProfilesView }): JSX.Element {
  const hasClients = view.profiles.some((p) => p.kind === 'client' && !p.archivedAt);
  const tabs: { id: Tab; href: string; label: string }[] = [
    { id: 'updates', href: '#/review', label: 'Updates to review' },
    { id: 'sync', href: '#/review/sync', label: 'Outbox and sync' },
    { id: 'estimate', href: '#/review/estimate', label: 'Tax estimate' },
    { id: 'receipts', href: '#/review/receipts', label: 'Receipts' },
    ...(hasClients
      ? [{ id: 'clients' as const, href: '#/review/clients', label: 'Sync all clients' }]
      : []),
  ];
  return (
    <nav className="subnav" aria-label="Review and sync">
      {tabs.map((t) => (
        <a key={t.id} href={t.href} aria-current={t.id === current ? 'page' : undefined}>
          {t.label}
        </a>
      ))}
    </nav>
  );
}

function UpdatesList({ profileId }: { profileId: string }): JSX.Element {
  const network = useNetwork();
  const online = network.data?.online ?? true;
  const status = useSyncStatus(profileId);
  const [display, setDisplay] = useReviewDisplay();
  const list = useQuery({
    queryKey: [...syncKeys.review(profileId), 'list', online],
    queryFn: () => unwrap(api.review.list({ profileId, compareWithHmrc: online })),
    // Prepared from the records each time the screen opens: they may have changed elsewhere.
    staleTime: 0,
  });
  if (list.isPending) return <Loading label="Preparing the updates from your records…" />;
  if (list.error) return <ErrorNotice error={toIpcError(list.error)} />;
  const data = list.data;
  return (
    <div className="review-list">
      <p className="hint">
        {data.obligationsCheckedAt
          ? `Following HMRC’s deadlines as last checked at ${when(data.obligationsCheckedAt)}.`
          : 'HMRC’s deadlines have not been checked yet: updates are for the quarters that have ended.'}{' '}
        {online
          ? 'Each update is compared with what HMRC holds now.'
          : 'Offline: each update is compared with HMRC’s copy read earlier, or else with the last update HMRC accepted from this computer.'}{' '}
        {/* Said once here instead of under each compact card's period choice. */}
        {display.compact
          ? 'Each update covers the tax year so far and replaces the one before it at HMRC. '
          : ''}
        {status.data?.lastSyncedAt
          ? `Last synced at ${when(status.data.lastSyncedAt)}.`
          : status.data
            ? 'Not synced yet.'
            : ''}
      </p>
      <div className="review-display" role="group" aria-label="How updates are shown">
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={display.compact}
            onChange={(e) => setDisplay({ compact: e.target.checked })}
          />{' '}
          Compact view
        </label>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={display.hmrcNames}
            onChange={(e) => setDisplay({ hmrcNames: e.target.checked })}
          />{' '}
          Show HMRC’s names
        </label>
      </div>
      {data.updates.length === 0 ? (
        <p className="empty-state">
          There is no quarterly update to review for {data.profileName} now.
        </p>
      ) : (
        data.updates.map((u) => (
          <UpdateCard
            key={`${u.businessId}-${u.taxYear}`}
            initial={u}
            online={online}
            today={data.today}
            display={display}
          />
        ))
      )}
      {data.notReady.length > 0 ? (
        <div className="notice notice-warn">
          <p className="notice-title">Not ready for an update</p>
          <ul>
            {data.notReady.map((n) => (
              <li key={n.businessName}>
                {n.businessName}: {n.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/**
 * Review & sync (issue 8): "review offline, then sync". The updates HMRC will receive, with
 * what they change and the exact JSON; the outbox and Sync now; receipts; and, for agents,
 * syncing every client at once.
 */
export function ReviewScreen(): JSX.Element {
  const { rest } = useHashRoute();
  const { profiles, active } = useActiveProfile();
  useAnySyncChanges();
  const tab = tabOf(rest);
  if (profiles.isPending) return <Loading label="Reading profiles…" />;
  if (profiles.error) return <ErrorNotice error={toIpcError(profiles.error)} />;

  return (
    <section className="review-screen" aria-labelledby="review-heading">
      <div id="review-heading">
        <ScreenHeader title={active ? `Review & sync: ${active.name}` : 'Review & sync'}>
          Check each quarterly update and what it changes at HMRC, approve it (this works offline),
          then send it.
        </ScreenHeader>
      </div>
      <Tabs current={tab} view={profiles.data} />
      {tab === 'clients' ? (
        <ClientsSync view={profiles.data} />
      ) : !active ? (
        <p className="empty-state">
          Choose a profile first: <a href="#/profiles/all">all profiles</a>.
        </p>
      ) : tab === 'sync' ? (
        <SyncPanel key={active.id} profileId={active.id} />
      ) : tab === 'estimate' ? (
        <EstimateTab key={active.id} profileId={active.id} />
      ) : tab === 'receipts' ? (
        <ReceiptsTable key={active.id} profileId={active.id} />
      ) : (
        <UpdatesList key={active.id} profileId={active.id} />
      )}
    </section>
  );
}
