import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E, type MtdError, rule } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import {
  type ObjectSpec,
  type ParsedBody,
  flagAt,
  listAt,
  readBody,
  textAt,
} from '../rules/body-shape';
import { ParamErrors } from '../rules/path-params';
import {
  NOT_FOUND_SCENARIO,
  type ScenarioTable,
  isSandboxDefault,
  resolveScenario,
  ruleScenario,
} from '../scenarios/gov-test-scenario';
import { type TaxpayerRecord } from '../state/model';
import { type IsoDate, isIsoDate, isoTimestamp, ukDate } from '../tax/dates';
import { type TaxYear, taxYearEnd, taxYearStart } from '../tax/tax-year';
import { ACCOUNTING_TYPE_MIN_YEAR } from './accounting-type';
import { OUTSIDE_AMENDMENT_WINDOW, businessOf, outsideAmendmentWindow } from './business-lookup';

const PATH = '/individuals/business/details/:nino/:businessId/:taxYear/periods-of-account';

/** [BD app/api/models/errors/BusinessDetailsErrors.scala, CommonMtdErrors.scala] */
const P = {
  periodsOfAccount: rule(
    'RULE_PERIODS_OF_ACCOUNT',
    'Periods of account dates must be supplied if periodsOfAccount is set to true. They should not be supplied of periodsOfAccount is set to false',
  ),
  formatStartDate: rule('FORMAT_START_DATE', 'The start date field format is invalid'),
  formatEndDate: rule('FORMAT_END_DATE', 'The end date field format is invalid'),
  endBeforeStart: rule(
    'RULE_END_DATE_BEFORE_START_DATE',
    'The supplied values for periods of account endDate must not be earlier than the startDate',
  ),
  startDate: rule(
    'RULE_START_DATE',
    'One or more of the supplied periods of account start dates do not fall within or before the tax year provided',
  ),
  endDate: rule(
    'RULE_END_DATE',
    'One or more of the supplied periods of account end dates do not fall within the tax year provided',
  ),
  overlap: rule(
    'RULE_PERIODS_OVERLAP',
    'One or more of the supplied periods of account start and end dates overlap',
  ),
  cessation: rule(
    'RULE_CESSATION_DATE',
    'One or more of the supplied periods of account end dates exceeds the business cessation date',
  ),
};

/** [BD create_update_periods_of_account.yaml "Test data"] */
const PUT_SCENARIOS: ScenarioTable = {
  CESSATION_DATE: ruleScenario(P.cessation.code, P.cessation.message),
  NOT_FOUND: NOT_FOUND_SCENARIO,
  OUTSIDE_AMENDMENT_WINDOW: ruleScenario(
    OUTSIDE_AMENDMENT_WINDOW.code,
    OUTSIDE_AMENDMENT_WINDOW.message,
  ),
};

/** [BD retrieve_periods_of_account.yaml "Test data"] */
const GET_SCENARIOS: ScenarioTable = {
  NO_PERIODS_OF_ACCOUNT: { variant: 'none' },
  NOT_FOUND: NOT_FOUND_SCENARIO,
};

const BODY: ObjectSpec = {
  kind: 'object',
  fields: {
    periodsOfAccount: { kind: 'boolean' },
    periodsOfAccountDates: {
      kind: 'array',
      items: {
        kind: 'object',
        fields: { startDate: { kind: 'string' }, endDate: { kind: 'string' } },
        required: ['startDate', 'endDate'],
      },
    },
  },
  required: ['periodsOfAccount'],
};

interface Period {
  startDate: IsoDate;
  endDate: IsoDate;
}

const at = (p: MtdError, path: string): MtdError => ({ ...p, paths: [path] });

/**
 * The body's rules, all reported together: dates given exactly when periodsOfAccount is true;
 * each period's dates real, in order, its start not after the tax year's end and its end within
 * the tax year; then, once every period is sound, none overlapping.
 * [BD app/v2/createUpdatePeriodsOfAccount/CreateUpdatePeriodsOfAccountRulesValidator.scala;
 * app/api/controllers/validators/resolvers/ResolveDateRange.scala withDatesLimitedTo]
 */
