import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E, type MtdError } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { objectAt, readBody, toStoredBody } from '../rules/body-shape';
import {
  LOSSES_7_FROM,
  LOSSES_AND_CLAIMS_SPEC,
  LOSS_ERRORS,
  checkLossesAndClaims,
  lossesAndClaimsBodyFirst,
} from '../rules/losses-bodies';
import { ParamErrors } from '../rules/path-params';
import { temporalChecks } from '../rules/temporal-validation';
import { type ScenarioTable, resolveScenario, ruleScenario } from '../scenarios/gov-test-scenario';
import { type TaxpayerRecord } from '../state/model';
import { type LossRecords } from '../state/return-model';
import { isoTimestamp, ukDate } from '../tax/dates';
import { penceTreeToJson } from '../tax/pence-tree';
import { type TaxYear, taxYearEnd } from '../tax/tax-year';
import { NOT_FOUND_SCENARIO, OUTSIDE_WINDOW_SCENARIO } from './annual-documents';
import { OUTSIDE_AMENDMENT_WINDOW, businessOf, outsideAmendmentWindow } from './business-lookup';

const PATH = '/individuals/losses/:nino/businesses/:businessId/loss-claims/:taxYear';
const API = 'individual-losses-api' as const;
const V7 = ['7.0'] as const;

/** [IL losses_and_claims_create_amend.yaml, _retrieve.yaml, _delete.yaml "Test data"] */
const SCENARIOS: Record<'put' | 'get' | 'delete', ScenarioTable> = {
  put: {
    NOT_FOUND: NOT_FOUND_SCENARIO,
    CARRY_BACK_CLAIM: ruleScenario(
      LOSS_ERRORS.carryBackClaim.code,
      LOSS_ERRORS.carryBackClaim.message,
    ),
    OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO,
  },
  get: { TERMINAL_LOSS_CLAIM: { variant: 'terminal' }, NOT_FOUND: NOT_FOUND_SCENARIO },
  delete: { NOT_FOUND: NOT_FOUND_SCENARIO, OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO },
};

export function lossRecordsOf(taxpayer: TaxpayerRecord): LossRecords {
  taxpayer.losses ??= { broughtForward: [], claims: [], lossesAndClaims: {} };
  return taxpayer.losses;
}

/**
 * Individual Losses 7.0, Losses and Claims: one resource per business per tax year from 2026-27
 * (losses brought forward into the year, and claims for the year's loss: carry back, sideways,
 * forward). Supporting agents are allowed. [IL losses_and_claims.yaml; conf/application.conf
 * api.supporting-agent-endpoints create-or-amend-losses-and-claims, retrieve-, delete- = true]
 */
export function registerLossesAndClaims(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;
  const authorise = (ctx: ApiContext) =>
    authoriseForNino(ctx, store, ctx.params.nino as string, { allowSupportingAgent: true });

  /** Business id and tax year (from 2026-27) together. [IL app/v7/lossesAndClaims/retrieve/RetrieveLossesAndClaimsValidator.scala] */
  function params(ctx: ApiContext, errors: MtdError[] = []): TaxYear | undefined {
    const p = new ParamErrors();
    p.businessId(ctx.params.businessId as string);
    const ty = p.taxYear(ctx.params.taxYear as string, LOSSES_7_FROM);
    errors.push(...p.errors);
    return ty;
  }

  registerApiRoute(app, deps, {
    method: 'PUT',
    url: PATH,
    api: API,
    versions: V7,
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      // The body first (its fields, amounts and claim rules), then business id, tax year
      // (which must have ended, unless suspended) and body together. [IL app/v7/lossesAndClaims/
      // createAmend/request/CreateAmendLossesAndClaimsValidator.scala validate: validateRequestBody
      // andThen ...; ResolveTaxYearMinimum(allowIncompleteTaxYear = !temporalValidationEnabled)]
      const first = lossesAndClaimsBodyFirst(ctx.body);
      if (first.length > 0) throw new ApiError(400, first);
      const early = readBody(ctx.body, LOSSES_AND_CLAIMS_SPEC);
      const rules = early.ok ? checkLossesAndClaims(early.body) : [];
      if (rules.length > 0) throw new ApiError(400, rules);
      const errors: MtdError[] = [];
      const ty = params(ctx, errors);
      if (ty && temporalChecks(ctx) && ukDate(clock.now()) <= taxYearEnd(ty))
        errors.push(LOSS_ERRORS.taxYearNotEnded);
      const read = readBody(ctx.body, LOSSES_AND_CLAIMS_SPEC);
      if (!read.ok) errors.push(...read.errors);
      if (errors.length > 0 || !read.ok || !ty) throw new ApiError(400, errors);
      if (resolveScenario(ctx.scenario, SCENARIOS.put) !== 'stateful') return { status: 204 };
      const business = businessOf(taxpayer, ctx.params.businessId as string, {
        types: ['self-employment', 'uk-property', 'foreign-property'],
      });
      // Carrying a loss back is for trading losses only. [IL CreateAmendLossesAndClaimsService.scala "1262"]
      if (
        business.typeOfBusiness !== 'self-employment' &&
        objectAt(read.body, 'claims', 'carryBack')
      )
        throw new ApiError(400, [LOSS_ERRORS.carryBackClaim]);
      if (outsideAmendmentWindow(ty, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      const records = lossRecordsOf(taxpayer);
      records.lossesAndClaims[business.businessId] = {
        ...records.lossesAndClaims[business.businessId],
        [ty.label]: {
          body: toStoredBody(read.body, LOSSES_AND_CLAIMS_SPEC),
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
    api: API,
    versions: V7,
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const errors: MtdError[] = [];
      const ty = params(ctx, errors);
      if (errors.length > 0 || !ty) throw new ApiError(400, errors);
      const scenario = resolveScenario(ctx.scenario, SCENARIOS.get);
      if (scenario !== 'stateful') {
        const terminal = scenario.variant === 'terminal';
        return {
          status: 200,
          body: {
            submittedOn: isoTimestamp(clock.now()),
            claims: terminal
              ? { carryBack: { terminalLosses: 1500 } }
              : { carryForward: { currentYearLosses: 1500 } },
          },
        };
      }
      const record = taxpayer.losses?.lossesAndClaims[ctx.params.businessId as string]?.[ty.label];
      if (!record) throw new ApiError(404, [E.notFound]);
      return {
        status: 200,
        body: { submittedOn: isoTimestamp(record.submittedAt), ...penceTreeToJson(record.body) },
      };
    },
  });

  registerApiRoute(app, deps, {
    method: 'DELETE',
    url: PATH,
    api: API,
    versions: V7,
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const errors: MtdError[] = [];
      const ty = params(ctx, errors);
      if (errors.length > 0 || !ty) throw new ApiError(400, errors);
      if (resolveScenario(ctx.scenario, SCENARIOS.delete) !== 'stateful') return { status: 204 };
      if (outsideAmendmentWindow(ty, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      const byYear = taxpayer.losses?.lossesAndClaims[ctx.params.businessId as string];
      if (!byYear?.[ty.label]) throw new ApiError(404, [E.notFound]);
      delete byYear[ty.label];
      store.changed();
      return { status: 204 };
    },
  });
}
