import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E, rule } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { readBody, toStoredBody } from '../rules/body-shape';
import { propertyDates } from '../rules/cumulative-bodies';
import {
  checkForeignCumulativeRules,
  foreignCumulativeSpec,
} from '../rules/foreign-cumulative-body';
import { PROPERTY_ANNUAL_ERRORS, PROPERTY_ID } from '../rules/property-annual-body';
import { ParamErrors, checkTaxYear } from '../rules/path-params';
import {
  type ScenarioTable,
  isSandboxDefault,
  resolveScenario,
  ruleScenario,
} from '../scenarios/gov-test-scenario';
import {
  CUMULATIVE_PUT_SCENARIOS,
  TAX_YEAR_NOT_SUPPORTED,
} from '../scenarios/cumulative-scenarios';
import { isoTimestamp } from '../tax/dates';
import { entries, penceTreeToJson, text } from '../tax/pence-tree';
import { quarterlyPeriods } from '../tax/periods';
import { type TaxYear, taxYearEnd, taxYearStart } from '../tax/tax-year';
import { businessOf } from './business-lookup';
import { acceptCumulative } from './cumulative-submissions';

const PATH = '/individuals/business/property/foreign/:nino/:businessId/cumulative/:taxYear';
/** Cumulative summaries exist from 2025-26; entries are per property id from 2026-27. [PB taxYearFrom2025] */
const FIRST_CUMULATIVE_YEAR = 2025;
const PROPERTY_IDS_FROM = 2026;

const TYPE_OF_BUSINESS_INCORRECT = rule(
  'RULE_TYPE_OF_BUSINESS_INCORRECT',
  'The businessId is for a different type of business',
);
const PROPERTY_ID_MISMATCH = rule(
  'RULE_PROPERTY_ID_MISMATCH',
  'The supplied property ID is not valid for this income source',
);

/** [PB foreign_property_cumulative_summary_create_or_amend.yaml "Test data"] */
const PUT_SCENARIOS: ScenarioTable = {
  ...CUMULATIVE_PUT_SCENARIOS,
  PROPERTY_ID_MISMATCH: ruleScenario(PROPERTY_ID_MISMATCH.code, PROPERTY_ID_MISMATCH.message),
};
/** [PB foreign_property_cumulative_summary_retrieve.yaml "Test data"] */
const GET_SCENARIOS: ScenarioTable = {
  NOT_FOUND: { status: 404, error: E.notFound },
  TAX_YEAR_NOT_SUPPORTED,
  FOREIGN_PROPERTY_FULL_EXPENSES: { variant: 'full' },
  FOREIGN_PROPERTY_CONSOLIDATED: { variant: 'consolidated' },
  UK_PROPERTY: { status: 400, error: TYPE_OF_BUSINESS_INCORRECT },
};

const byPropertyId = (ty: TaxYear) => ty.startYear >= PROPERTY_IDS_FROM;

/** The tax year alone first: it picks the schema. [PB CreateAmendForeignPropertyCumulativePeriodSummarySchema.scala] */
function schemaYear(ctx: ApiContext): TaxYear {
  const alone = checkTaxYear(ctx.params.taxYear as string, FIRST_CUMULATIVE_YEAR);
  if ('error' in alone) throw new ApiError(400, [alone.error]);
  return alone.taxYear;
}

function cannedSummary(taxYear: TaxYear, consolidated: boolean, now: number) {
  const key = byPropertyId(taxYear)
    ? { propertyId: '00000000-0000-4000-8000-000000000001' }
    : { countryCode: 'FRA' };
  return {
    submittedOn: isoTimestamp(now),
    fromDate: taxYearStart(taxYear),
    toDate: quarterlyPeriods(taxYear, 'standard')[0]?.periodEndDate,
    foreignProperty: [
      {
        ...key,
        income: { rentIncome: { rentAmount: 2400 }, foreignTaxPaidOrDeducted: 120 },
        expenses: consolidated
          ? { consolidatedExpenses: 640 }
          : { premisesRunningCosts: 300, repairsAndMaintenance: 240, professionalFees: 100 },
      },
    ],
  };
}

