import type { JSX } from 'react';

export function Loading({ label }: { label: string }): JSX.Element {
  return (
    <p className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}
