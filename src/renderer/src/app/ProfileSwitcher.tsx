import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type JSX,
  type KeyboardEvent,
} from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { maskNino } from '@shared/domain/nino';
import type { ProfileView } from '@shared/ipc/channels/profiles';
import { matchesProfile } from '../features/profiles/match-profile';
import { RoleBadge } from '../features/profiles/ProfileBadges';
import { useActiveProfile } from './use-active-profile';

const ROW_HEIGHT = 56;

/**
 * The profile switcher in the header (WAI-ARIA combobox with a listbox popup): shows the active
 * profile (name, masked NINO, role); opens a searchable list — type to filter by name or NINO,
 * Up/Down/Page Up/Page Down to move, Enter to switch, Escape to close. The list is virtualised
 * so hundreds of clients stay smooth. Nothing shows until there is a profile (first run).
 */
export function ProfileSwitcher(): JSX.Element | null {
  const { profiles, active, setActive } = useActiveProfile();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const id = useId();
  const triggerRef = useRef<HTMLButtonElement>(null);
  const popupRef = useRef<HTMLDivElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);

  const usable = useMemo(
    () => (profiles.data?.profiles ?? []).filter((p) => !p.archivedAt),
    [profiles.data],
  );
  const matches = useMemo(() => usable.filter((p) => matchesProfile(p, query)), [usable, query]);

  // The app does not use the React Compiler; the list re-renders on every change anyway.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: matches.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    setQuery('');
    if (returnFocus) triggerRef.current?.focus();
  }, []);

  const openList = () => {
    setQuery('');
    setIndex(
      Math.max(
        0,
        usable.findIndex((p) => p.id === active?.id),
      ),
    );
    setOpen(true);
  };

  const choose = (profile: ProfileView | undefined) => {
    if (!profile) return;
    close(true);
    if (profile.id === active?.id) return;
    setAnnouncement(`Switched to ${profile.name}.`);
    void setActive(profile.id).catch(() =>
      setAnnouncement(`Could not switch to ${profile.name}. Try again.`),
    );
  };

  // Keep the highlighted option in view (and rendered, for aria-activedescendant).
  useEffect(() => {
    if (open && matches.length > 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [open, index, matches.length, virtualizer]);

  // A click outside closes the list, as a native select does.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      const target = e.target as Node;
      if (!popupRef.current?.contains(target) && !triggerRef.current?.contains(target))
        close(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open, close]);

  if (usable.length === 0) return null;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = matches.length - 1;
    const move = (to: number) => {
      e.preventDefault();
      setIndex(Math.max(0, Math.min(last, to)));
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(index + 1);
      case 'ArrowUp':
        return move(index - 1);
      case 'PageDown':
        return move(index + 10);
      case 'PageUp':
        return move(index - 10);
      case 'Enter':
        e.preventDefault();
        return choose(matches[index]);
      case 'Escape':
        e.preventDefault();
        return close(true);
      case 'Tab':
        return close(false);
      default:
        return undefined;
    }
  };

  const optionId = (i: number) => `${id}-option-${i}`;
  const highlighted = matches[index];

  return (
    <div className="switcher">
      <button
        ref={triggerRef}
        type="button"
        className="switcher-trigger"
        aria-expanded={open}
        aria-controls={open ? `${id}-popup` : undefined}
        aria-haspopup="dialog"
        onClick={() => (open ? close(false) : openList())}
        data-testid="profile-switcher"
      >
        <span className="visually-hidden">Switch profile. Current profile: </span>
        {active ? (
          <>
            <span className="switcher-name">{active.name}</span>
            <span className="switcher-nino mono" aria-hidden="true">
              {maskNino(active.nino)}
            </span>
            <span className="visually-hidden">, NINO ending {active.nino.slice(6)}, </span>
            <RoleBadge profile={active} />
          </>
        ) : (
          <span className="switcher-name">Choose a profile</span>
        )}
        <span className="switcher-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>

      {open ? (
        <div
          ref={popupRef}
          id={`${id}-popup`}
          className="switcher-popup"
          role="dialog"
          aria-label="Switch profile"
        >
          <label htmlFor={`${id}-input`} className="switcher-label">
            Find a profile by name or National Insurance number
          </label>
          <input
            id={`${id}-input`}
            type="text"
            role="combobox"
            className="switcher-input"
            autoComplete="off"
            spellCheck={false}
            // The list opens because the person asked for it: focus goes straight to the search.
            autoFocus
            value={query}
            aria-expanded="true"
            aria-controls={`${id}-listbox`}
            aria-autocomplete="list"
            aria-activedescendant={highlighted ? optionId(index) : undefined}
            onChange={(e) => {
              setQuery(e.target.value);
              setIndex(0);
            }}
            onKeyDown={onKeyDown}
          />
          <p className="switcher-count" role="status" aria-live="polite">
            {matches.length === usable.length
              ? `${matches.length} profiles`
              : `${matches.length} of ${usable.length} profiles match`}
          </p>
          {matches.length === 0 ? (
            <p className="switcher-empty">No profile matches “{query}”.</p>
          ) : null}
          <div ref={scrollRef} className="switcher-scroll">
            <div
              id={`${id}-listbox`}
              role="listbox"
              aria-label="Profiles"
              className="switcher-listbox"
              style={{ height: `${virtualizer.getTotalSize()}px` }}
            >
              {matches.length === 0
                ? null
                : virtualizer.getVirtualItems().map((item) => {
                    const p = matches[item.index]!;
                    const selected = item.index === index;
                    return (
                      <div
                        key={p.id}
                        id={optionId(item.index)}
                        role="option"
                        aria-selected={selected}
                        aria-setsize={matches.length}
                        aria-posinset={item.index + 1}
                        // Not in the tab order (the combobox moves the highlight), but focusable so
                        // the scrolling list counts as keyboard-reachable content.
                        tabIndex={-1}
                        data-profile={p.id}
                        className={`switcher-option${selected ? ' is-highlighted' : ''}${
                          p.id === active?.id ? ' is-current' : ''
                        }`}
                        style={{
                          transform: `translateY(${item.start}px)`,
                          height: `${item.size}px`,
                        }}
                        onMouseDown={(e) => e.preventDefault()}
                        onMouseMove={() => setIndex(item.index)}
                        onClick={() => choose(p)}
                      >
                        <span className="switcher-option-main">
                          <span className="switcher-option-name">
                            {p.id === active?.id ? (
                              <span className="switcher-check" aria-hidden="true">
                                ✓{' '}
                              </span>
                            ) : null}
                            {p.name}
                            {p.id === active?.id ? (
                              <span className="visually-hidden">, current profile</span>
                            ) : null}
                          </span>
                          <span className="switcher-option-nino mono" aria-hidden="true">
                            {maskNino(p.nino)}
                          </span>
                        </span>
                        <span className="switcher-option-badges">
                          {p.authorisation.status === 'not-authorised' ? (
                            <span className="badge badge-bad">Not authorised</span>
                          ) : null}
                          <RoleBadge profile={p} />
                        </span>
                      </div>
                    );
                  })}
            </div>
          </div>
          <div className="switcher-footer">
            <a href="#/profiles/all" onClick={() => close(false)}>
              Manage profiles
            </a>
            {profiles.data?.profiles.some((p) => p.kind === 'client') ? (
              <a href="#/profiles/overview" onClick={() => close(false)}>
                Clients overview
              </a>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}
