import { randomUUID } from 'node:crypto';
import { type FastifyInstance } from 'fastify';
import { type ApiContext, type ApiDeps, registerApiRoute } from '../http/api-route';
import { ApiError, E, type MtdError, rule } from '../http/mtd-errors';
import { authoriseForNino } from '../http/relationship';
import { type ObjectSpec, type ParsedBody, readBody, textAt } from '../rules/body-shape';
import { checkCountryCode } from '../rules/country-codes';
import { PROPERTY_ANNUAL_ERRORS, PROPERTY_ID } from '../rules/property-annual-body';
import { ParamErrors, checkTaxYear } from '../rules/path-params';
import {
  NOT_FOUND_SCENARIO,
  type ScenarioTable,
  isSandboxDefault,
  resolveScenario,
  ruleScenario,
} from '../scenarios/gov-test-scenario';
import {
  type BusinessRecord,
  type ForeignPropertyRecord,
  type TaxpayerRecord,
} from '../state/model';
import { isIsoDate, isoTimestamp, ukDate } from '../tax/dates';
import {
  type TaxYear,
  taxYearEnd,
  taxYearFromLabel,
  taxYearOf,
  taxYearStart,
} from '../tax/tax-year';
import { OUTSIDE_AMENDMENT_WINDOW, businessOf, outsideAmendmentWindow } from './business-lookup';

const CREATE_PATH = '/individuals/business/property/foreign/:nino/:businessId/details/:taxYear';
const UPDATE_PATH = '/individuals/business/property/foreign/:nino/details/:propertyId/:taxYear';
/** Per-property details exist from 2026-27. [PB foreign_property_details_create.yaml] */
const FIRST_YEAR = 2026;

/** [PB app/common/models/errors/PropertyBusinessErrors.scala, CommonMtdErrors.scala] */
const D = {
  formatName: rule('FORMAT_PROPERTY_NAME', 'The provided property name is invalid'),
  formatEndReason: rule('FORMAT_END_REASON', 'The provided end reason is invalid'),
  formatEndDate: rule('FORMAT_END_DATE', 'The provided End date is invalid'),
  duplicateName: rule(
    'RULE_DUPLICATE_PROPERTY_NAME',
    'Foreign property name already exists for the same country',
  ),
  beforeStart: rule(
    'RULE_TAX_YEAR_BEFORE_BUSINESS_START',
    'Foreign property cannot be reported for a tax year before the first tax year of the business',
  ),
  endBeforeYear: rule(
    'RULE_END_DATE_BEFORE_TAX_YEAR_START',
    'The end date is before the start of the tax year',
  ),
  endAfterYear: rule(
    'RULE_END_DATE_AFTER_TAX_YEAR_END',
    'The end date is after the end of the tax year',
  ),
  ceased: rule(
    'RULE_PROPERTY_BUSINESS_CEASED',
    'Foreign property business income source has ceased',
  ),
  missingEnd: rule('RULE_MISSING_END_DETAILS', 'End date and end reason must be supplied together'),
};

const asRule = (e: MtdError) => ruleScenario(e.code, e.message);

/** [PB foreign_property_details_create.yaml and foreign_property_details_update.yaml "Test data"] */
const CHANGE_SCENARIOS: ScenarioTable = {
  NOT_FOUND: NOT_FOUND_SCENARIO,
  DUPLICATE_PROPERTY_NAME: asRule(D.duplicateName),
  TAX_YEAR_BEFORE_BUSINESS_START: asRule(D.beforeStart),
  PROPERTY_BUSINESS_CEASED: asRule(D.ceased),
  OUTSIDE_AMENDMENT_WINDOW: asRule(OUTSIDE_AMENDMENT_WINDOW),
};
/** [PB foreign_property_details_retrieve.yaml "Test data"] */
const GET_SCENARIOS: ScenarioTable = { NOT_FOUND: NOT_FOUND_SCENARIO };

/** [PB app/v6/createForeignPropertyDetails/def1/model/request/EndReason.scala; schemas] */
const CREATE_END_REASONS = ['no-longer-renting-property-out', 'disposal'];
const UPDATE_END_REASONS = [...CREATE_END_REASONS, 'added-in-error'];

const CREATE_BODY: ObjectSpec = {
  kind: 'object',
  fields: {
    propertyName: { kind: 'string' },
    countryCode: { kind: 'string' },
    endDate: { kind: 'string' },
    endReason: { kind: 'string' },
  },
  required: ['propertyName', 'countryCode'],
};
const UPDATE_BODY: ObjectSpec = {
  kind: 'object',
  fields: {
    propertyName: { kind: 'string' },
    endDate: { kind: 'string' },
    endReason: { kind: 'string' },
  },
  required: ['propertyName'],
};

