import { useEffect, useId, useRef, useState, type JSX, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { formatPence } from '@shared/domain/money';
import type {
  RecordsBusiness,
  RecordsFilterInput,
  RecordsSortInput,
  RuleView,
  TransactionView,
} from '@shared/ipc/channels/records';
import { businessName, categoryName, dateText, money } from '../format';
import { nextActiveIndex } from '../list-navigation';
import { InlineCategory } from './InlineCategory';
import { useRecordPages } from './use-record-pages';

const ROW_HEIGHT = 56;

const COLUMNS = [
  'Selected',
  'Date',
  'Description',
  'Amount',
  'Business',
  'Category',
  'Not allowable',
  'Receipt',
] as const;

function PaperClip(): JSX.Element {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        d="M16.5 6.5 8.4 14.6a2 2 0 0 0 2.8 2.8l8.1-8.1a4 4 0 0 0-5.7-5.7L5.5 11.7a6 6 0 0 0 8.5 8.5l6.3-6.3"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </svg>
  );
}

function RowCells({
  profileId,
  row,
  businesses,
  ruleName,
  selected,
  onSelectClick,
  editing,
  onEditCategory,
  onCategoryDone,
}: {
  profileId: string;
  row: TransactionView;
  businesses: readonly RecordsBusiness[];
  ruleName: string | null;
  selected: boolean;
  onSelectClick: () => void;
  editing: boolean;
  onEditCategory: () => void;
  onCategoryDone: (how: 'next' | 'cancel', saved?: string) => void;
}): JSX.Element {
  return (
    <>
      <div
        role="gridcell"
        className="records-cell records-cell-select"
        onClick={(e) => {
          // Ticking the box selects; a click anywhere else on the row opens it.
          e.stopPropagation();
          onSelectClick();
        }}
      >
        <span className={`records-tick${selected ? ' is-checked' : ''}`} aria-hidden="true" />
        <span className="visually-hidden">{selected ? 'Selected' : 'Not selected'}</span>
      </div>
      <div role="gridcell" className="records-cell records-cell-date">
        {dateText(row.date)}
      </div>
      <div role="gridcell" className="records-cell records-cell-description">
        <span className="records-description" title={row.description}>
          {row.description}
        </span>
        <span className="records-secondary">
          {row.counterparty ?? ''}
          {row.parentId !== null ? (
            <span className="badge badge-neutral">Part of a split</span>
          ) : null}
          {row.deletedAt ? <span className="badge badge-bad">Deleted</span> : null}
        </span>
      </div>
      <div
        role="gridcell"
        className={`records-cell records-cell-amount ${row.amountPence > 0 ? 'is-in' : 'is-out'}`}
      >
        {formatPence(row.amountPence, { plusSign: true })}
        <span className="visually-hidden">{row.amountPence > 0 ? ' money in' : ' money out'}</span>
      </div>
      <div role="gridcell" className="records-cell">
        {row.businessId === null ? (
          <span className="records-secondary">—</span>
        ) : (
          businessName(businesses, row.businessId)
        )}
      </div>
      <div
        role="gridcell"
        className={`records-cell records-cell-category${editing ? ' is-editing' : ''}`}
        onClick={(e) => {
          // The category is chosen in place; the rest of the row opens the record.
          if (row.parentId !== null || row.deletedAt) return;
          e.stopPropagation();
          onEditCategory();
        }}
      >
        {editing ? (
          <InlineCategory
            key={row.id}
            profileId={profileId}
            row={row}
            businesses={businesses}
            onDone={onCategoryDone}
          />
        ) : (
          <>
            {row.categoryId === null ? (
              <span className="badge badge-warn">Uncategorised</span>
            ) : (
              <span>{categoryName(row.categoryId)}</span>
            )}
            {row.ruleId !== null ? (
              <span className="records-secondary" title={ruleName ?? undefined}>
                by rule {ruleName ? `“${ruleName}”` : '(removed)'}
              </span>
            ) : null}
          </>
        )}
      </div>
      <div role="gridcell" className="records-cell records-cell-amount">
        {row.disallowablePence !== 0 ? money(row.disallowablePence) : ''}
      </div>
      <div role="gridcell" className="records-cell records-cell-receipt">
        {row.receiptCount > 0 ? (
          <>
            <PaperClip />
            <span className="visually-hidden">
              {row.receiptCount === 1 ? 'Has a receipt' : `${row.receiptCount} receipts`}
            </span>
          </>
        ) : null}
      </div>
    </>
  );
}

/**
 * The records as a virtualised grid: only the rows in view exist in the page, fetched a page
 * of 100 at a time as the person scrolls, so 100,000 records scroll as smoothly as 100. One tab
 * stop; arrows, Page Up/Down, Home and End move the active row, Enter opens it, Space selects
 * it for bulk actions.
 */
