import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { readBody, toStoredBody } from '../rules/body-shape';
import { ParamErrors, checkTaxYear } from '../rules/path-params';
import {
  SE_ANNUAL_ERRORS,
  checkClass4Reason,
  checkSeAnnualRules,
  seAnnualDef,
  seAnnualSpec,
} from '../rules/se-annual-body';
import {
  NOT_FOUND_SCENARIO,
  type ScenarioTable,
  isSandboxDefault,
  resolveScenario,
  ruleScenario,
} from '../scenarios/gov-test-scenario';
import { penceTreeToJson } from '../tax/pence-tree';
import { ukDate } from '../tax/dates';
import { type TaxYear, taxYearStarting } from '../tax/tax-year';
import { OUTSIDE_AMENDMENT_WINDOW, businessOf, outsideAmendmentWindow } from './business-lookup';

const PATH = '/individuals/business/self-employment/:nino/:businessId/annual/:taxYear';
/** The minimum tax year is 2017-18. [SE common/pathParameters.yaml taxYear; app/config/SeBusinessConfig.scala] */
const MIN_YEAR = 2017;

const asRule = (e: { code: string; message: string }) => ruleScenario(e.code, e.message);

/** [SE create_and_amend_annual_submission.yaml "Test data"] */
const PUT_SCENARIOS: ScenarioTable = {
  ALLOWANCE_NOT_SUPPORTED: asRule(SE_ANNUAL_ERRORS.allowanceNotSupported),
  NOT_FOUND: NOT_FOUND_SCENARIO,
  WRONG_TPA_AMOUNT_SUBMITTED: asRule(SE_ANNUAL_ERRORS.wrongTpa),
  OUTSIDE_AMENDMENT_WINDOW: asRule(OUTSIDE_AMENDMENT_WINDOW),
};
/** [SE retrieve_annual_submission.yaml "Test data"] */
const GET_SCENARIOS: ScenarioTable = {
  TRADING_ALLOWANCE: { variant: 'trading-allowance' },
  NOT_FOUND: NOT_FOUND_SCENARIO,
};
/** [SE delete_annual_submission.yaml "Test data"]: DELETE is the sandbox's plain success. */
const DELETE_SCENARIOS: ScenarioTable = {
  DELETE: { variant: 'deleted' },
  NOT_FOUND: NOT_FOUND_SCENARIO,
  OUTSIDE_AMENDMENT_WINDOW: asRule(OUTSIDE_AMENDMENT_WINDOW),
};

/**
 * The tax year the validator factory picks the schema from: the first `20YY-YY` inside the path
 * value (found anywhere, as HMRC's unanchored pattern finds it), read as the tax year ending in
 * its second half. Without one, FORMAT_TAX_YEAR alone. [SE app/v5/createAmendAnnualSubmission/
 * CreateAmendAnnualSubmissionValidatorFactory.scala; app/api/models/domain/TaxYear.scala maybeFromMtd]
 */
function schemaYear(value: string): TaxYear | undefined {
  const m = /20[1-9][0-9]-([1-9][0-9])/.exec(value);
  return m ? taxYearStarting(2000 + Number(m[1]) - 1) : undefined;
}

/**
 * The PUT's checks in HMRC's order: an empty object alone; a tax year without the YYYY-YY shape
 * alone; the exemption reason alone; then NINO-free parameters and the body together (as the
 * schema for the year reads it); then the schema's rules.
 */
function checkPut(ctx: ApiContext) {
  const body = ctx.body;
  if (
    body === undefined ||
    (typeof body === 'object' &&
      body !== null &&
      !Array.isArray(body) &&
      Object.keys(body).length === 0)
  ) {
    throw new ApiError(400, [E.ruleIncorrectOrEmptyBody]);
  }
  const schema = schemaYear(ctx.params.taxYear as string);
  if (!schema) throw new ApiError(400, [E.formatTaxYear]);
  const def = seAnnualDef(schema);
  const reason = checkClass4Reason(body);
  if (reason.length > 0) throw new ApiError(400, reason);
  const spec = seAnnualSpec(def);
  const p = new ParamErrors();
  p.businessId(ctx.params.businessId as string);
  const ty = p.taxYear(ctx.params.taxYear as string, MIN_YEAR);
  const read = readBody(body, spec);
  const errors = [...p.errors, ...(read.ok ? [] : read.errors)];
  if (errors.length > 0 || !read.ok) throw new ApiError(400, errors);
  const broken = checkSeAnnualRules(read.body, def);
  if (broken.length > 0) throw new ApiError(400, broken);
  return { taxYear: ty as TaxYear, stored: toStoredBody(read.body, spec) };
}

