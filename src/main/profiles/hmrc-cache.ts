import type { SqliteDatabase } from '../ledger';

/**
 * The offline copy of HMRC's answers in a profile's ledger file (migration 0005-hmrc-cache).
 * One fetch replaces the copy in one transaction, so a reader never sees half of two answers.
 */

export type TypeOfBusiness =
  'self-employment' | 'uk-property' | 'foreign-property' | 'property-unspecified';

export interface CachedBusiness {
  hmrcBusinessId: string;
  typeOfBusiness: TypeOfBusiness;
  tradingName?: string;
  commencementDate?: string;
  cessationDate?: string;
  periodType?: 'standard' | 'calendar';
  periodTypeTaxYear?: string;
  /** Never shown to the person (HMRC's request); used for the calendar-quarter rule. */
  accountingPeriod?: { start: string; end: string };
  /** A new or latent source's first two tax years: annual ('A') or quarterly ('Q'). */
  latency?: LatencyYear[];
}

export interface LatencyYear {
  taxYear: string;
  reports: 'annual' | 'quarterly';
}

export interface CachedObligation {
  kind: 'quarterly' | 'final-declaration';
  hmrcBusinessId?: string;
  typeOfBusiness?: string;
  periodStart: string;
  periodEnd: string;
  /** HMRC's due date, as HMRC sent it (reference §5.2: display it, never compute it). */
  dueDate: string;
  status: 'open' | 'fulfilled';
  receivedDate?: string;
}

export type CheckOutcome = 'authorised' | 'not-authorised' | 'not-signed-up' | 'failed';

export interface CachedCheck {
  checkedAt: string;
  scope: 'full' | 'obligations' | 'authorisation';
  outcome: CheckOutcome;
  code?: string;
  correlationId?: string;
  message?: string;
}

export interface HmrcCache {
  businesses: CachedBusiness[];
  obligations: CachedObligation[];
  /** The last successful fetch of obligations (null: never). */
  fetchedAt: string | null;
  /** The correlation id of that fetch's first answer. */
  correlationId?: string;
  /** The last check of any kind, including failed and refused ones. */
  lastCheck?: CachedCheck;
}

interface BusinessRow {
  hmrc_business_id: string;
  type_of_business: TypeOfBusiness;
  trading_name: string | null;
  commencement_date: string | null;
  cessation_date: string | null;
  period_type: 'standard' | 'calendar' | null;
  period_type_tax_year: string | null;
  accounting_period_start: string | null;
  accounting_period_end: string | null;
  latency_tax_year1: string | null;
  latency_indicator1: 'A' | 'Q' | null;
  latency_tax_year2: string | null;
  latency_indicator2: 'A' | 'Q' | null;
}

const latencyOf = (r: BusinessRow): LatencyYear[] => {
  const years: LatencyYear[] = [];
  const add = (taxYear: string | null, indicator: 'A' | 'Q' | null) => {
    if (taxYear && indicator)
      years.push({ taxYear, reports: indicator === 'A' ? 'annual' : 'quarterly' });
  };
  add(r.latency_tax_year1, r.latency_indicator1);
  add(r.latency_tax_year2, r.latency_indicator2);
  return years;
};

const indicator = (y: LatencyYear | undefined) => (y ? (y.reports === 'annual' ? 'A' : 'Q') : null);

interface ObligationRow {
  kind: CachedObligation['kind'];
  hmrc_business_id: string | null;
  type_of_business: string | null;
  period_start: string;
  period_end: string;
  due_date: string;
  status: 'open' | 'fulfilled';
  received_date: string | null;
}

interface CheckRow {
  checked_at: string;
  scope: CachedCheck['scope'];
  outcome: CheckOutcome;
  code: string | null;
  correlation_id: string | null;
  message: string | null;
}

const toCheck = (r: CheckRow): CachedCheck => ({
  checkedAt: r.checked_at,
  scope: r.scope,
  outcome: r.outcome,
  ...(r.code ? { code: r.code } : {}),
  ...(r.correlation_id ? { correlationId: r.correlation_id } : {}),
  ...(r.message ? { message: r.message } : {}),
});

