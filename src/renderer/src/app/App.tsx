import { useEffect, useRef, type JSX } from 'react';
import { bridgeAvailable } from '../bridge';
import { DiagnosticsScreen } from '../features/diagnostics/DiagnosticsScreen';
import { SectionPlaceholder } from '../features/placeholder/SectionPlaceholder';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { EnvironmentBanner } from './EnvironmentBanner';
import { Navigation } from './Navigation';
import { SECTIONS, type SectionId } from './sections';
import { useHashRoute } from './use-hash-route';

function Screen({ section }: { section: SectionId }): JSX.Element {
  switch (section) {
    case 'diagnostics':
      return <DiagnosticsScreen />;
    case 'settings':
      return <SettingsScreen />;
    default:
      return <SectionPlaceholder section={SECTIONS.find((s) => s.id === section)!} />;
  }
}

export function App(): JSX.Element {
  const { section } = useHashRoute();
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
      <header className="app-header">
        <span className="wordmark" aria-label="Ledgerlink">
          <span aria-hidden="true" className="wordmark-mark">
            ⟠
          </span>
          Ledgerlink
        </span>
      </header>
      <EnvironmentBanner />
      <div className="app-body">
        <Navigation current={section} />
        <main id="main-content" ref={mainRef} className="app-main" tabIndex={-1}>
          <Screen section={section} />
        </main>
      </div>
    </div>
  );
}
