import { lazy, Suspense, useEffect, useRef, type JSX } from 'react';
import { bridgeAvailable } from '../bridge';
import { DiagnosticsScreen } from '../features/diagnostics/DiagnosticsScreen';
import { HomeScreen } from '../features/home/HomeScreen';
import { LinkScreen } from '../features/link/LinkScreen';
import { Onboarding } from '../features/onboarding/Onboarding';
import { useShowOnboarding } from '../features/onboarding/use-first-run';
import { ProfilesScreen } from '../features/profiles/ProfilesScreen';
import { ReviewScreen } from '../features/review/ReviewScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { YearEndScreen } from '../features/year-end/YearEndScreen';
import { Loading } from '../ui/Loading';
import { EnvironmentBanner } from './EnvironmentBanner';
import { Navigation } from './Navigation';
import { OfflineBanner } from './OfflineBanner';
import { ProfileSwitcher } from './ProfileSwitcher';
import type { SectionId } from './sections';
import { useHashRoute } from './use-hash-route';

// The records screens (virtualised list, import, charts) load when first opened, keeping the
// window's first download small.
const RecordsScreen = lazy(() => import('../features/records/RecordsScreen'));

function Screen({ section }: { section: SectionId }): JSX.Element {
  switch (section) {
    case 'home':
      return <HomeScreen />;
    case 'link':
      return <LinkScreen />;
    case 'profiles':
      return <ProfilesScreen />;
    case 'records':
      return (
        <Suspense fallback={<Loading label="Opening the records…" />}>
          <RecordsScreen />
        </Suspense>
      );
    case 'review':
      return <ReviewScreen />;
    case 'year-end':
      return <YearEndScreen />;
    case 'diagnostics':
      return <DiagnosticsScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}

export function App(): JSX.Element {
  const { section } = useHashRoute();
  const onboarding = useShowOnboarding();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  // Move focus to the new screen's heading so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [section]);

  if (!bridgeAvailable()) {
    return (
      <main className="fatal" role="alert">
        <h1>Ledgerlink cannot start this window</h1>
        <p>
          The window could not reach the rest of the app. Close Ledgerlink and open it again. Your
          records are safe.
        </p>
      </main>
    );
  }

  return (
    <div className="app-frame">
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <header className="app-header-wrap">
        <div className="app-header">
          <span className="wordmark">
            <svg className="wordmark-mark" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
              <rect width="64" height="64" rx="14" fill="var(--accent)" />
              <path d="M18 16h8v26h20v7H18z" fill="var(--accent-contrast)" />
              <circle cx="46" cy="22" r="6" fill="#ffb061" />
            </svg>
            Ledgerlink
          </span>
          <ProfileSwitcher />
        </div>
        <EnvironmentBanner />
        <OfflineBanner />
      </header>
      <div className="app-body">
        {/* While the first-run set-up shows, no section is the current page. */}
        <Navigation current={onboarding ? null : section} />
        <main id="main-content" ref={mainRef} className="app-main" tabIndex={-1}>
          {onboarding ? <Onboarding /> : <Screen section={section} />}
        </main>
      </div>
    </div>
  );
}
