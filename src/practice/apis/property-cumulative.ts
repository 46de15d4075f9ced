import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E, rule } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { type ParsedBody, readBody, toPenceTree } from '../rules/body-shape';
import {
  UK_PROPERTY_CUMULATIVE_SPEC,
  checkPropertyRules,
  propertyDates,
} from '../rules/cumulative-bodies';
import { ParamErrors, checkTaxYear } from '../rules/path-params';
import {
  NOT_FOUND_SCENARIO,
  type ScenarioTable,
  isSandboxDefault,
  resolveScenario,
} from '../scenarios/gov-test-scenario';
import { type TaxpayerRecord } from '../state/model';
import { isoTimestamp } from '../tax/dates';
import { penceTreeToJson } from '../tax/pence-tree';
import { quarterlyPeriods } from '../tax/periods';
import { type TaxYear, taxYearEnd, taxYearStart } from '../tax/tax-year';
import { acceptCumulative } from './cumulative-submissions';
import {
  CUMULATIVE_PUT_SCENARIOS,
  TAX_YEAR_NOT_SUPPORTED,
} from '../scenarios/cumulative-scenarios';

const PATH = '/individuals/business/property/uk/:nino/:businessId/cumulative/:taxYear';
const FIRST_CUMULATIVE_YEAR = 2025;

/** [PB common/errors.yaml ruleTypeOfBusinessIncorrectUk] */
const TYPE_OF_BUSINESS_INCORRECT = rule(
  'RULE_TYPE_OF_BUSINESS_INCORRECT',
  'The businessId is for a different type of business',
);

/** Same as self-employment minus BOTH_EXPENSES_SUPPLIED. [PB uk_property_cumulative_summary_create_or_amend.yaml] */
const PUT_SCENARIOS: ScenarioTable = CUMULATIVE_PUT_SCENARIOS;

/** [PB uk_property_cumulative_summary_retrieve.yaml "Test data"] */
const GET_SCENARIOS: ScenarioTable = {
  NOT_FOUND: NOT_FOUND_SCENARIO,
  TAX_YEAR_NOT_SUPPORTED,
  UK_PROPERTY_CONSOLIDATED: { variant: 'consolidated' },
  UK_PROPERTY_FULL_EXPENSES: { variant: 'full' },
  FOREIGN_PROPERTY: { status: 400, error: TYPE_OF_BUSINESS_INCORRECT },
};

/**
 * The tax year alone first (it picks the request schema: 2025-26 onwards), then the business id
 * with the body as HMRC reads it, then the body's rules; each stage answers with all of its
 * errors. [PB app/v6/createAmendUkPropertyCumulativeSummary/
 * CreateAmendUkPropertyCumulativeSummaryValidatorFactory.scala, ...Schema.scala,
 * def1/Def1_CreateAmendUkPropertyCumulativeSummaryValidator.scala; the GET likewise:
 * app/v6/retrieveUkPropertyCumulativeSummary/RetrieveUkPropertyCumulativeSummaryValidatorFactory.scala]
 */
function checkTaxYearFirst(ctx: ApiContext): TaxYear {
  const ty = checkTaxYear(ctx.params.taxYear as string, FIRST_CUMULATIVE_YEAR);
  if ('error' in ty) throw new ApiError(400, [ty.error]);
  return ty.taxYear;
}

function checkPath(ctx: ApiContext): TaxYear {
  const taxYear = checkTaxYearFirst(ctx);
  const p = new ParamErrors();
  p.businessId(ctx.params.businessId as string);
  if (p.errors.length > 0) throw new ApiError(400, p.errors);
  return taxYear;
}

function checkPut(ctx: ApiContext): { taxYear: TaxYear; body: ParsedBody } {
  const taxYear = checkTaxYearFirst(ctx);
  const p = new ParamErrors();
  p.businessId(ctx.params.businessId as string);
  const read = readBody(ctx.body, UK_PROPERTY_CUMULATIVE_SPEC);
  const errors = [...p.errors, ...(read.ok ? [] : read.errors)];
  if (errors.length > 0 || !read.ok) throw new ApiError(400, errors);
  const broken = checkPropertyRules(read.body);
  if (broken.length > 0) throw new ApiError(400, broken);
  return { taxYear, body: read.body };
}

/** The UK property business named in the path: 404 if unknown, RULE_TYPE_OF_BUSINESS_INCORRECT if not UK property. */
function ukPropertyBusiness(taxpayer: TaxpayerRecord, businessId: string) {
  const business = taxpayer.businesses.find((b) => b.businessId === businessId);
  if (!business) throw new ApiError(404, [E.notFound]);
  if (business.typeOfBusiness !== 'uk-property')
    throw new ApiError(400, [TYPE_OF_BUSINESS_INCORRECT]);
  return business;
}

function cannedResponse(taxYear: TaxYear, consolidated: boolean): Record<string, unknown> {
  const expenses = consolidated
    ? { consolidatedExpenses: 1500, residentialFinancialCost: 600 }
    : {
        premisesRunningCosts: 750,
        repairsAndMaintenance: 420.5,
        professionalFees: 180,
        residentialFinancialCost: 600,
      };
  return {
    submittedOn: `${quarterlyPeriods(taxYear, 'standard')[0]?.dueDate}T09:00:00.000Z`,
    fromDate: taxYearStart(taxYear),
    toDate: quarterlyPeriods(taxYear, 'standard')[0]?.periodEndDate,
    ukProperty: { income: { periodAmount: 3600, otherIncome: 0 }, expenses },
  };
}

/** Property Business API 6.0, UK property cumulative period summary. [reference §3.4-§3.5] */
export function registerPropertyCumulative(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;

  registerApiRoute(app, deps, {
    method: 'PUT',
    url: PATH,
    api: 'property-business-api',
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authoriseForNino(ctx, store, ctx.params.nino as string, {
        allowSupportingAgent: true,
      });
      const { taxYear, body } = checkPut(ctx);
      if (isSandboxDefault(resolveScenario(ctx.scenario, PUT_SCENARIOS))) return { status: 204 };
      const business = ukPropertyBusiness(taxpayer, ctx.params.businessId as string);
      const { fromDate: _from, toDate: _to, ...figures } = body;
      acceptCumulative({
        taxpayer,
        business,
        taxYear,
        dates: propertyDates(body),
        amounts: toPenceTree(figures, UK_PROPERTY_CUMULATIVE_SPEC),
        now: clock.now(),
      });
      store.changed();
      return { status: 204 };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: PATH,
    api: 'property-business-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authoriseForNino(ctx, store, ctx.params.nino as string, {
        allowSupportingAgent: true,
      });
      const taxYear = checkPath(ctx);
      const scenario = resolveScenario(ctx.scenario, GET_SCENARIOS);
      if (scenario !== 'stateful')
        return { status: 200, body: cannedResponse(taxYear, scenario.variant === 'consolidated') };
      const business = ukPropertyBusiness(taxpayer, ctx.params.businessId as string);
      const record = business.cumulative[taxYear.label];
      if (!record) throw new ApiError(404, [E.notFound]);
      // Retrieve adds submittedOn. [PB uk_property_cumulative_summary_retrieve/def1/response.json]
      return {
        status: 200,
        body: {
          submittedOn: isoTimestamp(record.submittedAt),
          // Annual or latent customers send no dates; the summary then covers the tax year.
          fromDate: record.fromDate ?? taxYearStart(taxYear),
          toDate: record.toDate ?? taxYearEnd(taxYear),
          ...penceTreeToJson(record.amounts),
        },
      };
    },
  });
}
