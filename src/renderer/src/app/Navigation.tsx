import { useRef, type JSX, type KeyboardEvent } from 'react';
import { SECTIONS, type SectionId } from './sections';

/**
 * The section list. Tab reaches it once; Up/Down/Home/End move between sections (the usual
 * pattern for a vertical list of links), Enter follows the link.
 */
export function Navigation({ current }: { current: SectionId | null }): JSX.Element {
  const listRef = useRef<HTMLUListElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const links = [...(listRef.current?.querySelectorAll<HTMLAnchorElement>('a') ?? [])];
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    const target =
      event.key === 'ArrowDown'
        ? links[(index + 1) % links.length]
        : event.key === 'ArrowUp'
          ? links[(index - 1 + links.length) % links.length]
          : event.key === 'Home'
            ? links[0]
            : event.key === 'End'
              ? links[links.length - 1]
              : undefined;
    if (target) {
      event.preventDefault();
      target.focus();
    }
  };

  return (
    <nav className="app-nav" aria-label="Sections">
      <ul ref={listRef} onKeyDown={onKeyDown}>
        {SECTIONS.map((s) => (
          <li key={s.id}>
            <a href={`#/${s.id}`} aria-current={s.id === current ? 'page' : undefined}>
              {s.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
