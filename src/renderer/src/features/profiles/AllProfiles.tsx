import { useState, type JSX } from 'react';
import { useMutation } from '@tanstack/react-query';
import { maskNino } from '@shared/domain/nino';
import type { ProfileView, ProfilesView } from '@shared/ipc/channels/profiles';
import { useActiveProfile } from '@renderer/app/use-active-profile';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { DeleteProfile } from './DeleteProfile';
import { AuthorisationBadge, RoleBadge } from './ProfileBadges';

/** #/profiles/all: every profile of this environment, with switch, edit, archive and delete. */
export function AllProfiles({ view }: { view: ProfilesView }): JSX.Element {
  const { setActive } = useActiveProfile();
  const [showArchived, setShowArchived] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const archive = useMutation({
    mutationFn: (input: { profileId: string; archived: boolean }) =>
      unwrap(api.profiles.archive(input)),
    onSuccess: (p) => setNotice(p.archivedAt ? `Archived ${p.name}.` : `Restored ${p.name}.`),
  });
  const switchTo = useMutation({
    mutationFn: (profileId: string) => setActive(profileId),
    onSuccess: () => {
      window.location.hash = '#/profiles';
    },
  });
  const archivedCount = view.profiles.filter((p) => p.archivedAt).length;
  const rows = view.profiles.filter((p) => showArchived || !p.archivedAt);
  const error = [archive, switchTo].find((m) => m.error)?.error;
  const deletingProfile = deleting ? view.profiles.find((p) => p.id === deleting) : undefined;

  const actions = (p: ProfileView) => (
    <div className="actions profiles-row-actions">
      {p.archivedAt ? null : p.id === view.activeId ? (
        <span className="badge badge-ok">Active</span>
      ) : (
        <button type="button" className="button" onClick={() => switchTo.mutate(p.id)}>
          Switch to<span className="visually-hidden"> {p.name}</span>
        </button>
      )}
      <a className="button" href={`#/profiles/edit/${p.id}`}>
        Edit<span className="visually-hidden"> {p.name}</span>
      </a>
      <button
        type="button"
        className="button"
        onClick={() => archive.mutate({ profileId: p.id, archived: !p.archivedAt })}
      >
        {p.archivedAt ? 'Restore' : 'Archive'}
        <span className="visually-hidden"> {p.name}</span>
      </button>
      <button type="button" className="button danger" onClick={() => setDeleting(p.id)}>
        Delete<span className="visually-hidden"> {p.name}</span>
      </button>
    </div>
  );

  return (
    <section aria-labelledby="profiles-all-heading">
      <div className="profiles-toolbar">
        <h2 id="profiles-all-heading">All profiles ({view.profiles.length - archivedCount})</h2>
        <div className="actions">
          <a className="button primary" href="#/profiles/add">
            Add a profile
          </a>
          <a className="button" href="#/profiles/import">
            Import clients from CSV
          </a>
        </div>
      </div>
      {notice ? (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      ) : null}
      {error ? <ErrorNotice error={toIpcError(error)} /> : null}
      {deletingProfile ? (
        <DeleteProfile
          key={deletingProfile.id}
          profile={deletingProfile}
          onDone={(message) => {
            setDeleting(null);
            if (message) setNotice(message);
          }}
        />
      ) : null}
      {archivedCount > 0 ? (
        <div className="choice">
          <input
            type="checkbox"
            id="profiles-show-archived"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.target.checked)}
          />
          <label htmlFor="profiles-show-archived">Show archived profiles ({archivedCount})</label>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p className="empty-state">
          No profiles yet. <a href="#/profiles/add">Add a profile</a> or{' '}
          <a href="#/welcome">start the set-up again</a>.
        </p>
      ) : (
        <table className="table profiles-table">
          <caption className="visually-hidden">Profiles in {view.environmentLabel}</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">NINO</th>
              <th scope="col">Role</th>
              <th scope="col">HMRC</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id} data-profile={p.id}>
                <th scope="row">
                  {p.name}
                  {p.archivedAt ? (
                    <span className="badge badge-neutral profiles-gap">Archived</span>
                  ) : null}
                  <span className="detail profiles-block">
                    {p.account?.label ?? 'No HMRC account chosen'}
                  </span>
                </th>
                <td className="mono profiles-nowrap">{maskNino(p.nino)}</td>
                <td>
                  <RoleBadge profile={p} />
                </td>
                <td>
                  <AuthorisationBadge authorisation={p.authorisation} />
                </td>
                <td>{actions(p)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
