import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E, type MtdError, rule } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { type ObjectSpec, type ParsedBody, readBody, toStoredBody } from '../rules/body-shape';
import { ParamErrors, checkTaxYear } from '../rules/path-params';
import {
  PROPERTY_ANNUAL_ERRORS,
  PROPERTY_ID,
  UK_PROPERTY_ANNUAL_SPEC,
  checkForeignPropertyAnnualRules,
  checkUkPropertyAnnualRules,
  foreignPropertyAnnualSpec,
} from '../rules/property-annual-body';
import {
  NOT_FOUND_SCENARIO,
  type ScenarioTable,
  isSandboxDefault,
  resolveScenario,
  ruleScenario,
} from '../scenarios/gov-test-scenario';
import { type BusinessRecord, type PenceTree, type TaxpayerRecord } from '../state/model';
import { isoTimestamp, ukDate } from '../tax/dates';
import { entries, penceTreeToJson, subtree, text } from '../tax/pence-tree';
import { type TaxYear } from '../tax/tax-year';
import { OUTSIDE_AMENDMENT_WINDOW, businessOf, outsideAmendmentWindow } from './business-lookup';

const UK_PATH = '/individuals/business/property/uk/:nino/:businessId/annual/:taxYear';
const FOREIGN_PATH = '/individuals/business/property/foreign/:nino/:businessId/annual/:taxYear';
const DELETE_PATH = '/individuals/business/property/:nino/:businessId/annual/:taxYear';

/** [PB application.conf ukMinimumTaxYear = "2022-23", foreignMinimumTaxYear = "2021-22"] */
const UK_MIN_YEAR = 2022;
const FOREIGN_MIN_YEAR = 2021;
/** The merged UK and foreign property schemas start in 2025-26; per-property ids in 2026-27. */
const MERGED_FROM = 2025;
const PROPERTY_IDS_FROM = 2026;

/** [PB common/errors.yaml ruleTypeOfBusinessIncorrect] */
const TYPE_OF_BUSINESS_INCORRECT = rule(
  'RULE_TYPE_OF_BUSINESS_INCORRECT',
  'The businessId is for a different type of business',
);
const PROPERTY_ID_MISMATCH = rule(
  'RULE_PROPERTY_ID_MISMATCH',
  'The supplied property ID is not valid for this income source',
);

const asRule = (e: MtdError) => ruleScenario(e.code, e.message);

/** [PB uk_property_annual_submission_create_and_amend.yaml, foreign_... "Test data"] */
const PUT_SCENARIOS: ScenarioTable = {
  NOT_FOUND: NOT_FOUND_SCENARIO,
  TYPE_OF_BUSINESS_INCORRECT: asRule(TYPE_OF_BUSINESS_INCORRECT),
  PROPERTY_INCOME_ALLOWANCE: asRule(PROPERTY_ANNUAL_ERRORS.propertyIncomeAllowance),
  OUTSIDE_AMENDMENT_WINDOW: asRule(OUTSIDE_AMENDMENT_WINDOW),
  PROPERTY_ID_MISMATCH: asRule(PROPERTY_ID_MISMATCH),
};
/** [PB uk_property_annual_submission_retrieve.yaml "Test data"]: the default is "no data found". */
const UK_GET_SCENARIOS: ScenarioTable = {
  UK_PROPERTY: { variant: 'other' },
  UK_ALL_OTHER_ALLOWANCES: { variant: 'other' },
  UK_PROPERTY_ALLOWANCE: { variant: 'allowance' },
  UK_FHL_ALL_OTHER_ALLOWANCES: { variant: 'other' },
  UK_FHL_PROPERTY_ALLOWANCE: { variant: 'allowance' },
  FOREIGN_PROPERTY: { status: 400, error: TYPE_OF_BUSINESS_INCORRECT },
};
/** [PB foreign_property_annual_submission_retrieve.yaml "Test data"] */
const FOREIGN_GET_SCENARIOS: ScenarioTable = {
  FOREIGN_PROPERTY: { variant: 'other' },
  FOREIGN_ALL_OTHER_ALLOWANCES: { variant: 'other' },
  FOREIGN_PROPERTY_ALLOWANCE: { variant: 'allowance' },
  FOREIGN_FHL_ALL_OTHER_ALLOWANCES: { variant: 'other' },
  FOREIGN_FHL_PROPERTY_ALLOWANCE: { variant: 'allowance' },
  UK_PROPERTY: { status: 400, error: TYPE_OF_BUSINESS_INCORRECT },
};
/** [PB uk_foreign_property_annual_submission_deletion.yaml "Test data"] */
const DELETE_SCENARIOS: ScenarioTable = {
  NOT_FOUND: NOT_FOUND_SCENARIO,
  OUTSIDE_AMENDMENT_WINDOW: asRule(OUTSIDE_AMENDMENT_WINDOW),
};

