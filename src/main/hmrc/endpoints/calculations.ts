import { z } from 'zod';
import type { CallOptions, HmrcResult, HmrcTransport } from '../hmrc-http-client';
import {
  DECLARATION_TYPES,
  LIST_CALCULATION_TYPES,
  listCalculationsResponseSchema,
  retrieveCalculationResponseSchema,
  TRIGGER_CALCULATION_TYPES,
  triggerResponseSchema,
  type DeclarationType,
  type ListCalculationsResponse,
  type ListCalculationType,
  type RetrieveCalculationResponse,
  type TriggerCalculationType,
  type TriggerResponse,
} from '../schemas/calculations';
import { calculationIdSchema, ninoSchema, taxYearSchema } from '../schemas/common';
import { pathParam, validBody } from './request-checks';

/** Individual Calculations 8.0 (reference §3.4, §5.7) [IC application.yaml]. */
const BASE = '/individuals/calculations';

const yearPath = (nino: string, taxYear: string) => ({
  n: pathParam(nino, ninoSchema, 'FORMAT_NINO'),
  t: pathParam(taxYear, taxYearSchema, 'FORMAT_TAX_YEAR'),
});

/**
 * Trigger a Self Assessment Tax Calculation:
 * `POST …/{nino}/self-assessment/{taxYear}/trigger/{calculationType}` → 202 `{calculationId}`
 * [IC trigger.yaml]. Asynchronous: wait at least 5 seconds before retrieving. A POST, so it is
 * never retried after a failure that could have reached HMRC (retry-policy.ts).
 */
export async function triggerCalculation(
  client: HmrcTransport,
  nino: string,
  taxYear: string,
  calculationType: TriggerCalculationType,
  options?: CallOptions,
): Promise<HmrcResult<TriggerResponse>> {
  const { n, t } = yearPath(nino, taxYear);
  const type = pathParam(
    calculationType,
    z.enum(TRIGGER_CALCULATION_TYPES),
    'FORMAT_CALCULATION_TYPE',
  );
  return client.send(
    {
      api: 'individual-calculations',
      method: 'POST',
      template: `${BASE}/{nino}/self-assessment/{taxYear}/trigger/${type}`,
      path: `${BASE}/${n}/self-assessment/${t}/trigger/${type}`,
      response: triggerResponseSchema,
    },
    options,
  );
}

/** List Self Assessment Tax Calculations: `GET …/{nino}/self-assessment/{taxYear}` [IC list.yaml]. */
export async function listCalculations(
  client: HmrcTransport,
  nino: string,
  taxYear: string,
  query: { calculationType?: ListCalculationType } = {},
  options?: CallOptions,
): Promise<HmrcResult<ListCalculationsResponse>> {
  const { n, t } = yearPath(nino, taxYear);
  return client.send(
    {
      api: 'individual-calculations',
      method: 'GET',
      template: `${BASE}/{nino}/self-assessment/{taxYear}`,
      path: `${BASE}/${n}/self-assessment/${t}`,
      query: validBody(
        z.strictObject({ calculationType: z.enum(LIST_CALCULATION_TYPES).optional() }),
        query,
      ),
      response: listCalculationsResponseSchema,
    },
    options,
  );
}

/**
 * Retrieve a Self Assessment Tax Calculation:
 * `GET …/{nino}/self-assessment/{taxYear}/{calculationId}` [IC retrieve.yaml]. With
 * `messages.errors` there are no calculation results.
 */
export async function retrieveCalculation(
  client: HmrcTransport,
  nino: string,
  taxYear: string,
  calculationId: string,
  options?: CallOptions,
): Promise<HmrcResult<RetrieveCalculationResponse>> {
  const { n, t } = yearPath(nino, taxYear);
  const c = pathParam(calculationId, calculationIdSchema, 'FORMAT_CALCULATION_ID');
  return client.send(
    {
      api: 'individual-calculations',
      method: 'GET',
      template: `${BASE}/{nino}/self-assessment/{taxYear}/{calculationId}`,
      path: `${BASE}/${n}/self-assessment/${t}/${c}`,
      response: retrieveCalculationResponseSchema,
    },
    options,
  );
}

/**
 * Submit a Self Assessment Final Declaration:
 * `POST …/{nino}/self-assessment/{taxYear}/{calculationId}/{calculationType}` → 204
 * [IC submit_final_declaration.yaml], with the exact calculationId the person agreed to
 * (reference §5.7). Never retried after a failure that could have reached HMRC: a second
 * declaration must be a person's decision.
 */
export async function submitFinalDeclaration(
  client: HmrcTransport,
  nino: string,
  taxYear: string,
  calculationId: string,
  declarationType: DeclarationType = 'final-declaration',
  options?: CallOptions,
): Promise<HmrcResult<undefined>> {
  const { n, t } = yearPath(nino, taxYear);
  const c = pathParam(calculationId, calculationIdSchema, 'FORMAT_CALCULATION_ID');
  const type = pathParam(declarationType, z.enum(DECLARATION_TYPES), 'FORMAT_CALCULATION_TYPE');
  return client.send(
    {
      api: 'individual-calculations',
      method: 'POST',
      template: `${BASE}/{nino}/self-assessment/{taxYear}/{calculationId}/${type}`,
      path: `${BASE}/${n}/self-assessment/${t}/${c}/${type}`,
    },
    options,
  );
}
