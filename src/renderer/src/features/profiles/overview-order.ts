import type { OverviewRow, OverviewStatus } from '@shared/ipc/channels/profiles';

/**
 * The overview's orders, filters' haystacks and counts, worked out once per answer from the
 * main process and kept with it: the rows array is the same object until a client changes
 * (the query cache shares unchanged data), so reopening the overview or sorting by a column
 * sorted before costs nothing, and each new sort compares numbers rather than names.
 */
export type SortKey = 'name' | 'due' | 'status' | 'attention' | 'synced' | 'checked';

/** Most urgent first when the status column sorts ascending. */
export const STATUS_RANK: Record<OverviewStatus, number> = {
  overdue: 0,
  'not-authorised': 1,
  'due-soon': 2,
  'not-signed-up': 3,
  'not-checked': 4,
  'up-to-date': 5,
};

// One collator for every comparison: `localeCompare` with options builds one per call.
const byName = new Intl.Collator('en-GB', { sensitivity: 'base' });
const byNameExact = new Intl.Collator('en-GB');

interface Prepared {
  /** Each client's name in lower case, for the filter box. */
  searchable: { row: OverviewRow; name: string }[];
  /** Each row's place in name order: the tie-break of every other order. */
  nameRank: Map<OverviewRow, number>;
  sorted: Map<string, OverviewRow[]>;
  counts: Record<string, number>;
}

const cache = new WeakMap<readonly OverviewRow[], Prepared>();

function prepare(rows: readonly OverviewRow[]): Prepared {
  let prepared = cache.get(rows);
  if (!prepared) {
    const byNameOrder = [...rows].sort(
      (a, b) => byName.compare(a.name, b.name) || byNameExact.compare(a.name, b.name),
    );
    const counts: Record<string, number> = {};
    for (const r of rows) {
      counts[r.status] = (counts[r.status] ?? 0) + 1;
      if (r.attention.length > 0) counts.needs = (counts.needs ?? 0) + 1;
    }
    prepared = {
      searchable: rows.map((row) => ({ row, name: row.name.toLowerCase() })),
      nameRank: new Map(byNameOrder.map((r, i) => [r, i])),
      sorted: new Map([['name|true', byNameOrder]]),
      counts,
    };
    cache.set(rows, prepared);
  }
  return prepared;
}

function compare(a: OverviewRow, b: OverviewRow, key: Exclude<SortKey, 'name'>): number {
  switch (key) {
    case 'due':
      // Clients with nothing due (or never checked) go last.
      return (a.nextDue?.dueDate ?? '9999').localeCompare(b.nextDue?.dueDate ?? '9999');
    case 'status':
      return STATUS_RANK[a.status] - STATUS_RANK[b.status];
    case 'attention':
      // Most reasons first when ascending: the clients to see to today head the list.
      return b.attention.length - a.attention.length;
    case 'synced':
      return (a.lastSyncedAt ?? '').localeCompare(b.lastSyncedAt ?? '');
    case 'checked':
      return (a.checkedAt ?? '').localeCompare(b.checkedAt ?? '');
  }
}

/** Every row in the order of one column (ties by name); the same array for the same answer. */
export function sortedRows(
  rows: readonly OverviewRow[],
  key: SortKey,
  ascending: boolean,
): readonly OverviewRow[] {
  const prepared = prepare(rows);
  const id = `${key}|${ascending}`;
  let sorted = prepared.sorted.get(id);
  if (!sorted) {
    const rank = prepared.nameRank;
    const up =
      key === 'name'
        ? prepared.sorted.get('name|true')!
        : [...rows].sort((a, b) => compare(a, b, key) || rank.get(a)! - rank.get(b)!);
    // Descending is the ascending order read backwards (ties included), as before.
    sorted = ascending ? up : [...up].reverse();
    prepared.sorted.set(id, sorted);
  }
  return sorted;
}

export const searchableRows = (rows: readonly OverviewRow[]) => prepare(rows).searchable;

/** How many clients have each status, and how many need attention (`needs`). */
export const statusCounts = (rows: readonly OverviewRow[]): Readonly<Record<string, number>> =>
  prepare(rows).counts;
