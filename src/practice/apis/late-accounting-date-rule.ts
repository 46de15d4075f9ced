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
import { type BusinessRecord, type LadrElection } from '../state/model';
import { ukDate } from '../tax/dates';
import { type TaxYear, taxYearFromLabel, taxYearOf, taxYearStarting } from '../tax/tax-year';
import { ACCOUNTING_TYPE_MIN_YEAR } from './accounting-type';
import { OUTSIDE_AMENDMENT_WINDOW, businessOf, outsideAmendmentWindow } from './business-lookup';

const BASE =
  '/individuals/business/details/:nino/:businessId/:taxYear/late-accounting-date-rule-election';

/** [BD app/api/models/errors/BusinessDetailsErrors.scala, CommonMtdErrors.scala] */
const L = {
  taxYearNotEnded: rule('RULE_TAX_YEAR_NOT_ENDED', 'The specified tax year has not yet ended'),
  noAccountingDate: rule(
    'RULE_NO_ACCOUNTING_DATE_FOUND',
    'Cannot disapply LADR. No Accounting Date found between 31 March and 4 April inclusive',
  ),
  notExpired: rule(
    'RULE_ELECTION_PERIOD_NOT_EXPIRED',
    'Cannot change LADR disapplication. Existing status has not expired',
  ),
  typeOfBusiness: rule(
    'RULE_TYPE_OF_BUSINESS_INCORRECT',
    'The businessId is not for a self-employment business',
  ),
};

const asRule = (e: MtdError) => ruleScenario(e.code, e.message);
const unprocessable = (e: MtdError) => ({ status: 422, error: e });

/** [BD retrieve_late_accounting_date_rule.yaml "Test data"] */
const GET_SCENARIOS: ScenarioTable = { NOT_FOUND: NOT_FOUND_SCENARIO };
/** [BD disapply_late_accounting_date_rule.yaml "Test data"] */
const DISAPPLY_SCENARIOS: ScenarioTable = {
  NOT_FOUND: NOT_FOUND_SCENARIO,
  NO_ACCOUNTING_DATE_FOUND: unprocessable(L.noAccountingDate),
  ELECTION_PERIOD_NOT_EXPIRED: unprocessable(L.notExpired),
  OUTSIDE_AMENDMENT_WINDOW: asRule(OUTSIDE_AMENDMENT_WINDOW),
  TYPE_OF_BUSINESS_INCORRECT: unprocessable(L.typeOfBusiness),
};
/** [BD withdraw_late_accounting_date_rule.yaml "Test data"] */
const WITHDRAW_SCENARIOS: ScenarioTable = {
  NOT_FOUND: NOT_FOUND_SCENARIO,
  ELECTION_PERIOD_NOT_EXPIRED: unprocessable(L.notExpired),
  OUTSIDE_AMENDMENT_WINDOW: asRule(OUTSIDE_AMENDMENT_WINDOW),
};

/** An election disapplies the rule for five tax years. [BD withdraw_late_accounting_date_rule.yaml] */
const ELECTION_YEARS = 5;

/**
 * Whether the business's accounting date falls between 31 March and 4 April inclusive, the only
 * businesses that may disapply the rule: the end of a period of account declared for the year,
 * or the date its accounts are usually made up to. [BD schemas/retrieveLateAccountingDateRule/
 * response.json eligible; BusinessDetailsErrors.scala RuleNoAccountingDateFoundError]
 */
export function ladrEligible(business: BusinessRecord, taxYear: TaxYear): boolean {
  const inWindow = (monthDay: string) => monthDay >= '03-31' && monthDay <= '04-04';
  const periods = business.periodsOfAccount?.[taxYear.label]?.dates;
  if (periods && periods.length > 0) return periods.some((p) => inWindow(p.endDate.slice(5)));
  return business.accountingDate !== undefined && inWindow(business.accountingDate);
}

/** The election that disapplies the rule for a tax year, if any. */
export function electionCovering(
  business: BusinessRecord,
  taxYear: TaxYear,
): LadrElection | undefined {
  return (business.ladrElections ?? []).find(
    (e) =>
      taxYearFromLabel(e.taxYearOfElection).startYear <= taxYear.startYear &&
      taxYear.startYear <= taxYearFromLabel(e.taxYearElectionExpires).startYear,
  );
}

/** HMRC's switch to run the "tax year has ended" check or not. [BD app/config/FeatureSwitches.scala] */
function temporalChecks(ctx: ApiContext): boolean {
  const header = ctx.req.headers['suspend-temporal-validations'];
  const value = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase();
  return !(value === 'true' || value === 'yes' || value === 'on');
}

