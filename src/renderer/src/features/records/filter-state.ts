import type { RecordsFilterInput, RecordsSortInput } from '@shared/ipc/channels/records';

/** The records list's filter as the screen holds it (all conditions apply together). */
export interface FilterState {
  /** '' for every year. */
  taxYear: string;
  /** An update period of the tax year; null for the whole year. */
  quarter: 1 | 2 | 3 | 4 | null;
  /** A business, 'none' for records without one yet, 'all' for any. */
  business: number | 'none' | 'all';
  /** '' for any category. */
  categoryId: string;
  uncategorised: boolean;
  text: string;
  /** Only the rows of one import (after "Show these records"). */
  importBatchId: number | null;
  /** The bin: deleted records. */
  deleted: boolean;
  /** A date range ('' for open), set by a link to exactly the rows a warning means. */
  dateFrom: string;
  dateTo: string;
}

export const EMPTY_FILTER: FilterState = {
  taxYear: '',
  quarter: null,
  business: 'all',
  categoryId: '',
  uncategorised: false,
  text: '',
  importBatchId: null,
  deleted: false,
  dateFrom: '',
  dateTo: '',
};

/** The request's filter: only the conditions that are set. */
export function toRequestFilter(state: FilterState): RecordsFilterInput {
  const filter: RecordsFilterInput = {};
  if (state.taxYear) {
    filter.taxYear = state.taxYear;
    if (state.quarter) filter.quarter = state.quarter;
  }
  if (state.business === 'none') filter.businessId = null;
  else if (typeof state.business === 'number') filter.businessId = state.business;
  if (state.uncategorised) filter.uncategorised = true;
  else if (state.categoryId) filter.categoryId = state.categoryId;
  const text = state.text.trim().slice(0, 200);
  if (text) filter.text = text;
  if (state.importBatchId !== null) filter.importBatchId = state.importBatchId;
  if (state.deleted) filter.deleted = true;
  if (state.dateFrom) filter.dateFrom = state.dateFrom;
  if (state.dateTo) filter.dateTo = state.dateTo;
  return filter;
}

/** A stable string for query keys: the same conditions always give the same key. */
export function filterKey(filter: RecordsFilterInput, sort?: RecordsSortInput): string {
  const entries = Object.entries(filter)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(sort ? [...entries, ['sort', sort]] : entries);
}

/** True when any condition narrows the list. */
export const isFiltered = (state: FilterState): boolean =>
  filterKey(toRequestFilter(state)) !== filterKey(toRequestFilter(EMPTY_FILTER));

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `#/records/show/<business id | none>/<from>/<to>`: the uncategorised rows a review warning
 * means. Anything else in the route leaves the list unfiltered (the hash is typed by people too).
 */
export function filterFromRoute(rest: string): FilterState | null {
  const [first, business, from, to] = rest.split('/');
  if (first !== 'show' || !business || !from || !to || !ISO.test(from) || !ISO.test(to))
    return null;
  const id = Number(business);
  if (business !== 'none' && !(Number.isSafeInteger(id) && id > 0)) return null;
  return {
    ...EMPTY_FILTER,
    business: business === 'none' ? 'none' : id,
    uncategorised: true,
    dateFrom: from,
    dateTo: to,
  };
}

export const routeForRecords = (businessId: number | null, from: string, to: string): string =>
  `#/records/show/${businessId ?? 'none'}/${from}/${to}`;
