import type { JSX, ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a narrow window. The region takes focus so keyboard
 * users can scroll it too (arrow keys), and is named after what it holds.
 */
export function ScrollRegion({
  label,
  children,
}: {
  label: string;
  children: ReactNode;
}): JSX.Element {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
