import type { ZodType } from 'zod';
import type { HmrcApi } from '../api-versions';
import type { CallOptions, HmrcResult, HmrcTransport } from '../hmrc-http-client';
import { businessIdSchema, ninoSchema, taxYearSchema } from '../schemas/common';
import { pathParam, validBody } from './request-checks';

/** Where one business kind's cumulative summary lives and what its bodies look like. */
export interface CumulativeSummaryApi<Body, Response> {
  api: HmrcApi;
  /** Base path up to `{nino}` (reference §3.4). */
  base: string;
  request: ZodType<Body>;
  response: ZodType<Response>;
}

/**
 * The create-or-amend (`PUT`) and retrieve (`GET`) pair that Self Employment Business 5.0 and
 * Property Business 6.0 (UK) both expose at `…/{nino}/{businessId}/cumulative/{taxYear}`, from
 * 2025-26 onwards (reference §3.4, §3.5). The PUT takes the HMRC-shaped body (see mappers/),
 * validates it and sends it unchanged; being a PUT it is retried safely, since sending the same
 * body twice leaves the same state.
 */
export function cumulativeSummaryEndpoints<Body, Response>(
  spec: CumulativeSummaryApi<Body, Response>,
) {
  const paths = (nino: string, businessId: string, taxYear: string) => {
    const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
    const b = pathParam(businessId, businessIdSchema, 'FORMAT_BUSINESS_ID');
    const t = pathParam(taxYear, taxYearSchema, 'FORMAT_TAX_YEAR');
    return {
      template: `${spec.base}/{nino}/{businessId}/cumulative/{taxYear}`,
      path: `${spec.base}/${n}/${b}/cumulative/${t}`,
    };
  };

  return {
    // async, so a refused path or body is a rejected promise like every other HMRC failure.
    put: async (
      client: HmrcTransport,
      nino: string,
      businessId: string,
      taxYear: string,
      body: Body,
      options?: CallOptions,
    ): Promise<HmrcResult<undefined>> =>
      client.send(
        {
          api: spec.api,
          method: 'PUT',
          ...paths(nino, businessId, taxYear),
          body: validBody(spec.request, body),
        },
        options,
      ),
    get: async (
      client: HmrcTransport,
      nino: string,
      businessId: string,
      taxYear: string,
      options?: CallOptions,
    ): Promise<HmrcResult<Response>> =>
      client.send(
        {
          api: spec.api,
          method: 'GET',
          ...paths(nino, businessId, taxYear),
          response: spec.response,
        },
        options,
      ),
  };
}
