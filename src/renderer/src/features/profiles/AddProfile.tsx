import { useState, type JSX } from 'react';
import { formatNino } from '@shared/domain/nino';
import type { ProfileKind, ProfileView, ProfilesView } from '@shared/ipc/channels/profiles';
import { AuthorisationBadge } from './ProfileBadges';
import { createProfile, ProfileForm } from './ProfileForm';
import { usePracticeSuggestions } from './use-practice-suggestions';

/** What HMRC said about the profile just added, and where to go next. */
function Added({
  profile,
  onAnother,
}: {
  profile: ProfileView;
  onAnother: () => void;
}): JSX.Element {
  const a = profile.authorisation;
  const ok = a.status === 'authorised';
  return (
    <div
      className={`notice ${ok ? 'notice-ok' : a.status === 'unknown' ? 'notice-warn' : 'notice-error'}`}
      role={ok ? 'status' : 'alert'}
    >
      <p className="notice-title">
        Added {profile.name} ({formatNino(profile.nino)}) <AuthorisationBadge authorisation={a} />
      </p>
      {a.message ? <p>{a.message}</p> : null}
      {ok ? <p>HMRC confirms you can act for them.</p> : null}
      <div className="actions">
        <a className="button primary" href="#/profiles/all">
          See all profiles
        </a>
        <button type="button" className="button" onClick={onAnother}>
          Add another
        </button>
      </div>
    </div>
  );
}

/** #/profiles/add (a client) or #/profiles/add/self (your own). */
export function AddProfile({
  view,
  kind,
}: {
  view: ProfilesView;
  kind?: ProfileKind;
}): JSX.Element {
  const [added, setAdded] = useState<ProfileView | null>(null);
  const [round, setRound] = useState(0);
  const suggestions = usePracticeSuggestions(view);
  return (
    <section aria-labelledby="profiles-add-heading">
      <h2 id="profiles-add-heading">
        {kind === 'self' ? 'Add your own profile' : 'Add a profile'}
      </h2>
      {added ? (
        <Added
          profile={added}
          onAnother={() => {
            setAdded(null);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <ProfileForm
          key={round}
          environment={view.environment}
          {...(kind ? { fixedKind: kind } : {})}
          submitLabel="Add profile"
          busyLabel="Adding and checking with HMRC…"
          suggestions={suggestions}
          onSubmit={async (values) => setAdded(await createProfile(values))}
        />
      )}
    </section>
  );
}
