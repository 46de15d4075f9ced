import { randomUUID } from 'node:crypto';
import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E, type MtdError, rule } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { ParamErrors } from '../rules/path-params';
import {
  NOT_FOUND_SCENARIO,
  type ScenarioTable,
  isSandboxDefault,
  resolveScenario,
  ruleScenario,
} from '../scenarios/gov-test-scenario';
import { type CalculationRecord, type CalculationType, type TaxpayerRecord } from '../state/model';
import { isoTimestamp, ukDate } from '../tax/dates';
import { penceToPounds } from '../tax/money';
import { amendmentWindowEnd } from '../tax/periods';
import { type TaxYear, taxYearEnd } from '../tax/tax-year';
import { cannedCalculation, cannedCalculationList } from '../scenarios/sandbox-defaults';
import { buildCalculation, submittedBusinesses, withErrorMessages } from './calculation-document';

const BASE = '/individuals/calculations/:nino/self-assessment/:taxYear';
/** The minimum tax year is 2017-18. [IC common/pathParameters.yaml taxYearMinimum2018] */
const MIN_YEAR = 2017;
/** intent-to-amend and confirm-amendment exist from 2025-26. [IC triggerCalculationType] */
const AMENDMENTS_FROM = 2025;
/** [IC common/pathParameters.yaml calculationId], anchored as intended. */
const CALCULATION_ID =
  /^(?:[0-9]{8}|[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/;

const R = {
  formatCalculationType: rule(
    'FORMAT_CALCULATION_TYPE',
    'The provided calculation type is not valid',
  ),
  formatCalculationId: rule('FORMAT_CALCULATION_ID', 'The provided calculationId is invalid'),
  noIncomeSubmissions: rule(
    'RULE_NO_INCOME_SUBMISSIONS_EXIST',
    'No income submissions exist for the tax year',
  ),
  finalDeclarationReceived: rule(
    'RULE_FINAL_DECLARATION_RECEIVED',
    'Final declaration has already been received',
  ),
  incomeSourcesChanged: rule(
    'RULE_INCOME_SOURCES_CHANGED',
    'Income sources data has changed. Trigger a new calculation',
  ),
  recentSubmissions: rule(
    'RULE_RECENT_SUBMISSIONS_EXIST',
    'More recent submissions exist. Trigger a new calculation',
  ),
  residencyChanged: rule(
    'RULE_RESIDENCY_CHANGED',
    'Residency has changed. Trigger a new calculation',
  ),
  taxYearNotEnded: rule('RULE_TAX_YEAR_NOT_ENDED', 'The specified tax year has not yet ended'),
  calculationInProgress: rule(
    'RULE_CALCULATION_IN_PROGRESS',
    'A calculation is in progress. Please wait before triggering a new calculation',
  ),
  businessValidationFailure: rule(
    'RULE_BUSINESS_VALIDATION_FAILURE',
    'Business validation rule failures',
  ),
  calculationTypeNotAllowed: rule(
    'RULE_CALCULATION_TYPE_NOT_ALLOWED',
    'The provided calculation type is not applicable for this tax year',
  ),
  declarationNotReceived: rule(
    'RULE_DECLARATION_NOT_RECEIVED',
    'The final declaration has not been received',
  ),
  outsideAmendmentWindow: rule(
    'RULE_OUTSIDE_AMENDMENT_WINDOW',
    'You are outside the amendment window',
  ),
  incomeSourcesInvalid: rule(
    'RULE_INCOME_SOURCES_INVALID',
    'No valid income sources could be found',
  ),
  submissionFailed: rule(
    'RULE_SUBMISSION_FAILED',
    'The submission cannot be completed due to validation failures',
  ),
  finalDeclarationTaxYear: rule(
    'RULE_FINAL_DECLARATION_TAX_YEAR',
    'The final declaration cannot be submitted until after the end of the tax year',
  ),
  finalDeclarationInProgress: rule(
    'RULE_FINAL_DECLARATION_IN_PROGRESS',
    'There is a calculation in progress for the tax year',
  ),
};

const asScenario = (e: MtdError) => ruleScenario(e.code, e.message);

/** [IC trigger.yaml "Test data"] */
const TRIGGER_SCENARIOS: ScenarioTable = {
  NO_INCOME_SUBMISSIONS_EXIST: asScenario(R.noIncomeSubmissions),
  FINAL_DECLARATION_RECEIVED: asScenario(R.finalDeclarationReceived),
  INCOME_SOURCES_CHANGED: asScenario(R.incomeSourcesChanged),
  RECENT_SUBMISSIONS_EXIST: asScenario(R.recentSubmissions),
  RESIDENCY_CHANGED: asScenario(R.residencyChanged),
  CALCULATION_IN_PROGRESS: asScenario(R.calculationInProgress),
  BUSINESS_VALIDATION_FAILURE: asScenario(R.businessValidationFailure),
  TAX_YEAR_NOT_ENDED: asScenario(R.taxYearNotEnded),
};

/** [IC list.yaml "Test data"] */
const LIST_SCENARIOS: ScenarioTable = { NOT_FOUND: NOT_FOUND_SCENARIO, DYNAMIC: 'stateful' };

/**
 * [IC retrieve.yaml "Test data"] The canned example calculations (UK_PROP_DIVIDENDS_EXAMPLE and
 * so on) are HMRC's own data; Practice HMRC does not copy them, so they are not offered.
 */
const RETRIEVE_SCENARIOS: ScenarioTable = {
  NOT_FOUND: NOT_FOUND_SCENARIO,
  ERROR_MESSAGES_EXIST: { variant: 'errors' },
  DYNAMIC: 'stateful',
};

/** [IC submit_final_declaration.yaml "Test data"] */
const DECLARATION_SCENARIOS: ScenarioTable = {
  OUTSIDE_AMENDMENT_WINDOW: asScenario(R.outsideAmendmentWindow),
  FINAL_DECLARATION_IN_PROGRESS: asScenario(R.finalDeclarationInProgress),
  FINAL_DECLARATION_RECEIVED: asScenario(R.finalDeclarationReceived),
  FINAL_DECLARATION_TAX_YEAR: asScenario(R.finalDeclarationTaxYear),
  INCOME_SOURCES_CHANGED: asScenario(R.incomeSourcesChanged),
  INCOME_SOURCES_INVALID: asScenario(R.incomeSourcesInvalid),
  NO_INCOME_SUBMISSIONS_EXIST: asScenario(R.noIncomeSubmissions),
  RECENT_SUBMISSIONS_EXIST: asScenario(R.recentSubmissions),
  RESIDENCY_CHANGED: asScenario(R.residencyChanged),
  SUBMISSION_FAILED: asScenario(R.submissionFailed),
  TAX_YEAR_NOT_SUPPORTED: asScenario(E.ruleTaxYearNotSupported),
  NOT_FOUND: NOT_FOUND_SCENARIO,
};

const TRIGGER_TYPES: CalculationType[] = ['in-year', 'intent-to-finalise', 'intent-to-amend'];
const LIST_TYPES = [
  'in-year',
  'intent-to-finalise',
  'intent-to-amend',
  'final-declaration',
  'confirm-amendment',
];

/**
 * Which list filters a tax year allows: none up to 2022-23; in-year, intent-to-finalise and
 * final-declaration for 2023-24 and 2024-25; all five from 2025-26. [IC app/v8/listCalculations/
 * schema/ListCalculationsSchema.scala, def1|def2|def3/Def*_ListCalculationsValidator.scala]
 */
function listFilterAllowed(filter: string, taxYear: TaxYear): boolean {
  if (taxYear.startYear < 2023) return false;
  if (taxYear.startYear < AMENDMENTS_FROM)
    return ['in-year', 'intent-to-finalise', 'final-declaration'].includes(filter);
  return true;
}

function listType(c: CalculationRecord): string {
  return c.declaredAs ?? c.calculationType;
}

export interface CalculationDeps extends ApiDeps {
  /** How long a triggered calculation takes before it can be retrieved. */
  calculationDelayMs: () => number;
}

/**
 * Individual Calculations API 8.0: trigger, list, retrieve, submit final declaration. Supporting
 * agents are refused throughout. [reference §3.4, §5.7; §2.10 "Individual Calculations — none"]
 */
export function registerIndividualCalculations(app: FastifyInstance, deps: CalculationDeps): void {
  const { store, clock } = deps;
  const authorise = (ctx: ApiContext) =>
    authoriseForNino(ctx, store, ctx.params.nino as string, { allowSupportingAgent: false });
  const today = () => ukDate(clock.now());
  const yearEnded = (ty: TaxYear) => today() > taxYearEnd(ty);

  registerApiRoute(app, deps, {
    method: 'POST',
    url: `${BASE}/trigger/:calculationType`,
    api: 'individual-calculations-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const p = new ParamErrors();
      const ty = p.taxYear(ctx.params.taxYear as string, MIN_YEAR);
      const type = ctx.params.calculationType as CalculationType;
      if (!TRIGGER_TYPES.includes(type)) p.add(R.formatCalculationType);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      const taxYear = ty as TaxYear;
      if (type === 'intent-to-amend' && taxYear.startYear < AMENDMENTS_FROM)
        throw new ApiError(400, [R.calculationTypeNotAllowed]);
      if (isSandboxDefault(resolveScenario(ctx.scenario, TRIGGER_SCENARIOS)))
        return { status: 202, body: { calculationId: randomUUID() } };

      const now = clock.now();
      if (taxpayer.calculations.some((c) => c.taxYear === taxYear.label && c.readyAt > now)) {
        throw new ApiError(400, [R.calculationInProgress]);
      }
      const declared = taxpayer.finalDeclarations[taxYear.label];
      if (type === 'intent-to-amend') {
        if (!declared) throw new ApiError(400, [R.declarationNotReceived]);
        if (today() > amendmentWindowEnd(taxYear))
          throw new ApiError(400, [R.outsideAmendmentWindow]);
      } else {
        // Finalising is possible only after the tax year ends. [reference §5.7]
        if (type === 'intent-to-finalise' && !yearEnded(taxYear))
          throw new ApiError(400, [R.taxYearNotEnded]);
        if (declared) throw new ApiError(400, [R.finalDeclarationReceived]);
      }
      if (submittedBusinesses(taxpayer, taxYear).length === 0)
        throw new ApiError(400, [R.noIncomeSubmissions]);

      const calculationId = randomUUID();
      const built = buildCalculation({
        taxpayer,
        taxYear,
        calculationId,
        calculationType: type,
        requestedAt: now,
        calculatedAt: now + deps.calculationDelayMs(),
      });
      taxpayer.calculations.push({
        calculationId,
        taxYear: taxYear.label,
        calculationType: type,
        requestedAt: now,
        // HMRC calculates asynchronously (wait at least 5 s); until then retrieve is 404. [IC trigger.yaml, retrieve.yaml]
        readyAt: now + deps.calculationDelayMs(),
        document: built.document,
        liabilityPence: built.liabilityPence,
        periodTo: built.periodTo,
        hasErrors: built.hasErrors,
        incomeSourceIds: submittedBusinesses(taxpayer, taxYear).map((b) => b.businessId),
      });
      store.changed();
      return { status: 202, body: { calculationId } };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: BASE,
    api: 'individual-calculations-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const p = new ParamErrors();
      const ty = p.taxYear(ctx.params.taxYear as string, MIN_YEAR);
      const filter = ctx.query.get('calculationType');
      if (filter !== null && !LIST_TYPES.includes(filter)) p.add(R.formatCalculationType);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      const taxYear = ty as TaxYear;
      if (filter !== null && !listFilterAllowed(filter, taxYear)) {
        throw new ApiError(400, [R.calculationTypeNotAllowed]);
      }
      if (isSandboxDefault(resolveScenario(ctx.scenario, LIST_SCENARIOS)))
        return { status: 200, body: cannedCalculationList(taxYear, clock.now()) };
      const now = clock.now();
      const calculations = taxpayer.calculations
        .filter(
          (c) =>
            c.taxYear === taxYear.label &&
            c.readyAt <= now &&
            (filter === null || listType(c) === filter),
        )
        .sort((a, b) => b.requestedAt - a.requestedAt)
        .map((c) => ({
          calculationId: c.calculationId,
          calculationTimestamp: isoTimestamp(c.readyAt),
          calculationType: listType(c),
          calculationTrigger: 'attended',
          calculationOutcome: 'PROCESSED',
          ...(c.liabilityPence !== undefined
            ? { liabilityAmount: penceToPounds(c.liabilityPence) }
            : {}),
          fromDate: `${taxYear.startYear}-04-06`,
          ...(c.periodTo ? { toDate: c.periodTo } : {}),
        }));
      if (calculations.length === 0) throw new ApiError(404, [E.notFound]);
      return { status: 200, body: { calculations } };
    },
  });

  function findCalculation(
    taxpayer: TaxpayerRecord,
    taxYear: TaxYear,
    id: string,
  ): CalculationRecord | undefined {
    return taxpayer.calculations.find((c) => c.calculationId === id && c.taxYear === taxYear.label);
  }

  registerApiRoute(app, deps, {
    method: 'GET',
    url: `${BASE}/:calculationId`,
    api: 'individual-calculations-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const p = new ParamErrors();
      const ty = p.taxYear(ctx.params.taxYear as string, MIN_YEAR);
      if (!CALCULATION_ID.test(ctx.params.calculationId as string)) p.add(R.formatCalculationId);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      const scenario = resolveScenario(ctx.scenario, RETRIEVE_SCENARIOS);
      if (isSandboxDefault(scenario)) {
        const id = ctx.params.calculationId as string;
        return { status: 200, body: cannedCalculation(ty as TaxYear, id, clock.now()).document };
      }
      const calc = findCalculation(taxpayer, ty as TaxYear, ctx.params.calculationId as string);
      // Not found, or triggered but not finished: both 404. [IC retrieve.yaml]
      if (!calc || calc.readyAt > clock.now()) throw new ApiError(404, [E.notFound]);
      // ERROR_MESSAGES_EXIST swaps in HMRC-style errors; otherwise the calculation as made,
      // with any business validation errors it found. [IC retrieve.yaml "Test data"]
      const document = scenario === 'stateful' ? calc.document : withErrorMessages(calc.document);
      if (calc.declaredAt !== undefined) {
        const metadata = { ...(document.metadata as Record<string, unknown>) };
        metadata[
          calc.declaredAs === 'confirm-amendment'
            ? 'confirmationTimestamp'
            : 'finalisationTimestamp'
        ] = isoTimestamp(calc.declaredAt);
        return { status: 200, body: { ...document, metadata } };
      }
      return { status: 200, body: document };
    },
  });

  registerApiRoute(app, deps, {
    method: 'POST',
    url: `${BASE}/:calculationId/:calculationType`,
    api: 'individual-calculations-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      // The tax year has no minimum here, and confirm-amendment before 2025-26 is refused as
      // RULE_SUBMISSION_FAILED once the parameters are well formed. [IC app/v8/submitFinalDeclaration/
      // def1/Def1_SubmitFinalDeclarationValidator.scala, Def1_SubmitFinalDeclarationRulesValidator.scala]
      const p = new ParamErrors();
      const ty = p.taxYear(ctx.params.taxYear as string);
      if (!CALCULATION_ID.test(ctx.params.calculationId as string)) p.add(R.formatCalculationId);
      const type = ctx.params.calculationType;
      if (type !== 'final-declaration' && type !== 'confirm-amendment')
        p.add(R.formatCalculationType);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      if (type === 'confirm-amendment' && (ty as TaxYear).startYear < AMENDMENTS_FROM)
        throw new ApiError(400, [R.submissionFailed]);
      if (isSandboxDefault(resolveScenario(ctx.scenario, DECLARATION_SCENARIOS)))
        return { status: 204 };
      // Years before 2017-18 are refused by HMRC's backend, after the checks above. [IC
      // common/pathParameters.yaml taxYearMinimum2018; submit_final_declaration.yaml]
      if ((ty as TaxYear).startYear < MIN_YEAR)
        throw new ApiError(400, [E.ruleTaxYearNotSupported]);
      const taxYear = ty as TaxYear;
      const calc = findCalculation(taxpayer, taxYear, ctx.params.calculationId as string);
      const wanted: CalculationType =
        type === 'final-declaration' ? 'intent-to-finalise' : 'intent-to-amend';
      // An unknown id, or one for an in-year calculation, is 404. [IC errors.yaml notFound]
      if (!calc || calc.calculationType !== wanted) throw new ApiError(404, [E.notFound]);
      const now = clock.now();
      if (calc.readyAt > now) throw new ApiError(400, [R.finalDeclarationInProgress]);
      if (type === 'final-declaration') {
        if (!yearEnded(taxYear)) throw new ApiError(400, [R.finalDeclarationTaxYear]);
        if (taxpayer.finalDeclarations[taxYear.label])
          throw new ApiError(400, [R.finalDeclarationReceived]);
      } else if (today() > amendmentWindowEnd(taxYear)) {
        throw new ApiError(400, [R.outsideAmendmentWindow]);
      }
      if (calc.hasErrors) throw new ApiError(400, [R.submissionFailed]);
      const current = submittedBusinesses(taxpayer, taxYear);
      if (
        current
          .map((b) => b.businessId)
          .sort()
          .join() !== [...calc.incomeSourceIds].sort().join()
      ) {
        throw new ApiError(400, [R.incomeSourcesChanged]);
      }
      // The declaration must be about the figures the person saw: a cumulative update or an
      // annual submission sent after the calculation makes it stale. [reference §5.7 step 5]
      const lastChange = (b: (typeof current)[number]) =>
        Math.max(
          b.cumulative[taxYear.label]?.submittedAt ?? 0,
          b.annual?.[taxYear.label]?.submittedAt ?? 0,
        );
      if (current.some((b) => lastChange(b) > calc.requestedAt)) {
        throw new ApiError(400, [R.recentSubmissions]);
      }
      calc.declaredAt = now;
      calc.declaredAs = type === 'final-declaration' ? 'final-declaration' : 'confirm-amendment';
      if (type === 'final-declaration') {
        taxpayer.finalDeclarations[taxYear.label] = {
          calculationId: calc.calculationId,
          receivedAt: now,
        };
      }
      store.changed();
      return { status: 204 };
    },
  });
}
