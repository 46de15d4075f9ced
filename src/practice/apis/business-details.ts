import { type FastifyInstance } from 'fastify';
import { type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E, rule } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { readBody } from '../rules/body-shape';
import { reportingTypeFor } from '../rules/cumulative-rules';
import { ParamErrors } from '../rules/path-params';
import {
  NOT_FOUND_SCENARIO,
  SANDBOX_DEFAULT,
  type ScenarioTable,
  isSandboxDefault,
  resolveScenario,
  ruleScenario,
} from '../scenarios/gov-test-scenario';
import { CANNED_SELF_EMPLOYMENT_ID } from '../scenarios/sandbox-defaults';
import { type BusinessRecord, type TaxpayerRecord } from '../state/model';
import { ukDate } from '../tax/dates';
import { type QuarterlyPeriodType } from '../tax/periods';
import { type TaxYear, taxYearOf, taxYearStart } from '../tax/tax-year';

const BASE = '/individuals/business/details';

const NO_BUSINESS_FOUND = rule(
  'NO_BUSINESS_FOUND',
  'No business found for given NINO and Business ID',
);
const BUSINESS_ID_NOT_FOUND = rule(
  'RULE_BUSINESS_ID_NOT_FOUND',
  'The business ID provided is not found',
);
const STATE_CONFLICT = rule(
  'RULE_BUSINESS_ID_STATE_CONFLICT',
  'The request conflicts with the current state of the business ID',
);
const QUARTERLY_PERIOD_UPDATING = rule(
  'RULE_QUARTERLY_PERIOD_UPDATING',
  'The quarterly period type cannot be changed when a business commencement date falls between 1st and 5th of April, and the current date is also within that date range but later than the business commencement date',
);
const CANNOT_BE_FULFILLED = rule(
  'RULE_REQUEST_CANNOT_BE_FULFILLED',
  'Request cannot proceed for this income source type',
);

/** [BD list.yaml "Test data"] */
const LIST_SCENARIOS: ScenarioTable = {
  PROPERTY: { variant: 'PROPERTY' },
  FOREIGN_PROPERTY: { variant: 'FOREIGN_PROPERTY' },
  BUSINESS_AND_PROPERTY: { variant: 'BUSINESS_AND_PROPERTY' },
  UNSPECIFIED: { variant: 'UNSPECIFIED' },
  NOT_FOUND: NOT_FOUND_SCENARIO,
};

/** [BD retrieve.yaml "Test data"] */
const RETRIEVE_SCENARIOS: ScenarioTable = {
  PROPERTY: { variant: 'XPIS12345678901' },
  FOREIGN_PROPERTY: { variant: 'XFIS12345678901' },
  UNSPECIFIED: { variant: 'XAIS12345678901' },
  NOT_FOUND: NOT_FOUND_SCENARIO,
  DYNAMIC: 'stateful',
};

/** [BD quarterly_period_type_create_amend.yaml "Test data"] */
const PERIOD_TYPE_SCENARIOS: ScenarioTable = {
  BUSINESS_ID_NOT_FOUND: { status: 404, error: BUSINESS_ID_NOT_FOUND },
  BUSINESS_ID_STATE_CONFLICT: ruleScenario(STATE_CONFLICT.code, STATE_CONFLICT.message),
  QUARTERLY_PERIOD_UPDATING: ruleScenario(
    QUARTERLY_PERIOD_UPDATING.code,
    QUARTERLY_PERIOD_UPDATING.message,
  ),
};

const CANNED_LISTS: Record<
  string,
  { typeOfBusiness: string; businessId: string; tradingName?: string }[]
