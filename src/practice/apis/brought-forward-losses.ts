import { randomBytes } from 'node:crypto';
import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E, type MtdError } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { BUSINESS_ID_PATTERN } from '../state/test-users';
import { checkAmount, decimalToPence, readBody, textAt } from '../rules/body-shape';
import {
  BFL_TYPES_OF_LOSS,
  BFL_YEARS,
  CREATE_BFL_SPEC,
  LOSS_ERRORS,
  LOSS_OR_CLAIM_ID,
  businessTypeOfLoss,
  checkVersionYear,
} from '../rules/losses-bodies';
import { temporalChecks } from '../rules/temporal-validation';
import { type ScenarioTable, resolveScenario, ruleScenario } from '../scenarios/gov-test-scenario';
import { type TaxpayerRecord } from '../state/model';
import { type BroughtForwardLossRecord, type TypeOfLoss } from '../state/return-model';
import { isoTimestamp, ukDate } from '../tax/dates';
import { penceToPounds } from '../tax/money';
import { type TaxYear, taxYearEnd, taxYearFromLabel } from '../tax/tax-year';
import { NOT_FOUND_SCENARIO, OUTSIDE_WINDOW_SCENARIO } from './annual-documents';
import { OUTSIDE_AMENDMENT_WINDOW, businessOf, outsideAmendmentWindow } from './business-lookup';
import { lossRecordsOf } from './losses-and-claims';

const BASE = '/individuals/losses/:nino/brought-forward-losses';
const API = 'individual-losses-api' as const;
const V6 = ['6.0'] as const;

const asRule = (e: MtdError) => ruleScenario(e.code, e.message);
const VARIANTS = (...names: string[]) =>
  Object.fromEntries(names.map((n) => [n, { variant: n }])) as ScenarioTable;

/** [IL 6.0 brought_forward_losses_*.yaml "Test data"] */
const SCENARIOS: Record<'create' | 'amend' | 'list' | 'get' | 'delete', ScenarioTable> = {
  create: {
    NOT_FOUND: NOT_FOUND_SCENARIO,
    DUPLICATE_SUBMISSION: asRule(LOSS_ERRORS.duplicateLoss),
    BFL_NOT_SUPPORTED_FOR_FHL_PROPERTIES: asRule(LOSS_ERRORS.bflNotSupportedForFhl),
    OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO,
  },
  amend: {
    ...VARIANTS(
      'CLASS_4',
      'FOREIGN_PROPERTY',
      'FOREIGN_PROPERTY_FHL_EEA',
      'UK_PROPERTY_FHL',
      'UK_PROPERTY',
    ),
    NOT_FOUND: NOT_FOUND_SCENARIO,
    NO_CHANGE: asRule(LOSS_ERRORS.lossAmountNotChanged),
    OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO,
    DYNAMIC: { variant: 'DYNAMIC' },
  },
  list: {
    ...VARIANTS('SELF_EMPLOYMENT', 'UK_PROPERTY', 'FOREIGN_PROPERTY'),
    TAX_YEAR_NOT_SUPPORTED: asRule(E.ruleTaxYearNotSupported),
    NOT_FOUND: NOT_FOUND_SCENARIO,
    DYNAMIC: 'stateful',
  },
  get: { ...VARIANTS('UK_PROPERTY_FHL', 'FOREIGN_PROPERTY'), NOT_FOUND: NOT_FOUND_SCENARIO },
  delete: {
    DELETE_AFTER_FINAL_DECLARATION: asRule(LOSS_ERRORS.deleteAfterFinalDeclaration),
    NOT_FOUND: NOT_FOUND_SCENARIO,
    OUTSIDE_AMENDMENT_WINDOW: OUTSIDE_WINDOW_SCENARIO,
  },
};

const VARIANT_TYPE: Record<string, TypeOfLoss> = {
  CLASS_4: 'self-employment-class4',
  FOREIGN_PROPERTY: 'foreign-property',
  FOREIGN_PROPERTY_FHL_EEA: 'foreign-property-fhl-eea',
  UK_PROPERTY_FHL: 'uk-property-fhl',
  UK_PROPERTY: 'uk-property',
  SELF_EMPLOYMENT: 'self-employment',
};

