import { describeError } from '../errors/error-catalogue';
import { HmrcError } from '../errors/hmrc-error';
import type { CallOptions, HmrcResult, HmrcTransport } from '../hmrc-http-client';
import {
  fraudHeadersCheckResponseSchema,
  type FraudHeadersCheckResponse,
} from '../schemas/fraud-headers-check';

/**
 * Test Fraud Prevention Headers API 1.0: `GET /test/fraud-prevention-headers/validate`
 * checks the headers of this very request and answers at once (reference §4.5 [FPHAPI]).
 * It exists in HMRC's sandbox (and Practice HMRC), not in production.
 */
export async function validateFraudPreventionHeaders(
  client: HmrcTransport,
  options?: CallOptions,
): Promise<HmrcResult<FraudHeadersCheckResponse>> {
  if (client.environment === 'production') {
    throw new HmrcError({
      code: 'FRAUD_CHECK_NOT_AVAILABLE',
      ...describeError('FRAUD_CHECK_NOT_AVAILABLE'),
    });
  }
  return client.send(
    {
      api: 'test-fraud-prevention-headers',
      method: 'GET',
      template: '/test/fraud-prevention-headers/validate',
      path: '/test/fraud-prevention-headers/validate',
      response: fraudHeadersCheckResponseSchema,
    },
    options,
  );
}