> = {
  PROPERTY: [{ typeOfBusiness: 'uk-property', businessId: 'XPIS12345678901' }],
  FOREIGN_PROPERTY: [{ typeOfBusiness: 'foreign-property', businessId: 'XFIS12345678901' }],
  BUSINESS_AND_PROPERTY: [
    {
      typeOfBusiness: 'self-employment',
      businessId: 'XBIS12345678901',
      tradingName: 'Practice Trading',
    },
    { typeOfBusiness: 'uk-property', businessId: 'XPIS12345678901' },
    { typeOfBusiness: 'foreign-property', businessId: 'XFIS12345678901' },
  ],
  UNSPECIFIED: [{ typeOfBusiness: 'property-unspecified', businessId: 'XAIS12345678901' }],
  // "N/A - DEFAULT: a self-employment business" [BD list.yaml, retrieve.yaml]
  [SANDBOX_DEFAULT]: [
    {
      typeOfBusiness: 'self-employment',
      businessId: CANNED_SELF_EMPLOYMENT_ID,
      tradingName: 'Practice Trading',
    },
  ],
};

function listItem(b: BusinessRecord): Record<string, string> {
  return {
    typeOfBusiness: b.typeOfBusiness,
    businessId: b.businessId,
    ...(b.tradingName ? { tradingName: b.tradingName } : {}),
  };
}

/**
 * The Retrieve Business Details body. Accounting period dates are included because HMRC returns
 * them; HMRC asks software not to show them to users. [BD retrieveBusinessDetails/response.json]
 */
function details(
  b: BusinessRecord,
  taxpayer: TaxpayerRecord,
  currentTaxYear: TaxYear,
): Record<string, unknown> {
  const latestChoice = [...b.periodTypeChoices]
    .sort((x, y) => x.taxYear.localeCompare(y.taxYear))
    .pop();
  const start = taxYearStart(currentTaxYear);
  const body: Record<string, unknown> = {
    businessId: b.businessId,
    typeOfBusiness: b.typeOfBusiness,
    ...(b.tradingName ? { tradingName: b.tradingName } : {}),
    yearOfMigration: taxpayer.mtdStartTaxYear.slice(0, 4),
    accountingPeriods: [{ start, end: `${currentTaxYear.startYear + 1}-04-05` }],
    ...(latestChoice
      ? {
          quarterlyTypeChoice: {
            quarterlyPeriodType: latestChoice.type,
            taxYearOfChoice: latestChoice.taxYear,
          },
        }
      : {}),
    ...(b.commencementDate ? { commencementDate: b.commencementDate } : {}),
    ...(b.cessationDate ? { cessationDate: b.cessationDate } : {}),
    ...(b.firstAccountingPeriodStartDate
      ? { firstAccountingPeriodStartDate: b.firstAccountingPeriodStartDate }
      : {}),
    ...(b.firstAccountingPeriodEndDate
      ? { firstAccountingPeriodEndDate: b.firstAccountingPeriodEndDate }
      : {}),
    // A new or latent income source reports annually ('A') or quarterly ('Q') in its first two
    // tax years: the app reads this to send its updates without dates. [BD retrieve.yaml;
    // reference §3.4, §3.5]
    ...(b.latencyDetails ? { latencyDetails: { ...b.latencyDetails } } : {}),
  };
  if (b.address) {
    body.businessAddressLineOne = b.address.line1;
    if (b.address.line2) body.businessAddressLineTwo = b.address.line2;
    if (b.address.line3) body.businessAddressLineThree = b.address.line3;
    if (b.address.line4) body.businessAddressLineFour = b.address.line4;
    if (b.address.postcode) body.businessAddressPostcode = b.address.postcode;
    body.businessAddressCountryCode = b.address.countryCode;
  }
  return body;
}

