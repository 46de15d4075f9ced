import { createHash } from 'node:crypto';
import type { BusinessKind } from '@shared/domain/business-kinds';
import {
  categoriesForKind,
  consolidatedExpensesAllowed,
  consolidatedThresholdIncome,
  fieldValuePence,
  foldIntoConsolidated,
  getCategory,
  type FieldAmount,
  type HmrcSection,
} from '@shared/domain/categories';
import { addPence, type Pence } from '@shared/domain/money';
import {
  isIsoDate,
  quarterLabel,
  reportingYearEnd,
  updatePeriods,
  ytdStart,
  type IsoDate,
  type PeriodBasis,
  type Quarter,
  type TaxYear,
} from '@shared/domain/tax-year';
import type { BusinessesService } from '../businesses';
import type { LedgerContext } from '../ledger-context';
import { ledgerError, invalidInput } from '../ledger-error';

/** One HMRC field's year-to-date figure. Values are as HMRC reports them: expenses positive. */
export interface FieldTotal {
  categoryId: string;
  hmrcSection: HmrcSection;
  hmrcField: string;
  disallowableField: string | null;
  direction: 'income' | 'expense';
  name: string;
  valuePence: Pence;
  disallowablePence: Pence;
  allowablePence: Pence;
  transactionCount: number;
}

export interface PeriodTotals {
  businessId: number;
  kind: BusinessKind;
  taxYear: TaxYear;
  basis: PeriodBasis;
  from: IsoDate;
  to: IsoDate;
  /** Every HMRC field of the business's kind, in HMRC's order, zero when nothing was recorded
   *  (HMRC wants zeros sent, reference §3.5). */
  fields: FieldTotal[];
  incomePence: Pence;
  expensesPence: Pence;
  disallowablePence: Pence;
  allowableExpensesPence: Pence;
  /** The business's choice for the year, and what the consolidated figures would be. */
  consolidated: {
    chosen: boolean;
    /** Turnover (property: income) below £90,000 (reference §5.4). */
    allowed: boolean;
    thresholdIncomePence: Pence;
    consolidatedPence: Pence;
    /** UK property lines still sent beside consolidatedExpenses. */
    separate: Record<string, Pence>;
  };
  /** HMRC refuses negative totals for these fields (income, finance-cost lines). */
  signProblems: { categoryId: string; name: string; valuePence: Pence }[];
  /** This business's transactions in the range still without a category. */
  uncategorised: { count: number; netPence: Pence };
  /** Marked personal or transfer: kept out of the figures. */
  excluded: { count: number; netPence: Pence };
  /** The state of the records behind these figures (see RecordsFingerprint). */
  records: RecordsFingerprint;
}

/** The figures a PeriodTotals derives from its per-field totals. */
export type FieldSummary = Pick<
  PeriodTotals,
  | 'incomePence'
  | 'expensesPence'
  | 'disallowablePence'
  | 'allowableExpensesPence'
  | 'consolidated'
  | 'signProblems'
>;

/**
 * Sums per-field totals into income, expenses and allowable expenses, works out the
 * consolidated-expenses figures (allowed below £90,000, reference §5.4) and the fields HMRC
 * refuses when negative. Pure, so tests can build exact totals the same way the ledger does.
 */
export function summariseFieldTotals(
  kind: BusinessKind,
  fields: FieldTotal[],
  consolidatedChosen: boolean,
): FieldSummary {
  const sum = (direction: 'income' | 'expense', pick: (f: FieldTotal) => Pence) =>
    fields
      .filter((f) => f.direction === direction)
      .reduce((total, f) => addPence(total, pick(f)), 0);
  const amounts = new Map<string, FieldAmount>(
    fields.map((f) => [
      f.categoryId,
      { valuePence: f.valuePence, disallowablePence: f.disallowablePence },
    ]),
  );
  const thresholdIncome = consolidatedThresholdIncome(kind, amounts);
  const folded = foldIntoConsolidated(kind, amounts);
  return {
    incomePence: sum('income', (f) => f.valuePence),
    expensesPence: sum('expense', (f) => f.valuePence),
    disallowablePence: sum('expense', (f) => f.disallowablePence),
    allowableExpensesPence: sum('expense', (f) => f.allowablePence),
    consolidated: {
      chosen: consolidatedChosen,
      allowed: consolidatedExpensesAllowed(thresholdIncome),
      thresholdIncomePence: thresholdIncome,
      consolidatedPence: folded.consolidatedPence,
      separate: Object.fromEntries(folded.separate),
    },
    signProblems: categoriesForKind(kind)
      .filter((c) => c.sign === 'non-negative')
      .map((c) => fields.find((f) => f.categoryId === c.id)!)
      .filter((f) => f.valuePence < 0)
      .map((f) => ({ categoryId: f.categoryId, name: f.name, valuePence: f.valuePence })),
  };
}