/**
 * Property Business 6.0 foreign property cumulative period summary, create or amend (PUT) and
 * retrieve (GET): HMRC's checks in its order, then the cumulative rules shared with UK property
 * and self-employment (dates for quarterly customers, none for annual or latent ones).
 * [PB foreign_property_cumulative_summary.yaml; app/v6/createAmendForeignPropertyCumulativePeriodSummary/
 * def1|def2/Def*_CreateAmendForeignPropertyCumulativePeriodSummaryValidator.scala]
 */
export function registerForeignPropertyCumulative(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;
  const authorise = (ctx: ApiContext) =>
    authoriseForNino(ctx, store, ctx.params.nino as string, { allowSupportingAgent: true });

  registerApiRoute(app, deps, {
    method: 'PUT',
    url: PATH,
    api: 'property-business-api',
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const taxYear = schemaYear(ctx);
      const spec = foreignCumulativeSpec(byPropertyId(taxYear));
      const p = new ParamErrors();
      p.businessId(ctx.params.businessId as string);
      const read = readBody(ctx.body, spec);
      const errors = [...p.errors, ...(read.ok ? [] : read.errors)];
      if (errors.length > 0 || !read.ok) throw new ApiError(400, errors);
      const dates = propertyDates(read.body);
      const broken = checkForeignCumulativeRules(read.body, dates, byPropertyId(taxYear));
      if (broken.length > 0) throw new ApiError(400, broken);
      if (isSandboxDefault(resolveScenario(ctx.scenario, PUT_SCENARIOS))) return { status: 204 };
      const business = businessOf(taxpayer, ctx.params.businessId as string, {
        types: ['foreign-property'],
      });
      const { fromDate: _from, toDate: _to, ...figures } = read.body;
      const amounts = toStoredBody(figures, spec);
      if (byPropertyId(taxYear)) {
        const known = new Set((business.foreignProperties ?? []).map((fp) => fp.propertyId));
        if (
          entries(amounts, 'foreignProperty').some((e) => !known.has(text(e, 'propertyId') ?? ''))
        )
          throw new ApiError(400, [PROPERTY_ID_MISMATCH]);
      }
      acceptCumulative({ taxpayer, business, taxYear, dates, amounts, now: clock.now() });
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
      const taxpayer = authorise(ctx);
      const taxYear = schemaYear(ctx);
      const p = new ParamErrors();
      p.businessId(ctx.params.businessId as string);
      const propertyId = byPropertyId(taxYear) ? ctx.query.get('propertyId') : null;
      if (propertyId !== null && !PROPERTY_ID.test(propertyId))
        p.add(PROPERTY_ANNUAL_ERRORS.formatPropertyId);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      const scenario = resolveScenario(ctx.scenario, GET_SCENARIOS);
      if (scenario !== 'stateful')
        return {
          status: 200,
          body: cannedSummary(taxYear, scenario.variant === 'consolidated', clock.now()),
        };
      const business = businessOf(taxpayer, ctx.params.businessId as string, {
        types: ['foreign-property'],
        wrongType: { status: 400, error: TYPE_OF_BUSINESS_INCORRECT },
      });
      const record = business.cumulative[taxYear.label];
      const shown = entries(record?.amounts, 'foreignProperty').filter(
        (e) => propertyId === null || text(e, 'propertyId') === propertyId,
      );
      if (!record || shown.length === 0) throw new ApiError(404, [E.notFound]);
      return {
        status: 200,
        body: {
          submittedOn: isoTimestamp(record.submittedAt),
          // Annual or latent customers send no dates; the summary then covers the tax year.
          fromDate: record.fromDate ?? taxYearStart(taxYear),
          toDate: record.toDate ?? taxYearEnd(taxYear),
          foreignProperty: shown.map((e) => penceTreeToJson(e)),
        },
      };
    },
  });
}
