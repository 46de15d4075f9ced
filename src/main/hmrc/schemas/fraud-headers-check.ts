import { z } from 'zod';

/**
 * The Test Fraud Prevention Headers API's answer to `GET /test/fraud-prevention-headers/
 * validate` (reference §4.5 [FPHAPI]; HMRC's OAS for it is not published offline, so the
 * shape follows what HMRC's validator returns to third-party clients, and is read loosely).
 */
const issue = z.looseObject({
  code: z.string(),
  message: z.string(),
  headers: z.array(z.string()).catch([]),
});

export const fraudHeadersCheckResponseSchema = z.looseObject({
  specVersion: z.string().optional(),
  code: z.string(),
  message: z.string().catch(''),
  errors: z.array(issue).optional(),
  warnings: z.array(issue).optional(),
});
export type FraudHeadersCheckResponse = z.infer<typeof fraudHeadersCheckResponseSchema>;
