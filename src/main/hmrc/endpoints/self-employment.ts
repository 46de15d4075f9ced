import {
  selfEmploymentCumulativeRequestSchema,
  selfEmploymentCumulativeResponseSchema,
} from '../schemas/self-employment';
import { cumulativeSummaryEndpoints } from './cumulative-summary';

/**
 * Self Employment Business 5.0 cumulative period summary (reference §3.4)
 * [SE create_amend_cumulative_period_summary.yaml, retrieve_cumulative_period_summary.yaml].
 */
const endpoints = cumulativeSummaryEndpoints({
  api: 'self-employment-business',
  base: '/individuals/business/self-employment',
  request: selfEmploymentCumulativeRequestSchema,
  response: selfEmploymentCumulativeResponseSchema,
});

/** `PUT …/{nino}/{businessId}/cumulative/{taxYear}` → 204. */
export const putSelfEmploymentCumulative = endpoints.put;
/** `GET` the same path → 200. */
export const getSelfEmploymentCumulative = endpoints.get;
