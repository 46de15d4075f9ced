import type { JSX, ReactNode } from 'react';

/** Every screen starts with one h1 that can take focus when the screen opens. */
export function ScreenHeader({
  title,
  children,
}: {
  title: string;
  children?: ReactNode;
}): JSX.Element {
  return (
    <div className="screen-header">
      <h1 tabIndex={-1}>{title}</h1>
      {children ? <p className="lede">{children}</p> : null}
    </div>
  );
}
