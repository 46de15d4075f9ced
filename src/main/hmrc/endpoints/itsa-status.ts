import type { CallOptions, HmrcResult, HmrcTransport } from '../hmrc-http-client';
import { ninoSchema, taxYearSchema } from '../schemas/common';
import {
  itsaStatusQuerySchema,
  itsaStatusResponseSchema,
  type ItsaStatusQuery,
  type ItsaStatusResponse,
} from '../schemas/itsa-status';
import { pathParam, validBody } from './request-checks';

/** Self Assessment Individual Details 2.0 [SAID application.yaml]. */
const BASE = '/individuals/person/itsa-status';

/**
 * Retrieve ITSA Status: `GET /individuals/person/itsa-status/{nino}/{taxYear}`
 * [SAID ITSA_Status_retrieve.yaml]. With `futureYears` HMRC also answers every later year it
 * knows, so one call covers last year (the year end) and this year. Supporting agents may call it.
 */
export async function retrieveItsaStatus(
  client: HmrcTransport,
  nino: string,
  taxYear: string,
  query: ItsaStatusQuery = {},
  options?: CallOptions,
): Promise<HmrcResult<ItsaStatusResponse>> {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  const t = pathParam(taxYear, taxYearSchema, 'FORMAT_TAX_YEAR');
  return client.send(
    {
      api: 'individual-details',
      method: 'GET',
      template: `${BASE}/{nino}/{taxYear}`,
      path: `${BASE}/${n}/${t}`,
      query: validBody(itsaStatusQuerySchema, query),
      response: itsaStatusResponseSchema,
    },
    options,
  );
}