/**
 * The details' rules, all reported together: the name (1 to 105 characters), the country (on
 * create), the end reason, the end date within the tax year, and an end date and end reason only
 * together. [PB app/v6/createForeignPropertyDetails/def1/Def1_CreateForeignPropertyDetailsRulesValidator.scala,
 * app/v6/updateForeignPropertyDetails/def1/Def1_UpdateForeignPropertyDetailsRulesValidator.scala]
 */
export function checkPropertyDetails(
  body: ParsedBody,
  taxYear: TaxYear,
  create: boolean,
): MtdError[] {
  const errors: MtdError[] = [];
  const name = textAt(body, 'propertyName') as string;
  if (!/^.{1,105}$/u.test(name)) errors.push(D.formatName);
  if (create) {
    const country = checkCountryCode(textAt(body, 'countryCode') as string);
    if (country) errors.push(country);
  }
  const reason = textAt(body, 'endReason');
  if (reason !== undefined && !(create ? CREATE_END_REASONS : UPDATE_END_REASONS).includes(reason))
    errors.push(D.formatEndReason);
  const end = textAt(body, 'endDate');
  if (end !== undefined) {
    if (!isIsoDate(end)) errors.push(D.formatEndDate);
    else if (end < taxYearStart(taxYear)) errors.push(D.endBeforeYear);
    else if (end > taxYearEnd(taxYear)) errors.push(D.endAfterYear);
  }
  if ((end === undefined) !== (reason === undefined)) errors.push(D.missingEnd);
  return errors;
}

/** The properties to report against in a tax year: recorded by then, and not ended before it. */
export function propertiesFor(business: BusinessRecord, taxYear: TaxYear): ForeignPropertyRecord[] {
  return (business.foreignProperties ?? []).filter(
    (p) =>
      taxYearFromLabel(p.taxYear).startYear <= taxYear.startYear &&
      (p.endDate === undefined || p.endDate >= taxYearStart(taxYear)),
  );
}

function detailsJson(p: ForeignPropertyRecord): Record<string, unknown> {
  return {
    submittedOn: isoTimestamp(p.submittedAt),
    propertyId: p.propertyId,
    propertyName: p.propertyName,
    countryCode: p.countryCode,
    ...(p.endDate ? { endDate: p.endDate } : {}),
    ...(p.endReason ? { endReason: p.endReason } : {}),
  };
}

/**
 * Property Business 6.0 foreign property details (2026-27 on): create a property for a foreign
 * property business (its id is what the cumulative and annual submissions name), retrieve the
 * properties to report against in a year, and update a property's name or end.
 * [PB foreign_property_details.yaml; app/v6/createForeignPropertyDetails, retrieveForeignPropertyDetails,
 * updateForeignPropertyDetails]
 */
