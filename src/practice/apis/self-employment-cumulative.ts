import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { type ParsedBody, readBody, toPenceTree } from '../rules/body-shape';
import {
  SE_CUMULATIVE_SPEC,
  checkSeMinimumFields,
  checkSeRules,
  seDates,
} from '../rules/cumulative-bodies';
import { ParamErrors, checkTaxYear } from '../rules/path-params';
import {
  NOT_FOUND_SCENARIO,
  type ScenarioTable,
  isSandboxDefault,
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

/** Path errors for the GET: business id and tax year together. [SE Def1_RetrieveCumulativePeriodSummaryValidator.scala] */
function checkPath(ctx: ApiContext): TaxYear {
  const p = new ParamErrors();
  p.businessId(ctx.params.businessId as string);
  const ty = p.taxYear(ctx.params.taxYear as string, FIRST_CUMULATIVE_YEAR);
  if (p.errors.length > 0) throw new ApiError(400, p.errors);
  return ty as TaxYear;
}

/**
 * The PUT's checks in HMRC's order: the tax year alone first (it picks the request schema),
 * then the business id with the body as HMRC reads it, then the minimum fields, then the
 * body's rules. Each stage answers with all of its errors. [SE app/v5/
 * createAmendCumulativePeriodSummary/CreateAmendCumulativePeriodSummaryValidatorFactory.scala,
 * def1/Def1_CreateAmendCumulativePeriodSummaryValidator.scala]
 */
function checkPut(ctx: ApiContext): { taxYear: TaxYear; body: ParsedBody } {
  const ty = checkTaxYear(ctx.params.taxYear as string, FIRST_CUMULATIVE_YEAR);
  if ('error' in ty) throw new ApiError(400, [ty.error]);
  const p = new ParamErrors();
  p.businessId(ctx.params.businessId as string);
  const read = readBody(ctx.body, SE_CUMULATIVE_SPEC);
  const errors = [...p.errors, ...(read.ok ? [] : read.errors)];
  if (errors.length > 0 || !read.ok) throw new ApiError(400, errors);
  for (const stage of [checkSeMinimumFields, checkSeRules]) {
    const found = stage(read.body);
    if (found.length > 0) throw new ApiError(400, found);
  }
  return { taxYear: ty.taxYear, body: read.body };
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
      const { taxYear, body } = checkPut(ctx);
      if (isSandboxDefault(resolveScenario(ctx.scenario, PUT_SCENARIOS))) return { status: 204 };

      const business = taxpayer.businesses.find((b) => b.businessId === ctx.params.businessId);
      if (!business || business.typeOfBusiness !== 'self-employment')
        throw new ApiError(404, [E.notFound]);
      const { periodDates: _dates, ...figures } = body;
      acceptCumulative({
        taxpayer,
        business,
        taxYear,
        dates: seDates(body),
        amounts: toPenceTree(figures, SE_CUMULATIVE_SPEC),
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
      const taxYear = checkPath(ctx);
      const scenario = resolveScenario(ctx.scenario, GET_SCENARIOS);
      if (scenario !== 'stateful') {
        // The default is itemised; CONSOLIDATED_EXPENSES swaps in consolidated expenses.
        return {
          status: 200,
          body: {
            periodDates: {
              periodStartDate: taxYearStart(taxYear),
              periodEndDate: quarterlyPeriods(taxYear, 'standard')[0]?.periodEndDate,
            },
            periodIncome: { turnover: 5000, other: 0, taxTakenOffTradingIncome: 0 },
            periodExpenses: isSandboxDefault(scenario)
              ? { costOfGoods: 800, adminCosts: 450.5 }
              : { consolidatedExpenses: 1250.5 },
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
