import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E, type MtdError, rule } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { ParamErrors } from '../rules/path-params';
import { type BusinessRecord, type TypeOfBusiness } from '../state/model';
import { addBusiness } from '../state/test-users';
import { isIsoDate, ukDate } from '../tax/dates';
import { parseTaxYear, taxYearOf } from '../tax/tax-year';

const BASE = '/individuals/self-assessment-test-support';

/** [TS common/errors.yaml] */
const T = {
  formatTypeOfBusiness: rule(
    'FORMAT_TYPE_OF_BUSINESS',
    'The provided typeOfBusiness field is invalid',
  ),
  formatDate: rule('FORMAT_DATE', 'The supplied date format is not valid'),
  formatAccountingType: rule(
    'FORMAT_ACCOUNTING_TYPE',
    'The provided accountingType field is invalid',
  ),
  formatPostcode: rule('FORMAT_POSTCODE', 'The provided businessAddressPostcode is invalid'),
  formatLatencyIndicator: rule(
    'FORMAT_LATENCY_INDICATOR',
    'The format of a latency indicator field is incorrect',
  ),
  formatCountryCode: rule('FORMAT_COUNTRY_CODE', 'The provided country code is invalid'),
  missingPostcode: rule('MISSING_POSTCODE', 'Missing postcode'),
  commencementNotSupported: rule(
    'RULE_COMMENCEMENT_DATE_NOT_SUPPORTED',
    'The specified commencementDate must be in the past',
  ),
  propertyAdded: rule(
    'RULE_PROPERTY_BUSINESS_ADDED',
    'The provided property business is already added',
  ),
  missingStart: rule(
    'MISSING_FIRST_ACCOUNTING_PERIOD_START_DATE',
    'Missing firstAccountingPeriodStartDate value',
  ),
  missingEnd: rule(
    'MISSING_FIRST_ACCOUNTING_PERIOD_END_DATE',
    'Missing firstAccountingPeriodEndDate value',
  ),
  firstPeriodInvalid: rule(
    'RULE_FIRST_ACCOUNTING_DATE_RANGE_INVALID',
    'The first accounting period is not a single complete tax year',
  ),
  unexpectedAddress: rule(
    'RULE_UNEXPECTED_BUSINESS_ADDRESS',
    'Unexpected businessAddress provided for property business',
  ),
  missingAddress: rule(
    'RULE_MISSING_BUSINESS_ADDRESS',
    'businessAddress not provided for the self-employment business',
  ),
  unexpectedTradingName: rule(
    'RULE_UNEXPECTED_TRADING_NAME',
    'Unexpected tradingName provided for property business',
  ),
  missingTradingName: rule(
    'RULE_MISSING_TRADING_NAME',
    'tradingName not provided for the self-employment business',
  ),
  formatStatus: rule('FORMAT_STATUS', 'The provided status is invalid'),
  formatStatusReason: rule('FORMAT_STATUS_REASON', 'The provided status reason is invalid'),
  formatIncome: rule(
    'FORMAT_BUSINESS_INCOME_2_YEARS_PRIOR',
    'The provided business Income 2 Years Prior is invalid',
  ),
  formatSubmittedOn: rule('FORMAT_SUBMITTED_ON', 'The provided submitted on date is invalid'),
  duplicateSubmittedOn: rule(
    'DUPLICATE_SUBMITTED_ON',
    'The provided submittedOn values are not unique',
  ),
};

