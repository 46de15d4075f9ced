import type { JSX } from 'react';
import { useSettings } from './use-settings';

/** Visible on every screen, so nobody mistakes practice for the real thing (or the reverse). */
export function EnvironmentBanner(): JSX.Element | null {
  const { data } = useSettings();
  if (!data) return null;
  if (data.environment === 'practice') {
    return (
      <div className="env-banner env-practice" role="note" aria-label="Environment">
        <strong>Practice mode</strong> — try every step; nothing is sent to HMRC.{' '}
        <a href="#/settings">Change</a>
      </div>
    );
  }
  if (data.environment === 'sandbox') {
    return (
      <div className="env-banner env-sandbox" role="note" aria-label="Environment">
        <strong>HMRC sandbox</strong> — HMRC&apos;s test service; nothing counts for real tax.{' '}
        <a href="#/settings">Change</a>
      </div>
    );
  }
  return null;
}
