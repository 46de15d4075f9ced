import type { CallOptions, HmrcResult, HmrcTransport } from '../hmrc-http-client';
import { businessIdSchema, ninoSchema, taxYearSchema } from '../schemas/common';
import {
  foreignPropertyCumulativeRequestSchema,
  foreignPropertyCumulativeResponseSchema,
  foreignPropertyDetailsResponseSchema,
  type ForeignPropertyDetailsResponse,
} from '../schemas/foreign-property';
import { cumulativeSummaryEndpoints } from './cumulative-summary';
import { pathParam } from './request-checks';

const BASE = '/individuals/business/property/foreign';

/**
 * Property Business 6.0 foreign property cumulative summary (reference §3.5)
 * [PB foreign_property_cumulative_summary_create_or_amend.yaml,
 * foreign_property_cumulative_summary_retrieve.yaml]: the same PUT/GET pair as UK property.
 */
const endpoints = cumulativeSummaryEndpoints({
  api: 'property-business',
  base: BASE,
  request: foreignPropertyCumulativeRequestSchema,
  response: foreignPropertyCumulativeResponseSchema,
});

/** `PUT …/foreign/{nino}/{businessId}/cumulative/{taxYear}` → 204. */
export const putForeignPropertyCumulative = endpoints.put;
/** `GET` the same path → 200. */
export const getForeignPropertyCumulative = endpoints.get;

/**
 * Retrieve Foreign Property Details: `GET …/foreign/{nino}/{businessId}/details/{taxYear}`
 * [PB foreign_property_details_retrieve.yaml]: from 2026-27 figures are sent per property id.
 */
export async function retrieveForeignPropertyDetails(
  client: HmrcTransport,
  nino: string,
  businessId: string,
  taxYear: string,
  options?: CallOptions,
): Promise<HmrcResult<ForeignPropertyDetailsResponse>> {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  const b = pathParam(businessId, businessIdSchema, 'FORMAT_BUSINESS_ID');
  const t = pathParam(taxYear, taxYearSchema, 'FORMAT_TAX_YEAR');
  return client.send(
    {
      api: 'property-business',
      method: 'GET',
      template: `${BASE}/{nino}/{businessId}/details/{taxYear}`,
      path: `${BASE}/${n}/${b}/details/${t}`,
      response: foreignPropertyDetailsResponseSchema,
    },
    options,
  );
}
