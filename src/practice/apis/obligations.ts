import { type FastifyInstance } from 'fastify';
import { type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, type MtdError, rule } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import {
  type ObligationDetail,
  finalDeclarationObligations,
  quarterlyObligations,
} from '../rules/obligations';
import { ParamErrors } from '../rules/path-params';
import {
  NOT_FOUND_SCENARIO,
  type ScenarioTable,
  isSandboxDefault,
  resolveScenario,
} from '../scenarios/gov-test-scenario';
import { addDays, daysBetween, isIsoDate, ukDate } from '../tax/dates';
import { taxYearOf } from '../tax/tax-year';
import { cannedFinalObligations, cannedIncomeObligations } from '../scenarios/sandbox-defaults';

const BASE = '/obligations/details/:nino';

const NO_OBLIGATIONS_FOUND = rule('NO_OBLIGATIONS_FOUND', 'No obligations found using this filter');
const INSOLVENT_TRADER = rule(
  'RULE_INSOLVENT_TRADER',
  'The remote endpoint has indicated that the Trader is insolvent',
);
const Q = {
  formatTypeOfBusiness: rule(
    'FORMAT_TYPE_OF_BUSINESS',
    'The provided typeOfBusiness field is invalid',
  ),
  formatBusinessId: rule('FORMAT_BUSINESS_ID', 'The provided businessId is invalid'),
  formatFromDate: rule('FORMAT_FROM_DATE', 'The provided fromDate is invalid'),
  formatToDate: rule('FORMAT_TO_DATE', 'The provided toDate is invalid'),
  formatStatus: rule('FORMAT_STATUS', 'The provided status is invalid'),
  missingFromDate: rule('MISSING_FROM_DATE', 'The From date parameter is missing'),
  missingToDate: rule('MISSING_TO_DATE', 'The To date parameter is missing'),
  missingTypeOfBusiness: rule(
    'MISSING_TYPE_OF_BUSINESS',
    'The type of business query parameter must be provided when a businessId is supplied',
  ),
  rangeToBeforeFrom: rule(
    'RANGE_TO_DATE_BEFORE_FROM_DATE',
    'The To date must be after the From date',
  ),
  dateRangeInvalid: rule('RULE_DATE_RANGE_INVALID', 'The specified date range is invalid'),
  fromDateNotSupported: rule(
    'RULE_FROM_DATE_NOT_SUPPORTED',
    'The specified From date is not supported as too early',
  ),
};

/** [OB retrieve_income_tax_income_expenditure.yaml "Test data"]; every stateful in Practice HMRC. */
const INCOME_SCENARIOS: ScenarioTable = {
  OPEN: { variant: 'open' },
  FULFILLED: { variant: 'fulfilled' },
  DYNAMIC: 'stateful',
  CUMULATIVE: 'stateful',
  INSOLVENT_TRADER: { status: 400, error: INSOLVENT_TRADER },
  NOT_FOUND: NOT_FOUND_SCENARIO,
  NO_OBLIGATIONS_FOUND: { status: 404, error: NO_OBLIGATIONS_FOUND },
};

/** [OB retrieve_income_tax_crystallisation.yaml "Test data"] */
const FINAL_SCENARIOS: ScenarioTable = {
  MULTIPLE: 'stateful',
  DYNAMIC: 'stateful',
  INSOLVENT_TRADER: { status: 400, error: INSOLVENT_TRADER },
  NOT_FOUND: NOT_FOUND_SCENARIO,
};

const TYPES = ['self-employment', 'uk-property', 'foreign-property'];
/**
 * The validator's pattern, stricter than the spec's `^X[a-zA-Z0-9]{1}IS[0-9]{11}$`: the API
 * refuses a lower-case second letter. [OB app/api/controllers/validators/resolvers/ResolveBusinessId.scala]
 */
const BUSINESS_ID_QUERY = /^X[A-Z0-9]IS[0-9]{11}$/;
/** [OB app/v3/controllers/validators/resolvers/ObligationsDateRangeSupport.scala] */
const EARLIEST_FROM_DATE = '2018-04-06';
const LATEST_TO_DATE = '2099-12-31';
/** The to date must be less than this many days after the from date (so at most 365 apart). */
const MAX_RANGE_DAYS = 366;

interface IncomeQuery {
  typeOfBusiness: string | null;
  businessId: string | null;
  range: { from: string; to: string } | undefined;
  status: 'open' | 'fulfilled' | undefined;
}

/**
 * The income and expenditure query in HMRC's order. First every parameter's format together
 * (a date given without its partner is MISSING_FROM_DATE or MISSING_TO_DATE); then, only if
 * those pass, MISSING_TYPE_OF_BUSINESS on its own; then the date range's rules together: the to
 * date not before the from date, the from date not before 2018-04-06, the to date not after
 * 2099-12-31 (FORMAT_TO_DATE), and the range at least two days and under 366 days.
 * [OB app/v3/retrievePeriodic/RetrievePeriodicObligationsValidatorFactory.scala,
 * app/v3/controllers/validators/resolvers/ResolveOptionalDateRange.scala, ObligationsDateRangeSupport.scala]
 */
