import type { JSX } from 'react';
import { ScreenHeader } from '../../ui/ScreenHeader';

/** An honest empty state for a section whose screen has not been built into this version yet. */
export function SectionPlaceholder({
  section,
}: {
  section: { label: string; description: string };
}): JSX.Element {
  return (
    <section aria-labelledby="placeholder-title">
      <ScreenHeader title={section.label}>{section.description}</ScreenHeader>
      <div className="empty-state" id="placeholder-title">
        <p>This part of Ledgerlink is not in this version yet.</p>
      </div>
    </section>
  );
}