/**
 * Years before 2025-26 use HMRC's furnished-holiday-letting schemas, which Practice HMRC does not
 * model (its property businesses start in 2025-26): a submission for them is refused with
 * RULE_TAX_YEAR_NOT_SUPPORTED after the checks HMRC makes first, where HMRC would accept it.
 */
function mergedYearsOnly(taxYear: TaxYear): void {
  if (taxYear.startYear < MERGED_FROM) throw new ApiError(400, [E.ruleTaxYearNotSupported]);
}

/** The tax year alone picks the schema; then business id and body together; then the rules. */
function checkPut(
  ctx: ApiContext,
  minimum: number | undefined,
  specFor: (taxYear: TaxYear) => ObjectSpec,
  rulesFor: (body: ParsedBody, taxYear: TaxYear) => MtdError[],
): { taxYear: TaxYear; body: ParsedBody; stored: PenceTree } {
  const alone = checkTaxYear(ctx.params.taxYear as string, minimum);
  if ('error' in alone) throw new ApiError(400, [alone.error]);
  const { taxYear } = alone;
  mergedYearsOnly(taxYear);
  const spec = specFor(taxYear);
  const p = new ParamErrors();
  p.businessId(ctx.params.businessId as string);
  const read = readBody(ctx.body, spec);
  const errors = [...p.errors, ...(read.ok ? [] : read.errors)];
  if (errors.length > 0 || !read.ok) throw new ApiError(400, errors);
  const broken = rulesFor(read.body, taxYear);
  if (broken.length > 0) throw new ApiError(400, broken);
  return { taxYear, body: read.body, stored: toStoredBody(read.body, spec) };
}

/** The property income allowance cannot be claimed with a private use adjustment. [PB errors.yaml] */
function allowanceWithPrivateUse(holders: PenceTree[]): boolean {
  return holders.some(
    (h) =>
      subtree(h, 'allowances')?.propertyIncomeAllowance !== undefined &&
      subtree(h, 'adjustments')?.privateUseAdjustment !== undefined,
  );
}

/** Property ids must be ones recorded for the business (Create Foreign Property Details). */
function unknownPropertyIds(business: BusinessRecord, stored: PenceTree): boolean {
  const known = new Set((business.foreignProperties ?? []).map((p) => p.propertyId));
  return entries(stored, 'foreignProperty').some((e) => !known.has(text(e, 'propertyId') ?? ''));
}

function save(business: BusinessRecord, taxYear: TaxYear, stored: PenceTree, now: number) {
  business.annual = { ...business.annual, [taxYear.label]: { body: stored, submittedAt: now } };
}

/** The propertyId query (2026-27 on): its format is checked with the other parameters. */
function propertyIdQuery(ctx: ApiContext, taxYear: TaxYear, p: ParamErrors): string | undefined {
  const id = ctx.query.get('propertyId');
  if (id === null || taxYear.startYear < PROPERTY_IDS_FROM) return undefined;
  if (!PROPERTY_ID.test(id)) p.add(PROPERTY_ANNUAL_ERRORS.formatPropertyId);
  return id;
}