/**
 * Identifies the state of the records behind a set of totals: SHA-256 over the business's
 * daily_totals rows in the range, each with its change counter. Any write that could move a
 * figure — a new, deleted, restored, re-dated, re-categorised or re-amounted row, or a changed
 * disallowable part — changes it (even one later undone); a note, description or receipt does
 * not. Issue 8 stores it with an approved update and compares it later to spot stale approvals;
 * `contributingIds` lists the rows themselves for freezing.
 */
export interface RecordsFingerprint {
  count: number;
  fingerprint: string;
}

export interface QuarterTotal {
  quarter: Quarter;
  label: string;
  start: IsoDate;
  end: IsoDate;
  incomePence: Pence;
  expensesPence: Pence;
}

export interface TotalsService {
  /**
   * Year to date: from 6 April (1 April for calendar periods, or the start of trading) to
   * `periodEnd`. For the foreign property business linked to HMRC: with every property kept
   * under it, as HMRC sees that one business.
   */
  yearToDate(businessId: number, taxYear: TaxYear, periodEnd?: IsoDate): PeriodTotals;
  /** One foreign property's own figures over its business's range (its country's or its own entry). */
  placeYearToDate(placeId: number, taxYear: TaxYear, periodEnd?: IsoDate): PeriodTotals;
  /** Income and expenses per update period of the year, for the chart. */
  quarters(businessId: number, taxYear: TaxYear): QuarterTotal[];
  /** The ids of the live rows behind `yearToDate` for the same range, in id order. */
  contributingIds(businessId: number, from: IsoDate, to: IsoDate): number[];
  recordsFingerprint(businessId: number, from: IsoDate, to: IsoDate): RecordsFingerprint;
}

const LIVE = 't.deleted_at IS NULL AND t.is_split_parent = 0';

