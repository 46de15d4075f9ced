import { randomBytes } from 'node:crypto';
import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E, type MtdError } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { BUSINESS_ID_PATTERN } from '../state/test-users';
import { listAt, readBody, textAt } from '../rules/body-shape';
import {
  AMEND_ORDER_SPEC,
  AMEND_TYPE_SPEC,
  CLAIM_TYPES_OF_LOSS,
  CLAIM_YEARS,
  CREATE_CLAIM_SPEC,
  LOSS_ERRORS,
  LOSS_OR_CLAIM_ID,
  TYPES_OF_CLAIM,
  claimAllowed,
  checkVersionYear,
} from '../rules/losses-bodies';
import { type ScenarioTable, resolveScenario, ruleScenario } from '../scenarios/gov-test-scenario';
import { type TaxpayerRecord } from '../state/model';
import { type LossClaimRecord, type TypeOfClaim } from '../state/return-model';
import { isoTimestamp, ukDate } from '../tax/dates';
import { taxYearEnd, taxYearStart } from '../tax/tax-year';
import { NOT_FOUND_SCENARIO, OUTSIDE_WINDOW_SCENARIO } from './annual-documents';
import { OUTSIDE_AMENDMENT_WINDOW, businessOf, outsideAmendmentWindow } from './business-lookup';
import { lossRecordsOf } from './losses-and-claims';

const BASE = '/individuals/losses/:nino/loss-claims';
const API = 'individual-losses-api' as const;
const V6 = ['6.0'] as const;
type ClaimLoss = (typeof CLAIM_TYPES_OF_LOSS)[number];

const asRule = (e: MtdError) => ruleScenario(e.code, e.message);
const VARIANTS = (...names: string[]) =>
  Object.fromEntries(names.map((n) => [n, { variant: n }])) as ScenarioTable;

/** [IL 6.0 loss_claims_*.yaml "Test data"] */
const SCENARIOS: Record<'create' | 'list' | 'get' | 'delete' | 'type' | 'order', ScenarioTable> = {
  create: {
    NOT_FOUND: NOT_FOUND_SCENARIO,
    DUPLICATE: asRule(LOSS_ERRORS.duplicateClaim),
    ACCOUNTING_PERIOD_NOT_ENDED: asRule(LOSS_ERRORS.periodNotEnded),
    NO_ACCOUNTING_PERIOD: asRule(LOSS_ERRORS.noAccountingPeriod),
    OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO,
    CSFHL_CLAIM_NOT_SUPPORTED: asRule(LOSS_ERRORS.csfhlNotSupported),
  },
  list: {
    ...VARIANTS('UK_PROPERTY', 'FOREIGN_PROPERTY'),
    NOT_FOUND: NOT_FOUND_SCENARIO,
    DYNAMIC: 'stateful',
  },
  get: { ...VARIANTS('UK_PROPERTY', 'FOREIGN_PROPERTY'), NOT_FOUND: NOT_FOUND_SCENARIO },
  delete: { NOT_FOUND: NOT_FOUND_SCENARIO, OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO },
  type: {
    ...VARIANTS(
      'FP_FORWARD',
      'FP_SIDEWAYS',
      'UK_FORWARD',
      'UK_FORWARD_TO_SIDEWAYS',
      'UK_SIDEWAYS',
      'UK_SIDEWAYS_FHL',
      'SE_FORWARD',
      'SE_SIDEWAYS',
      'DYNAMIC',
    ),
    NO_CHANGE: asRule(LOSS_ERRORS.claimTypeNotChanged),
    TYPE_OF_CLAIM_INVALID: asRule(LOSS_ERRORS.typeOfClaimInvalid),
    CSFHL_CLAIM_NOT_SUPPORTED: asRule(LOSS_ERRORS.csfhlNotSupported),
    NOT_FOUND: NOT_FOUND_SCENARIO,
    OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO,
  },
  order: {
    LOSS_CLAIMS_MISSING: asRule(LOSS_ERRORS.lossClaimsMissing),
    NOT_FOUND: NOT_FOUND_SCENARIO,
    OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO,
  },
};

