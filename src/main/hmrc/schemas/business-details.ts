import { z } from 'zod';

/** Business Details 2.0 [BD schemas/*]. */

const typeOfBusiness = z.enum([
  'self-employment',
  'uk-property',
  'foreign-property',
  'property-unspecified',
]);
export type TypeOfBusiness = z.infer<typeof typeOfBusiness>;

const businessIdInResponse = z.string().regex(/^X[a-zA-Z0-9]{1}IS[0-9]{11}$/);

/** List All Businesses response [BD schemas/listAllbusinesses/response.json]. */
export const listBusinessesResponseSchema = z.looseObject({
  listOfBusinesses: z.array(
    z.looseObject({
      typeOfBusiness,
      businessId: businessIdInResponse,
      tradingType: z.string().min(1).max(35).optional(),
      tradingName: z.string().max(105).optional(),
    }),
  ),
});
export type ListBusinessesResponse = z.infer<typeof listBusinessesResponseSchema>;

/**
 * Retrieve Business Details response [BD schemas/retrieveBusinessDetails/response.json].
 * HMRC asks that accounting period dates are not shown to users.
 */
export const retrieveBusinessResponseSchema = z.looseObject({
  businessId: businessIdInResponse,
  typeOfBusiness,
  tradingType: z.string().min(1).max(35).optional(),
  tradingName: z.string().max(105).optional(),
  yearOfMigration: z
    .string()
    .regex(/^(\d{4})$/)
    .optional(),
  firstAccountingPeriodStartDate: z.string().optional(),
  firstAccountingPeriodEndDate: z.string().optional(),
  latencyDetails: z
    .looseObject({
      latencyEndDate: z.string(),
      taxYear1: z.string(),
      latencyIndicator1: z.enum(['A', 'Q']),
      taxYear2: z.string(),
      latencyIndicator2: z.enum(['A', 'Q']),
    })
    .optional(),
  quarterlyTypeChoice: z
    .looseObject({
      quarterlyPeriodType: z.enum(['standard', 'calendar']).optional(),
      taxYearOfChoice: z
        .string()
        .regex(/^2[0-9]{3}-[0-9]{2}$/)
        .optional(),
    })
    .optional(),
  accountingPeriods: z.array(z.looseObject({ start: z.string(), end: z.string() })).optional(),
  commencementDate: z.string().optional(),
  cessationDate: z.string().optional(),
  businessAddressLineOne: z.string().optional(),
  businessAddressLineTwo: z.string().optional(),
  businessAddressLineThree: z.string().optional(),
  businessAddressLineFour: z.string().optional(),
  businessAddressPostcode: z.string().optional(),
  businessAddressCountryCode: z.string().optional(),
});
export type RetrieveBusinessResponse = z.infer<typeof retrieveBusinessResponseSchema>;

/**
 * Create and Amend Quarterly Period Type request
 * [BD schemas/createAmendQuarterlyPeriodType/def1/request.json].
 */
export const quarterlyPeriodTypeRequestSchema = z.strictObject({
  quarterlyPeriodType: z.enum(['standard', 'calendar']),
});
export type QuarterlyPeriodTypeRequest = z.infer<typeof quarterlyPeriodTypeRequestSchema>;
