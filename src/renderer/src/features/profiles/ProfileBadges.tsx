import type { JSX } from 'react';
import type { Authorisation, ProfileView } from '@shared/ipc/channels/profiles';
import { roleText } from './format';

/** "Your own", "Main agent" or "Supporting agent" (supporting stands out: it limits what you can do). */
export function RoleBadge({
  profile,
}: {
  profile: Pick<ProfileView, 'kind' | 'agentRole'>;
}): JSX.Element {
  const tone =
    profile.kind === 'client' && profile.agentRole === 'supporting'
      ? 'badge-warn'
      : 'badge-neutral';
  return <span className={`badge ${tone}`}>{roleText(profile)}</span>;
}

const AUTH: Record<Authorisation['status'], { text: string; tone: string }> = {
  authorised: { text: 'Authorised', tone: 'badge-ok' },
  'not-authorised': { text: 'Not authorised', tone: 'badge-bad' },
  'not-signed-up': { text: 'Not signed up', tone: 'badge-warn' },
  // Not "Not checked": an unknown authority sits beside "HMRC last checked" times (a check that
  // failed, or one that read only the deadlines), and the two must not contradict each other.
  unknown: { text: 'Authority not confirmed', tone: 'badge-neutral' },
};

export function AuthorisationBadge({
  authorisation,
}: {
  authorisation: Authorisation;
}): JSX.Element {
  const a = AUTH[authorisation.status];
  return <span className={`badge ${a.tone}`}>{a.text}</span>;
}