export function readHmrcCache(db: SqliteDatabase): HmrcCache {
  const businesses = (
    db
      .prepare(
        'SELECT * FROM hmrc_businesses ORDER BY type_of_business, trading_name, hmrc_business_id',
      )
      .all() as BusinessRow[]
  ).map((r): CachedBusiness => ({
    hmrcBusinessId: r.hmrc_business_id,
    typeOfBusiness: r.type_of_business,
    ...(r.trading_name ? { tradingName: r.trading_name } : {}),
    ...(r.commencement_date ? { commencementDate: r.commencement_date } : {}),
    ...(r.cessation_date ? { cessationDate: r.cessation_date } : {}),
    ...(r.period_type ? { periodType: r.period_type } : {}),
    ...(r.period_type_tax_year ? { periodTypeTaxYear: r.period_type_tax_year } : {}),
    ...(r.accounting_period_start && r.accounting_period_end
      ? { accountingPeriod: { start: r.accounting_period_start, end: r.accounting_period_end } }
      : {}),
    ...(latencyOf(r).length ? { latency: latencyOf(r) } : {}),
  }));
  const obligations = (
    db
      .prepare('SELECT * FROM hmrc_obligations ORDER BY due_date, period_start, id')
      .all() as ObligationRow[]
  ).map((r): CachedObligation => ({
    kind: r.kind,
    ...(r.hmrc_business_id ? { hmrcBusinessId: r.hmrc_business_id } : {}),
    ...(r.type_of_business ? { typeOfBusiness: r.type_of_business } : {}),
    periodStart: r.period_start,
    periodEnd: r.period_end,
    dueDate: r.due_date,
    status: r.status,
    ...(r.received_date ? { receivedDate: r.received_date } : {}),
  }));
  const fetched = db
    .prepare(
      `SELECT * FROM hmrc_checks WHERE scope IN ('full', 'obligations') AND outcome = 'authorised'
       ORDER BY checked_at DESC, id DESC LIMIT 1`,
    )
    .get() as CheckRow | undefined;
  const last = db
    .prepare('SELECT * FROM hmrc_checks ORDER BY checked_at DESC, id DESC LIMIT 1')
    .get() as CheckRow | undefined;
  return {
    businesses,
    obligations,
    fetchedAt: fetched?.checked_at ?? null,
    ...(fetched?.correlation_id ? { correlationId: fetched.correlation_id } : {}),
    ...(last ? { lastCheck: toCheck(last) } : {}),
  };
}

const insertCheck = (db: SqliteDatabase, check: CachedCheck) =>
  db
    .prepare(
      `INSERT INTO hmrc_checks (checked_at, scope, outcome, code, correlation_id, message)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      check.checkedAt,
      check.scope,
      check.outcome,
      check.code ?? null,
      check.correlationId ?? null,
      check.message ?? null,
    );

/** Records a check that brought no new data (refused, not signed up, or failed). */
export function recordHmrcCheck(db: SqliteDatabase, check: CachedCheck): void {
  insertCheck(db, check);
}

/**
 * Replaces the copy with a fresh answer. `businesses` undefined keeps the cached businesses
 * (the overview's light check fetches obligations only).
 */
export function writeHmrcCache(
  db: SqliteDatabase,
  answer: {
    businesses?: readonly CachedBusiness[];
    obligations: readonly CachedObligation[];
    check: CachedCheck;
  },
): void {
  const at = answer.check.checkedAt;
  db.transaction(() => {
    if (answer.businesses) {
      db.prepare('DELETE FROM hmrc_businesses').run();
      const insert = db.prepare(
        `INSERT INTO hmrc_businesses (hmrc_business_id, type_of_business, trading_name,
           commencement_date, cessation_date, period_type, period_type_tax_year,
           accounting_period_start, accounting_period_end, fetched_at, latency_tax_year1,
           latency_indicator1, latency_tax_year2, latency_indicator2)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      for (const b of answer.businesses) {
        insert.run(
          b.hmrcBusinessId,
          b.typeOfBusiness,
          b.tradingName ?? null,
          b.commencementDate ?? null,
          b.cessationDate ?? null,
          b.periodType ?? null,
          b.periodTypeTaxYear ?? null,
          b.accountingPeriod?.start ?? null,
          b.accountingPeriod?.end ?? null,
          at,
          b.latency?.[0]?.taxYear ?? null,
          indicator(b.latency?.[0]),
          b.latency?.[1]?.taxYear ?? null,
          indicator(b.latency?.[1]),
        );
      }
    }
    db.prepare('DELETE FROM hmrc_obligations').run();
    const insert = db.prepare(
      `INSERT INTO hmrc_obligations (kind, hmrc_business_id, type_of_business, period_start,
         period_end, due_date, status, received_date, fetched_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const o of answer.obligations) {
      insert.run(
        o.kind,
        o.hmrcBusinessId ?? null,
        o.typeOfBusiness ?? null,
        o.periodStart,
        o.periodEnd,
        o.dueDate,
        o.status,
        o.receivedDate ?? null,
        at,
      );
    }
    insertCheck(db, answer.check);
  }).immediate();
}
