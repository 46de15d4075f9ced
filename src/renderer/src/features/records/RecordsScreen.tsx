import { useCallback, useEffect, useState, type JSX } from 'react';
import type { ProfileView } from '@shared/ipc/channels/profiles';
import { useActiveProfile } from '@renderer/app/use-active-profile';
import { useHashRoute } from '@renderer/app/use-hash-route';
import { toIpcError } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { BusinessesScreen } from './businesses/BusinessesScreen';
import { ExportScreen } from './export/ExportScreen';
import { ArchiveNotes } from './export/ArchiveNotes';
import { RecordsMissing } from './export/RecordsMissing';
import { plural } from './format';
import { EMPTY_FILTER, filterFromRoute, type FilterState } from './filter-state';
import { ImportScreen } from './import/ImportScreen';
import { RecordsView } from './list/RecordsView';
import { RulesScreen } from './rules/RulesScreen';
import { TotalsScreen } from './totals/TotalsScreen';
import { useRecordsChangedEvents, useRecordsContext, useRules } from './use-records-data';

type Tab = 'list' | 'import' | 'rules' | 'totals' | 'businesses' | 'export';

const TABS: { id: Tab; href: string; label: string }[] = [
  { id: 'list', href: '#/records', label: 'Records' },
  { id: 'import', href: '#/records/import', label: 'Import a statement' },
  { id: 'rules', href: '#/records/rules', label: 'Rules' },
  { id: 'totals', href: '#/records/totals', label: 'Totals for HMRC' },
  { id: 'businesses', href: '#/records/businesses', label: 'Businesses' },
  { id: 'export', href: '#/records/export', label: 'Export and archive' },
];

const tabOf = (rest: string): Tab => {
  const first = rest.split('/')[0] ?? '';
  return TABS.some((t) => t.id === first) ? (first as Tab) : 'list';
};

/**
 * #/records: the digital records of the active profile (issue 7). Everything below is keyed by
 * the profile's id, so switching profile starts every screen afresh with that person's records.
 */
/**
 * The app moves focus to a new screen's heading when the section changes; this screen loads
 * lazily, so its heading is not there yet at that moment. Arriving from the navigation, focus
 * goes to the heading once it exists, as on every other screen.
 */
function useFocusHeadingOnArrival(): void {
  useEffect(() => {
    if (document.activeElement?.closest('nav[aria-label="Sections"]')) {
      document.querySelector<HTMLElement>('main h1')?.focus();
    }
  }, []);
}

export default function RecordsScreen(): JSX.Element {
  useFocusHeadingOnArrival();
  const { rest } = useHashRoute();
  const { profiles, active } = useActiveProfile();
  if (profiles.isPending) return <Loading label="Reading profiles…" />;
  if (profiles.error) return <ErrorNotice error={toIpcError(profiles.error)} />;
  if (!active) {
    return (
      <section>
        <ScreenHeader title="Records">Your digital records: income and expenses.</ScreenHeader>
        <div className="empty-state">
          <p>
            Records belong to a profile. <a href="#/profiles/add">Add a profile</a> or{' '}
            <a href="#/profiles/all">choose one</a> first.
          </p>
        </div>
      </section>
    );
  }
  return (
    <ProfileRecords
      key={active.id}
      profile={active}
      tab={tabOf(rest)}
      routeFilter={filterFromRoute(rest)}
    />
  );
}

function ProfileRecords({
  profile,
  tab,
  routeFilter,
}: {
  profile: ProfileView;
  tab: Tab;
  routeFilter: FilterState | null;
}): JSX.Element {
  const { navigate } = useHashRoute();
  useRecordsChangedEvents(profile.id);
  const context = useRecordsContext(profile.id);
  const rules = useRules(profile.id);
  const [filter, setFilter] = useState<FilterState>(routeFilter ?? EMPTY_FILTER);
  // A link from elsewhere (a review warning) while the list is open: show what it points at.
  const routeKey = routeFilter ? JSON.stringify(routeFilter) : '';
  const [seenRoute, setSeenRoute] = useState(routeKey);
  if (routeKey !== seenRoute) {
    setSeenRoute(routeKey);
    if (routeFilter) setFilter(routeFilter);
  }
  const [restored, setRestored] = useState<{
    transactions: number;
    businesses: number;
    notes: string[];
  } | null>(null);
  const showRecords = useCallback(
    (next: Partial<FilterState>) => {
      setFilter({ ...EMPTY_FILTER, ...next });
      navigate('records');
    },
    [navigate],
  );

  const ctx = context.data?.profileId === profile.id ? context.data : undefined;
  const ruleList = rules.data?.profileId === profile.id ? rules.data.rules : [];

  const body = (() => {
    if (context.error) {
      const error = toIpcError(context.error);
      return error.code === 'PROFILE_RECORDS_MISSING' ? (
        <RecordsMissing profile={profile} error={error} onRestored={setRestored} />
      ) : (
        <ErrorNotice error={error} />
      );
    }
    if (!ctx) return <Loading label="Opening the records…" />;
    switch (tab) {
      case 'import':
        return (
          <ImportScreen
            profileId={profile.id}
            businesses={ctx.businesses}
            onShowBatch={(importBatchId) => showRecords({ importBatchId })}
          />
        );
      case 'rules':
        return <RulesScreen profileId={profile.id} businesses={ctx.businesses} />;
      case 'totals':
        return (
          <TotalsScreen
            profileId={profile.id}
            businesses={ctx.businesses}
            currentTaxYear={ctx.taxYear}
            onShowUncategorised={(businessId, taxYear) =>
              showRecords({ business: businessId, taxYear, uncategorised: true })
            }
          />
        );
      case 'businesses':
        return <BusinessesScreen profileId={profile.id} businesses={ctx.businesses} />;
      case 'export':
        return <ExportScreen profile={profile} filter={filter} />;
      default:
        return (
          <>
            {ctx.businesses.length === 0 ? (
              <div className="notice notice-warn">
                <p className="notice-title">No business yet</p>
                <p>
                  Records are reported to HMRC per business.{' '}
                  <a href="#/records/businesses">Add your business or property</a>, or link your
                  HMRC account on the Profiles screen to bring them in.
                </p>
              </div>
            ) : null}
            <RecordsView
              profileId={profile.id}
              businesses={ctx.businesses}
              rules={ruleList}
              today={ctx.today}
              taxYear={ctx.taxYear}
              filter={filter}
              onFilter={setFilter}
            />
          </>
        );
    }
  })();

  return (
    <section className="records-screen" aria-labelledby="records-title">
      <div className="screen-header">
        <h1 tabIndex={-1} id="records-title">
          Records
        </h1>
        <p className="lede">
          {profile.name}’s income and expenses, kept on this computer. Nothing here needs the
          internet.
        </p>
      </div>
      <nav className="subnav" aria-label="Records">
        {TABS.map((t) => (
          <a key={t.id} href={t.href} aria-current={t.id === tab ? 'page' : undefined}>
            {t.label}
          </a>
        ))}
      </nav>
      {restored ? (
        <>
          <div className="notice notice-ok" role="status">
            <p className="notice-title">
              Restored {plural(restored.transactions, 'record', 'records')} and{' '}
              {plural(restored.businesses, 'business', 'businesses')} from the archive.
            </p>
          </div>
          <ArchiveNotes notes={restored.notes} />
        </>
      ) : null}
      {body}
    </section>
  );
}
