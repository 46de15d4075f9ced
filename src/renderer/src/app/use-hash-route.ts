import { useCallback, useEffect, useState } from 'react';
import { isSectionId, type SectionId } from './sections';

// Home first: what is due and what to do, not the linking steps already done.
const DEFAULT_SECTION: SectionId = 'home';

const read = (): { section: SectionId; rest: string } => {
  const [, section = '', ...rest] = window.location.hash.replace(/^#/, '').split('/');
  return isSectionId(section)
    ? { section, rest: rest.join('/') }
    : { section: DEFAULT_SECTION, rest: '' };
};

/**
 * Routing by URL hash: works under app:// and in the browser host alike, keeps the back
 * button meaningful, and needs no router library in the bundle.
 */
export function useHashRoute(): {
  section: SectionId;
  rest: string;
  navigate: (section: SectionId, rest?: string) => void;
} {
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onChange = () => setRoute(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((section: SectionId, rest = '') => {
    window.location.hash = `#/${section}${rest ? `/${rest}` : ''}`;
  }, []);
  return { ...route, navigate };
}
