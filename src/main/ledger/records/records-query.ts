import type { Pence } from '@shared/domain/money';
import type { PeriodBasis, TaxYear } from '@shared/domain/tax-year';
import type { LedgerContext } from '../ledger-context';
import { ledgerError, invalidInput } from '../ledger-error';
import {
  TRANSACTION_COLUMNS,
  toTransaction,
  type Transaction,
  type TransactionRow,
} from '../transaction-record';
import { suggestCategories, type CategorySuggestion } from './category-suggestions';
import { compileFilter, compileSummaryFilter, type RecordsFilter } from './records-filter';

export type RecordsSort = 'date-desc' | 'date-asc' | 'amount-desc' | 'amount-asc';

/**
 * One page of the list. Keyset paging (`after`, the cursor of the previous page) for scrolling on;
 * offset paging for a virtualised list that jumps to a scroll position.
 */
export interface PageRequest {
  sort?: RecordsSort;
  /** Rows per page, 1–500 (default 100). */
  limit?: number;
  after?: string | null;
  offset?: number;
}

export interface RecordsPage {
  rows: Transaction[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface RecordsSummary {
  count: number;
  inPence: Pence;
  outPence: Pence;
  netPence: Pence;
  uncategorisedCount: number;
}

export interface RecordsQueries {
  list(filter?: RecordsFilter, page?: PageRequest): RecordsPage;
  /** Count and running totals of everything the filter matches (not just one page). */
  summarise(filter?: RecordsFilter): RecordsSummary;
  /** Live transactions with no category (optionally within a filter): the "to do" count. */
  uncategorisedCount(filter?: RecordsFilter): number;
  /** Earlier choices for records with the same payee or description, most used first. */
  suggestCategories(transactionId: number): CategorySuggestion[];
}

const SORTS: Record<RecordsSort, { key: 'date' | 'amount_pence'; dir: 'ASC' | 'DESC' }> = {
  'date-desc': { key: 'date', dir: 'DESC' },
  'date-asc': { key: 'date', dir: 'ASC' },
  'amount-desc': { key: 'amount_pence', dir: 'DESC' },
  'amount-asc': { key: 'amount_pence', dir: 'ASC' },
};

function encodeCursor(sort: RecordsSort, key: string | number, id: number): string {
  return Buffer.from(JSON.stringify([sort, key, id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: RecordsSort): [string | number, number] {
  try {
    const [s, key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      string,
      string | number,
      number,
    ];
    if (s !== sort || !Number.isInteger(id)) throw new Error('cursor for another sort');
    return [key, id];
  } catch {
    throw invalidInput('after', 'The list changed; start again from the top.');
  }
}

interface SummaryRow {
  n: bigint | null;
  money_in: bigint | null;
  money_out: bigint | null;
  uncategorised: bigint | null;
}

function toNumber(value: bigint | number | null): number {
  if (value === null) return 0;
  if (typeof value === 'number') return value;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw ledgerError(
      'INVALID_INPUT',
      'These totals are too large to show exactly.',
      'Narrow the filter.',
    );
  }
  return Number(value);
}

export function createRecordsQueries(
  ctx: LedgerContext,
  basisOf: (businessId: number, taxYear: TaxYear) => PeriodBasis,
): RecordsQueries {
  const { db } = ctx;
  const queries: RecordsQueries = {
    suggestCategories: (transactionId) => suggestCategories(ctx, transactionId),
    list(filter = {}, page = {}) {
      const sort = page.sort ?? 'date-desc';
      const order = SORTS[sort];
      if (!order) throw invalidInput('sort', 'Sort by date or amount.');
      const limit = Math.min(Math.max(Math.trunc(page.limit ?? 100), 1), 500);
      const compiled = compileFilter(filter, basisOf);
      let where = compiled.where;
      const params = [...compiled.params];
      if (page.after) {
        const [key, id] = decodeCursor(page.after, sort);
        where += ` AND (t.${order.key}, t.id) ${order.dir === 'DESC' ? '<' : '>'} (?, ?)`;
        params.push(key, id);
      }
      const offset = page.after ? 0 : Math.max(Math.trunc(page.offset ?? 0), 0);
      const rows = (
        db
          .prepare(
            `SELECT ${TRANSACTION_COLUMNS} FROM transactions t WHERE ${where}
             ORDER BY t.${order.key} ${order.dir}, t.id ${order.dir} LIMIT ? OFFSET ?`,
          )
          .all(...params, limit + 1, offset) as TransactionRow[]
      ).map(toTransaction);
      const more = rows.length > limit;
      if (more) rows.pop();
      const last = rows.at(-1);
      return {
        rows,
        nextCursor:
          more && last
            ? encodeCursor(sort, order.key === 'date' ? last.date : last.amountPence, last.id)
            : null,
      };
    },

    summarise(filter = {}) {
      const summary = compileSummaryFilter(filter, basisOf);
      const row = summary
        ? (db
            .prepare(
              `SELECT sum(n) AS n, sum(money_in) AS money_in, sum(money_out) AS money_out,
                 sum(CASE WHEN category_id = '' THEN n ELSE 0 END) AS uncategorised
               FROM daily_totals WHERE ${summary.where}`,
            )
            .safeIntegers(true)
            .get(...summary.params) as SummaryRow)
        : (() => {
            const compiled = compileFilter(filter, basisOf);
            return db
              .prepare(
                `SELECT count(*) AS n,
                   sum(CASE WHEN t.amount_pence > 0 THEN t.amount_pence ELSE 0 END) AS money_in,
                   sum(CASE WHEN t.amount_pence < 0 THEN t.amount_pence ELSE 0 END) AS money_out,
                   sum(t.category_id IS NULL) AS uncategorised
                 FROM transactions t WHERE ${compiled.where}`,
              )
              .safeIntegers(true)
              .get(...compiled.params) as SummaryRow;
          })();
      const inPence = toNumber(row.money_in);
      const outPence = -toNumber(row.money_out);
      return {
        count: toNumber(row.n),
        inPence,
        outPence,
        netPence: inPence - outPence,
        uncategorisedCount: toNumber(row.uncategorised),
      };
    },

    uncategorisedCount(filter = {}) {
      return queries.summarise({ ...filter, uncategorised: true, categoryId: undefined }).count;
    },
  };
  return queries;
}