export function createTotalsService(
  ctx: LedgerContext,
  businesses: BusinessesService,
): TotalsService {
  const { db } = ctx;
  // Reads the daily_totals summary (migration 0004): a few thousand rows for a year, not every transaction.
  // One statement per number of businesses asked about (a foreign property business with its
  // properties asks about several); the ids are bound, never written into the SQL.
  const statements = new Map<string, ReturnType<typeof db.prepare>>();
  const statement = (name: string, count: number, sql: (ids: string) => string) => {
    const key = `${name}/${count}`;
    let found = statements.get(key);
    if (!found) {
      found = db.prepare(sql(Array.from({ length: count }, () => '?').join(', ')));
      if (name === 'grouped') found.safeIntegers(true);
      if (name === 'summary') found.raw(true);
      if (name === 'contributing') found.pluck();
      statements.set(key, found);
    }
    return found;
  };
  const grouped = (ids: readonly number[]) =>
    statement(
      'grouped',
      ids.length,
      (list) =>
        `SELECT category_id AS category, sum(n) AS n, sum(money_in) + sum(money_out) AS amount, sum(disallowable) AS disallowable
       FROM daily_totals WHERE business_id IN (${list}) AND date >= ? AND date <= ?
       GROUP BY category_id`,
    );
  const summaryRows = (ids: readonly number[]) =>
    statement(
      'summary',
      ids.length,
      (list) =>
        `SELECT date, category_id, n, money_in, money_out, disallowable, changes FROM daily_totals
       WHERE business_id IN (${list}) AND date >= ? AND date <= ? ORDER BY date, category_id, business_id`,
    );
  const contributing = (ids: readonly number[]) =>
    statement(
      'contributing',
      ids.length,
      (list) =>
        `SELECT t.id FROM transactions t WHERE ${LIVE} AND t.business_id IN (${list}) AND t.date >= ? AND t.date <= ? ORDER BY t.id`,
    );
  /** The businesses whose records make up this one's figures. */
  const membersOf = (businessId: number): number[] => {
    const business = businesses.get(businessId);
    return business.foreign && business.foreign.parentId === null
      ? businesses.foreignPropertyGroup(businessId).map((b) => b.id)
      : [businessId];
  };

  const big = (value: bigint | null): number => {
    if (value === null) return 0;
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw ledgerError(
        'INVALID_INPUT',
        'These totals are too large to hold exactly.',
        'Check for a mistyped amount.',
      );
    }
    return Number(value);
  };

  const rangeOf = (businessId: number, taxYear: TaxYear, periodEnd?: IsoDate) => {
    const business = businesses.get(businessId);
    const basis = businesses.periodBasis(businessId, taxYear);
    let from = ytdStart(taxYear, basis);
    const yearEnd = reportingYearEnd(taxYear, basis);
    // A business that started trading during the year reports from its start (reference §5.3).
    if (
      business.commencementDate &&
      business.commencementDate > from &&
      business.commencementDate <= yearEnd
    ) {
      from = business.commencementDate;
    }
    const to = periodEnd ?? yearEnd;
    if (!isIsoDate(to)) throw invalidInput('periodEnd', 'The period end is not a valid date.');
    if (to < from || to > yearEnd) {
      throw invalidInput(
        'periodEnd',
        `The period end must fall in ${taxYear} (${from} to ${yearEnd}).`,
      );
    }
    return { business, basis, from, to };
  };

  const totalsOf = (
    businessId: number,
    members: readonly number[],
    taxYear: TaxYear,
    periodEnd?: IsoDate,
  ): PeriodTotals => {
    const { business, basis, from, to } = rangeOf(businessId, taxYear, periodEnd);
    const byCategory = new Map<string | null, { n: number; amount: Pence; disallowable: Pence }>();
    for (const row of grouped(members).all([...members, from, to]) as {
      category: string;
      n: bigint;
      amount: bigint | null;
      disallowable: bigint | null;
    }[]) {
      byCategory.set(row.category === '' ? null : row.category, {
        n: big(row.n),
        amount: big(row.amount),
        disallowable: big(row.disallowable),
      });
    }

    const fields: FieldTotal[] = categoriesForKind(business.kind).map((category) => {
      const found = byCategory.get(category.id);
      const value = found ? fieldValuePence(category, found.amount) : 0;
      const disallowable = found?.disallowable ?? 0;
      return {
        categoryId: category.id,
        hmrcSection: category.hmrcSection,
        hmrcField: category.hmrcField,
        disallowableField: category.disallowableField,
        direction: category.direction,
        name: category.name,
        valuePence: value,
        disallowablePence: disallowable,
        allowablePence: addPence(value, -disallowable),
        transactionCount: found?.n ?? 0,
      };
    });

    let uncategorised = { count: 0, netPence: 0 };
    const excluded = { count: 0, netPence: 0 };
    for (const [categoryId, found] of byCategory) {
      if (categoryId === null) {
        uncategorised = { count: found.n, netPence: found.amount };
        continue;
      }
      const category = getCategory(categoryId);
      if (category && !category.reportable) {
        excluded.count += found.n;
        excluded.netPence = addPence(excluded.netPence, found.amount);
      }
      // A category of the other kind cannot be stored (categorisation checks), so nothing is lost here.
    }

    const settings = businesses.yearSettings(businessId, taxYear);

    return {
      businessId,
      kind: business.kind,
      taxYear,
      basis,
      from,
      to,
      fields,
      ...summariseFieldTotals(business.kind, fields, settings.consolidatedExpenses),
      uncategorised,
      excluded,
      records: fingerprintOf(members, from, to),
    };
  };

  const fingerprintOf = (
    members: readonly number[],
    from: IsoDate,
    to: IsoDate,
  ): RecordsFingerprint => {
    const hash = createHash('sha256');
    let count = 0;
    for (const row of summaryRows(members).iterate([...members, from, to]) as IterableIterator<
      unknown[]
    >) {
      hash.update(`${row.join('|')}\n`);
      count += row[2] as number;
    }
    return { count, fingerprint: hash.digest('hex') };
  };

  const service: TotalsService = {
    yearToDate(businessId, taxYear, periodEnd) {
      return totalsOf(businessId, membersOf(businessId), taxYear, periodEnd);
    },

    placeYearToDate(placeId, taxYear, periodEnd) {
      const place = businesses.get(placeId);
      const rootId = place.foreign?.parentId ?? placeId;
      return { ...totalsOf(rootId, [placeId], taxYear, periodEnd), businessId: placeId };
    },

    quarters(businessId, taxYear) {
      const business = businesses.get(businessId);
      const periods = updatePeriods(taxYear, businesses.periodBasis(businessId, taxYear));
      const rows = db
        .prepare(
          `SELECT CASE WHEN date <= ? THEN 1 WHEN date <= ? THEN 2 WHEN date <= ? THEN 3 ELSE 4 END AS quarter,
             category_id AS category, sum(money_in) + sum(money_out) AS amount
           FROM daily_totals WHERE business_id = ? AND date >= ? AND date <= ? AND category_id <> ''
           GROUP BY quarter, category_id`,
        )
        .safeIntegers(true)
        .all(
          periods[0].end,
          periods[1].end,
          periods[2].end,
          businessId,
          periods[0].start,
          periods[3].end,
        ) as {
        quarter: bigint;
        category: string;
        amount: bigint | null;
      }[];
      const totals = periods.map((p) => ({
        quarter: p.quarter,
        label: quarterLabel(p),
        start: p.start,
        end: p.end,
        incomePence: 0,
        expensesPence: 0,
      }));
      for (const row of rows) {
        const category = getCategory(row.category);
        if (!category?.reportable || category.kind !== business.kind) continue;
        const target = totals[Number(row.quarter) - 1]!;
        const value = fieldValuePence(category, big(row.amount));
        if (category.direction === 'income')
          target.incomePence = addPence(target.incomePence, value);
        else target.expensesPence = addPence(target.expensesPence, value);
      }
      return totals;
    },

    contributingIds(businessId, from, to) {
      const members = membersOf(businessId);
      return contributing(members).all([...members, from, to]) as number[];
    },

    recordsFingerprint(businessId, from, to) {
      return fingerprintOf(membersOf(businessId), from, to);
    },
  };
  return service;
}
