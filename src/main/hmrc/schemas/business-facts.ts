import { z } from 'zod';

/**
 * Business Details 2.0: the facts of a business for one tax year (reference §5.5, §5.6):
 * its accounting type, its periods of account and the late accounting date rule.
 */

/** HMRC's spelling of the two accounting types [BD schemas/updateAccountingType/request.json]. */
export const HMRC_ACCOUNTING_TYPES = ['CASH', 'ACCRUAL'] as const;
export type HmrcAccountingType = (typeof HMRC_ACCOUNTING_TYPES)[number];

/** Retrieve Accounting Type response [BD schemas/retrieveAccountingType/response.json]. */
export const retrieveAccountingTypeResponseSchema = z.looseObject({
  accountingType: z.enum(HMRC_ACCOUNTING_TYPES),
});
export type RetrieveAccountingTypeResponse = z.infer<typeof retrieveAccountingTypeResponseSchema>;

/** Update Accounting Type request [BD schemas/updateAccountingType/request.json]. */
export const updateAccountingTypeRequestSchema = z.strictObject({
  accountingType: z.enum(HMRC_ACCOUNTING_TYPES),
});
export type UpdateAccountingTypeRequest = z.infer<typeof updateAccountingTypeRequestSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const taxYearLabel = z.string().regex(/^\d{4}-\d{2}$/);

const periodDates = z.strictObject({ startDate: isoDate, endDate: isoDate });

/** Retrieve Periods of Account response [BD schemas/retrievePeriodsOfAccount/response.json]. */
export const retrievePeriodsOfAccountResponseSchema = z.looseObject({
  submittedOn: z.string(),
  periodsOfAccount: z.boolean(),
  periodsOfAccountDates: z.array(periodDates).max(100).optional(),
});
export type RetrievePeriodsOfAccountResponse = z.infer<
  typeof retrievePeriodsOfAccountResponseSchema
>;

/**
 * Retrieve Late Accounting Date Rule response
 * [BD schemas/retrieveLateAccountingDateRule/response.json].
 */
export const retrieveLateAccountingDateRuleResponseSchema = z.looseObject({
  disapply: z.boolean(),
  eligible: z.boolean(),
  taxYearOfElection: taxYearLabel.optional(),
  taxYearElectionExpires: taxYearLabel.optional(),
});
export type RetrieveLateAccountingDateRuleResponse = z.infer<
  typeof retrieveLateAccountingDateRuleResponseSchema
>;
