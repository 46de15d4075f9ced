import { useState, type JSX } from 'react';
import { formatNino } from '@shared/domain/nino';
import type { ProfileView } from '@shared/ipc/channels/profiles';
import type { Environment } from '@shared/ipc/channels/settings';
import { useProfiles } from '@renderer/app/use-active-profile';
import { AuthorisationBadge, RoleBadge } from '../profiles/ProfileBadges';
import { createProfile, ProfileForm } from '../profiles/ProfileForm';
import { usePracticeSuggestions } from '../profiles/use-practice-suggestions';

/**
 * The agent's last step: add clients one at a time (each checked with HMRC as it is added), or
 * import a CSV file; then on to the clients overview.
 */
export function AgentClients({
  environment,
  accountId,
}: {
  environment: Environment;
  accountId: string;
}): JSX.Element {
  const profiles = useProfiles();
  const suggestions = usePracticeSuggestions(profiles.data);
  const [added, setAdded] = useState<ProfileView[]>([]);
  const [round, setRound] = useState(0);
  const latest = added.at(-1);
  return (
    <section aria-labelledby="onboarding-clients-heading">
      <h2 id="onboarding-clients-heading">Add your clients</h2>
      <p>
        Add each client with their National Insurance number and whether you are their main or
        supporting agent. Ledgerlink asks HMRC whether you can act for each one. Many clients?{' '}
        <a href="#/profiles/import">Import them from a CSV file</a>.
      </p>
      {latest ? (
        <div
          className={`notice ${latest.authorisation.status === 'authorised' ? 'notice-ok' : 'notice-error'}`}
          role={latest.authorisation.status === 'authorised' ? 'status' : 'alert'}
        >
          <p className="notice-title">
            Added {latest.name} <AuthorisationBadge authorisation={latest.authorisation} />
          </p>
          {latest.authorisation.message ? <p>{latest.authorisation.message}</p> : null}
        </div>
      ) : null}
      <ProfileForm
        key={round}
        environment={environment}
        fixedKind="client"
        initial={{ accountId }}
        submitLabel="Add client"
        busyLabel="Adding and checking with HMRC…"
        suggestions={suggestions}
        onSubmit={async (values) => {
          const profile = await createProfile(values, { activate: added.length === 0 });
          setAdded((list) => [...list, profile]);
          setRound((n) => n + 1);
        }}
      />
      {added.length > 0 ? (
        <>
          <h3>Clients added</h3>
          <ul className="plain-list onboarding-added">
            {added.map((p) => (
              <li key={p.id}>
                {p.name} <span className="mono detail">{formatNino(p.nino)}</span>{' '}
                <RoleBadge profile={p} /> <AuthorisationBadge authorisation={p.authorisation} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="actions onboarding-finish-actions">
        {/* "Add client" is the one primary action on this step. */}
        <a className="button" href={added.length > 0 ? '#/profiles/overview' : '#/profiles/all'}>
          {added.length > 0 ? 'Finish and see the clients overview' : 'Skip for now'}
        </a>
      </div>
    </section>
  );
}
