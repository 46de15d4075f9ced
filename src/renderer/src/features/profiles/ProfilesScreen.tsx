import type { JSX } from 'react';
import { maskNino } from '@shared/domain/nino';
import type { ProfilesView } from '@shared/ipc/channels/profiles';
import { useActiveProfile } from '@renderer/app/use-active-profile';
import { useHashRoute } from '@renderer/app/use-hash-route';
import { toIpcError } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { ScreenHeader } from '@renderer/ui/ScreenHeader';
import { ClientAuthority } from '../agents/ClientAuthority';
import { SignOffPackView, subjectFromRoute } from '../agents/SignOffPackView';
import { AddProfile } from './AddProfile';
import { AllProfiles } from './AllProfiles';
import { ClientsOverview } from './ClientsOverview';
import { EditProfile } from './EditProfile';
import { ImportClients } from './ImportClients';
import { roleText } from './format';
import { ProfileOverview } from './ProfileOverview';

type Tab = 'profile' | 'all' | 'overview' | 'authority' | 'sign-off' | 'import' | 'add';

const tabOf = (rest: string): Tab => {
  const first = rest.split('/')[0] ?? '';
  if (first === 'all' || first === 'edit') return 'all';
  if (first === 'overview' || first === 'import' || first === 'add') return first;
  if (first === 'authority' || first === 'sign-off') return first;
  return 'profile';
};

function Tabs({ current, view }: { current: Tab; view: ProfilesView }): JSX.Element {
  const hasClients = view.profiles.some((p) => p.kind === 'client');
  const tabs: { id: Tab; href: string; label: string }[] = [
    { id: 'profile', href: '#/profiles', label: 'This profile' },
    {
      id: 'all',
      href: '#/profiles/all',
      label: `All profiles (${view.profiles.filter((p) => !p.archivedAt).length})`,
    },
    ...(hasClients
      ? [{ id: 'overview' as const, href: '#/profiles/overview', label: 'Clients overview' }]
      : []),
    { id: 'authority', href: '#/profiles/authority', label: 'Client authority' },
    { id: 'import', href: '#/profiles/import', label: 'Import clients' },
    { id: 'add', href: '#/profiles/add', label: 'Add a profile' },
  ];
  return (
    <nav className="subnav" aria-label="Profiles">
      {tabs.map((t) => (
        <a key={t.id} href={t.href} aria-current={t.id === current ? 'page' : undefined}>
          {t.label}
        </a>
      ))}
    </nav>
  );
}

/**
 * The Profiles section. "This profile" is headed by the active profile's own name, and shows
 * only data fetched under that profile's id; the other tabs manage the list.
 */
export function ProfilesScreen(): JSX.Element {
  const { rest } = useHashRoute();
  const { profiles, active } = useActiveProfile();
  const tab = tabOf(rest);

  if (profiles.isPending) return <Loading label="Reading profiles…" />;
  if (profiles.error) return <ErrorNotice error={toIpcError(profiles.error)} />;
  const view = profiles.data;

  const header =
    tab === 'profile' && active ? (
      <ScreenHeader title={active.name}>
        <span className="mono">{maskNino(active.nino)}</span> · {roleText(active)}
        {active.account ? ` · through ${active.account.label}` : ''}
      </ScreenHeader>
    ) : (
      <ScreenHeader title="Profiles">
        The people whose tax affairs you keep, each with their own records, in{' '}
        {view.environmentLabel}.
      </ScreenHeader>
    );

  const body = (() => {
    switch (tab) {
      case 'all': {
        const [, editId] = rest.split('/');
        return rest.startsWith('edit/') && editId ? (
          <EditProfile view={view} profileId={editId} />
        ) : (
          <AllProfiles view={view} />
        );
      }
      case 'overview':
        return <ClientsOverview />;
      case 'authority':
        return <ClientAuthority />;
      case 'sign-off': {
        const [, packProfile, ...subject] = rest.split('/');
        const parsed = subjectFromRoute(subject);
        return packProfile && parsed ? (
          <SignOffPackView key={rest} profileId={packProfile} subject={parsed} />
        ) : (
          <p className="empty-state">This sign-off pack link is not complete.</p>
        );
      }
      case 'import':
        return <ImportClients view={view} />;
      case 'add':
        return (
          <AddProfile view={view} {...(rest === 'add/self' ? { kind: 'self' as const } : {})} />
        );
      default:
        return active ? (
          // Keyed by profile: nothing (not even a pending request's state) carries over a switch.
          <ProfileOverview key={active.id} profile={active} />
        ) : (
          <div className="empty-state">
            <p>No profile is chosen.</p>
            <p>
              <a href="#/welcome">Set up Ledgerlink</a>, <a href="#/profiles/add">add a profile</a>
              {view.profiles.length > 0 ? (
                <>
                  {' '}
                  or <a href="#/profiles/all">choose one</a>
                </>
              ) : null}
              .
            </p>
          </div>
        );
    }
  })();

  return (
    <section className="profiles-screen">
      {header}
      <Tabs current={tab} view={view} />
      {body}
    </section>
  );
}
