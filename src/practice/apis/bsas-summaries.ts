import { createHash } from 'node:crypto';
import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, type MtdError } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { objectAt, readBody, textAt, toStoredBody } from '../rules/body-shape';
import { ADJUSTMENT_SPECS, BSAS_ERRORS, checkAdjustments } from '../rules/bsas-bodies';
import { ParamErrors } from '../rules/path-params';
import { type ScenarioTable, resolveScenario, ruleScenario } from '../scenarios/gov-test-scenario';
import { type BusinessRecord, type PenceTree, type TaxpayerRecord } from '../state/model';
import { type BsasBusinessType, type BsasRecord } from '../state/return-model';
import {
  type SummaryLines,
  adjustFigures,
  adjustLines,
  resultingValueNotPermitted,
  summaryJson,
  summaryLines,
  summaryStatus,
  totalsOf,
} from '../tax/bsas-summary';
import { businessFigures } from '../tax/business-figures';
import { type BusinessFigures } from '../tax/business-figures-shape';
import { isoTimestamp, ukDate } from '../tax/dates';
import { amount, penceTreeToJson, subtree } from '../tax/pence-tree';
import { type TaxYear } from '../tax/tax-year';
import { OUTSIDE_WINDOW_SCENARIO } from './annual-documents';
import { OUTSIDE_AMENDMENT_WINDOW, outsideAmendmentWindow } from './business-lookup';

const BASE = '/individuals/self-assessment/adjustable-summary/:nino';
const API = 'self-assessment-bsas-api' as const;