export function registerForeignPropertyDetails(app: FastifyInstance, deps: ApiDeps): void {
  const { store, clock } = deps;
  const authorise = (ctx: ApiContext): TaxpayerRecord =>
    authoriseForNino(ctx, store, ctx.params.nino as string, { allowSupportingAgent: true });
  /** The tax year alone first: from 2026-27. [PB CreateForeignPropertyDetailsSchema.scala] */
  const schemaYear = (ctx: ApiContext): TaxYear => {
    const alone = checkTaxYear(ctx.params.taxYear as string, FIRST_YEAR);
    if ('error' in alone) throw new ApiError(400, [alone.error]);
    return alone.taxYear;
  };
  /** Stateful rules shared by create and update. */
  const changeable = (business: BusinessRecord, taxYear: TaxYear) => {
    const today = ukDate(clock.now());
    if (outsideAmendmentWindow(taxYear, today)) throw new ApiError(400, [OUTSIDE_AMENDMENT_WINDOW]);
    if (business.cessationDate && business.cessationDate < taxYearStart(taxYear))
      throw new ApiError(400, [D.ceased]);
    if (
      business.commencementDate &&
      taxYearOf(business.commencementDate).startYear > taxYear.startYear
    )
      throw new ApiError(400, [D.beforeStart]);
  };
  const duplicate = (business: BusinessRecord, name: string, country: string, except?: string) =>
    (business.foreignProperties ?? []).some(
      (p) => p.propertyId !== except && p.countryCode === country && p.propertyName === name,
    );

  registerApiRoute(app, deps, {
    method: 'POST',
    url: CREATE_PATH,
    api: 'property-business-api',
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const taxYear = schemaYear(ctx);
      const p = new ParamErrors();
      p.businessId(ctx.params.businessId as string);
      const read = readBody(ctx.body, CREATE_BODY);
      const errors = [...p.errors, ...(read.ok ? [] : read.errors)];
      if (errors.length > 0 || !read.ok) throw new ApiError(400, errors);
      const broken = checkPropertyDetails(read.body, taxYear, true);
      if (broken.length > 0) throw new ApiError(400, broken);
      if (isSandboxDefault(resolveScenario(ctx.scenario, CHANGE_SCENARIOS)))
        return { status: 200, body: { propertyId: randomUUID() } };
      const business = businessOf(taxpayer, ctx.params.businessId as string, {
        types: ['foreign-property'],
      });
      changeable(business, taxYear);
      const name = textAt(read.body, 'propertyName') as string;
      const country = textAt(read.body, 'countryCode') as string;
      if (duplicate(business, name, country)) throw new ApiError(400, [D.duplicateName]);
      const endDate = textAt(read.body, 'endDate');
      const endReason = textAt(read.body, 'endReason') as ForeignPropertyRecord['endReason'];
      const record: ForeignPropertyRecord = {
        propertyId: randomUUID(),
        propertyName: name,
        countryCode: country,
        taxYear: taxYear.label,
        ...(endDate ? { endDate } : {}),
        ...(endReason ? { endReason } : {}),
        submittedAt: clock.now(),
      };
      business.foreignProperties = [...(business.foreignProperties ?? []), record];
      store.changed();
      return { status: 200, body: { propertyId: record.propertyId } };
    },
  });

  registerApiRoute(app, deps, {
    method: 'GET',
    url: CREATE_PATH,
    api: 'property-business-api',
    restriction: 'user',
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const taxYear = schemaYear(ctx);
      const p = new ParamErrors();
      p.businessId(ctx.params.businessId as string);
      const propertyId = ctx.query.get('propertyId');
      if (propertyId !== null && !PROPERTY_ID.test(propertyId))
        p.add(PROPERTY_ANNUAL_ERRORS.formatPropertyId);
      if (p.errors.length > 0) throw new ApiError(400, p.errors);
      if (isSandboxDefault(resolveScenario(ctx.scenario, GET_SCENARIOS))) {
        return {
          status: 200,
          body: {
            foreignPropertyDetails: [
              {
                submittedOn: isoTimestamp(clock.now()),
                propertyId: '00000000-0000-4000-8000-000000000001',
                propertyName: 'Practice villa',
                countryCode: 'FRA',
              },
            ],
          },
        };
      }
      const business = businessOf(taxpayer, ctx.params.businessId as string, {
        types: ['foreign-property'],
      });
      const shown = propertiesFor(business, taxYear).filter(
        (p) => propertyId === null || p.propertyId === propertyId,
      );
      if (shown.length === 0) throw new ApiError(404, [E.notFound]);
      return { status: 200, body: { foreignPropertyDetails: shown.map(detailsJson) } };
    },
  });

  registerApiRoute(app, deps, {
    method: 'PUT',
    url: UPDATE_PATH,
    api: 'property-business-api',
    restriction: 'user',
    jsonBody: true,
    handler: (ctx) => {
      const taxpayer = authorise(ctx);
      const taxYear = schemaYear(ctx);
      const errors: MtdError[] = [];
      const propertyId = ctx.params.propertyId as string;
      if (!PROPERTY_ID.test(propertyId)) errors.push(PROPERTY_ANNUAL_ERRORS.formatPropertyId);
      const read = readBody(ctx.body, UPDATE_BODY);
      if (!read.ok) errors.push(...read.errors);
      if (errors.length > 0 || !read.ok) throw new ApiError(400, errors);
      const broken = checkPropertyDetails(read.body, taxYear, false);
      if (broken.length > 0) throw new ApiError(400, broken);
      if (isSandboxDefault(resolveScenario(ctx.scenario, CHANGE_SCENARIOS))) return { status: 204 };
      const business = taxpayer.businesses.find((b) =>
        (b.foreignProperties ?? []).some((p) => p.propertyId === propertyId),
      );
      const property = business?.foreignProperties?.find((p) => p.propertyId === propertyId);
      if (!business || !property) throw new ApiError(404, [E.notFound]);
      changeable(business, taxYear);
      const name = textAt(read.body, 'propertyName') as string;
      if (duplicate(business, name, property.countryCode, propertyId))
        throw new ApiError(400, [D.duplicateName]);
      const endDate = textAt(read.body, 'endDate');
      const endReason = textAt(read.body, 'endReason') as ForeignPropertyRecord['endReason'];
      // The end date can be changed or removed until the amendment window closes. [PB
      // foreign_property_details_update.yaml]
      const { endDate: _e, endReason: _r, ...kept } = property;
      Object.assign(property, {
        ...kept,
        propertyName: name,
        ...(endDate ? { endDate } : {}),
        ...(endReason ? { endReason } : {}),
        submittedAt: clock.now(),
      });
      if (!endDate) delete property.endDate;
      if (!endReason) delete property.endReason;
      store.changed();
      return { status: 204 };
    },
  });
}
