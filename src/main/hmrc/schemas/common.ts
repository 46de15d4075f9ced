import { z } from 'zod';
import { BUSINESS_ID_PATTERN } from '@shared/domain/business-id';
import { isIsoDate, isTaxYear } from '@shared/domain/tax-year';

/**
 * Building blocks for the HMRC request and response schemas. Requests are strict (nothing
 * HMRC's schema would refuse ever leaves the app); responses are tolerant readers (loose
 * objects that keep fields Ledgerlink does not model yet, and no stricter than HMRC's own
 * schema), so a new optional field from HMRC never breaks the app.
 */

/** `AA999999A` [each OAS common/pathParameters.yaml; reference §3.3]. */
export const ninoSchema = z.string().regex(/^[A-Z]{2}[0-9]{6}[A-D]$/, 'National Insurance number');

/** `^X[A-Z0-9]{1}IS[0-9]{11}$` [SE common/pathParameters.yaml businessId]. */
export const businessIdSchema = z.string().regex(BUSINESS_ID_PATTERN, 'HMRC business ID');

/** `YYYY-YY`, one year only (`2025-26`) [reference §3.3]. */
export const taxYearSchema = z
  .string()
  .regex(/^\d{4}-\d{2}$/, 'tax year like 2025-26')
  .refine(isTaxYear, 'a tax year covers one year, like 2025-26');

/**
 * HMRC writes `^[0-9]{8}|[0-9a-f]{8}-…$` [IC common/pathParameters.yaml], an alternation
 * without a group; what it means is "8 digits or a UUID", which is what is checked here.
 */
export const calculationIdSchema = z
  .string()
  .regex(
    /^(?:[0-9]{8}|[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/,
    'calculation ID',
  );

/** A calendar date `YYYY-MM-DD` that exists. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date like 2025-04-06')
  .refine(isIsoDate, 'a real calendar date');

/** HMRC's money fields: numbers with up to 2 decimal places. */
export const MONEY_MAX = 99_999_999_999.99;

/** 0 … 99,999,999,999.99, 2 dp (income fields). */
export const moneyNonNegative = z.number().min(0).max(MONEY_MAX).multipleOf(0.01);
/** −99,999,999,999.99 … 99,999,999,999.99, 2 dp (expense fields, which may be negative). */
export const moneySigned = z.number().min(-MONEY_MAX).max(MONEY_MAX).multipleOf(0.01);