/** A canned annual submission for the sandbox's default and TRADING_ALLOWANCE answers. */
function cannedAnnual(tradingAllowance: boolean): Record<string, unknown> {
  return tradingAllowance
    ? { allowances: { tradingIncomeAllowance: 1000 } }
    : {
        adjustments: { includedNonTaxableProfits: 0, goodsAndServicesOwnUse: 120 },
        allowances: { annualInvestmentAllowance: 2400, capitalAllowanceMainPool: 310.5 },
        nonFinancials: { businessDetailsChangedRecently: false },
      };
}

/**
 * Self Employment Business 5.0 annual submission: create or amend (PUT, 204), retrieve (GET) and
 * delete (DELETE) the adjustments, allowances and non-financials for a business and tax year.
 * [SE annual_submissions.yaml, create_and_amend_annual_submission.yaml, retrieve_annual_submission.yaml,
 * delete_annual_submission.yaml; reference §5.4]
 */
export function registerSelfEmploymentAnnual(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;
  const authorise = (ctx: ApiContext) =>
    authoriseForNino(ctx, store, ctx.params.nino as string, { allowSupportingAgent: true });
  const selfEmployment = (ctx: ApiContext) =>
    businessOf(authorise(ctx), ctx.params.businessId as string, { types: ['self-employment'] });

  registerApiRoute(app, deps, {
    method: 'PUT',
    url: PATH,
    api: 'self-employment-business-api',
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const { taxYear, stored } = checkPut(ctx);
      if (isSandboxDefault(resolveScenario(ctx.scenario, PUT_SCENARIOS))) return { status: 204 };
      const business = businessOf(taxpayer, ctx.params.businessId as string, {
        types: ['self-employment'],
      });
      if (outsideAmendmentWindow(taxYear, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      business.annual = {
        ...business.annual,
        [taxYear.label]: { body: stored, submittedAt: clock.now() },
      };
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
      authorise(ctx);
      // The tax year alone first (its minimum picks the response schema), then all parameters
      // together. [SE app/v5/retrieveAnnualSubmission/RetrieveAnnualSubmissionSchema.scala,
      // RetrieveAnnualSubmissionValidatorFactory.scala]
      const alone = checkTaxYear(ctx.params.taxYear as string, MIN_YEAR);
      if ('error' in alone) throw new ApiError(400, [alone.error]);
      const p = new ParamErrors();
      p.businessId(ctx.params.businessId as string);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      const scenario = resolveScenario(ctx.scenario, GET_SCENARIOS);
      if (scenario !== 'stateful')
        return { status: 200, body: cannedAnnual(scenario.variant === 'trading-allowance') };
      const record = selfEmployment(ctx).annual?.[alone.taxYear.label];
      if (!record) throw new ApiError(404, [E.notFound]);
      return { status: 200, body: penceTreeToJson(record.body) };
    },
  });

  registerApiRoute(app, deps, {
    method: 'DELETE',
    url: PATH,
    api: 'self-employment-business-api',
    restriction: 'user',
    handler: (ctx) => {
      authorise(ctx);
      const p = new ParamErrors();
      p.businessId(ctx.params.businessId as string);
      const ty = p.taxYear(ctx.params.taxYear as string, MIN_YEAR);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      const scenario = resolveScenario(ctx.scenario, DELETE_SCENARIOS);
      if (scenario !== 'stateful') return { status: 204 };
      const taxYear = ty as TaxYear;
      const business = selfEmployment(ctx);
      if (outsideAmendmentWindow(taxYear, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      if (!business.annual?.[taxYear.label]) throw new ApiError(404, [E.notFound]);
      const { [taxYear.label]: _gone, ...rest } = business.annual;
      business.annual = rest;
      store.changed();
      return { status: 204 };
    },
  });
}
