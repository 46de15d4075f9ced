import { useEffect, useId, useLayoutEffect, useRef, useState, type JSX } from 'react';
import { createPortal } from 'react-dom';
import { useQuery } from '@tanstack/react-query';
import type { RecordsBusiness, TransactionView } from '@shared/ipc/channels/records';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { recordsKey, useRecordsMutation } from '../use-records-data';
import { categoryOptions, type CategoryOption } from './category-options';

/**
 * The category of one record, chosen where it is shown: type a few letters, arrows to move,
 * Enter to give it (and go on to the next record), Escape to leave it as it was. What the same
 * payee was given before comes first.
 */
export function InlineCategory({
  profileId,
  row,
  businesses,
  onDone,
}: {
  profileId: string;
  row: TransactionView;
  businesses: readonly RecordsBusiness[];
  /** `next`: saved, go on to the next record; `cancel`: nothing changed. */
  onDone: (how: 'next' | 'cancel', saved?: string) => void;
}): JSX.Element {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState('');
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const [place, setPlace] = useState<{ left: number; top: number; width: number } | null>(null);
  const suggestions = useQuery({
    queryKey: [...recordsKey(profileId), 'suggestions', row.id],
    queryFn: () => unwrap(api.records.suggestCategories({ profileId, transactionId: row.id })),
  });
  const options = categoryOptions({
    businesses,
    businessId: row.businessId,
    amountPence: row.amountPence,
    suggestions: suggestions.data?.suggestions ?? [],
    typed,
  });
  const active = options.find((o) => o.key === activeKey) ?? options[0] ?? null;
  const save = useRecordsMutation(profileId, (option: CategoryOption) =>
    unwrap(
      api.records.categorise({
        profileId,
        transactionIds: [row.id],
        businessId: option.businessId,
        categoryId: option.categoryId,
      }),
    ),
  );

  useEffect(() => {
    inputRef.current?.focus();
  }, []);

  // The list floats over the grid (which clips what overflows its rows), under the box.
  useLayoutEffect(() => {
    const measure = () => {
      const r = inputRef.current?.getBoundingClientRect();
      if (!r) return;
      const below = window.innerHeight - r.bottom;
      const width = Math.max(r.width, 280);
      setPlace({
        // Kept inside the window at 1024 px, where the category column is near its edge.
        left: Math.max(8, Math.min(r.left, window.innerWidth - width - 8)),
        top: below > 260 ? r.bottom + 2 : Math.max(8, r.top - 262),
        width,
      });
    };
    measure();
    window.addEventListener('scroll', measure, true);
    window.addEventListener('resize', measure);
    return () => {
      window.removeEventListener('scroll', measure, true);
      window.removeEventListener('resize', measure);
    };
  }, []);

  useEffect(() => {
    if (active)
      document.getElementById(`${id}-${active.key}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);

  const choose = (option: CategoryOption) => {
    if (save.isPending) return;
    save.mutate(option, {
      onSuccess: () => onDone('next', `“${row.description}”: ${option.label}.`),
    });
  };

  const move = (by: number) => {
    if (options.length === 0) return;
    const at = active ? options.indexOf(active) : -1;
    const next = options[(at + by + options.length) % options.length];
    if (next) setActiveKey(next.key);
  };

  const listId = `${id}-list`;
  const error = save.error ? toIpcError(save.error) : null;
  let lastGroup = '';
  return (
    <div className="records-inline-category" onClick={(e) => e.stopPropagation()}>
      <input
        ref={inputRef}
        type="text"
        role="combobox"
        className="records-inline-input"
        aria-label={`Category for “${row.description}”`}
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active ? `${id}-${active.key}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        placeholder="Type to find a category"
        value={typed}
        readOnly={save.isPending}
        aria-busy={save.isPending}
        onChange={(e) => {
          setTyped(e.target.value);
          setActiveKey(null);
        }}
        onBlur={() => {
          if (!save.isPending) onDone('cancel');
        }}
        onKeyDown={(e) => {
          // The grid's own keys (arrows, Space, Enter) must not act while choosing here.
          e.stopPropagation();
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            move(e.key === 'ArrowDown' ? 1 : -1);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            if (active) choose(active);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            onDone('cancel');
          }
        }}
      />
      {error ? (
        <span className="field-error" id={`${id}-error`}>
          {error.message}
        </span>
      ) : null}
      {place
        ? createPortal(
            <div
              id={listId}
              role="listbox"
              aria-label="Categories"
              className="records-inline-list"
              style={{ left: place.left, top: place.top, width: place.width }}
              onMouseDown={(e) => e.preventDefault()}
            >
              {options.length === 0 ? (
                <div className="records-inline-empty" role="presentation">
                  No category matches “{typed}”.
                </div>
              ) : (
                options.map((o) => {
                  const heading = o.group !== lastGroup ? o.group : null;
                  lastGroup = o.group;
                  return (
                    <div key={o.key} role="presentation">
                      {heading ? (
                        <div className="records-inline-group" role="presentation">
                          {heading}
                        </div>
                      ) : null}
                      <div
                        id={`${id}-${o.key}`}
                        role="option"
                        aria-selected={o === active}
                        className={`records-inline-option${o === active ? ' is-active' : ''}`}
                        onClick={() => choose(o)}
                      >
                        <span>{o.label}</span>
                        {o.detail ? <span className="records-secondary">{o.detail}</span> : null}
                      </div>
                    </div>
                  );
                })
              )}
            </div>,
            // Inside the page's main landmark (every piece of content belongs to one).
            document.querySelector('main') ?? document.body,
          )
        : null}
    </div>
  );
}