/** carry-sideways-fhl is not accepted from 2025-26, when FHL rules end. [IL 6.0 loss_claims_create.yaml] */
const CSFHL_ENDS = 2025;

function view(c: LossClaimRecord) {
  return {
    businessId: c.businessId,
    typeOfLoss: c.typeOfLoss,
    typeOfClaim: c.typeOfClaim,
    taxYearClaimedFor: c.taxYearClaimedFor,
    ...(c.sequence !== undefined ? { sequence: c.sequence } : {}),
    lastModified: isoTimestamp(c.lastModified),
  };
}

function canned(variant: string | undefined, now: number) {
  const v = variant ?? '';
  const typeOfLoss = v.startsWith('UK')
    ? 'uk-property'
    : v.startsWith('F')
      ? 'foreign-property'
      : 'self-employment';
  const typeOfClaim: TypeOfClaim = v.endsWith('FORWARD_TO_SIDEWAYS')
    ? 'carry-forward-to-carry-sideways'
    : v.endsWith('FHL')
      ? 'carry-sideways-fhl'
      : v.endsWith('SIDEWAYS') || typeOfLoss !== 'self-employment'
        ? 'carry-sideways'
        : 'carry-forward';
  return {
    businessId: typeOfLoss === 'self-employment' ? 'XAIS12345678910' : 'XPIS12345678910',
    typeOfLoss,
    typeOfClaim,
    taxYearClaimedFor: '2024-25',
    lastModified: isoTimestamp(now),
  };
}

function claimOf(taxpayer: TaxpayerRecord, claimId: string): LossClaimRecord {
  const claim = taxpayer.losses?.claims.find((c) => c.claimId === claimId);
  if (!claim) throw new ApiError(404, [E.notFound]);
  return claim;
}

function newId(taxpayer: TaxpayerRecord): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const taken = new Set(taxpayer.losses?.claims.map((c) => c.claimId));
  for (;;) {
    const id = [...randomBytes(15)].map((b) => alphabet[b % alphabet.length]).join('');
    if (!taken.has(id)) return id;
  }
}

/** A string field of a JSON object body, if it is one (for HMRC's enum checks made before anything else). */
function field(body: unknown, name: string): unknown {
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)[name]
    : undefined;
}

/**
 * Individual Losses 6.0, loss claims (tax years 2019-20 to 2025-26): create, list, retrieve,
 * delete, change the type of claim, and set the order carry-sideways claims are used in.
 * Supporting agents are allowed. [IL 6.0 loss_claims_*.yaml; conf/application.conf
 * api.supporting-agent-endpoints create-loss-claim, list-loss-claims, retrieve-loss-claim,
 * delete-loss-claim, amend-loss-claim-type, amend-loss-claims-order = true]
 */