export function checkPeriodsOfAccount(body: ParsedBody, taxYear: TaxYear): MtdError[] {
  const errors: MtdError[] = [];
  const has = flagAt(body, 'periodsOfAccount') === true;
  const list = listAt(body, 'periodsOfAccountDates');
  if (has !== (list !== undefined)) errors.push(P.periodsOfAccount);
  const periods: Period[] = [];
  let sound = true;
  (list ?? []).forEach((item, i) => {
    const base = `/periodsOfAccountDates/${i}`;
    const start = textAt(item, 'startDate') as string;
    const end = textAt(item, 'endDate') as string;
    const formats = [
      ...(isIsoDate(start) ? [] : [at(P.formatStartDate, `${base}/startDate`)]),
      ...(isIsoDate(end) ? [] : [at(P.formatEndDate, `${base}/endDate`)]),
    ];
    if (formats.length > 0 || end < start) {
      errors.push(...(formats.length > 0 ? formats : [at(P.endBeforeStart, base)]));
      sound = false;
      return;
    }
    const limits = [
      ...(start > taxYearEnd(taxYear) ? [at(P.startDate, `${base}/startDate`)] : []),
      ...(end > taxYearEnd(taxYear) || end < taxYearStart(taxYear)
        ? [at(P.endDate, `${base}/endDate`)]
        : []),
    ];
    if (limits.length > 0) {
      errors.push(...limits);
      sound = false;
      return;
    }
    periods.push({ startDate: start, endDate: end });
  });
  if (sound) {
    const overlap = periods.some((a, i) =>
      periods.slice(i + 1).some((b) => !(a.endDate < b.startDate || b.endDate < a.startDate)),
    );
    if (overlap) errors.push(at(P.overlap, '/periodsOfAccountDates'));
  }
  return errors;
}

/**
 * Business Details 2.0 Create or Update and Retrieve Periods of Account, self-employment only
 * (property business ids are 404), from 2024-25. [BD periods_of_account.yaml,
 * common/pathParameters.yaml selfEmploymentBusinessId; app/v2/createUpdatePeriodsOfAccount/
 * CreateUpdatePeriodsOfAccountValidator.scala]
 */
export function registerPeriodsOfAccount(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;
  const authorise = (ctx: ApiContext) =>
    authoriseForNino(ctx, store, ctx.params.nino as string, { allowSupportingAgent: true });
  const selfEmployment = (taxpayer: TaxpayerRecord, ctx: ApiContext) =>
    businessOf(taxpayer, ctx.params.businessId as string, { types: ['self-employment'] });

  registerApiRoute(app, deps, {
    method: 'PUT',
    url: PATH,
    api: 'business-details-api',
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const p = new ParamErrors();
      p.businessId(ctx.params.businessId as string);
      const ty = p.taxYear(ctx.params.taxYear as string, ACCOUNTING_TYPE_MIN_YEAR);
      const read = readBody(ctx.body, BODY);
      const errors = [...p.errors, ...(read.ok ? [] : read.errors)];
      if (errors.length > 0 || !read.ok) throw new ApiError(400, errors);
      const taxYear = ty as TaxYear;
      const broken = checkPeriodsOfAccount(read.body, taxYear);
      if (broken.length > 0) throw new ApiError(400, broken);
      if (isSandboxDefault(resolveScenario(ctx.scenario, PUT_SCENARIOS))) return { status: 204 };
      const business = selfEmployment(taxpayer, ctx);
      if (outsideAmendmentWindow(taxYear, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      const dates = (listAt(read.body, 'periodsOfAccountDates') ?? []).map((d) => ({
        startDate: textAt(d, 'startDate') as string,
        endDate: textAt(d, 'endDate') as string,
      }));
      const cessation = business.cessationDate;
      if (cessation && dates.some((d) => d.endDate > cessation))
        throw new ApiError(400, [P.cessation]);
      business.periodsOfAccount = {
        ...business.periodsOfAccount,
        [taxYear.label]: {
          periodsOfAccount: flagAt(read.body, 'periodsOfAccount') === true,
          ...(dates.length > 0 ? { dates } : {}),
          submittedAt: clock.now(),
        },
      };
      store.changed();
      return { status: 204 };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: PATH,
    api: 'business-details-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const p = new ParamErrors();
      p.businessId(ctx.params.businessId as string);
      const ty = p.taxYear(ctx.params.taxYear as string, ACCOUNTING_TYPE_MIN_YEAR);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      const taxYear = ty as TaxYear;
      const scenario = resolveScenario(ctx.scenario, GET_SCENARIOS);
      if (scenario !== 'stateful') {
        const none = scenario.variant === 'none';
        return {
          status: 200,
          body: {
            submittedOn: isoTimestamp(clock.now()),
            periodsOfAccount: !none,
            ...(none
              ? {}
              : {
                  periodsOfAccountDates: [
                    { startDate: taxYearStart(taxYear), endDate: taxYearEnd(taxYear) },
                  ],
                }),
          },
        };
      }
      const record = selfEmployment(taxpayer, ctx).periodsOfAccount?.[taxYear.label];
      if (!record) throw new ApiError(404, [E.notFound]);
      return {
        status: 200,
        body: {
          submittedOn: isoTimestamp(record.submittedAt),
          periodsOfAccount: record.periodsOfAccount,
          ...(record.dates ? { periodsOfAccountDates: record.dates } : {}),
        },
      };
    },
  });
}
