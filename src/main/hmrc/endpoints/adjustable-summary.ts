import { z } from 'zod';
import type { CallOptions, HmrcResult, HmrcTransport } from '../hmrc-http-client';
import {
  ADJUSTMENT_REQUEST_SCHEMAS,
  BSAS_BUSINESS_TYPES,
  bissResponseSchema,
  bsasListResponseSchema,
  bsasRetrieveResponseSchema,
  bsasTriggerRequestSchema,
  bsasTriggerResponseSchema,
  type BissResponse,
  type BsasBusinessType,
  type BsasListResponse,
  type BsasRetrieveResponse,
  type BsasTriggerRequest,
} from '../schemas/adjustable-summary';
import {
  businessIdSchema,
  calculationIdSchema,
  ninoSchema,
  taxYearSchema,
} from '../schemas/common';
import { pathParam, validBody } from './request-checks';

/** Business Source Adjustable Summary 7.0 [BSAS application.yaml]. */
const BASE = '/individuals/self-assessment/adjustable-summary';

const typeParam = (type: string) =>
  pathParam(type, z.enum(BSAS_BUSINESS_TYPES), 'FORMAT_TYPE_OF_BUSINESS') as BsasBusinessType;

/** Trigger a Business Source Adjustable Summary, 200 `{calculationId}` [BSAS bsas_trigger.yaml]. A POST: never retried blindly. */
export async function triggerAdjustableSummary(
  client: HmrcTransport,
  nino: string,
  body: BsasTriggerRequest,
  options?: CallOptions,
): Promise<HmrcResult<{ calculationId: string }>> {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  return client.send(
    {
      api: 'business-source-adjustable-summary',
      method: 'POST',
      template: `${BASE}/{nino}/trigger`,
      path: `${BASE}/${n}/trigger`,
      body: validBody(bsasTriggerRequestSchema, body),
      response: bsasTriggerResponseSchema,
    },
    options,
  );
}

/** List Business Source Adjustable Summaries for a year [BSAS bsas_list.yaml]. */
export async function listAdjustableSummaries(
  client: HmrcTransport,
  nino: string,
  taxYear: string,
  query: { businessId?: string; typeOfBusiness?: BsasBusinessType } = {},
  options?: CallOptions,
): Promise<HmrcResult<BsasListResponse>> {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  const t = pathParam(taxYear, taxYearSchema, 'FORMAT_TAX_YEAR');
  if (query.businessId) pathParam(query.businessId, businessIdSchema, 'FORMAT_BUSINESS_ID');
  return client.send(
    {
      api: 'business-source-adjustable-summary',
      method: 'GET',
      template: `${BASE}/{nino}/{taxYear}`,
      path: `${BASE}/${n}/${t}`,
      query: { businessId: query.businessId, typeOfBusiness: query.typeOfBusiness },
      response: bsasListResponseSchema,
    },
    options,
  );
}

/** Retrieve a summary of one business type [BSAS self_employment_retrieve.yaml, uk_property_bsas_retrieve.yaml, foreign_property_retrieve.yaml]. */
export async function retrieveAdjustableSummary(
  client: HmrcTransport,
  nino: string,
  type: BsasBusinessType,
  calculationId: string,
  taxYear: string,
  options?: CallOptions,
): Promise<HmrcResult<BsasRetrieveResponse>> {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  const ty = typeParam(type);
  const c = pathParam(calculationId, calculationIdSchema, 'FORMAT_CALCULATION_ID');
  const t = pathParam(taxYear, taxYearSchema, 'FORMAT_TAX_YEAR');
  return client.send(
    {
      api: 'business-source-adjustable-summary',
      method: 'GET',
      template: `${BASE}/{nino}/${ty}/{calculationId}/{taxYear}`,
      path: `${BASE}/${n}/${ty}/${c}/${t}`,
      response: bsasRetrieveResponseSchema,
    },
    options,
  );
}

/** Submit Accounting Adjustments (once per summary), 200 with no body [BSAS *_adjustments_submit.yaml]. */
export async function submitAccountingAdjustments(
  client: HmrcTransport,
  nino: string,
  type: BsasBusinessType,
  calculationId: string,
  taxYear: string,
  body: unknown,
  options?: CallOptions,
): Promise<HmrcResult<undefined>> {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  const ty = typeParam(type);
  const c = pathParam(calculationId, calculationIdSchema, 'FORMAT_CALCULATION_ID');
  const t = pathParam(taxYear, taxYearSchema, 'FORMAT_TAX_YEAR');
  const schema: z.ZodType = ADJUSTMENT_REQUEST_SCHEMAS[ty];
  return client.send(
    {
      api: 'business-source-adjustable-summary',
      method: 'POST',
      template: `${BASE}/{nino}/${ty}/{calculationId}/adjust/{taxYear}`,
      path: `${BASE}/${n}/${ty}/${c}/adjust/${t}`,
      body: validBody(schema, body),
    },
    options,
  );
}

/** Retrieve a Business Income Source Summary [BISS retrieve_business_income.yaml]. */
export async function retrieveIncomeSourceSummary(
  client: HmrcTransport,
  nino: string,
  type: BsasBusinessType,
  taxYear: string,
  businessId: string,
  options?: CallOptions,
): Promise<HmrcResult<BissResponse>> {
  const n = pathParam(nino, ninoSchema, 'FORMAT_NINO');
  const ty = typeParam(type);
  const t = pathParam(taxYear, taxYearSchema, 'FORMAT_TAX_YEAR');
  const b = pathParam(businessId, businessIdSchema, 'FORMAT_BUSINESS_ID');
  const base = '/individuals/self-assessment/income-summary';
  return client.send(
    {
      api: 'business-income-source-summary',
      method: 'GET',
      template: `${base}/{nino}/${ty}/{taxYear}/{businessId}`,
      path: `${base}/${n}/${ty}/${t}/${b}`,
      response: bissResponseSchema,
    },
    options,
  );
}
