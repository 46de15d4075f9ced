import { z } from 'zod';
import { defineChannels } from '@shared/ipc/define';
import {
  isoDate,
  taxYear,
  profileId,
  pence,
  businessKindSchema,
  rowId,
  categoryId,
  quarter,
} from '../primitives';

/** Year-to-date figures per HMRC field and per update period, for the totals screen. */

export const fieldTotalSchema = z
  .object({
    categoryId,
    hmrcSection: z.string().max(100),
    hmrcField: z.string().max(100),
    disallowableField: z.string().max(100).nullable(),
    direction: z.enum(['income', 'expense']),
    name: z.string().max(200),
    valuePence: pence,
    disallowablePence: pence,
    allowablePence: pence,
    transactionCount: z.number().int().min(0),
  })
  .strict();
export type FieldTotalView = z.infer<typeof fieldTotalSchema>;

export const quarterTotalSchema = z
  .object({
    quarter,
    label: z.string().max(200),
    start: isoDate,
    end: isoDate,
    incomePence: pence,
    expensesPence: pence,
  })
  .strict();
export type QuarterTotalView = z.infer<typeof quarterTotalSchema>;

export const periodTotalsSchema = z
  .object({
    profileId,
    businessId: rowId,
    businessName: z.string().max(200),
    kind: businessKindSchema,
    taxYear,
    periodType: z.enum(['standard', 'calendar']),
    from: isoDate,
    to: isoDate,
    fields: z.array(fieldTotalSchema),
    incomePence: pence,
    expensesPence: pence,
    disallowablePence: pence,
    allowableExpensesPence: pence,
    consolidated: z
      .object({
        chosen: z.boolean(),
        allowed: z.boolean(),
        thresholdIncomePence: pence,
        consolidatedPence: pence,
      })
      .strict(),
    signProblems: z.array(
      z.object({ categoryId, name: z.string().max(200), valuePence: pence }).strict(),
    ),
    uncategorised: z.object({ count: z.number().int().min(0), netPence: pence }).strict(),
    excluded: z.object({ count: z.number().int().min(0), netPence: pence }).strict(),
    /** Income and expenses per update period of the whole year, for the chart. */
    quarters: z.array(quarterTotalSchema),
  })
  .strict();
export type PeriodTotalsView = z.infer<typeof periodTotalsSchema>;

export const recordsTotalsChannels = defineChannels({
  /** Year-to-date figures per HMRC field, from 6 April (1 April) to the period end. */
  'records.totals': {
    request: z
      .object({ profileId, businessId: rowId, taxYear, periodEnd: isoDate.optional() })
      .strict(),
    response: periodTotalsSchema,
  },
  /** Report the business's expenses as one consolidated figure for the year (or not). */
  'records.setConsolidated': {
    request: z
      .object({ profileId, businessId: rowId, taxYear, consolidated: z.boolean() })
      .strict(),
    response: z.object({ profileId }).strict(),
  },
});
