import type { CallOptions, HmrcResult, HmrcTransport } from '../hmrc-http-client';
import {
  listBusinessesResponseSchema,
  quarterlyPeriodTypeRequestSchema,
  retrieveBusinessResponseSchema,
  type ListBusinessesResponse,
  type QuarterlyPeriodTypeRequest,
  type RetrieveBusinessResponse,
} from '../schemas/business-details';
import { businessIdSchema, ninoSchema, taxYearSchema } from '../schemas/common';
import { pathParam, validBody } from './request-checks';

/** Business Details 2.0 (reference §3.4) [BD application.yaml]. */
const BASE = '/individuals/business/details';

/** List All Businesses: `GET /individuals/business/details/{nino}/list` [BD list.yaml]. */
export async function listBusinesses(
  client: HmrcTransport,
  nino: string,
  options?: CallOptions,
): Promise<HmrcResult<ListBusinessesResponse>> {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  return client.send(
    {
      api: 'business-details',
      method: 'GET',
      template: `${BASE}/{nino}/list`,
      path: `${BASE}/${n}/list`,
      response: listBusinessesResponseSchema,
    },
    options,
  );
}

/** Retrieve Business Details: `GET …/{nino}/{businessId}` [BD retrieve.yaml]. */
export async function retrieveBusiness(
  client: HmrcTransport,
  nino: string,
  businessId: string,
  options?: CallOptions,
): Promise<HmrcResult<RetrieveBusinessResponse>> {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  const b = pathParam(businessId, businessIdSchema, 'FORMAT_BUSINESS_ID');
  return client.send(
    {
      api: 'business-details',
      method: 'GET',
      template: `${BASE}/{nino}/{businessId}`,
      path: `${BASE}/${n}/${b}`,
      response: retrieveBusinessResponseSchema,
    },
    options,
  );
}

/**
 * Create and Amend Quarterly Period Type: `PUT …/{nino}/{businessId}/{taxYear}` → 204
 * [BD quarterly_period_type_create_amend.yaml]. Current tax year only; locked after the
 * first quarterly update of the year (reference §5.2).
 */
export async function createAmendQuarterlyPeriodType(
  client: HmrcTransport,
  nino: string,
  businessId: string,
  taxYear: string,
  body: QuarterlyPeriodTypeRequest,
  options?: CallOptions,
): Promise<HmrcResult<undefined>> {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  const b = pathParam(businessId, businessIdSchema, 'FORMAT_BUSINESS_ID');
  const t = pathParam(taxYear, taxYearSchema, 'FORMAT_TAX_YEAR');
  return client.send(
    {
      api: 'business-details',
      method: 'PUT',
      template: `${BASE}/{nino}/{businessId}/{taxYear}`,
      path: `${BASE}/${n}/${b}/${t}`,
      body: validBody(quarterlyPeriodTypeRequestSchema, body),
    },
    options,
  );
}