function checkIncomeQuery(q: URLSearchParams): IncomeQuery {
  const errors: MtdError[] = [];
  const typeOfBusiness = q.get('typeOfBusiness');
  const businessId = q.get('businessId');
  const fromDate = q.get('fromDate');
  const toDate = q.get('toDate');
  if (typeOfBusiness !== null && !TYPES.includes(typeOfBusiness))
    errors.push(Q.formatTypeOfBusiness);
  if (businessId !== null && !BUSINESS_ID_QUERY.test(businessId)) errors.push(Q.formatBusinessId);
  if (fromDate !== null && toDate !== null) {
    if (!isIsoDate(fromDate)) errors.push(Q.formatFromDate);
    if (!isIsoDate(toDate)) errors.push(Q.formatToDate);
  } else if (fromDate !== null) errors.push(Q.missingToDate);
  else if (toDate !== null) errors.push(Q.missingFromDate);
  const status = statusFilter(q.get('status'), errors);
  if (errors.length > 0) throw new ApiError(400, errors);
  if (businessId !== null && typeOfBusiness === null)
    throw new ApiError(400, [Q.missingTypeOfBusiness]);
  if (fromDate !== null && toDate !== null) {
    if (toDate < fromDate) errors.push(Q.rangeToBeforeFrom);
    if (fromDate < EARLIEST_FROM_DATE) errors.push(Q.fromDateNotSupported);
    if (toDate > LATEST_TO_DATE) errors.push(Q.formatToDate);
    const days = daysBetween(fromDate, toDate);
    if (days >= MAX_RANGE_DAYS || days === 0) errors.push(Q.dateRangeInvalid);
    if (errors.length > 0) throw new ApiError(400, errors);
  }
  return {
    typeOfBusiness,
    businessId,
    range: fromDate !== null && toDate !== null ? { from: fromDate, to: toDate } : undefined,
    status,
  };
}

function statusFilter(value: string | null, errors: MtdError[]): 'open' | 'fulfilled' | undefined {
  if (value === null) return undefined;
  if (value === 'open' || value === 'fulfilled') return value;
  errors.push(Q.formatStatus);
  return undefined;
}

/** Obligations API 3.0. [reference §3.4] */
export interface ObligationsDeps extends ApiDeps {
  /** How long after an update or final declaration its obligation shows as fulfilled. */
  fulfilmentDelayMs: () => number;
}

export function registerObligations(app: FastifyInstance, deps: ObligationsDeps): void {
  const { store, clock } = deps;
  const delay = () => ({ now: clock.now(), delayMs: deps.fulfilmentDelayMs() });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: `${BASE}/income-and-expenditure`,
    api: 'obligations-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authoriseForNino(ctx, store, ctx.params.nino as string, {
        allowSupportingAgent: true,
      });
      const query = checkIncomeQuery(ctx.query);
      const { typeOfBusiness, businessId } = query;
      let status = query.status;
      const scenario = resolveScenario(ctx.scenario, INCOME_SCENARIOS);
      if (isSandboxDefault(scenario))
        return { status: 200, body: cannedIncomeObligations(ukDate(clock.now())) };
      if (scenario !== 'stateful') status = scenario.variant as 'open' | 'fulfilled';

      const today = ukDate(clock.now());
      // Without dates HMRC asks for today to 366 days on, unless only open ones are wanted.
      // [OB RetrievePeriodicObligationsValidatorFactory.scala provideDefaultDateRange]
      const window =
        query.range ?? (status === 'open' ? undefined : { from: today, to: addDays(today, 366) });
      const businesses = taxpayer.businesses.filter(
        (b) =>
          b.typeOfBusiness !== 'property-unspecified' &&
          (typeOfBusiness === null || b.typeOfBusiness === typeOfBusiness) &&
          (businessId === null || b.businessId === businessId),
      );
      const obligations = businesses
        .map((b) => ({
          typeOfBusiness: b.typeOfBusiness,
          businessId: b.businessId,
          obligationDetails: quarterlyObligations(taxpayer, b, today, delay()).filter(
            (o: ObligationDetail) =>
              (status === undefined || o.status === status) &&
              (window === undefined ||
                (o.periodStartDate <= window.to && o.periodEndDate >= window.from)),
          ),
        }))
        .filter((o) => o.obligationDetails.length > 0);
      if (obligations.length === 0) throw new ApiError(404, [NO_OBLIGATIONS_FOUND]);
      return { status: 200, body: { obligations } };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: `${BASE}/crystallisation`,
    api: 'obligations-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authoriseForNino(ctx, store, ctx.params.nino as string, {
        allowSupportingAgent: true,
      });
      const p = new ParamErrors();
      const taxYearParam = ctx.query.get('taxYear');
      // The earliest allowable tax year is 2017-18. [OB retrieve_income_tax_crystallisation.yaml]
      const taxYear = taxYearParam === null ? undefined : p.taxYear(taxYearParam, 2017);
      const status = statusFilter(ctx.query.get('status'), p.errors);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      const today = ukDate(clock.now());
      if (isSandboxDefault(resolveScenario(ctx.scenario, FINAL_SCENARIOS)))
        return { status: 200, body: cannedFinalObligations(today) };
      // Without a tax year HMRC looks from four tax years before the current one to the current
      // one. [OB app/v3/retrieveCrystallisation/RetrieveCrystallisationObligationsValidatorFactory.scala,
      // app/api/models/domain/TaxYearRange.scala todayMinus]
      const earliest = taxYearOf(today).startYear - 4;
      const obligations = finalDeclarationObligations(taxpayer, today, delay())
        .filter(
          (o) =>
            (taxYear === undefined
              ? Number(o.taxYear.slice(0, 4)) >= earliest
              : o.taxYear === taxYear.label) &&
            (status === undefined || o.status === status),
        )
        .map(({ taxYear: _ty, ...o }) => o);
      if (obligations.length === 0) throw new ApiError(404, [NO_OBLIGATIONS_FOUND]);
      return { status: 200, body: { obligations } };
    },
  });
}
