import type { CallOptions, HmrcResult, HmrcTransport } from '../hmrc-http-client';
import { businessIdSchema, ninoSchema, taxYearSchema } from '../schemas/common';
import {
  ukPropertyCumulativeRequestSchema,
  ukPropertyCumulativeResponseSchema,
  type UkPropertyCumulativeBody,
  type UkPropertyCumulativeResponse,
} from '../schemas/uk-property';
import { pathParam, validBody } from './request-checks';

/** Property Business 6.0, UK property (reference §3.4) [PB application.yaml]. */
const BASE = '/individuals/business/property/uk';

const paths = (nino: string, businessId: string, taxYear: string) => {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  const b = pathParam(businessId, businessIdSchema, 'FORMAT_BUSINESS_ID');
  const t = pathParam(taxYear, taxYearSchema, 'FORMAT_TAX_YEAR');
  return {
    template: `${BASE}/{nino}/{businessId}/cumulative/{taxYear}`,
    path: `${BASE}/${n}/${b}/cumulative/${t}`,
  };
};

/**
 * Create or Amend a UK Property Cumulative Summary:
 * `PUT …/{nino}/{businessId}/cumulative/{taxYear}` → 204, tax year 2025-26 onwards
 * [PB uk_property_cumulative_summary_create_or_amend.yaml]. Takes the HMRC-shaped body (see
 * mappers/uk-property-summary.ts), validates it and sends it unchanged. A PUT: retried
 * safely, since sending the same body twice leaves the same state.
 */
export async function putUkPropertyCumulative(
  client: HmrcTransport,
  nino: string,
  businessId: string,
  taxYear: string,
  body: UkPropertyCumulativeBody,
  options?: CallOptions,
): Promise<HmrcResult<undefined>> {
  return client.send(
    {
      api: 'property-business',
      method: 'PUT',
      ...paths(nino, businessId, taxYear),
      body: validBody(ukPropertyCumulativeRequestSchema, body),
    },
    options,
  );
}

/** Retrieve a UK Property Cumulative Summary: `GET` the same path → 200. */
export async function getUkPropertyCumulative(
  client: HmrcTransport,
  nino: string,
  businessId: string,
  taxYear: string,
  options?: CallOptions,
): Promise<HmrcResult<UkPropertyCumulativeResponse>> {
  return client.send(
    {
      api: 'property-business',
      method: 'GET',
      ...paths(nino, businessId, taxYear),
      response: ukPropertyCumulativeResponseSchema,
    },
    options,
  );
}
