import { randomUUID } from 'node:crypto';
import { type FastifyInstance } from 'fastify';
import { type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, type MtdError } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { readBody, textAt } from '../rules/body-shape';
import {
  BSAS_ERRORS,
  BSAS_TYPES_WITH_FHL,
  EARLIEST_PERIOD_END,
  FHL_TYPES,
  TRIGGER_SPEC,
  checkTriggerFormats,
} from '../rules/bsas-bodies';
import { ParamErrors } from '../rules/path-params';
import { temporalChecks } from '../rules/temporal-validation';
import {
  NOT_FOUND_SCENARIO,
  type ScenarioTable,
  isSandboxDefault,
  resolveScenario,
  ruleScenario,
} from '../scenarios/gov-test-scenario';
import { BUSINESS_ID_PATTERN } from '../state/test-users';
import { type BsasRecord } from '../state/return-model';
import { isoTimestamp, ukDate } from '../tax/dates';
import { summaryStatus } from '../tax/bsas-summary';
import { taxYearEnd, taxYearOf, taxYearStart } from '../tax/tax-year';
import { OUTSIDE_WINDOW_SCENARIO } from './annual-documents';
import { OUTSIDE_AMENDMENT_WINDOW, outsideAmendmentWindow } from './business-lookup';

const BASE = '/individuals/self-assessment/adjustable-summary/:nino';
const API = 'self-assessment-bsas-api' as const;

const CANNOT_BE_FULFILLED = ruleScenario(
  'RULE_REQUEST_CANNOT_BE_FULFILLED',
  'Custom (will vary in production depending on the actual error)',
);
const unprocessable = { ...(CANNOT_BE_FULFILLED as { error: MtdError }), status: 422 };

/** [BSAS bsas_trigger.yaml "Test data"] */
const TRIGGER_SCENARIOS: ScenarioTable = {
  NO_ACCOUNTING_PERIOD: ruleScenario(
    BSAS_ERRORS.noAccountingPeriod.code,
    BSAS_ERRORS.noAccountingPeriod.message,
  ),
  OBLIGATIONS_NOT_MET: ruleScenario(
    BSAS_ERRORS.obligationsNotMet.code,
    BSAS_ERRORS.obligationsNotMet.message,
  ),
  ACCOUNTING_PERIOD_NOT_ENDED: ruleScenario(
    BSAS_ERRORS.periodNotEnded.code,
    BSAS_ERRORS.periodNotEnded.message,
  ),
  OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO,
  NOT_FOUND: { status: 404, error: BSAS_ERRORS.triggerNotFound },
  TAX_YEAR_NOT_SUPPORTED: ruleScenario(
    'RULE_TAX_YEAR_NOT_SUPPORTED',
    'The tax year specified does not lie within the supported range',
  ),
  REQUEST_CANNOT_BE_FULFILLED: unprocessable,
};

/** [BSAS bsas_list.yaml "Test data"]: the canned lists are not modelled; NOT_FOUND and errors are. */
const LIST_SCENARIOS: ScenarioTable = {
  NOT_FOUND: NOT_FOUND_SCENARIO,
  REQUEST_CANNOT_BE_FULFILLED: unprocessable,
};

/**
 * Business Source Adjustable Summary 7.0, trigger and list. A summary is the year's figures of one
 * business for the accounting period, made so that accounting adjustments can be entered against
 * it. Supporting agents are allowed. [BSAS bsas_trigger.yaml, bsas_list.yaml; SOURCES.md
 * "Supporting agents": all BSAS endpoints allowed]
 */
