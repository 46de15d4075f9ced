import { z } from 'zod';
import { ITSA_STATUSES } from '@shared/domain/itsa-status';

/**
 * Self Assessment Individual Details 2.0, Retrieve ITSA Status
 * [SAID schemas/retrieveItsaStatus/def1/response.json, definitions.json]. A tolerant reader:
 * HMRC marks no field required, and the reason list grows, so the reason is any text.
 */
export const itsaStatusResponseSchema = z.looseObject({
  itsaStatuses: z
    .array(
      z.looseObject({
        taxYear: z
          .string()
          .regex(/^2[0-9]{3}-[0-9]{2}$/)
          .optional(),
        itsaStatusDetails: z
          .array(
            z.looseObject({
              submittedOn: z.string().max(40).optional(),
              status: z.enum(ITSA_STATUSES).optional(),
              statusReason: z.string().max(200).optional(),
              businessIncome2YearsPrior: z.number().min(0).max(99_999_999_999.99).optional(),
            }),
          )
          .optional(),
      }),
    )
    .optional(),
});
export type ItsaStatusResponse = z.infer<typeof itsaStatusResponseSchema>;

/** The query [SAID common/queryParameters.yaml]: later years and the history of decisions. */
export const itsaStatusQuerySchema = z
  .object({
    futureYears: z.enum(['true', 'false']).optional(),
    history: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type ItsaStatusQuery = z.infer<typeof itsaStatusQuerySchema>;
