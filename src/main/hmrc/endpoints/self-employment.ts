import type { CallOptions, HmrcResult, HmrcTransport } from '../hmrc-http-client';
import { businessIdSchema, ninoSchema, taxYearSchema } from '../schemas/common';
import {
  selfEmploymentCumulativeRequestSchema,
  selfEmploymentCumulativeResponseSchema,
  type SelfEmploymentCumulativeBody,
  type SelfEmploymentCumulativeResponse,
} from '../schemas/self-employment';
import { pathParam, validBody } from './request-checks';

/** Self Employment Business 5.0 (reference §3.4) [SE application.yaml]. */
const BASE = '/individuals/business/self-employment';

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
 * Create or Amend a Self-Employment Cumulative Period Summary:
 * `PUT …/{nino}/{businessId}/cumulative/{taxYear}` → 204, tax year 2025-26 onwards
 * [SE create_amend_cumulative_period_summary.yaml]. Takes the HMRC-shaped body (see
 * mappers/self-employment-summary.ts), validates it and sends it unchanged. A PUT: retried
 * safely, since sending the same body twice leaves the same state.
 */
export async function putSelfEmploymentCumulative(
  client: HmrcTransport,
  nino: string,
  businessId: string,
  taxYear: string,
  body: SelfEmploymentCumulativeBody,
  options?: CallOptions,
): Promise<HmrcResult<undefined>> {
  return client.send(
    {
      api: 'self-employment-business',
      method: 'PUT',
      ...paths(nino, businessId, taxYear),
      body: validBody(selfEmploymentCumulativeRequestSchema, body),
    },
    options,
  );
}

/** Retrieve a Self-Employment Cumulative Period Summary: `GET` the same path → 200. */
export async function getSelfEmploymentCumulative(
  client: HmrcTransport,
  nino: string,
  businessId: string,
  taxYear: string,
  options?: CallOptions,
): Promise<HmrcResult<SelfEmploymentCumulativeResponse>> {
  return client.send(
    {
      api: 'self-employment-business',
      method: 'GET',
      ...paths(nino, businessId, taxYear),
      response: selfEmploymentCumulativeResponseSchema,
    },
    options,
  );
}
