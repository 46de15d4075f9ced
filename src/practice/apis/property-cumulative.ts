import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E, rule } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import {
  UK_PROPERTY_CUMULATIVE_SPEC,
  checkPropertyShape,
  checkPropertyValues,
  propertyDates,
} from '../rules/cumulative-bodies';
import { ParamErrors } from '../rules/path-params';
import {
  NOT_FOUND_SCENARIO,
  type ScenarioTable,
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

function checkPath(ctx: ApiContext, withBody: boolean): TaxYear {
  const p = new ParamErrors();
  p.businessId(ctx.params.businessId as string);
  const ty = p.taxYear(ctx.params.taxYear as string, FIRST_CUMULATIVE_YEAR);
  const errors = [...p.errors, ...(withBody ? checkPropertyShape(ctx.body) : [])];
  if (errors.length > 0) throw new ApiError(400, errors);
  return ty as TaxYear;
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
      const taxYear = checkPath(ctx, true);
      const body = ctx.body as Record<string, unknown>;
      const phase2 = checkPropertyValues(body);
      if (phase2.length > 0) throw new ApiError(400, phase2);
      resolveScenario(ctx.scenario, PUT_SCENARIOS);
      const business = ukPropertyBusiness(taxpayer, ctx.params.businessId as string);
      const dates = propertyDates(body);
      const { fromDate: _from, toDate: _to, ...amounts } = body;
      acceptCumulative({
        taxpayer,
        business,
        taxYear,
        dates,
        amounts,
        spec: UK_PROPERTY_CUMULATIVE_SPEC,
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
      const taxYear = checkPath(ctx, false);
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