/**
 * Business Details 2.0 Late Accounting Date Rule: retrieve the election for a tax year, disapply
 * the rule (after the tax year has ended, for an eligible self-employment business), or withdraw
 * an election made for that year. Changing an election made for an earlier year that has not
 * expired is refused. [BD retrieve_late_accounting_date_rule.yaml, disapply_late_accounting_date_rule.yaml,
 * withdraw_late_accounting_date_rule.yaml; app/v2/disapplyLateAccountingDateRule/
 * DisapplyLateAccountingDateRuleValidator.scala, ...Service.scala]
 */
export function registerLateAccountingDateRule(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;
  const authorise = (ctx: ApiContext) =>
    authoriseForNino(ctx, store, ctx.params.nino as string, { allowSupportingAgent: true });

  /** NINO, business id and tax year together; the tax year from 2024-25 and, by default, ended. */
  const checkChange = (ctx: ApiContext): TaxYear => {
    const p = new ParamErrors();
    p.businessId(ctx.params.businessId as string);
    const ty = p.taxYear(ctx.params.taxYear as string, ACCOUNTING_TYPE_MIN_YEAR);
    if (ty && temporalChecks(ctx) && ty.startYear >= taxYearOf(ukDate(clock.now())).startYear) {
      p.add(L.taxYearNotEnded);
    }
    if (p.errors.length > 0) throw new ApiError(400, p.errors);
    return ty as TaxYear;
  };

  registerApiRoute(app, deps, {
    method: 'GET',
    url: BASE,
    api: 'business-details-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const p = new ParamErrors();
      p.businessId(ctx.params.businessId as string);
      const ty = p.taxYear(ctx.params.taxYear as string);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      if (isSandboxDefault(resolveScenario(ctx.scenario, GET_SCENARIOS)))
        return { status: 200, body: { disapply: false, eligible: true } };
      const taxYear = ty as TaxYear;
      const business = businessOf(taxpayer, ctx.params.businessId as string, {
        types: ['self-employment'],
      });
      const election = electionCovering(business, taxYear);
      return {
        status: 200,
        body: {
          disapply: election !== undefined,
          eligible: ladrEligible(business, taxYear),
          ...(election
            ? {
                taxYearOfElection: election.taxYearOfElection,
                taxYearElectionExpires: election.taxYearElectionExpires,
              }
            : {}),
        },
      };
    },
  });

  registerApiRoute(app, deps, {
    method: 'POST',
    url: `${BASE}/disapply`,
    api: 'business-details-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const taxYear = checkChange(ctx);
      if (isSandboxDefault(resolveScenario(ctx.scenario, DISAPPLY_SCENARIOS)))
        return { status: 204 };
      const business = businessOf(taxpayer, ctx.params.businessId as string, {
        types: ['self-employment'],
        wrongType: { status: 422, error: L.typeOfBusiness },
      });
      if (outsideAmendmentWindow(taxYear, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      const existing = electionCovering(business, taxYear);
      if (existing?.taxYearOfElection === taxYear.label) return { status: 204 };
      if (existing) throw new ApiError(422, [L.notExpired]);
      if (!ladrEligible(business, taxYear)) throw new ApiError(422, [L.noAccountingDate]);
      business.ladrElections = [
        ...(business.ladrElections ?? []),
        {
          taxYearOfElection: taxYear.label,
          taxYearElectionExpires: taxYearStarting(taxYear.startYear + ELECTION_YEARS - 1).label,
          madeAt: clock.now(),
        },
      ];
      store.changed();
      return { status: 204 };
    },
  });

  registerApiRoute(app, deps, {
    method: 'DELETE',
    url: `${BASE}/withdraw`,
    api: 'business-details-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const taxYear = checkChange(ctx);
      if (isSandboxDefault(resolveScenario(ctx.scenario, WITHDRAW_SCENARIOS)))
        return { status: 204 };
      const business = businessOf(taxpayer, ctx.params.businessId as string, {
        types: ['self-employment'],
      });
      if (outsideAmendmentWindow(taxYear, ukDate(clock.now())))
        throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
      const existing = electionCovering(business, taxYear);
      if (!existing) throw new ApiError(404, [E.notFound]);
      if (existing.taxYearOfElection !== taxYear.label) throw new ApiError(422, [L.notExpired]);
      business.ladrElections = (business.ladrElections ?? []).filter((e) => e !== existing);
      store.changed();
      return { status: 204 };
    },
  });
}