const CREATE_FIELDS = new Set([
  'typeOfBusiness',
  'tradingName',
  'firstAccountingPeriodStartDate',
  'firstAccountingPeriodEndDate',
  'latencyDetails',
  'quarterlyTypeChoice',
  'accountingType',
  'commencementDate',
  'cessationDate',
  'businessAddressLineOne',
  'businessAddressLineTwo',
  'businessAddressLineThree',
  'businessAddressLineFour',
  'businessAddressPostcode',
  'businessAddressCountryCode',
]);
const ADDRESS_FIELDS = [...CREATE_FIELDS].filter((f) => f.startsWith('businessAddress'));
/** [TS schemas/businesses/create_request.json businessAddressPostcode] */
const POSTCODE = /^(?:[A-Z]{1,2}[0-9][0-9A-Z]?\s?[0-9][A-Z]{2}|BFPO\s?[0-9]{1,10})$/;
const STATUSES = [
  'No Status',
  'MTD Mandated',
  'MTD Voluntary',
  'Annual',
  'Non Digital',
  'Dormant',
  'MTD Exempt',
];
const STATUS_REASONS = [
  'Sign up - return available',
  'Sign up - no return available',
  'ITSA final declaration',
  'ITSA Q4 declaration',
  'CESA SA return',
  'Complex',
  'Ceased income source',
  'Reinstated income source',
  'Rollover',
  'Income Source Latency Changes',
  'MTD ITSA Opt-Out',
  'MTD ITSA Opt-In',
  'Digitally Exempt',
];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function createErrors(body: Obj, existing: BusinessRecord[], today: string): MtdError[] {
  const errors: MtdError[] = [];
  const type = body.typeOfBusiness;
  if (
    !['self-employment', 'uk-property', 'foreign-property', 'property-unspecified'].includes(
      type as string,
    )
  ) {
    errors.push(T.formatTypeOfBusiness);
  }
  for (const f of [
    'firstAccountingPeriodStartDate',
    'firstAccountingPeriodEndDate',
    'commencementDate',
    'cessationDate',
  ]) {
    if (f in body && !isIsoDate(body[f])) errors.push(T.formatDate);
  }
  if (
    'accountingType' in body &&
    body.accountingType !== 'CASH' &&
    body.accountingType !== 'ACCRUALS'
  ) {
    errors.push(T.formatAccountingType);
  }
  const latency = body.latencyDetails;
  if (latency !== undefined) {
    if (!isObj(latency)) errors.push(E.ruleIncorrectOrEmptyBody);
    else {
      if (!isIsoDate(latency.latencyEndDate)) errors.push(T.formatDate);
      for (const ty of [latency.taxYear1, latency.taxYear2]) {
        const parsed = parseTaxYear(str(ty) ?? '');
        if (!parsed.ok)
          errors.push(
            parsed.error === 'FORMAT_TAX_YEAR' ? E.formatTaxYear : E.ruleTaxYearRangeInvalid,
          );
      }
      for (const i of [latency.latencyIndicator1, latency.latencyIndicator2])
        if (i !== 'A' && i !== 'Q') errors.push(T.formatLatencyIndicator);
    }
  }
  const choice = body.quarterlyTypeChoice;
  if (choice !== undefined) {
    if (
      !isObj(choice) ||
      (choice.quarterlyPeriodType !== 'standard' && choice.quarterlyPeriodType !== 'calendar')
    ) {
      errors.push(E.ruleIncorrectOrEmptyBody);
    } else if (choice.taxYearOfChoice !== undefined) {
      const parsed = parseTaxYear(str(choice.taxYearOfChoice) ?? '');
      if (!parsed.ok)
        errors.push(
          parsed.error === 'FORMAT_TAX_YEAR' ? E.formatTaxYear : E.ruleTaxYearRangeInvalid,
        );
    }
  }
  const postcode = str(body.businessAddressPostcode);
  if (postcode !== undefined && !POSTCODE.test(postcode)) errors.push(T.formatPostcode);
  const country = body.businessAddressCountryCode;
  if (country !== undefined && !/^[A-Z]{2}$/.test(str(country) ?? ''))
    errors.push(T.formatCountryCode);
  if (errors.length > 0) return errors;

  if (str(body.commencementDate) !== undefined && (body.commencementDate as string) >= today) {
    errors.push(T.commencementNotSupported);
  }
  const start = str(body.firstAccountingPeriodStartDate);
  const end = str(body.firstAccountingPeriodEndDate);
  if (start !== undefined && end === undefined) errors.push(T.missingEnd);
  if (end !== undefined && start === undefined) errors.push(T.missingStart);
  // MTD supports one accounting period per year: a full tax year, 6 April to 5 April. [TS business_create.yaml]
  if (
    start &&
    end &&
    !(start.endsWith('-04-06') && end === `${Number(start.slice(0, 4)) + 1}-04-05`)
  ) {
    errors.push(T.firstPeriodInvalid);
  }
  const hasAddress = ADDRESS_FIELDS.some((f) => f in body);
  if (type === 'self-employment') {
    if (!str(body.tradingName)) errors.push(T.missingTradingName);
    if (!body.businessAddressLineOne || !body.businessAddressCountryCode)
      errors.push(T.missingAddress);
    else if (body.businessAddressCountryCode === 'GB' && postcode === undefined)
      errors.push(T.missingPostcode);
  } else {
    if ('tradingName' in body) errors.push(T.unexpectedTradingName);
    if (hasAddress) errors.push(T.unexpectedAddress);
    // Only one of each property business. [TS business_create.yaml]
    if (type !== 'property-unspecified' && existing.some((b) => b.typeOfBusiness === type))
      errors.push(T.propertyAdded);
  }
  return errors;
}

