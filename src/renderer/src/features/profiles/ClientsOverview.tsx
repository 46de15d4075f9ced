import { memo, useEffect, useMemo, useRef, useState, type JSX } from 'react';
import { useMutation, useMutationState } from '@tanstack/react-query';
import { maskNino, normaliseNino } from '@shared/domain/nino';
import type { OverviewRow, OverviewStatus } from '@shared/ipc/channels/profiles';
import { useActiveProfile } from '@renderer/app/use-active-profile';
import { toIpcError } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { Loading } from '@renderer/ui/Loading';
import { checkedAtText, obligationText, shortDate } from './format';
import { RoleBadge } from './ProfileBadges';
import { searchableRows, sortedRows, statusCounts, type SortKey } from './overview-order';
import { overviewOpenKey, useOverview, useRefreshAll } from './use-profile-data';
import { defaultYearEndTaxYear, yearEndHref } from '../year-end/year-end-route';

const STATUS: Record<OverviewStatus, { label: string; tone: string }> = {
  overdue: { label: 'Overdue', tone: 'badge-bad' },
  'not-authorised': { label: 'Not authorised', tone: 'badge-bad' },
  'due-soon': { label: 'Due soon', tone: 'badge-warn' },
  'not-signed-up': { label: 'Not signed up', tone: 'badge-warn' },
  // Not "Not checked": the client's "HMRC last checked" may show HMRC's answer about authority.
  'not-checked': { label: 'Deadlines not read', tone: 'badge-neutral' },
  'up-to-date': { label: 'Up to date', tone: 'badge-ok' },
};
const SORTS: { key: SortKey; label: string }[] = [
  { key: 'name', label: 'Client' },
  { key: 'due', label: 'Next due update' },
  { key: 'status', label: 'Status' },
  { key: 'attention', label: 'Needs attention' },
  { key: 'synced', label: 'Last synced' },
  { key: 'checked', label: 'HMRC last checked' },
];

type AttentionFilter = 'all' | 'needs' | 'none';
const NO_ROWS: OverviewRow[] = [];

/**
 * Rows listed at first (a screen and more), and added as the end of the list nears view (or
 * "Show more" is pressed): with hundreds of clients, building every row on each keystroke or
 * sort is what made the overview pause; the filter and the sort still cover every client.
 */
export const OVERVIEW_PAGE = 20;

/**
 * #/profiles/overview: every client in one table with the next update due and a status (up to
 * date, due soon, overdue, not authorised), sortable and filterable. It reads what HMRC said
 * at the last check, so it works offline and says when that was.
 */