/** [BSAS common/pathParameters.yaml calculationId] */
const CALCULATION_ID =
  /^[0-9]{8}|[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** [BSAS common/errors.yaml summaryNotFound] */
const SUMMARY_NOT_FOUND: MtdError = {
  code: 'MATCHING_RESOURCE_NOT_FOUND',
  message: 'Matching resource not found',
};

const scenarioError = (e: MtdError) => ruleScenario(e.code, e.message);
const CANNOT_BE_FULFILLED = {
  status: 422,
  error: {
    code: 'RULE_REQUEST_CANNOT_BE_FULFILLED',
    message: 'Custom (will vary in production depending on the actual error)',
  },
};
const TAX_YEAR_NOT_SUPPORTED = ruleScenario(
  'RULE_TAX_YEAR_NOT_SUPPORTED',
  'The tax year specified does not lie within the supported range',
);

/**
 * The retrieves' "N/A - DEFAULT" is "no data found"; the canned summaries of the other rows are
 * not modelled (STATEFUL gives a real one). [BSAS self_employment_retrieve.yaml,
 * uk_property_bsas_retrieve.yaml, foreign_property_retrieve.yaml "Test data"]
 */
const RETRIEVE_SCENARIOS: ScenarioTable = {
  NOT_FOUND: { status: 404, error: SUMMARY_NOT_FOUND },
  NOT_SELF_EMPLOYMENT: scenarioError(BSAS_ERRORS.typeOfBusinessIncorrect),
  NOT_UK_PROPERTY: scenarioError(BSAS_ERRORS.typeOfBusinessIncorrect),
  NOT_FOREIGN_PROPERTY: scenarioError(BSAS_ERRORS.typeOfBusinessIncorrect),
  TAX_YEAR_NOT_SUPPORTED,
  REQUEST_CANNOT_BE_FULFILLED: CANNOT_BE_FULFILLED,
};

/** [BSAS self_employment_adjustments_submit.yaml and the property ones, "Test data"] */
const SUBMIT_SCENARIOS: ScenarioTable = {
  TYPE_OF_BUSINESS_INCORRECT: scenarioError(BSAS_ERRORS.typeOfBusinessIncorrect),
  SUMMARY_STATUS_INVALID: scenarioError(BSAS_ERRORS.summaryInvalid),
  SUMMARY_STATUS_SUPERSEDED: scenarioError(BSAS_ERRORS.summarySuperseded),
  ALREADY_ADJUSTED: scenarioError(BSAS_ERRORS.alreadyAdjusted),
  RESULTING_VALUE_NOT_PERMITTED: scenarioError(BSAS_ERRORS.resultingValueNotPermitted),
  TRADING_INCOME_ALLOWANCE_CLAIMED: scenarioError(BSAS_ERRORS.tradingAllowanceClaimed),
  PROPERTY_INCOME_ALLOWANCE_CLAIMED: scenarioError(BSAS_ERRORS.propertyAllowanceClaimed),
  OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO,
  NOT_FOUND: { status: 404, error: SUMMARY_NOT_FOUND },
  TAX_YEAR_NOT_SUPPORTED,
  REQUEST_CANNOT_BE_FULFILLED: CANNOT_BE_FULFILLED,
};

const TYPES: readonly BsasBusinessType[] = ['self-employment', 'uk-property', 'foreign-property'];

/**
 * A stable identifier for the year's submission: a name-based (version 5 form) UUID of the
 * business and year, as the retrieve's `submissionPeriod.submissionId` pattern requires.
 * [BSAS schemas/retrieve_self_employment/def3/response.json submissionId]
 */
function submissionId(businessId: string, taxYear: string): string {
  const h = createHash('sha1').update(`${businessId}/${taxYear}`).digest('hex');
  const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function pathChecks(ctx: ApiContext): TaxYear {
  const p = new ParamErrors();
  if (!CALCULATION_ID.test(ctx.params.calculationId as string))
    p.add(BSAS_ERRORS.formatCalculationId);
  const ty = p.taxYear(ctx.params.taxYear as string);
  // The path's tax year starts at 2023-24. [BSAS common/errors.yaml invalidTaxYear]
  if (ty && ty.startYear < 2023) p.add(BSAS_ERRORS.invalidTaxYear);
  if (p.errors.length > 0 || !ty) throw new ApiError(400, p.errors);
  return ty;
}

function summaryOf(
  taxpayer: TaxpayerRecord,
  ctx: ApiContext,
  ty: TaxYear,
  type: BsasBusinessType,
): { summary: BsasRecord; business: BusinessRecord } {
  const summary = (taxpayer.bsas ?? []).find(
    (s) => s.calculationId === ctx.params.calculationId && s.taxYear === ty.label,
  );
  const business = taxpayer.businesses.find((b) => b.businessId === summary?.businessId);
  if (!summary || !business) throw new ApiError(404, [SUMMARY_NOT_FOUND]);
  if (summary.typeOfBusiness !== type)
    throw new ApiError(400, [BSAS_ERRORS.typeOfBusinessIncorrect]);
  return { summary, business };
}

/** The summary calculation's JSON: one set of lines, or for foreign property the total and each country. */
function calculationJson(
  type: BsasBusinessType,
  lines: SummaryLines[],
  figures: BusinessFigures[],
): Record<string, unknown> {
  if (type !== 'foreign-property')
    return summaryJson(
      type,
      lines[0] ?? { income: {}, expenses: {}, additions: {} },
      totalsOf(figures),
    );
  const merged: SummaryLines = { income: {}, expenses: {}, additions: {} };
  for (const l of lines)
    for (const group of ['income', 'expenses', 'additions'] as const)
      for (const [k, v] of Object.entries(l[group])) merged[group][k] = (merged[group][k] ?? 0) + v;
  return {
    ...summaryJson(type, merged, totalsOf(figures)),
    countryLevelDetail: lines.map((l) =>
      summaryJson(type, l, totalsOf(figures.filter((f) => f.countryCode === l.countryCode))),
    ),
  };
}

/** The adjustments as the retrieve shows them: property ones without their business wrapper. */
function adjustmentsJson(type: BsasBusinessType, stored: PenceTree): Record<string, unknown> {
  const json = penceTreeToJson(stored);
  if (type === 'uk-property') return (json.ukProperty ?? {}) as Record<string, unknown>;
  if (type === 'foreign-property') return (json.foreignProperty ?? {}) as Record<string, unknown>;
  return json;
}

/**
 * Retrieve and Submit Accounting Adjustments for the three business types. A summary can be
 * adjusted once, while it is the latest for its period and its data has not changed; the
 * adjustments then count in HMRC's calculation of the year. Supporting agents are allowed.
 * [BSAS self_employment_retrieve.yaml, self_employment_adjustments_submit.yaml,
 * uk_property_bsas_retrieve.yaml, uk_property_accounting_adjustments_submit.yaml,
 * foreign_property_retrieve.yaml, foreign_property_accounting_adjustments_submit.yaml;
 * SOURCES.md "Supporting agents"]
 */
export function registerBsasSummaries(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;
  for (const type of TYPES) {
    registerApiRoute(app, deps, {
      method: 'GET',
      url: `${BASE}/${type}/:calculationId/:taxYear`,
      api: API,
      restriction: 'user',
      handler: (ctx) => {
        const taxpayer = authoriseForNino(ctx, store, ctx.params.nino as string, {
          allowSupportingAgent: true,
        });
        const ty = pathChecks(ctx);
        const scenario = resolveScenario(ctx.scenario, RETRIEVE_SCENARIOS);
        if (scenario !== 'stateful') throw new ApiError(404, [SUMMARY_NOT_FOUND]);
        const { summary, business } = summaryOf(taxpayer, ctx, ty, type);
        const record = business.cumulative[ty.label];
        const figures = record
          ? businessFigures(business, record, business.annual?.[ty.label])
          : [];
        const lines = summaryLines(business, ty);
        const adjusted = summary.adjustments;
        return {
          status: 200,
          body: {
            metadata: {
              calculationId: summary.calculationId,
              requestedDateTime: isoTimestamp(summary.requestedAt),
              ...(summary.adjustedAt !== undefined
                ? { adjustedDateTime: isoTimestamp(summary.adjustedAt) }
                : {}),
              nino: taxpayer.nino,
              taxYear: ty.label,
              summaryStatus: summaryStatus(taxpayer, business, summary),
            },
            inputs: {
              ...(type === 'self-employment' ? { typeOfBusiness: type } : {}),
              businessId: business.businessId,
              ...(business.tradingName ? { businessName: business.tradingName } : {}),
              accountingPeriodStartDate: summary.accountingPeriodStartDate,
              accountingPeriodEndDate: summary.accountingPeriodEndDate,
              source: 'MTD-SA',
              submissionPeriod: {
                submissionId: submissionId(business.businessId, ty.label),
                startDate: record?.fromDate ?? summary.accountingPeriodStartDate,
                endDate: record?.toDate ?? summary.accountingPeriodEndDate,
                receivedDateTime: isoTimestamp(record?.submittedAt ?? summary.requestedAt),
              },
            },
            adjustableSummaryCalculation: calculationJson(type, lines, figures),
            ...(adjusted ? { adjustments: adjustmentsJson(type, adjusted) } : {}),
            // UK property always has the adjusted calculation (the same figures until adjusted).
            // [BSAS schemas/retrieve_uk_property/def2/retrieve_uk_property.json required]
            ...(adjusted || type === 'uk-property'
              ? {
                  adjustedSummaryCalculation: calculationJson(
                    type,
                    adjusted ? lines.map((l) => adjustLines(type, l, adjusted)) : lines,
                    adjusted ? adjustFigures(figures, summary) : figures,
                  ),
                }
              : {}),
          },
        };
      },
    });

    registerApiRoute(app, deps, {
      method: 'POST',
      url: `${BASE}/${type}/:calculationId/adjust/:taxYear`,
      api: API,
      restriction: 'user',
      jsonBody: true,
      handler: (ctx) => {
        const taxpayer = authoriseForNino(ctx, store, ctx.params.nino as string, {
          allowSupportingAgent: true,
        });
        const errors: MtdError[] = [];
        const p = new ParamErrors();
        if (!CALCULATION_ID.test(ctx.params.calculationId as string))
          p.add(BSAS_ERRORS.formatCalculationId);
        const ty = p.taxYear(ctx.params.taxYear as string);
        if (ty && ty.startYear < 2023) p.add(BSAS_ERRORS.invalidTaxYear);
        errors.push(...p.errors);
        const spec = ADJUSTMENT_SPECS[type];
        const read = readBody(ctx.body, spec);
        if (!read.ok) errors.push(...read.errors);
        if (errors.length > 0 || !read.ok || !ty) throw new ApiError(400, errors);
        const broken = checkAdjustments(type, read.body);
        if (broken.length > 0) throw new ApiError(400, broken);
        if (resolveScenario(ctx.scenario, SUBMIT_SCENARIOS) !== 'stateful') return { status: 200 };
        const { summary, business } = summaryOf(taxpayer, ctx, ty, type);
        const status = summaryStatus(taxpayer, business, summary);
        if (status === 'invalid') throw new ApiError(400, [BSAS_ERRORS.summaryInvalid]);
        if (status === 'superseded') throw new ApiError(400, [BSAS_ERRORS.summarySuperseded]);
        if (summary.adjustments) throw new ApiError(400, [BSAS_ERRORS.alreadyAdjusted]);
        const stored = toStoredBody(read.body, spec);
        allowanceRules(type, business, ty, read.body);
        if (resultingValueNotPermitted(business, ty, type, stored))
          throw new ApiError(400, [BSAS_ERRORS.resultingValueNotPermitted]);
        if (outsideAmendmentWindow(ty, ukDate(clock.now())))
          throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
        summary.adjustments = stored;
        summary.adjustedAt = clock.now();
        store.changed();
        return { status: 200 };
      },
    });
  }
}

/** Consolidated expenses are for a turnover below £90,000. [reference §5.4 "Consolidated expenses threshold"] */
const CONSOLIDATED_THRESHOLD = 9_000_000;

/**
 * With the trading (or property) income allowance claimed, expenses cannot be adjusted; and
 * consolidated expenses are refused when turnover is over the threshold. [BSAS common/errors.yaml
 * ruleTradingIncomeAllowanceClaimed, rulePropertyIncomeAllowanceClaimed,
 * ruleOverConsolidatedExpensesThreshold]
 */
function allowanceRules(
  type: BsasBusinessType,
  business: BusinessRecord,
  ty: TaxYear,
  body: Parameters<typeof objectAt>[0],
): void {
  const annual = business.annual?.[ty.label]?.body;
  if (type === 'self-employment') {
    if (
      objectAt(body, 'expenses') &&
      subtree(annual, 'allowances')?.tradingIncomeAllowance !== undefined
    )
      throw new ApiError(400, [BSAS_ERRORS.tradingAllowanceClaimed]);
    const turnover = amount(business.cumulative[ty.label]?.amounts, 'periodIncome', 'turnover');
    if (
      textAt(body, 'expenses', 'consolidatedExpenses') !== undefined &&
      turnover >= CONSOLIDATED_THRESHOLD
    )
      throw new ApiError(400, [
        {
          code: 'RULE_OVER_CONSOLIDATED_EXPENSES_THRESHOLD',
          message: 'The cumulative turnover amount exceeds the consolidated expenses threshold',
        },
      ]);
    return;
  }
  if (type === 'uk-property') {
    if (
      objectAt(body, 'ukProperty', 'expenses') &&
      subtree(annual, 'ukProperty', 'allowances')?.propertyIncomeAllowance !== undefined
    )
      throw new ApiError(400, [BSAS_ERRORS.propertyAllowanceClaimed]);
  }
}