export function RecordsGrid({
  profileId,
  filter,
  sort,
  count,
  businesses,
  rules,
  selected,
  onToggle,
  onOpen,
  onCategorised,
  label,
}: {
  profileId: string;
  filter: RecordsFilterInput;
  sort: RecordsSortInput;
  count: number;
  businesses: readonly RecordsBusiness[];
  rules: readonly RuleView[];
  selected: ReadonlySet<number>;
  onToggle: (row: TransactionView) => void;
  onOpen: (row: TransactionView) => void;
  /** A record was categorised in place (what to say about it). */
  onCategorised: (text: string) => void;
  label: string;
}): JSX.Element {
  const id = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  // A new filter or order is a new list: the active row starts again at the top.
  const listKey = JSON.stringify([filter, sort]);
  const [activeState, setActiveState] = useState({ key: listKey, index: -1 });
  const active = activeState.key === listKey ? Math.min(activeState.index, count - 1) : -1;
  const setActive = (index: number) => setActiveState({ key: listKey, index });
  // The row whose category is being chosen in place (by its position in the list).
  // `after`: a record just categorised, still shown at that position until the list is read
  // again; the control waits for the record that takes its place rather than open on it.
  const [editingState, setEditingState] = useState<{
    key: string;
    index: number;
    after?: number;
  }>({ key: listKey, index: -1 });
  const editing = editingState.key === listKey ? editingState.index : -1;
  const setEditing = (index: number, after?: number) =>
    setEditingState({ key: listKey, index, ...(after !== undefined ? { after } : {}) });
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  const pages = useRecordPages(profileId, filter, sort, first, last);
  const ruleNames = new Map(rules.map((r) => [r.id, r.name]));

  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [listKey, virtualizer]);

  const move = (index: number) => {
    setActive(index);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pageSize = Math.max(
      1,
      Math.floor((scrollRef.current?.clientHeight ?? 0) / ROW_HEIGHT) - 1,
    );
    const next = nextActiveIndex(event.key, active, count, pageSize);
    if (next !== null) {
      event.preventDefault();
      move(next);
      return;
    }
    const row = active >= 0 ? pages.rowAt(active) : undefined;
    if (
      (event.key === 'c' || event.key === 'C') &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey &&
      row &&
      row.parentId === null &&
      !row.deletedAt
    ) {
      event.preventDefault();
      setEditing(active);
    } else if (event.key === 'Enter' && row) {
      event.preventDefault();
      onOpen(row);
    } else if (event.key === ' ' && row) {
      event.preventDefault();
      onToggle(row);
    }
  };

  const rowId = (index: number) => `${id}-row-${index}`;
  const activeRendered = active >= first && active <= last;

  return (
    <div className="records-grid-wrap">
      {pages.error ? (
        <p className="field-error" role="alert">
          Some records could not be read: {pages.error.message} {pages.error.action}
        </p>
      ) : null}
      <div
        ref={scrollRef}
        className="records-grid"
        role="grid"
        aria-label={label}
        aria-rowcount={count + 1}
        aria-colcount={COLUMNS.length}
        aria-multiselectable="true"
        aria-activedescendant={active >= 0 && activeRendered ? rowId(active) : undefined}
        aria-describedby={`${id}-keys`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={() => {
          if (active < 0 && count > 0) setActive(Math.max(first, 0));
        }}
      >
        <div role="rowgroup" className="records-grid-head">
          <div role="row" aria-rowindex={1} className="records-row records-row-head">
            {COLUMNS.map((c) => (
              <div
                key={c}
                role="columnheader"
                className={`records-cell${c === 'Amount' || c === 'Not allowable' ? ' records-cell-amount' : ''}`}
                aria-sort={
                  c === 'Date' && sort.startsWith('date')
                    ? sort === 'date-asc'
                      ? 'ascending'
                      : 'descending'
                    : c === 'Amount' && sort.startsWith('amount')
                      ? sort === 'amount-asc'
                        ? 'ascending'
                        : 'descending'
                      : undefined
                }
              >
                {c === 'Selected' || c === 'Receipt' ? (
                  <span className="visually-hidden">{c}</span>
                ) : (
                  c
                )}
              </div>
            ))}
          </div>
        </div>
        <div
          role="rowgroup"
          className="records-grid-body"
          style={{ height: virtualizer.getTotalSize() }}
        >
          {items.map((item) => {
            const row = pages.rowAt(item.index);
            const isSelected = row ? selected.has(row.id) : false;
            return (
              <div
                key={item.key}
                id={rowId(item.index)}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={isSelected}
                data-record-id={row?.id}
                className={`records-row${item.index === active ? ' is-active' : ''}${isSelected ? ' is-selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => {
                  setActive(item.index);
                  if (row) onOpen(row);
                }}
              >
                {row ? (
                  <RowCells
                    profileId={profileId}
                    editing={item.index === editing && row.id !== editingState.after}
                    onEditCategory={() => {
                      setActive(item.index);
                      setEditing(item.index);
                    }}
                    onCategoryDone={(how, saved) => {
                      if (how === 'cancel') {
                        // Only this row's own control closes itself (a late blur is ignored).
                        if (editing === item.index) {
                          setEditing(-1);
                          scrollRef.current?.focus();
                        }
                        return;
                      }
                      if (saved) onCategorised(saved);
                      // Showing only uncategorised records, this one leaves the list: the next
                      // one takes its place. Otherwise go on down.
                      const next = filter.uncategorised ? item.index : item.index + 1;
                      if (next < (filter.uncategorised ? count - 1 : count)) {
                        move(next);
                        setEditing(next, row.id);
                      } else {
                        setEditing(-1);
                        scrollRef.current?.focus();
                      }
                    }}
                    row={row}
                    businesses={businesses}
                    ruleName={row.ruleId !== null ? (ruleNames.get(row.ruleId) ?? null) : null}
                    selected={isSelected}
                    onSelectClick={() => {
                      setActive(item.index);
                      onToggle(row);
                    }}
                  />
                ) : (
                  <div role="gridcell" className="records-cell records-loading-row">
                    Loading…
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </div>
      <p className="hint" id={`${id}-keys`}>
        Arrow keys, Page Up, Page Down, Home and End move through the records; C chooses the
        category in place (Enter gives it and moves on, Escape leaves it); Enter opens a record;
        Space selects it for changing several at once.
      </p>
    </div>
  );
}