export function ClientsOverview(): JSX.Element {
  const overview = useOverview();
  const refreshAll = useRefreshAll();
  const { setActive } = useActiveProfile();
  const [sort, setSort] = useState<{ key: SortKey; ascending: boolean }>({
    key: 'status',
    ascending: true,
  });
  const [text, setText] = useState('');
  const [status, setStatus] = useState<OverviewStatus | 'all'>('all');
  const [attention, setAttention] = useState<AttentionFilter>('all');
  // The client's screen opens at once (the switch is optimistic, as in the switcher): waiting
  // for main's answer first was most of the switch's time. If main refuses, the overview
  // comes back and says why (the error outlives this screen in the mutation cache).
  const open = useMutation({
    mutationKey: overviewOpenKey,
    mutationFn: (profileId: string) => setActive(profileId),
    onMutate: () => {
      window.location.hash = '#/profiles';
    },
    onError: () => {
      window.location.hash = '#/profiles/overview';
    },
  });
  const openError = useMutationState({
    filters: { mutationKey: overviewOpenKey },
    select: (m) => m.state.error,
  }).at(-1);

  // Each client's name in lower case once per answer from the main process, not per keystroke.
  // Keyed on the rows: a refetch that changed nothing keeps them (structural sharing).
  const allRows = overview.data?.rows ?? NO_ROWS;
  const searchable = searchableRows(allRows);
  const sortedAll = sortedRows(allRows, sort.key, sort.ascending);
  const rows = useMemo(() => {
    const needle = text.trim().toLowerCase();
    const ninoNeedle = normaliseNino(text);
    if (needle === '' && status === 'all' && attention === 'all') return sortedAll;
    const matching = new Set(
      searchable
        .filter(
          (s) =>
            (status === 'all' || s.row.status === status) &&
            (attention === 'all' || s.row.attention.length > 0 === (attention === 'needs')) &&
            (needle === '' ||
              s.name.includes(needle) ||
              (ninoNeedle.length >= 2 && s.row.nino.includes(ninoNeedle))),
        )
        .map((s) => s.row),
    );
    return sortedAll.filter((r) => matching.has(r));
  }, [searchable, sortedAll, text, status, attention]);

  // A new filter or order lists from the top again, one page at a time.
  const listKey = `${text}|${status}|${attention}|${sort.key}|${sort.ascending}`;
  const [listed, setListed] = useState({ key: listKey, count: OVERVIEW_PAGE });
  const limit = listed.key === listKey ? listed.count : OVERVIEW_PAGE;
  const showMore = () => setListed({ key: listKey, count: limit + OVERVIEW_PAGE });
  const moreRef = useRef<HTMLButtonElement>(null);
  const hasMore = rows.length > limit;
  useEffect(() => {
    const target = moreRef.current;
    if (!hasMore || !target || typeof IntersectionObserver === 'undefined') return;
    // Listed a little before the end comes into view, so scrolling rarely meets the button.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting))
          setListed({ key: listKey, count: limit + OVERVIEW_PAGE });
      },
      { rootMargin: '0px 0px 400px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasMore, listKey, limit]);
  const yearEndYear = defaultYearEndTaxYear();

  if (overview.isPending) return <Loading label="Reading your clients…" />;
  if (overview.error) return <ErrorNotice error={toIpcError(overview.error)} />;
  const o = overview.data;
  const progress = o.progress;
  const counts = statusCounts(o.rows);

  return (
    <section aria-labelledby="profiles-overview-heading" className="profiles-clients">
      <div className="profiles-toolbar">
        <h2 id="profiles-overview-heading">Clients overview ({o.rows.length})</h2>
        <button
          type="button"
          className="button"
          onClick={() => refreshAll.mutate()}
          disabled={progress.running || o.rows.length === 0}
        >
          Check all with HMRC
        </button>
      </div>
      <p className="hint" role="status" aria-live="polite">
        {progress.running
          ? `Checking with HMRC: ${progress.done} of ${progress.total} clients done.`
          : o.newestCheck
            ? `Shown as HMRC answered: last checked ${checkedAtText(o.newestCheck)}${
                // Compared as shown: checks a few seconds apart read the same.
                o.oldestCheck && checkedAtText(o.oldestCheck) !== checkedAtText(o.newestCheck)
                  ? ` (oldest ${checkedAtText(o.oldestCheck)})`
                  : ''
              }. Works offline; due soon means within ${o.dueSoonDays} days.`
            : // A client's "HMRC last checked" may be HMRC's answer about authority (asked on
              // adding): saying "not checked" above it would contradict it.
              o.rows.some((r) => r.checkedAt)
              ? 'HMRC has answered about authority; deadlines not read yet: Check all with HMRC reads them.'
              : 'Not checked with HMRC yet.'}
      </p>
      {progress.running ? (
        <progress
          className="progress"
          max={progress.total}
          value={progress.done}
          aria-label="Clients checked"
        />
      ) : null}
      {progress.lastError && !progress.running ? (
        <ErrorNotice
          error={progress.lastError}
          title={`Checking stopped after ${progress.done} of ${progress.total} clients`}
        />
      ) : null}
      {refreshAll.error ? <ErrorNotice error={toIpcError(refreshAll.error)} /> : null}
      {openError ? <ErrorNotice error={toIpcError(openError)} /> : null}

      {o.rows.length === 0 ? (
        <p className="empty-state">
          No clients yet. <a href="#/profiles/add">Add a client</a> or{' '}
          <a href="#/profiles/import">import a CSV file</a>.
        </p>
      ) : (
        <>
          <div className="profiles-filters" role="search" aria-label="Filter clients">
            <div className="field">
              <label htmlFor="overview-filter">Find by name or NINO</label>
              <input
                type="search"
                id="overview-filter"
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="overview-status">Status</label>
              <select
                id="overview-status"
                value={status}
                onChange={(e) => setStatus(e.target.value as OverviewStatus | 'all')}
              >
                <option value="all">All ({o.rows.length})</option>
                {(Object.keys(STATUS) as OverviewStatus[]).map((s) => (
                  <option key={s} value={s}>
                    {STATUS[s].label} ({counts[s] ?? 0})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="overview-attention">Needs attention</label>
              <select
                id="overview-attention"
                value={attention}
                onChange={(e) => setAttention(e.target.value as AttentionFilter)}
              >
                <option value="all">All ({o.rows.length})</option>
                <option value="needs">Needs attention ({counts.needs ?? 0})</option>
                <option value="none">Nothing needed ({o.rows.length - (counts.needs ?? 0)})</option>
              </select>
            </div>
            <p className="hint" aria-live="polite">
              Showing {rows.length} of {o.rows.length}
            </p>
          </div>
          <table className="table profiles-overview-table">
            <caption className="visually-hidden">
              Clients, sorted by {SORTS.find((s) => s.key === sort.key)!.label.toLowerCase()}
            </caption>
            {/* Each column's share of the width (profiles.css): the table lays out as `fixed`. */}
            <colgroup>
              {SORTS.map((s) => (
                <col key={s.key} className={`profiles-col-${s.key}`} />
              ))}
            </colgroup>
            <thead>
              <tr>
                {SORTS.map((s) => (
                  <th
                    key={s.key}
                    scope="col"
                    aria-sort={
                      sort.key === s.key ? (sort.ascending ? 'ascending' : 'descending') : undefined
                    }
                  >
                    <button
                      type="button"
                      className="profiles-sort"
                      onClick={() =>
                        setSort((current) => ({
                          key: s.key,
                          ascending: current.key === s.key ? !current.ascending : true,
                        }))
                      }
                    >
                      {s.label}
                      <span aria-hidden="true">
                        {sort.key === s.key ? (sort.ascending ? ' ▲' : ' ▼') : ''}
                      </span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, limit).map((r) => (
                <ClientRow
                  key={r.profileId}
                  row={r}
                  yearEndYear={yearEndYear}
                  onOpen={open.mutate}
                />
              ))}
            </tbody>
          </table>
          {hasMore ? (
            <p className="actions">
              <button type="button" className="button" ref={moreRef} onClick={showMore}>
                Show more clients ({Math.min(OVERVIEW_PAGE, rows.length - limit)} of the{' '}
                {rows.length - limit} not listed yet)
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}

/**
 * One client's line. Memoised: a sort or a filter re-orders the same row objects, so React
 * moves the lines it already built instead of building them again.
 */
const ClientRow = memo(function ClientRow({
  row,
  yearEndYear,
  onOpen,
}: {
  row: OverviewRow;
  yearEndYear: string;
  onOpen: (profileId: string) => void;
}): JSX.Element {
  return (
    <tr data-profile={row.profileId} data-status={row.status}>
      <th scope="row">
        <button type="button" className="link-button" onClick={() => onOpen(row.profileId)}>
          {row.name}
        </button>
        <span className="detail profiles-block">
          <span className="mono">{maskNino(row.nino)}</span>{' '}
          {row.agentRole ? (
            <RoleBadge profile={{ kind: 'client', agentRole: row.agentRole }} />
          ) : null}
        </span>
        <a
          className="detail profiles-block"
          href={yearEndHref('checklist', row.profileId, yearEndYear)}
        >
          Year end {yearEndYear}
          <span className="visually-hidden"> for {row.name}</span>
        </a>
      </th>
      <td>
        {row.nextDue ? (
          <>
            {shortDate(row.nextDue.dueDate)}
            <span className="detail profiles-block">{obligationText(row.nextDue)}</span>
          </>
        ) : (
          <span className="detail">—</span>
        )}
      </td>
      <td>
        <span className={`badge ${STATUS[row.status].tone}`}>{STATUS[row.status].label}</span>
        <span className="detail profiles-block">{row.statusText}</span>
        <span className="detail profiles-block" data-itsa-status={row.itsaStatus.status ?? ''}>
          {row.itsaStatus.label}
          {row.itsaStatus.status && !row.itsaStatus.quarterlyUpdatesDue
            ? ': no quarterly updates due'
            : row.itsaStatus.status === 'MTD Voluntary'
              ? ': only the final declaration carries penalties'
              : ''}
        </span>
      </td>
      <td data-attention={row.attention.length}>
        {row.attention.length ? (
          <ul className="profiles-attention">
            {row.attention.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        ) : (
          <span className="detail">Nothing needed</span>
        )}
      </td>
      <td>
        {row.lastSyncedAt ? checkedAtText(row.lastSyncedAt) : <span className="detail">Never</span>}
      </td>
      <td>
        {row.checkedAt ? checkedAtText(row.checkedAt) : <span className="detail">Never</span>}
      </td>
    </tr>
  );
});