/**
 * Self Assessment Test Support API 1.0: create and delete test businesses and set a test ITSA
 * status, so STATEFUL behaviour can be exercised with businesses a test makes. [reference §3.8; TS]
 */
export function registerTestSupport(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;
  const authorise = (ctx: ApiContext) =>
    authoriseForNino(ctx, store, ctx.params.nino as string, { allowSupportingAgent: true });

  registerApiRoute(app, deps, {
    method: 'POST',
    url: `${BASE}/business/:nino`,
    api: 'mtd-sa-test-support-api',
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const body = ctx.body;
      if (!isObj(body) || Object.keys(body).length === 0)
        throw new ApiError(400, [E.ruleIncorrectOrEmptyBody]);
      const unexpected = Object.keys(body).filter((k) => !CREATE_FIELDS.has(k));
      if (unexpected.length > 0)
        throw new ApiError(400, [
          { ...E.ruleIncorrectOrEmptyBody, paths: unexpected.map((k) => `/${k}`) },
        ]);
      const errors = createErrors(body, taxpayer.businesses, ukDate(clock.now()));
      if (errors.length > 0) throw new ApiError(400, errors);
      const choice = body.quarterlyTypeChoice as
        { quarterlyPeriodType: 'standard' | 'calendar'; taxYearOfChoice?: string } | undefined;
      const business = addBusiness(store.data, taxpayer, {
        typeOfBusiness: body.typeOfBusiness as TypeOfBusiness,
        ...(str(body.tradingName) ? { tradingName: body.tradingName as string } : {}),
        ...(str(body.commencementDate)
          ? { commencementDate: body.commencementDate as string }
          : {}),
        ...(body.accountingType
          ? { accountingType: body.accountingType as 'CASH' | 'ACCRUALS' }
          : {}),
        ...(choice
          ? {
              quarterlyPeriodType: choice.quarterlyPeriodType,
              periodTypeFromTaxYear: choice.taxYearOfChoice ?? taxYearOf(ukDate(clock.now())).label,
            }
          : {}),
      });
      if (choice?.quarterlyPeriodType === 'standard') {
        business.periodTypeChoices.push({
          taxYear: choice.taxYearOfChoice ?? taxYearOf(ukDate(clock.now())).label,
          type: 'standard',
        });
      }
      if (str(body.cessationDate)) business.cessationDate = body.cessationDate as string;
      if (str(body.firstAccountingPeriodStartDate))
        business.firstAccountingPeriodStartDate = body.firstAccountingPeriodStartDate as string;
      if (str(body.firstAccountingPeriodEndDate))
        business.firstAccountingPeriodEndDate = body.firstAccountingPeriodEndDate as string;
      if (isObj(body.latencyDetails))
        business.latencyDetails = body.latencyDetails as NonNullable<
          BusinessRecord['latencyDetails']
        >;
      if (business.typeOfBusiness === 'self-employment') {
        business.address = {
          line1: body.businessAddressLineOne as string,
          ...(str(body.businessAddressLineTwo)
            ? { line2: body.businessAddressLineTwo as string }
            : {}),
          ...(str(body.businessAddressLineThree)
            ? { line3: body.businessAddressLineThree as string }
            : {}),
          ...(str(body.businessAddressLineFour)
            ? { line4: body.businessAddressLineFour as string }
            : {}),
          ...(str(body.businessAddressPostcode)
            ? { postcode: body.businessAddressPostcode as string }
            : {}),
          countryCode: body.businessAddressCountryCode as string,
        };
      }
      store.changed();
      return { status: 201, body: { businessId: business.businessId } };
    },
  });

  registerApiRoute(app, deps, {
    method: 'DELETE',
    url: `${BASE}/business/:nino/:businessId`,
    api: 'mtd-sa-test-support-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const p = new ParamErrors();
      p.businessId(ctx.params.businessId as string);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      const before = taxpayer.businesses.length;
      taxpayer.businesses = taxpayer.businesses.filter(
        (b) => b.businessId !== ctx.params.businessId,
      );
      if (taxpayer.businesses.length === before) throw new ApiError(404, [E.notFound]);
      store.changed();
      return { status: 204 };
    },
  });

  registerApiRoute(app, deps, {
    method: 'POST',
    url: `${BASE}/itsa-status/:nino/:taxYear`,
    api: 'mtd-sa-test-support-api',
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const p = new ParamErrors();
      const ty = p.taxYear(ctx.params.taxYear as string);
      const body = ctx.body;
      const details =
        isObj(body) && Array.isArray(body.itsaStatusDetails)
          ? (body.itsaStatusDetails as unknown[])
          : undefined;
      if (!details || details.length === 0 || !details.every(isObj))
        p.add(E.ruleIncorrectOrEmptyBody);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      const items = details as Obj[];
      const errors: MtdError[] = [];
      for (const d of items) {
        if (!STATUSES.includes(d.status as string)) errors.push(T.formatStatus);
        if (!STATUS_REASONS.includes(d.statusReason as string)) errors.push(T.formatStatusReason);
        if (
          typeof d.submittedOn !== 'string' ||
          !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(d.submittedOn)
        ) {
          errors.push(T.formatSubmittedOn);
        }
        const income = d.businessIncome2YearsPrior;
        if (
          income !== undefined &&
          (typeof income !== 'number' || income < 0 || income > 99_999_999_999.99)
        )
          errors.push(T.formatIncome);
      }
      if (new Set(items.map((d) => d.submittedOn)).size !== items.length)
        errors.push(T.duplicateSubmittedOn);
      if (errors.length > 0) throw new ApiError(400, errors);
      const sorted = [...items].sort((a, b) =>
        String(a.submittedOn).localeCompare(String(b.submittedOn)),
      );
      const latest = sorted[sorted.length - 1] as Obj;
      const label = (ty as NonNullable<typeof ty>).label;
      taxpayer.itsaStatus[label] = latest.status as (typeof taxpayer.itsaStatus)[string];
      // Kept whole so Retrieve ITSA Status can list the history. [SAID ITSA_Status_retrieve.yaml history]
      taxpayer.itsaStatusDetails = {
        ...taxpayer.itsaStatusDetails,
        [label]: sorted.map((d) => ({
          submittedOn: Date.parse(d.submittedOn as string),
          status: d.status as (typeof taxpayer.itsaStatus)[string],
          statusReason: d.statusReason as string,
          ...(typeof d.businessIncome2YearsPrior === 'number'
            ? { businessIncome2YearsPrior: Math.round(d.businessIncome2YearsPrior * 100) }
            : {}),
        })),
      };
      store.changed();
      return { status: 204 };
    },
  });
}
