import {
  ukPropertyCumulativeRequestSchema,
  ukPropertyCumulativeResponseSchema,
} from '../schemas/uk-property';
import { cumulativeSummaryEndpoints } from './cumulative-summary';

/**
 * Property Business 6.0 UK property cumulative summary (reference §3.4)
 * [PB uk_property_cumulative_summary_create_or_amend.yaml, uk_property_cumulative_summary_retrieve.yaml].
 */
const endpoints = cumulativeSummaryEndpoints({
  api: 'property-business',
  base: '/individuals/business/property/uk',
  request: ukPropertyCumulativeRequestSchema,
  response: ukPropertyCumulativeResponseSchema,
});

/** `PUT …/uk/{nino}/{businessId}/cumulative/{taxYear}` → 204. */
export const putUkPropertyCumulative = endpoints.put;
/** `GET` the same path → 200 (adds `submittedOn`). */
export const getUkPropertyCumulative = endpoints.get;