export function registerLossClaims(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;
  const authorise = (ctx: ApiContext) =>
    authoriseForNino(ctx, store, ctx.params.nino as string, { allowSupportingAgent: true });
  const claimYear = (value: string, path?: string) =>
    checkVersionYear(value, CLAIM_YEARS, {
      formatError: LOSS_ERRORS.formatTaxYearClaimedFor,
      ...(path ? { path } : {}),
    });

  registerApiRoute(app, deps, {
    method: 'POST',
    url: BASE,
    api: API,
    versions: V6,
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      // The two enums first, then the body, then its fields and the claim's rule.
      // [IL app/v6/lossClaims/create/def1/Def1_CreateLossClaimValidator.scala]
      const enums: MtdError[] = [];
      const loss = field(ctx.body, 'typeOfLoss');
      if (loss !== undefined && !CLAIM_TYPES_OF_LOSS.includes(loss as ClaimLoss))
        enums.push({ ...LOSS_ERRORS.formatTypeOfLoss, paths: ['/typeOfLoss'] });
      const claim = field(ctx.body, 'typeOfClaim');
      if (claim !== undefined && !TYPES_OF_CLAIM.includes(claim as TypeOfClaim))
        enums.push({ ...LOSS_ERRORS.formatTypeOfClaim, paths: ['/typeOfClaim'] });
      if (enums.length > 0) throw new ApiError(400, enums);
      const read = readBody(ctx.body, { ...CREATE_CLAIM_SPEC });
      if (!read.ok) throw new ApiError(400, read.errors);
      const errors: MtdError[] = [];
      const year = claimYear(
        textAt(read.body, 'taxYearClaimedFor') as string,
        '/taxYearClaimedFor',
      );
      if ('error' in year) errors.push(year.error);
      const businessId = textAt(read.body, 'businessId') as string;
      if (!BUSINESS_ID_PATTERN.test(businessId)) errors.push(E.formatBusinessId);
      const typeOfLoss = loss as ClaimLoss;
      const typeOfClaim = claim as TypeOfClaim;
      if (!claimAllowed(typeOfLoss, typeOfClaim)) errors.push(LOSS_ERRORS.typeOfClaimInvalid);
      if (errors.length > 0 || 'error' in year) throw new ApiError(400, errors);
      if (resolveScenario(ctx.scenario, SCENARIOS.create) !== 'stateful')
        return { status: 201, body: { claimId: 'AAZZ1234567890A' } };
      const business = businessOf(taxpayer, businessId, { types: [typeOfLoss] });
      if (typeOfClaim === 'carry-sideways-fhl' && year.taxYear.startYear >= CSFHL_ENDS)
        throw new ApiError(400, [LOSS_ERRORS.csfhlNotSupported]);
      // No accounting period in the year: the business started after it ended or stopped before it began.
      if (
        (business.commencementDate && business.commencementDate > taxYearEnd(year.taxYear)) ||
        (business.cessationDate && business.cessationDate < taxYearStart(year.taxYear))
      )
        throw new ApiError(400, [LOSS_ERRORS.noAccountingPeriod]);
      // Claims cannot be made until after the end of the accounting period. [IL 6.0 loss_claims_create.yaml]
      if (ukDate(clock.now()) <= taxYearEnd(year.taxYear))
        throw new ApiError(400, [LOSS_ERRORS.periodNotEnded]);
      if (outsideAmendmentWindow(year.taxYear, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      const records = lossRecordsOf(taxpayer);
      if (
        records.claims.some(
          (c) =>
            c.businessId === businessId &&
            c.taxYearClaimedFor === year.taxYear.label &&
            c.typeOfClaim === typeOfClaim,
        )
      )
        throw new ApiError(400, [LOSS_ERRORS.duplicateClaim]);
      const sideways = records.claims.filter(
        (c) => c.taxYearClaimedFor === year.taxYear.label && c.typeOfClaim === 'carry-sideways',
      );
      const record: LossClaimRecord = {
        claimId: newId(taxpayer),
        businessId,
        typeOfLoss,
        typeOfClaim,
        taxYearClaimedFor: year.taxYear.label,
        ...(typeOfClaim === 'carry-sideways' ? { sequence: sideways.length + 1 } : {}),
        lastModified: clock.now(),
      };
      records.claims.push(record);
      store.changed();
      return { status: 201, body: { claimId: record.claimId } };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: `${BASE}/tax-year/:taxYearClaimedFor`,
    api: API,
    versions: V6,
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      // [IL app/v6/lossClaims/list/def1/Def1_ListLossClaimsValidator.scala]: only carry-sideways may be filtered on.
      const errors: MtdError[] = [];
      const year = claimYear(ctx.params.taxYearClaimedFor as string);
      if ('error' in year) errors.push(year.error);
      const typeOfLoss = ctx.query.get('typeOfLoss');
      if (typeOfLoss !== null && !CLAIM_TYPES_OF_LOSS.includes(typeOfLoss as ClaimLoss))
        errors.push(LOSS_ERRORS.formatTypeOfLoss);
      const businessId = ctx.query.get('businessId');
      if (businessId !== null && !BUSINESS_ID_PATTERN.test(businessId))
        errors.push(E.formatBusinessId);
      const typeOfClaim = ctx.query.get('typeOfClaim');
      if (typeOfClaim !== null && typeOfClaim !== 'carry-sideways')
        errors.push(LOSS_ERRORS.formatTypeOfClaim);
      if (errors.length > 0 || 'error' in year) throw new ApiError(400, errors);
      const scenario = resolveScenario(ctx.scenario, SCENARIOS.list);
      if (scenario !== 'stateful')
        return {
          status: 200,
          body: {
            claims: [{ claimId: 'AAZZ1234567890A', ...canned(scenario.variant, clock.now()) }],
          },
        };
      const claims = (taxpayer.losses?.claims ?? []).filter(
        (c) =>
          c.taxYearClaimedFor === year.taxYear.label &&
          (typeOfLoss === null || c.typeOfLoss === typeOfLoss) &&
          (businessId === null || c.businessId === businessId) &&
          (typeOfClaim === null || c.typeOfClaim === typeOfClaim),
      );
      if (claims.length === 0) throw new ApiError(404, [E.notFound]);
      return {
        status: 200,
        body: { claims: claims.map((c) => ({ claimId: c.claimId, ...view(c) })) },
      };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: `${BASE}/:claimId`,
    api: API,
    versions: V6,
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      if (!LOSS_OR_CLAIM_ID.test(ctx.params.claimId as string))
        throw new ApiError(400, [LOSS_ERRORS.formatClaimId]);
      const scenario = resolveScenario(ctx.scenario, SCENARIOS.get);
      if (scenario !== 'stateful')
        return { status: 200, body: canned(scenario.variant, clock.now()) };
      return { status: 200, body: view(claimOf(taxpayer, ctx.params.claimId as string)) };
    },
  });

  /** Claim id and tax year claimed for, together. */
  function idAndYear(ctx: ApiContext, errors: MtdError[]) {
    if (!LOSS_OR_CLAIM_ID.test(ctx.params.claimId as string))
      errors.push(LOSS_ERRORS.formatClaimId);
    const year = claimYear(ctx.params.taxYearClaimedFor as string);
    if ('error' in year) errors.push(year.error);
    return year;
  }

  registerApiRoute(app, deps, {
    method: 'DELETE',
    url: `${BASE}/:claimId/tax-year/:taxYearClaimedFor`,
    api: API,
    versions: V6,
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const errors: MtdError[] = [];
      const year = idAndYear(ctx, errors);
      if (errors.length > 0 || 'error' in year) throw new ApiError(400, errors);
      if (resolveScenario(ctx.scenario, SCENARIOS.delete) !== 'stateful') return { status: 204 };
      const claim = claimOf(taxpayer, ctx.params.claimId as string);
      if (outsideAmendmentWindow(year.taxYear, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      const records = lossRecordsOf(taxpayer);
      records.claims = records.claims.filter((c) => c !== claim);
      store.changed();
      return { status: 204 };
    },
  });

  registerApiRoute(app, deps, {
    method: 'POST',
    url: `${BASE}/:claimId/tax-year/:taxYearClaimedFor/change-type-of-claim`,
    api: API,
    versions: V6,
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      // The type of claim first, then id, body and tax year together.
      // [IL app/v6/lossClaims/amendType/def1/Def1_AmendLossClaimTypeValidator.scala]
      const claimType = field(ctx.body, 'typeOfClaim');
      if (claimType !== undefined && !TYPES_OF_CLAIM.includes(claimType as TypeOfClaim))
        throw new ApiError(400, [{ ...LOSS_ERRORS.formatTypeOfClaim, paths: ['/typeOfClaim'] }]);
      const errors: MtdError[] = [];
      if (!LOSS_OR_CLAIM_ID.test(ctx.params.claimId as string))
        errors.push(LOSS_ERRORS.formatClaimId);
      const read = readBody(ctx.body, AMEND_TYPE_SPEC);
      if (!read.ok) errors.push(...read.errors);
      const year = claimYear(ctx.params.taxYearClaimedFor as string);
      if ('error' in year) errors.push(year.error);
      if (errors.length > 0 || 'error' in year) throw new ApiError(400, errors);
      const scenario = resolveScenario(ctx.scenario, SCENARIOS.type);
      if (scenario !== 'stateful') {
        const body = canned(scenario.variant, clock.now());
        return {
          status: 200,
          body: scenario.variant === 'DYNAMIC' ? { ...body, typeOfClaim: claimType } : body,
        };
      }
      const claim = claimOf(taxpayer, ctx.params.claimId as string);
      const wanted = claimType as TypeOfClaim;
      if (claim.typeOfClaim === wanted) throw new ApiError(400, [LOSS_ERRORS.claimTypeNotChanged]);
      if (!claimAllowed(claim.typeOfLoss, wanted))
        throw new ApiError(400, [LOSS_ERRORS.typeOfClaimInvalid]);
      if (wanted === 'carry-sideways-fhl' && year.taxYear.startYear >= CSFHL_ENDS)
        throw new ApiError(400, [LOSS_ERRORS.csfhlNotSupported]);
      if (outsideAmendmentWindow(year.taxYear, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      claim.typeOfClaim = wanted;
      claim.lastModified = clock.now();
      if (wanted !== 'carry-sideways') delete claim.sequence;
      store.changed();
      return { status: 200, body: view(claim) };
    },
  });

  registerApiRoute(app, deps, {
    method: 'PUT',
    url: `${BASE}/order/:taxYearClaimedFor`,
    api: API,
    versions: V6,
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      // Only carry-sideways claims are ordered; then tax year and body; then each entry and the
      // sequence. [IL app/v6/lossClaims/amendOrder/def1/Def1_AmendLossClaimsOrderValidator.scala,
      // Def1_AmendLossClaimsOrderRulesValidator.scala]
      const claimType = field(ctx.body, 'typeOfClaim');
      if (claimType !== undefined && claimType !== 'carry-sideways')
        throw new ApiError(400, [LOSS_ERRORS.formatTypeOfClaim]);
      const errors: MtdError[] = [];
      const year = claimYear(ctx.params.taxYearClaimedFor as string);
      if ('error' in year) errors.push(year.error);
      // An empty list is not an empty body here: HMRC reads this body without the emptiness check.
      const read = readBody(ctx.body, AMEND_ORDER_SPEC, { emptyObjects: 'allowed' });
      if (!read.ok) errors.push(...read.errors);
      if (errors.length > 0 || !read.ok || 'error' in year) throw new ApiError(400, errors);
      const entries = listAt(read.body, 'listOfLossClaims') ?? [];
      const rules: MtdError[] = [];
      entries.forEach((entry, i) => {
        if (!LOSS_OR_CLAIM_ID.test(textAt(entry, 'claimId') as string))
          rules.push({ ...LOSS_ERRORS.formatClaimId, paths: [`/listOfLossClaims/${i}/claimId`] });
        const sequence = Number(textAt(entry, 'sequence'));
        if (sequence < 1 || sequence > 99)
          rules.push({
            code: 'FORMAT_VALUE',
            message: 'The value must be between 1 and 99',
            paths: [`/listOfLossClaims/${i}/sequence`],
          });
      });
      const sequences = entries.map((e) => Number(textAt(e, 'sequence'))).sort((a, b) => a - b);
      if (sequences[0] !== 1) rules.push(LOSS_ERRORS.invalidSequenceStart);
      if (sequences.some((n, i) => i > 0 && n - (sequences[i - 1] as number) !== 1))
        rules.push(LOSS_ERRORS.sequenceOrderBroken);
      if (rules.length > 0) throw new ApiError(400, rules);
      if (resolveScenario(ctx.scenario, SCENARIOS.order) !== 'stateful') return { status: 200 };
      const records = lossRecordsOf(taxpayer);
      const sideways = records.claims.filter(
        (c) => c.taxYearClaimedFor === year.taxYear.label && c.typeOfClaim === 'carry-sideways',
      );
      const ids = entries.map((e) => textAt(e, 'claimId') as string);
      if (ids.some((id) => !sideways.some((c) => c.claimId === id)))
        throw new ApiError(404, [E.notFound]);
      if (sideways.some((c) => !ids.includes(c.claimId)))
        throw new ApiError(400, [LOSS_ERRORS.lossClaimsMissing]);
      if (outsideAmendmentWindow(year.taxYear, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      entries.forEach((e) => {
        const c = sideways.find((s) => s.claimId === textAt(e, 'claimId'));
        if (c) {
          c.sequence = Number(textAt(e, 'sequence'));
          c.lastModified = clock.now();
        }
      });
      store.changed();
      return { status: 200 };
    },
  });
}
