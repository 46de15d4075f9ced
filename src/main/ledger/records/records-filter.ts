import {
  isIsoDate,
  isTaxYear,
  reportingYearEnd,
  updatePeriods,
  ytdStart,
  type IsoDate,
  type PeriodBasis,
  type Quarter,
  type TaxYear,
} from '@shared/domain/tax-year';
import { isCategoryId } from '@shared/domain/categories';
import { invalidInput } from '../ledger-error';

/** What the records screen can filter on; all given conditions apply together. */
export interface RecordsFilter {
  /** A business id, or null for transactions not yet given a business. */
  businessId?: number | null | undefined;
  taxYear?: TaxYear | undefined;
  /** An update period of `taxYear`, by the business's period type (standard when no business). */
  quarter?: Quarter | undefined;
  dateFrom?: IsoDate | undefined;
  dateTo?: IsoDate | undefined;
  categoryId?: string | undefined;
  uncategorised?: boolean | undefined;
  /** Words that must all appear in the description, counterparty or notes (any case). */
  text?: string | undefined;
  direction?: 'in' | 'out' | undefined;
  importBatchId?: number | undefined;
  /** The bin: deleted transactions instead of live ones. */
  deleted?: boolean | undefined;
}

export interface CompiledFilter {
  where: string;
  params: (string | number | null)[];
  /** Whether the conditions match a partial index's (live leaf rows). */
  live: boolean;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Turns a filter into SQL over `transactions t`. Lists and totals count "leaf" rows only (unsplit
 * transactions and split parts), so a split bank line is never counted twice. The literal
 * `t.deleted_at IS NULL AND t.is_split_parent = 0` matches the partial indexes' WHERE clause, which
 * is what lets SQLite use them.
 */
export function compileFilter(
  filter: RecordsFilter,
  basisOf: (businessId: number, taxYear: TaxYear) => PeriodBasis,
): CompiledFilter {
  const where: string[] = [];
  const params: (string | number | null)[] = [];
  const live = !filter.deleted;
  where.push(
    live
      ? 't.deleted_at IS NULL AND t.is_split_parent = 0'
      : 't.deleted_at IS NOT NULL AND t.parent_id IS NULL',
  );

  if (filter.businessId === null) where.push('t.business_id IS NULL');
  else if (filter.businessId !== undefined) {
    where.push('t.business_id = ?');
    params.push(filter.businessId);
  }

  const { from, to } = resolveDateRange(filter, basisOf);
  if (from !== null) {
    where.push('t.date >= ?');
    params.push(from);
  }
  if (to !== null) {
    where.push('t.date <= ?');
    params.push(to);
  }
  if (filter.categoryId !== undefined && !isCategoryId(filter.categoryId)) {
    throw invalidInput('categoryId', 'Choose a category from the list.');
  }

  if (filter.uncategorised) where.push('t.category_id IS NULL');
  else if (filter.categoryId !== undefined) {
    where.push('t.category_id = ?');
    params.push(filter.categoryId);
  }
  if (filter.direction === 'in') where.push('t.amount_pence > 0');
  if (filter.direction === 'out') where.push('t.amount_pence < 0');
  if (filter.importBatchId !== undefined) {
    where.push('t.import_batch_id = ?');
    params.push(filter.importBatchId);
  }
  const words = (filter.text ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
  for (const word of words) {
    const like = `%${escapeLike(word)}%`;
    where.push(
      `(t.description LIKE ? ESCAPE '\\' OR t.counterparty LIKE ? ESCAPE '\\' OR t.notes LIKE ? ESCAPE '\\')`,
    );
    params.push(like, like, like);
  }
  return { where: where.join(' AND '), params, live };
}

/** The date range a filter selects: tax year (and quarter) by the business's period type, narrowed by dateFrom/dateTo. */
export function resolveDateRange(
  filter: RecordsFilter,
  basisOf: (businessId: number, taxYear: TaxYear) => PeriodBasis,
): { from: IsoDate | null; to: IsoDate | null } {
  let from: IsoDate | null = null;
  let to: IsoDate | null = null;
  if (filter.taxYear !== undefined) {
    if (!isTaxYear(filter.taxYear))
      throw invalidInput('taxYear', 'A tax year is written like 2025-26.');
    const basis: PeriodBasis =
      typeof filter.businessId === 'number'
        ? basisOf(filter.businessId, filter.taxYear)
        : { type: 'standard' };
    if (filter.quarter !== undefined) {
      const period = updatePeriods(filter.taxYear, basis)[filter.quarter - 1];
      if (!period) throw invalidInput('quarter', 'Choose quarter 1, 2, 3 or 4.');
      from = period.start;
      to = period.end;
    } else {
      from = ytdStart(filter.taxYear, basis);
      to = reportingYearEnd(filter.taxYear, basis);
    }
  }
  for (const [key, value] of [
    ['dateFrom', filter.dateFrom],
    ['dateTo', filter.dateTo],
  ] as const) {
    if (value !== undefined && !isIsoDate(value))
      throw invalidInput(key, 'The date is not a valid date.');
  }
  if (filter.dateFrom !== undefined && (from === null || filter.dateFrom > from))
    from = filter.dateFrom;
  if (filter.dateTo !== undefined && (to === null || filter.dateTo < to)) to = filter.dateTo;
  return { from, to };
}

/**
 * The same filter over the daily_totals summary, when it only uses business, dates and category:
 * the running totals and uncategorised count then read a few thousand rows, not every transaction.
 */
export function compileSummaryFilter(
  filter: RecordsFilter,
  basisOf: (businessId: number, taxYear: TaxYear) => PeriodBasis,
): CompiledFilter | null {
  if (
    filter.text?.trim() ||
    filter.importBatchId !== undefined ||
    filter.deleted ||
    filter.direction
  )
    return null;
  const where: string[] = ['1'];
  const params: (string | number | null)[] = [];
  if (filter.businessId !== undefined) {
    where.push('business_id = ?');
    params.push(filter.businessId ?? 0);
  }
  const { from, to } = resolveDateRange(filter, basisOf);
  if (from !== null) {
    where.push('date >= ?');
    params.push(from);
  }
  if (to !== null) {
    where.push('date <= ?');
    params.push(to);
  }
  if (filter.uncategorised) where.push("category_id = ''");
  else if (filter.categoryId !== undefined) {
    if (!isCategoryId(filter.categoryId))
      throw invalidInput('categoryId', 'Choose a category from the list.');
    where.push('category_id = ?');
    params.push(filter.categoryId);
  }
  return { where: where.join(' AND '), params, live: true };
}
