import { useQueries } from '@tanstack/react-query';
import type {
  RecordsFilterInput,
  RecordsSortInput,
  TransactionView,
} from '@shared/ipc/channels/records';
import type { IpcError } from '@shared/ipc/result';
import { profileKey } from '@renderer/app/use-active-profile';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { filterKey } from '../filter-state';
import { pagesFor } from '../list-navigation';

export const PAGE_SIZE = 100;

/**
 * The pages of the list that the visible rows need, each fetched once and cached under the
 * profile, the filter and the order. Scrolling far asks for the pages there, not everything
 * before them.
 */
export function useRecordPages(
  profileId: string,
  filter: RecordsFilterInput,
  sort: RecordsSortInput,
  firstRow: number,
  lastRow: number,
): { rowAt(index: number): TransactionView | undefined; error: IpcError | null } {
  const key = filterKey(filter);
  const pages = pagesFor(firstRow, lastRow, PAGE_SIZE);
  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: profileKey(profileId, 'records', 'page', key, sort, page),
      queryFn: () =>
        unwrap(
          api.records.list({ profileId, filter, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE }),
        ),
    })),
  });
  const failed = results.find((r) => r.error);
  return {
    rowAt(index) {
      const page = Math.floor(index / PAGE_SIZE);
      const data = results[pages.indexOf(page)]?.data;
      // An answer is used only for the profile it was asked for.
      if (!data || data.profileId !== profileId) return undefined;
      return data.rows[index - page * PAGE_SIZE];
    },
    error: failed?.error ? toIpcError(failed.error) : null,
  };
}
