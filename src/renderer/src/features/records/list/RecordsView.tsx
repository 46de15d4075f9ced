import { useEffect, useState, type JSX } from 'react';
import type {
  RecordsBusiness,
  RecordsSortInput,
  RuleView,
  TransactionView,
} from '@shared/ipc/channels/records';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { SplitDialog } from '../entry/SplitDialog';
import { TransactionDialog } from '../entry/TransactionDialog';
import { TransactionForm, shownAtFields, type EntryValues } from '../entry/TransactionForm';
import { toRequestFilter, type FilterState } from '../filter-state';
import { dateText } from '../format';
import { Modal } from '@renderer/ui/Modal';
import { useRecordsMutation, useSummary } from '../use-records-data';
import { BulkBar } from './BulkBar';
import { RecordsFilters } from './RecordsFilters';
import { RecordsGrid } from './RecordsGrid';
import { RecordsSummaryBar } from './RecordsSummaryBar';
import { UndoStatus, type StatusMessage } from './UndoStatus';

const NONE: ReadonlySet<number> = new Set();

/** The records list: filters, running totals, the virtualised grid, bulk changes and dialogs. */
export function RecordsView({
  profileId,
  businesses,
  rules,
  today,
  taxYear,
  filter,
  onFilter,
}: {
  profileId: string;
  businesses: readonly RecordsBusiness[];
  rules: readonly RuleView[];
  today: string;
  taxYear: string;
  filter: FilterState;
  onFilter: (next: FilterState) => void;
}): JSX.Element {
  const [sort, setSort] = useState<RecordsSortInput>('date-desc');
  const [search, setSearch] = useState({ text: filter.text, filterText: filter.text });
  // The filter's words changed elsewhere (Clear filters): the box shows them.
  if (search.filterText !== filter.text) setSearch({ text: filter.text, filterText: filter.text });
  const searchText = search.text;
  const setSearchText = (text: string) => setSearch((s) => ({ ...s, text }));
  const [open, setOpen] = useState<number | null>(null);
  const [splitting, setSplitting] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const request = toRequestFilter(filter);
  const summary = useSummary(profileId, request);

  // Typing waits a moment before the list is asked again.
  useEffect(() => {
    if (searchText === filter.text) return undefined;
    const timer = setTimeout(() => onFilter({ ...filter, text: searchText }), 250);
    return () => clearTimeout(timer);
  }, [searchText, filter, onFilter]);

  // A new filter is a new list: a selection of rows no longer shown would be a trap.
  const requestKey = JSON.stringify(request);
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<number> }>({
    key: requestKey,
    ids: new Set(),
  });
  const selected = selection.key === requestKey ? selection.ids : NONE;
  const setSelected = (update: (s: ReadonlySet<number>) => ReadonlySet<number>) =>
    setSelection((current) => ({
      key: requestKey,
      ids: update(current.key === requestKey ? current.ids : NONE),
    }));

  const add = useRecordsMutation(profileId, (values: EntryValues) =>
    unwrap(api.records.add({ profileId, ...values })),
  );

  const toggle = (row: TransactionView) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(row.id)) next.delete(row.id);
      else next.add(row.id);
      return next;
    });

  const count = summary.data?.count ?? 0;
  return (
    <div className="records-view">
      <div className="actions records-toolbar">
        <button type="button" className="button primary" onClick={() => setAdding(true)}>
          Add a transaction
        </button>
        <a className="button" href="#/records/import">
          Import a bank statement
        </a>
      </div>
      {/* Under the buttons: where focus returns when a dialog closes, so it is seen. */}
      <UndoStatus profileId={profileId} message={message} onMessage={setMessage} />
      <RecordsFilters
        value={filter}
        onChange={onFilter}
        searchText={searchText}
        onSearchText={setSearchText}
        sort={sort}
        onSort={setSort}
        businesses={businesses}
        currentTaxYear={taxYear}
      />
      {filter.dateFrom || filter.dateTo ? (
        <p className="records-range" role="status">
          Showing records {filter.dateFrom ? `from ${dateText(filter.dateFrom)} ` : ''}
          {filter.dateTo ? `to ${dateText(filter.dateTo)}` : ''}.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => onFilter({ ...filter, dateFrom: '', dateTo: '' })}
          >
            Show every date
          </button>
        </p>
      ) : null}
      {summary.error ? <ErrorNotice error={toIpcError(summary.error)} /> : null}
      <RecordsSummaryBar
        summary={summary.data?.profileId === profileId ? summary.data : undefined}
        uncategorisedOnly={filter.uncategorised}
        onShowUncategorised={() => onFilter({ ...filter, uncategorised: true, categoryId: '' })}
      />
      {selected.size > 0 ? (
        <BulkBar
          profileId={profileId}
          selectedIds={[...selected]}
          businesses={businesses}
          deletedView={filter.deleted}
          onClear={() => setSelected(() => NONE)}
          onDone={(text, undo) => {
            setSelected(() => NONE);
            setMessage({
              text,
              ...(undo && 'restore' in undo ? { restoreIds: undo.restore } : {}),
            });
          }}
        />
      ) : null}
      {summary.data && count === 0 ? (
        <div className="empty-state">
          {filter.deleted ? (
            <p>Nothing has been deleted.</p>
          ) : (
            <p>
              No records match. <a href="#/records/import">Import a bank statement</a> or add a
              transaction.
            </p>
          )}
        </div>
      ) : (
        <RecordsGrid
          profileId={profileId}
          filter={request}
          sort={sort}
          count={count}
          businesses={businesses}
          rules={rules}
          selected={selected}
          onToggle={toggle}
          onOpen={(row) => setOpen(row.id)}
          onCategorised={(text) => setMessage({ text: `Categorised ${text}` })}
          label={filter.deleted ? 'Deleted records' : 'Records'}
        />
      )}

      {adding ? (
        <Modal title="Add a transaction" onClose={() => setAdding(false)} wide>
          {add.error && !shownAtFields(toIpcError(add.error)) ? (
            <ErrorNotice error={toIpcError(add.error)} />
          ) : null}
          <TransactionForm
            transaction={null}
            businesses={businesses}
            today={today}
            submitLabel="Add the transaction"
            busy={add.isPending}
            serverError={add.error ? toIpcError(add.error) : null}
            onSubmit={(values) =>
              add.mutate(values, {
                onSuccess: (r) => {
                  setAdding(false);
                  add.reset();
                  setMessage({
                    text: `Added “${values.description}” (${dateText(values.date)}).`,
                    removeIds: [r.transaction.id],
                  });
                },
              })
            }
          />
        </Modal>
      ) : null}
      {open !== null ? (
        <TransactionDialog
          profileId={profileId}
          transactionId={open}
          businesses={businesses}
          rules={rules}
          today={today}
          onClose={() => setOpen(null)}
          onSaved={(text) => setMessage({ text })}
          onDeleted={(description, ids) =>
            setMessage({ text: `Deleted “${description}”.`, restoreIds: ids })
          }
          onSplit={(id) => setSplitting(id)}
        />
      ) : null}
      {splitting !== null ? (
        <SplitDialog
          profileId={profileId}
          transactionId={splitting}
          businesses={businesses}
          onClose={() => setSplitting(null)}
          onSaved={(text) => {
            setOpen(null);
            setMessage({ text });
          }}
        />
      ) : null}
    </div>
  );
}