/** Brought forward losses for FHL property are not accepted from 2025-26. [IL 6.0 brought_forward_losses_create.yaml] */
const FHL_ENDS = 2025;

function view(loss: BroughtForwardLossRecord) {
  return {
    businessId: loss.businessId,
    typeOfLoss: loss.typeOfLoss,
    lossAmount: penceToPounds(loss.lossAmount),
    taxYearBroughtForwardFrom: loss.taxYearBroughtForwardFrom,
    lastModified: isoTimestamp(loss.lastModified),
  };
}

function canned(variant: string | undefined, now: number) {
  const type = VARIANT_TYPE[variant ?? ''] ?? 'self-employment';
  return {
    businessId: type.startsWith('self') ? 'XAIS12345678910' : 'XPIS12345678910',
    typeOfLoss: type,
    lossAmount: 1250.5,
    taxYearBroughtForwardFrom: '2023-24',
    lastModified: isoTimestamp(now),
  };
}

function newId(taxpayer: TaxpayerRecord): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const taken = new Set(taxpayer.losses?.broughtForward.map((l) => l.lossId));
  for (;;) {
    const id = [...randomBytes(15)].map((b) => alphabet[b % alphabet.length]).join('');
    if (!taken.has(id)) return id;
  }
}

function lossOf(taxpayer: TaxpayerRecord, lossId: string): BroughtForwardLossRecord {
  const loss = taxpayer.losses?.broughtForward.find((l) => l.lossId === lossId);
  if (!loss) throw new ApiError(404, [E.notFound]);
  return loss;
}

/**
 * Individual Losses 6.0, brought forward losses (losses from before the person joined MTD, tax
 * years 2018-19 to 2025-26): create, amend the amount, list for a year, retrieve, delete.
 * Supporting agents are allowed. [IL 6.0 brought_forward_losses_*.yaml; conf/application.conf
 * api.supporting-agent-endpoints create-bf-loss, amend-bf-loss, list-bf-losses, retrieve-bf-loss,
 * delete-bf-loss = true]
 */
