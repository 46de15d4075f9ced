import type { JSX } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ProfilesView } from '@shared/ipc/channels/profiles';
import { profilesQueryKey } from '@renderer/app/use-active-profile';
import { api, unwrap } from '@renderer/bridge';
import { ProfileForm } from './ProfileForm';

/** #/profiles/edit/<id>: name, NINO, account and agent role. */
export function EditProfile({
  view,
  profileId,
}: {
  view: ProfilesView;
  profileId: string;
}): JSX.Element {
  const queryClient = useQueryClient();
  const profile = view.profiles.find((p) => p.id === profileId);
  if (!profile) {
    return (
      <p className="empty-state">
        That profile is no longer in Ledgerlink. <a href="#/profiles/all">See all profiles</a>.
      </p>
    );
  }
  return (
    <section aria-labelledby="profiles-edit-heading">
      <h2 id="profiles-edit-heading">Edit {profile.name}</h2>
      <ProfileForm
        key={profile.id}
        environment={view.environment}
        fixedKind={profile.kind}
        initial={{
          name: profile.name,
          nino: profile.nino,
          accountId: profile.accountId,
          agentRole: profile.agentRole ?? null,
        }}
        submitLabel="Save changes"
        busyLabel="Saving…"
        onSubmit={async (values) => {
          await unwrap(
            api.profiles.edit({
              profileId: profile.id,
              name: values.name,
              nino: values.nino,
              accountId: values.accountId,
              ...(profile.kind === 'client' && values.agentRole
                ? { agentRole: values.agentRole }
                : {}),
            }),
          );
          await queryClient.invalidateQueries({ queryKey: profilesQueryKey });
          window.location.hash = '#/profiles/all';
        }}
        onCancel={() => {
          window.location.hash = '#/profiles/all';
        }}
      />
    </section>
  );
}
