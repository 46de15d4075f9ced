import { z } from 'zod';
import { businessIdSchema, isoDateSchema, taxYearSchema } from './common';

/** Obligations 3.0 [OB schemas/*, common/queryParameters.yaml]. */

/** Query of Retrieve Income Tax (Self Assessment) Income and Expenditure Obligations. */
export const incomeAndExpenditureQuerySchema = z
  .strictObject({
    typeOfBusiness: z.enum(['self-employment', 'uk-property', 'foreign-property']).optional(),
    businessId: businessIdSchema.optional(),
    fromDate: isoDateSchema.optional(),
    toDate: isoDateSchema.optional(),
    status: z.enum(['open', 'fulfilled']).optional(),
  })
  // HMRC: typeOfBusiness is required with businessId; fromDate and toDate go together.
  .refine((q) => !q.businessId || q.typeOfBusiness, {
    message: 'typeOfBusiness is required with businessId',
    path: ['typeOfBusiness'],
  })
  .refine((q) => (q.fromDate === undefined) === (q.toDate === undefined), {
    message: 'fromDate and toDate go together',
    path: ['toDate'],
  });
export type IncomeAndExpenditureQuery = z.infer<typeof incomeAndExpenditureQuerySchema>;

/** Query of Retrieve Final Declaration (crystallisation) Obligations. */
export const finalDeclarationObligationsQuerySchema = z.strictObject({
  taxYear: taxYearSchema.optional(),
  status: z.enum(['open', 'fulfilled']).optional(),
});
export type FinalDeclarationObligationsQuery = z.infer<
  typeof finalDeclarationObligationsQuerySchema
>;

/** [OB schemas/retrieve_periodic_obligations_response.json] (status is a plain string there). */
export const incomeAndExpenditureResponseSchema = z.looseObject({
  obligations: z.array(
    z.looseObject({
      typeOfBusiness: z.string(),
      businessId: z.string().regex(/^X[a-zA-Z0-9]{1}IS[0-9]{11}$/),
      obligationDetails: z.array(
        z.looseObject({
          periodStartDate: z.string(),
          periodEndDate: z.string(),
          dueDate: z.string(),
          status: z.string(),
          receivedDate: z.string().optional(),
        }),
      ),
    }),
  ),
});
export type IncomeAndExpenditureResponse = z.infer<typeof incomeAndExpenditureResponseSchema>;

/** [OB schemas/retrieve_crystallisation_obligations_response.json]. */
export const finalDeclarationObligationsResponseSchema = z.looseObject({
  obligations: z.array(
    z.looseObject({
      periodStartDate: z.string(),
      periodEndDate: z.string(),
      dueDate: z.string(),
      status: z.enum(['open', 'fulfilled']),
      receivedDate: z.string().optional(),
    }),
  ),
});
export type FinalDeclarationObligationsResponse = z.infer<
  typeof finalDeclarationObligationsResponseSchema
>;
