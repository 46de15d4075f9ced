import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import {
  SE_CUMULATIVE_SPEC,
  checkSeShape,
  checkSeValues,
  seDates,
} from '../rules/cumulative-bodies';
import { ParamErrors } from '../rules/path-params';
import {
  NOT_FOUND_SCENARIO,
  type ScenarioTable,
  resolveScenario,
  ruleScenario,
} from '../scenarios/gov-test-scenario';
import { penceTreeToJson } from '../tax/pence-tree';
import { quarterlyPeriods } from '../tax/periods';
import { type TaxYear, taxYearEnd, taxYearStart } from '../tax/tax-year';
import { acceptCumulative } from './cumulative-submissions';
import {
  CUMULATIVE_PUT_SCENARIOS,
  TAX_YEAR_NOT_SUPPORTED,
} from '../scenarios/cumulative-scenarios';

const PATH = '/individuals/business/self-employment/:nino/:businessId/cumulative/:taxYear';
/** The cumulative endpoints exist from 2025-26. [SE common/pathParameters.yaml taxYearFrom2025] */
const FIRST_CUMULATIVE_YEAR = 2025;

/** [SE create_amend_cumulative_period_summary.yaml "Test Data"] */
const PUT_SCENARIOS: ScenarioTable = {
  ...CUMULATIVE_PUT_SCENARIOS,
  BOTH_EXPENSES_SUPPLIED: ruleScenario(
    'RULE_BOTH_EXPENSES_SUPPLIED',
    'Both expenses and consolidatedExpenses can not be present at the same time',
  ),
};

/** [SE retrieve_cumulative_period_summary.yaml "Test data"] */
const GET_SCENARIOS: ScenarioTable = {
  CONSOLIDATED_EXPENSES: { variant: 'consolidated' },
  NOT_FOUND: NOT_FOUND_SCENARIO,
  TAX_YEAR_NOT_SUPPORTED,
};

/** Path errors, with the body's shape errors in the same answer for a PUT (as HMRC does). */
function checkPath(ctx: ApiContext, withBody: boolean): TaxYear {
  const p = new ParamErrors();
  p.businessId(ctx.params.businessId as string);
  const ty = p.taxYear(ctx.params.taxYear as string, FIRST_CUMULATIVE_YEAR);
  const errors = [...p.errors, ...(withBody ? checkSeShape(ctx.body) : [])];
  if (errors.length > 0) throw new ApiError(400, errors);
  return ty as TaxYear;
}

/** Self Employment Business API 5.0, cumulative period summary. [reference §3.4-§3.5] */
export function registerSelfEmploymentCumulative(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;

  registerApiRoute(app, deps, {
    method: 'PUT',
    url: PATH,
    api: 'self-employment-business-api',
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authoriseForNino(ctx, store, ctx.params.nino as string, {
        allowSupportingAgent: true,
      });
      const taxYear = checkPath(ctx, true);
      const body = ctx.body as Record<string, unknown>;
      const phase2 = checkSeValues(body);
      if (phase2.length > 0) throw new ApiError(400, phase2);
      resolveScenario(ctx.scenario, PUT_SCENARIOS);

      const business = taxpayer.businesses.find((b) => b.businessId === ctx.params.businessId);
      if (!business || business.typeOfBusiness !== 'self-employment')
        throw new ApiError(404, [E.notFound]);
      const dates = seDates(body);
      const { periodDates: _dates, ...amounts } = body;
      acceptCumulative({
        taxpayer,
        business,
        taxYear,
        dates,
        amounts,
        spec: SE_CUMULATIVE_SPEC,
        now: clock.now(),
      });
      store.changed();
      return { status: 204 };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: PATH,
    api: 'self-employment-business-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authoriseForNino(ctx, store, ctx.params.nino as string, {
        allowSupportingAgent: true,
      });
      const taxYear = checkPath(ctx, false);
      const scenario = resolveScenario(ctx.scenario, GET_SCENARIOS);
      if (scenario !== 'stateful') {
        return {
          status: 200,
          body: {
            periodDates: {
              periodStartDate: taxYearStart(taxYear),
              periodEndDate: quarterlyPeriods(taxYear, 'standard')[0]?.periodEndDate,
            },
            periodIncome: { turnover: 5000, other: 0, taxTakenOffTradingIncome: 0 },
            periodExpenses: { consolidatedExpenses: 1250.5 },
          },
        };
      }
      const business = taxpayer.businesses.find((b) => b.businessId === ctx.params.businessId);
      const record =
        business?.typeOfBusiness === 'self-employment'
          ? business.cumulative[taxYear.label]
          : undefined;
      if (!record) throw new ApiError(404, [E.notFound]);
      return {
        status: 200,
        body: {
          // Annual or latent customers send no dates; the summary then covers the tax year.
          periodDates: {
            periodStartDate: record.fromDate ?? taxYearStart(taxYear),
            periodEndDate: record.toDate ?? taxYearEnd(taxYear),
          },
          ...penceTreeToJson(record.amounts),
        },
      };
    },
  });
}