export function registerBroughtForwardLosses(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;
  const authorise = (ctx: ApiContext) =>
    authoriseForNino(ctx, store, ctx.params.nino as string, { allowSupportingAgent: true });
  const pathYear = (ctx: ApiContext, name = 'taxYear') =>
    checkVersionYear(ctx.params[name] as string, BFL_YEARS);

  registerApiRoute(app, deps, {
    method: 'POST',
    url: `${BASE}/tax-year/brought-forward-from/:taxYear`,
    api: API,
    versions: V6,
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      // The type of loss first, then the path's tax year with the body, then the body's fields.
      // [IL app/v6/bfLosses/create/def1/Def1_CreateBFLossValidator.scala]
      const body = ctx.body as Record<string, unknown> | undefined;
      const typeOfLoss = typeof body === 'object' && body !== null ? body.typeOfLoss : undefined;
      if (typeOfLoss !== undefined && !BFL_TYPES_OF_LOSS.includes(typeOfLoss as TypeOfLoss))
        throw new ApiError(400, [{ ...LOSS_ERRORS.formatTypeOfLoss, paths: ['/typeOfLoss'] }]);
      const year = pathYear(ctx);
      const read = readBody(ctx.body, CREATE_BFL_SPEC);
      const first = [...('error' in year ? [year.error] : []), ...(read.ok ? [] : read.errors)];
      if (first.length > 0 || !read.ok || 'error' in year) throw new ApiError(400, first);
      const errors: MtdError[] = [];
      const from = checkVersionYear(
        textAt(read.body, 'taxYearBroughtForwardFrom') as string,
        BFL_YEARS,
        {
          path: '/taxYearBroughtForwardFrom',
        },
      );
      if ('error' in from) errors.push(from.error);
      else if (temporalChecks(ctx) && ukDate(clock.now()) <= taxYearEnd(from.taxYear))
        errors.push({ ...LOSS_ERRORS.taxYearNotEnded, paths: ['/taxYearBroughtForwardFrom'] });
      const businessId = textAt(read.body, 'businessId') as string;
      if (!BUSINESS_ID_PATTERN.test(businessId)) errors.push(E.formatBusinessId);
      const amountError = checkAmount(
        textAt(read.body, 'lossAmount') as string,
        '/lossAmount',
        'zero-or-more',
      );
      if (amountError) errors.push(amountError);
      if (errors.length > 0 || 'error' in from) throw new ApiError(400, errors);
      if (resolveScenario(ctx.scenario, SCENARIOS.create) !== 'stateful')
        return { status: 201, body: { lossId: 'AAZZ1234567890A' } };
      const type = typeOfLoss as TypeOfLoss;
      businessOf(taxpayer, businessId, { types: [businessTypeOfLoss(type)] });
      if (type.endsWith('fhl') || type.endsWith('fhl-eea')) {
        if (from.taxYear.startYear >= FHL_ENDS)
          throw new ApiError(400, [LOSS_ERRORS.bflNotSupportedForFhl]);
      }
      if (outsideAmendmentWindow(year.taxYear, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      const records = lossRecordsOf(taxpayer);
      if (
        records.broughtForward.some(
          (l) =>
            l.businessId === businessId &&
            l.typeOfLoss === type &&
            l.taxYearBroughtForwardFrom === from.taxYear.label,
        )
      )
        throw new ApiError(400, [LOSS_ERRORS.duplicateLoss]);
      const loss: BroughtForwardLossRecord = {
        lossId: newId(taxpayer),
        businessId,
        typeOfLoss: type,
        lossAmount: Number(decimalToPence(textAt(read.body, 'lossAmount') as string) ?? 0n),
        taxYearBroughtForwardFrom: from.taxYear.label,
        lastModified: clock.now(),
      };
      records.broughtForward.push(loss);
      store.changed();
      return { status: 201, body: { lossId: loss.lossId } };
    },
  });

  registerApiRoute(app, deps, {
    method: 'POST',
    url: `${BASE}/:lossId/tax-year/:taxYear/change-loss-amount`,
    api: API,
    versions: V6,
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      // The amount first (missing: an empty body; not a number or out of range: FORMAT_VALUE),
      // then the loss id, tax year and body. [IL app/v6/bfLosses/amend/def1/Def1_AmendBFLossValidator.scala validateJsonFields]
      const body = ctx.body as Record<string, unknown> | undefined;
      const raw = typeof body === 'object' && body !== null ? body.lossAmount : undefined;
      if (raw === undefined || raw === null) throw new ApiError(400, [E.ruleIncorrectOrEmptyBody]);
      const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : 'NaN';
      const amountError = checkAmount(text === '' ? 'NaN' : text, '/lossAmount', 'zero-or-more');
      if (amountError) throw new ApiError(400, [amountError]);
      const errors: MtdError[] = [];
      if (!LOSS_OR_CLAIM_ID.test(ctx.params.lossId as string))
        errors.push(LOSS_ERRORS.formatLossId);
      const year = pathYear(ctx);
      if ('error' in year) errors.push(year.error);
      if (errors.length > 0 || 'error' in year) throw new ApiError(400, errors);
      const scenario = resolveScenario(ctx.scenario, SCENARIOS.amend);
      if (scenario !== 'stateful') {
        const cannedLoss = canned(scenario.variant, clock.now());
        return {
          status: 200,
          body:
            scenario.variant === 'DYNAMIC'
              ? { ...cannedLoss, lossAmount: Number(text) }
              : cannedLoss,
        };
      }
      const loss = lossOf(taxpayer, ctx.params.lossId as string);
      const pence = Number(decimalToPence(text) ?? 0n);
      if (pence === loss.lossAmount) throw new ApiError(400, [LOSS_ERRORS.lossAmountNotChanged]);
      if (outsideAmendmentWindow(year.taxYear, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      loss.lossAmount = pence;
      loss.lastModified = clock.now();
      store.changed();
      return { status: 200, body: view(loss) };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: `${BASE}/tax-year/:taxYearBroughtForwardFrom`,
    api: API,
    versions: V6,
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      // Tax year, type of loss (not class 4) and business id together.
      // [IL app/v6/bfLosses/list/def1/Def1_ListBFLossesValidator.scala]
      const errors: MtdError[] = [];
      const year = pathYear(ctx, 'taxYearBroughtForwardFrom');
      if ('error' in year) errors.push(year.error);
      const typeOfLoss = ctx.query.get('typeOfLoss');
      if (
        typeOfLoss !== null &&
        (!BFL_TYPES_OF_LOSS.includes(typeOfLoss as TypeOfLoss) ||
          typeOfLoss === 'self-employment-class4')
      )
        errors.push(LOSS_ERRORS.formatTypeOfLoss);
      const businessId = ctx.query.get('businessId');
      if (businessId !== null && !BUSINESS_ID_PATTERN.test(businessId))
        errors.push(E.formatBusinessId);
      if (errors.length > 0 || 'error' in year) throw new ApiError(400, errors);
      const scenario = resolveScenario(ctx.scenario, SCENARIOS.list);
      if (scenario !== 'stateful')
        return {
          status: 200,
          body: {
            losses: [{ lossId: 'AAZZ1234567890A', ...canned(scenario.variant, clock.now()) }],
          },
        };
      // A type of loss filters by its kind of business (self-employment includes class 4).
      const losses = (taxpayer.losses?.broughtForward ?? []).filter(
        (l) =>
          l.taxYearBroughtForwardFrom === year.taxYear.label &&
          (businessId === null || l.businessId === businessId) &&
          (typeOfLoss === null ||
            businessTypeOfLoss(l.typeOfLoss) === businessTypeOfLoss(typeOfLoss as TypeOfLoss)),
      );
      if (losses.length === 0) throw new ApiError(404, [E.notFound]);
      return {
        status: 200,
        body: { losses: losses.map((l) => ({ lossId: l.lossId, ...view(l) })) },
      };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: `${BASE}/:lossId`,
    api: API,
    versions: V6,
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      if (!LOSS_OR_CLAIM_ID.test(ctx.params.lossId as string))
        throw new ApiError(400, [LOSS_ERRORS.formatLossId]);
      const scenario = resolveScenario(ctx.scenario, SCENARIOS.get);
      if (scenario !== 'stateful')
        return { status: 200, body: canned(scenario.variant, clock.now()) };
      return { status: 200, body: view(lossOf(taxpayer, ctx.params.lossId as string)) };
    },
  });

  registerApiRoute(app, deps, {
    method: 'DELETE',
    url: `${BASE}/:lossId/tax-year/:taxYear`,
    api: API,
    versions: V6,
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const errors: MtdError[] = [];
      if (!LOSS_OR_CLAIM_ID.test(ctx.params.lossId as string))
        errors.push(LOSS_ERRORS.formatLossId);
      const year = pathYear(ctx);
      if ('error' in year) errors.push(year.error);
      if (errors.length > 0 || 'error' in year) throw new ApiError(400, errors);
      if (resolveScenario(ctx.scenario, SCENARIOS.delete) !== 'stateful') return { status: 204 };
      const loss = lossOf(taxpayer, ctx.params.lossId as string);
      // Once a final declaration has used the loss (any later year declared), it can only be
      // amended to zero. [IL 6.0 brought_forward_losses_delete.yaml]
      if (usedInDeclaration(taxpayer, taxYearFromLabel(loss.taxYearBroughtForwardFrom)))
        throw new ApiError(400, [LOSS_ERRORS.deleteAfterFinalDeclaration]);
      if (outsideAmendmentWindow(year.taxYear, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      const records = lossRecordsOf(taxpayer);
      records.broughtForward = records.broughtForward.filter((l) => l !== loss);
      store.changed();
      return { status: 204 };
    },
  });
}

function usedInDeclaration(taxpayer: TaxpayerRecord, lossYear: TaxYear): boolean {
  return Object.keys(taxpayer.finalDeclarations).some(
    (label) => taxYearFromLabel(label).startYear > lossYear.startYear,
  );
}
