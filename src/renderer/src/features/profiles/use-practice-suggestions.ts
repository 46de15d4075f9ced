import type { ProfilesView } from '@shared/ipc/channels/profiles';
import { useLinkOptions } from '../link/use-link';
import type { Suggestion } from './ProfileForm';

/**
 * Practice HMRC's test individuals (when Practice is in use) who are not profiles yet, so a
 * person trying Ledgerlink can fill the form with someone HMRC knows.
 */
export function usePracticeSuggestions(view: ProfilesView | undefined): Suggestion[] {
  const options = useLinkOptions();
  if (!view || view.environment !== 'practice') return [];
  const taken = new Set(view.profiles.map((p) => p.nino));
  return (options.data?.practiceUsers ?? [])
    .filter((u) => u.kind === 'individual' && u.nino && !taken.has(u.nino))
    .map((u) => ({ name: u.name, nino: u.nino!, description: u.description }));
}