/** Business Details API 2.0: list, retrieve, create/amend quarterly period type. [reference §3.4] */
export function registerBusinessDetails(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;
  const currentTaxYear = () => taxYearOf(ukDate(clock.now()));

  registerApiRoute(app, deps, {
    method: 'GET',
    url: `${BASE}/:nino/list`,
    api: 'business-details-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authoriseForNino(ctx, store, ctx.params.nino as string, {
        allowSupportingAgent: true,
      });
      const scenario = resolveScenario(ctx.scenario, LIST_SCENARIOS);
      if (scenario !== 'stateful')
        return { status: 200, body: { listOfBusinesses: CANNED_LISTS[scenario.variant] } };
      if (taxpayer.businesses.length === 0) throw new ApiError(404, [E.notFound]);
      return { status: 200, body: { listOfBusinesses: taxpayer.businesses.map(listItem) } };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: `${BASE}/:nino/:businessId`,
    api: 'business-details-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authoriseForNino(ctx, store, ctx.params.nino as string, {
        allowSupportingAgent: true,
      });
      const p = new ParamErrors();
      p.businessId(ctx.params.businessId as string);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      const scenario = resolveScenario(ctx.scenario, RETRIEVE_SCENARIOS);
      if (scenario !== 'stateful') {
        const wanted = isSandboxDefault(scenario) ? CANNED_SELF_EMPLOYMENT_ID : scenario.variant;
        const canned = Object.values(CANNED_LISTS)
          .flat()
          .find((b) => b.businessId === wanted);
        return {
          status: 200,
          body: {
            ...canned,
            accountingPeriods: [
              {
                start: taxYearStart(currentTaxYear()),
                end: `${currentTaxYear().startYear + 1}-04-05`,
              },
            ],
          },
        };
      }
      const business = taxpayer.businesses.find((b) => b.businessId === ctx.params.businessId);
      if (!business) throw new ApiError(404, [NO_BUSINESS_FOUND]);
      return { status: 200, body: details(business, taxpayer, currentTaxYear()) };
    },
  });

  registerApiRoute(app, deps, {
    method: 'PUT',
    url: `${BASE}/:nino/:businessId/:taxYear`,
    api: 'business-details-api',
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authoriseForNino(ctx, store, ctx.params.nino as string, {
        allowSupportingAgent: true,
      });
      const p = new ParamErrors();
      p.businessId(ctx.params.businessId as string);
      const ty = p.taxYear(ctx.params.taxYear as string);
      // Business id, tax year and body are checked together; unknown body fields are ignored.
      // [BD app/v2/createAmendQuarterlyPeriodType/def1/Def1_CreateAmendQuarterlyPeriodTypeValidator.scala]
      const read = readBody(ctx.body, {
        kind: 'object',
        fields: { quarterlyPeriodType: { kind: 'enum', values: ['standard', 'calendar'] } },
        required: ['quarterlyPeriodType'],
      });
      const errors = [...p.errors, ...(read.ok ? [] : read.errors)];
      if (errors.length > 0) throw new ApiError(400, errors);
      if (isSandboxDefault(resolveScenario(ctx.scenario, PERIOD_TYPE_SCENARIOS)))
        return { status: 204 };
      const taxYear = ty as TaxYear;
      const type = (ctx.body as { quarterlyPeriodType: QuarterlyPeriodType }).quarterlyPeriodType;
      const business = taxpayer.businesses.find((b) => b.businessId === ctx.params.businessId);
      if (!business) throw new ApiError(404, [BUSINESS_ID_NOT_FOUND]);
      // Only the current tax year, and only self-employment or property income sources; anything
      // else is 422 RULE_REQUEST_CANNOT_BE_FULFILLED. [BD quarterly_period_type_create_amend.yaml]
      const today = ukDate(clock.now());
      if (
        taxYear.label !== taxYearOf(today).label ||
        business.typeOfBusiness === 'property-unspecified'
      ) {
        throw new ApiError(422, [CANNOT_BE_FULFILLED]);
      }
      const current = reportingTypeFor(business, taxYear).type;
      if (current === type) return { status: 204 };
      // The choice is locked once the first update for the year is made. [reference §5.2]
      if ((business.cumulative[taxYear.label]?.history.length ?? 0) > 0)
        throw new ApiError(400, [STATE_CONFLICT]);
      const commencement = business.commencementDate;
      const aprilFirst = `${taxYear.startYear + 1}-04-01`;
      const aprilFifth = `${taxYear.startYear + 1}-04-05`;
      if (
        commencement &&
        commencement >= aprilFirst &&
        commencement <= aprilFifth &&
        today > commencement &&
        today <= aprilFifth
      ) {
        throw new ApiError(400, [QUARTERLY_PERIOD_UPDATING]);
      }
      business.periodTypeChoices = business.periodTypeChoices.filter(
        (c) => c.taxYear !== taxYear.label,
      );
      business.periodTypeChoices.push({ taxYear: taxYear.label, type });
      store.changed();
      return { status: 204 };
    },
  });
}
