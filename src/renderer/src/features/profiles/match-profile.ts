import { normaliseNino } from '@shared/domain/nino';
import type { ProfileView } from '@shared/ipc/channels/profiles';

/**
 * The switcher's search: the name contains every word typed (any case), or the NINO contains
 * what was typed with spaces ignored (`ac 10 00` finds AC100003C).
 */
export function matchesProfile(
  profile: Pick<ProfileView, 'name' | 'nino'>,
  query: string,
): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const name = profile.name.toLowerCase();
  if (q.split(/\s+/).every((word) => name.includes(word))) return true;
  const nino = normaliseNino(query);
  return nino.length >= 2 && profile.nino.includes(nino);
}