function cannedUk(allowance: boolean, now: number): Record<string, unknown> {
  return {
    submittedOn: isoTimestamp(now),
    ukProperty: allowance
      ? { allowances: { propertyIncomeAllowance: 1000 } }
      : {
          adjustments: { balancingCharge: 0, nonResidentLandlord: false },
          allowances: { annualInvestmentAllowance: 1200, costOfReplacingDomesticItems: 350 },
        },
  };
}

/**
 * Property Business 6.0 annual submissions: UK property create/amend (PUT, 200) and retrieve, foreign
 * property create/amend (PUT, 200) and retrieve, and the delete both share. [PB
 * uk_property_annual_submission.yaml, foreign_property_annual_submission.yaml,
 * uk_foreign_property_annual_submission_deletion.yaml; app/v6/*AnnualSubmission/*ValidatorFactory.scala]
 */
export function registerPropertyAnnual(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;
  const authorise = (ctx: ApiContext): TaxpayerRecord =>
    authoriseForNino(ctx, store, ctx.params.nino as string, { allowSupportingAgent: true });
  const ofType = (
    taxpayer: TaxpayerRecord,
    ctx: ApiContext,
    type: 'uk-property' | 'foreign-property',
  ) =>
    businessOf(taxpayer, ctx.params.businessId as string, {
      types: [type],
      wrongType: { status: 400, error: TYPE_OF_BUSINESS_INCORRECT },
    });
  const amendable = (taxYear: TaxYear) => {
    if (outsideAmendmentWindow(taxYear, ukDate(clock.now())))
      throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
  };

  registerApiRoute(app, deps, {
    method: 'PUT',
    url: UK_PATH,
    api: 'property-business-api',
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const { taxYear, stored } = checkPut(
        ctx,
        undefined,
        () => UK_PROPERTY_ANNUAL_SPEC,
        (body) => checkUkPropertyAnnualRules(body),
      );
      if (isSandboxDefault(resolveScenario(ctx.scenario, PUT_SCENARIOS))) return { status: 200 };
      const business = ofType(taxpayer, ctx, 'uk-property');
      amendable(taxYear);
      const uk = subtree(stored, 'ukProperty');
      if (uk && allowanceWithPrivateUse([uk]))
        throw new ApiError(400, [PROPERTY_ANNUAL_ERRORS.propertyIncomeAllowance]);
      save(business, taxYear, stored, clock.now());
      store.changed();
      return { status: 200 };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: UK_PATH,
    api: 'property-business-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      // The tax year alone picks the schema, then NINO and business id. [PB app/v6/
      // retrieveUkPropertyAnnualSubmission/RetrieveUkPropertyAnnualSubmissionValidatorFactory.scala]
      const alone = checkTaxYear(ctx.params.taxYear as string);
      if ('error' in alone) throw new ApiError(400, [alone.error]);
      const p = new ParamErrors();
      p.businessId(ctx.params.businessId as string);
      if (alone.taxYear.startYear < UK_MIN_YEAR) p.add(E.ruleTaxYearNotSupported);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      const scenario = resolveScenario(ctx.scenario, UK_GET_SCENARIOS);
      if (isSandboxDefault(scenario)) throw new ApiError(404, [E.notFound]);
      if (scenario !== 'stateful')
        return { status: 200, body: cannedUk(scenario.variant === 'allowance', clock.now()) };
      const record = ofType(taxpayer, ctx, 'uk-property').annual?.[alone.taxYear.label];
      if (!record) throw new ApiError(404, [E.notFound]);
      return {
        status: 200,
        body: { submittedOn: isoTimestamp(record.submittedAt), ...penceTreeToJson(record.body) },
      };
    },
  });

  registerApiRoute(app, deps, {
    method: 'PUT',
    url: FOREIGN_PATH,
    api: 'property-business-api',
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const byId = (ty: TaxYear) => ty.startYear >= PROPERTY_IDS_FROM;
      const { taxYear, stored } = checkPut(
        ctx,
        FOREIGN_MIN_YEAR,
        (ty) => foreignPropertyAnnualSpec(byId(ty)),
        (body, ty) => checkForeignPropertyAnnualRules(body, byId(ty)),
      );
      if (isSandboxDefault(resolveScenario(ctx.scenario, PUT_SCENARIOS))) return { status: 200 };
      const business = ofType(taxpayer, ctx, 'foreign-property');
      amendable(taxYear);
      if (byId(taxYear) && unknownPropertyIds(business, stored))
        throw new ApiError(400, [PROPERTY_ID_MISMATCH]);
      if (allowanceWithPrivateUse(entries(stored, 'foreignProperty')))
        throw new ApiError(400, [PROPERTY_ANNUAL_ERRORS.propertyIncomeAllowance]);
      save(business, taxYear, stored, clock.now());
      store.changed();
      return { status: 200 };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: FOREIGN_PATH,
    api: 'property-business-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const alone = checkTaxYear(ctx.params.taxYear as string, FOREIGN_MIN_YEAR);
      if ('error' in alone) throw new ApiError(400, [alone.error]);
      const { taxYear } = alone;
      const p = new ParamErrors();
      p.businessId(ctx.params.businessId as string);
      const propertyId = propertyIdQuery(ctx, taxYear, p);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      const scenario = resolveScenario(ctx.scenario, FOREIGN_GET_SCENARIOS);
      if (isSandboxDefault(scenario)) throw new ApiError(404, [E.notFound]);
      const key = taxYear.startYear >= PROPERTY_IDS_FROM ? 'propertyId' : 'countryCode';
      if (scenario !== 'stateful') {
        const entry =
          key === 'propertyId'
            ? { propertyId: '00000000-0000-4000-8000-000000000001' }
            : { countryCode: 'FRA' };
        const allowances =
          scenario.variant === 'allowance'
            ? { propertyIncomeAllowance: 1000 }
            : { annualInvestmentAllowance: 800, costOfReplacingDomesticItems: 240 };
        return {
          status: 200,
          body: {
            submittedOn: isoTimestamp(clock.now()),
            foreignProperty: [{ ...entry, allowances }],
          },
        };
      }
      const record = ofType(taxpayer, ctx, 'foreign-property').annual?.[taxYear.label];
      const shown = entries(record?.body, 'foreignProperty').filter(
        (e) => propertyId === undefined || text(e, 'propertyId') === propertyId,
      );
      if (!record || shown.length === 0) throw new ApiError(404, [E.notFound]);
      return {
        status: 200,
        body: {
          submittedOn: isoTimestamp(record.submittedAt),
          foreignProperty: shown.map((e) => penceTreeToJson(e)),
        },
      };
    },
  });

  registerApiRoute(app, deps, {
    method: 'DELETE',
    url: DELETE_PATH,
    api: 'property-business-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      // NINO, business id and tax year (from 2021-22) together. [PB app/v6/
      // deletePropertyAnnualSubmission/def1/Def1_DeletePropertyAnnualSubmissionValidator.scala]
      const p = new ParamErrors();
      p.businessId(ctx.params.businessId as string);
      const ty = p.taxYear(ctx.params.taxYear as string, FOREIGN_MIN_YEAR);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      if (isSandboxDefault(resolveScenario(ctx.scenario, DELETE_SCENARIOS))) return { status: 204 };
      const taxYear = ty as TaxYear;
      const business = businessOf(taxpayer, ctx.params.businessId as string, {
        types: ['uk-property', 'foreign-property'],
      });
      amendable(taxYear);
      if (!business.annual?.[taxYear.label]) throw new ApiError(404, [E.notFound]);
      const { [taxYear.label]: _gone, ...rest } = business.annual;
      business.annual = rest;
      store.changed();
      return { status: 204 };
    },
  });
}
