import { useSyncExternalStore } from 'react';
import { useProfiles } from '@renderer/app/use-active-profile';

export const WELCOME_HASH = '#/welcome';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const readHash = () => window.location.hash;

/**
 * Whether the window shows the first-run set-up: at `#/welcome`, or when the app opens (no
 * route yet) with no profile at all. Every section stays one click away in the navigation.
 */
export function useShowOnboarding(): boolean {
  const hash = useSyncExternalStore(subscribe, readHash);
  const profiles = useProfiles();
  if (hash === WELCOME_HASH) return true;
  // A route is `#/<section>…`; anything else (no hash, the skip link's #main-content) is none.
  if (hash.startsWith('#/') && hash !== '#/') return false;
  return profiles.data !== undefined && profiles.data.profiles.length === 0;
}