export function registerBsas(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;

  registerApiRoute(app, deps, {
    method: 'POST',
    url: `${BASE}/trigger`,
    api: API,
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authoriseForNino(ctx, store, ctx.params.nino as string, {
        allowSupportingAgent: true,
      });
      const read = readBody(ctx.body, TRIGGER_SPEC);
      if (!read.ok) throw new ApiError(400, read.errors);
      const formats = checkTriggerFormats(read.body, BUSINESS_ID_PATTERN);
      if (formats.length > 0) throw new ApiError(400, formats);
      const start = textAt(read.body, 'accountingPeriod', 'startDate') as string;
      const end = textAt(read.body, 'accountingPeriod', 'endDate') as string;
      const type = textAt(read.body, 'typeOfBusiness') as (typeof BSAS_TYPES_WITH_FHL)[number];
      const businessId = textAt(read.body, 'businessId') as string;
      // [BSAS common/errors.yaml ruleEndDateBeforeStartDate, ruleAccountingPeriodNotSupported;
      // schemas/trigger/def2/request.json accountingPeriod: earliest year per business type]
      if (end < start) throw new ApiError(400, [BSAS_ERRORS.endBeforeStart]);
      if (end < (EARLIEST_PERIOD_END[type] as string))
        throw new ApiError(400, [BSAS_ERRORS.periodNotSupported]);
      const ty = taxYearOf(end);
      // FHL types end with 2024-25. [BSAS bsas_trigger.yaml note; schemas/trigger/def2/request.json]
      if (FHL_TYPES.includes(type) && ty.startYear >= 2025)
        throw new ApiError(400, [BSAS_ERRORS.formatTypeOfBusiness]);
      // From 2025-26 the period is the whole tax year. [BSAS common/errors.yaml ruleAccountingPeriodNotAligned;
      // schemas/trigger/def2/request.json: starts 6 April, ends 5 April]
      if (start !== taxYearStart(ty) || end !== taxYearEnd(ty))
        throw new ApiError(400, [BSAS_ERRORS.periodNotAligned]);
      const scenario = resolveScenario(ctx.scenario, TRIGGER_SCENARIOS);
      if (scenario !== 'stateful') {
        return { status: 200, body: { calculationId: 'c75f40a6-a3df-4429-a697-471eeec46435' } };
      }
      const business = taxpayer.businesses.find((b) => b.businessId === businessId);
      if (!business || business.typeOfBusiness !== type)
        throw new ApiError(404, [BSAS_ERRORS.triggerNotFound]);
      const today = ukDate(clock.now());
      if (temporalChecks(ctx) && today <= end)
        throw new ApiError(400, [BSAS_ERRORS.periodNotEnded]);
      // Every update for the year must be in: the cumulative summary reaches the period's end.
      // [BSAS bsas_trigger.yaml OBLIGATIONS_NOT_MET "obligations for the business have not been met"]
      const record = business.cumulative[ty.label];
      if (!record) throw new ApiError(400, [BSAS_ERRORS.noAccountingPeriod]);
      if ((record.toDate ?? '') < end) throw new ApiError(400, [BSAS_ERRORS.obligationsNotMet]);
      if (outsideAmendmentWindow(ty, today)) throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      const summary: BsasRecord = {
        calculationId: randomUUID(),
        businessId,
        typeOfBusiness: type,
        taxYear: ty.label,
        accountingPeriodStartDate: start,
        accountingPeriodEndDate: end,
        requestedAt: clock.now(),
      };
      taxpayer.bsas = [...(taxpayer.bsas ?? []), summary];
      store.changed();
      return { status: 200, body: { calculationId: summary.calculationId } };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: `${BASE}/:taxYear`,
    api: API,
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authoriseForNino(ctx, store, ctx.params.nino as string, {
        allowSupportingAgent: true,
      });
      // Tax year and the two optional filters together. [BSAS bsas_list.yaml 400 errors;
      // common/queryParameters.yaml typeOfBusinessOptional, businessIdOptional]
      const p = new ParamErrors();
      const ty = p.taxYear(ctx.params.taxYear as string, 2019);
      const type = ctx.query.get('typeOfBusiness');
      const businessId = ctx.query.get('businessId');
      if (type !== null) {
        const fhlLate = FHL_TYPES.includes(type) && (ty?.startYear ?? 0) >= 2025;
        if (!(BSAS_TYPES_WITH_FHL as readonly string[]).includes(type) || fhlLate)
          p.add(BSAS_ERRORS.formatTypeOfBusiness);
      }
      if (businessId !== null && !BUSINESS_ID_PATTERN.test(businessId))
        p.add(BSAS_ERRORS.formatBusinessId);
      if (p.errors.length > 0 || !ty) throw new ApiError(400, p.errors);
      const scenario = resolveScenario(ctx.scenario, LIST_SCENARIOS);
      if (scenario !== 'stateful' && isSandboxDefault(scenario)) {
        return {
          status: 200,
          body: {
            businessSources: [
              {
                businessId: 'XBIS12345678901',
                typeOfBusiness: 'self-employment',
                accountingPeriod: { startDate: taxYearStart(ty), endDate: taxYearEnd(ty) },
                taxYear: ty.label,
                summaries: [
                  {
                    calculationId: '76350054-0f11-4024-a811-99bcf5ced792',
                    requestedDateTime: isoTimestamp(clock.now()),
                    summaryStatus: 'valid',
                    adjustedSummary: false,
                  },
                ],
              },
            ],
          },
        };
      }
      const summaries = (taxpayer.bsas ?? []).filter(
        (s) =>
          s.taxYear === ty.label &&
          (type === null || s.typeOfBusiness === type) &&
          (businessId === null || s.businessId === businessId),
      );
      if (summaries.length === 0) throw new ApiError(404, [NOT_FOUND_SCENARIO_ERROR]);
      const byBusiness = new Map<string, BsasRecord[]>();
      for (const s of summaries)
        byBusiness.set(s.businessId, [...(byBusiness.get(s.businessId) ?? []), s]);
      return {
        status: 200,
        body: {
          businessSources: [...byBusiness.values()].map((list) => {
            const first = list[0] as BsasRecord;
            const business = taxpayer.businesses.find((b) => b.businessId === first.businessId);
            return {
              businessId: first.businessId,
              typeOfBusiness: first.typeOfBusiness,
              accountingPeriod: {
                startDate: first.accountingPeriodStartDate,
                endDate: first.accountingPeriodEndDate,
              },
              taxYear: first.taxYear,
              // Newest first, as HMRC's example lists them. [BSAS examples/list/def2/list_response.json]
              summaries: [...list].reverse().map((s) => ({
                calculationId: s.calculationId,
                requestedDateTime: isoTimestamp(s.requestedAt),
                summaryStatus: business ? summaryStatus(taxpayer, business, s) : 'invalid',
                adjustedSummary: s.adjustments !== undefined,
                ...(s.adjustedAt !== undefined
                  ? { adjustedDateTime: isoTimestamp(s.adjustedAt) }
                  : {}),
              })),
            };
          }),
        },
      };
    },
  });
}

/** [BSAS common/errors.yaml ListNotFound] */
const NOT_FOUND_SCENARIO_ERROR: MtdError = {
  code: 'MATCHING_RESOURCE_NOT_FOUND',
  message: 'Matching resource not found',
};
