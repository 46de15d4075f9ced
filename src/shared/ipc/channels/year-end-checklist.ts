import { z } from 'zod';
import { defineChannels } from '../define';
import { isoDate, isoTime, profileId, taxYear, text } from './primitives';

/**
 * The year-end checklist of a profile and tax year (reference §5.7, §5.8), built offline from
 * HMRC's obligations as last read, the submission log and the outbox: every obligation with its
 * status and due date, what is missing, and one action each (a year-end screen id).
 */
export const checklistItemSchema = z
  .object({
    id: z.string().max(100),
    group: z.enum([
      'quarterly',
      'correction',
      'annual',
      'facts',
      'other-income',
      'not-covered',
      'losses',
      'calculation',
      'declaration',
    ]),
    title: z.string().max(200),
    businessId: z.number().int().positive().optional(),
    businessName: z.string().max(200).optional(),
    dueDate: isoDate.optional(),
    /** `refused`: HMRC does not allow this profile to do it (a supporting agent). */
    status: z.enum(['done', 'waiting', 'to-do', 'not-yet', 'optional', 'refused']),
    statusText: text,
    action: z
      .object({
        label: z.string().max(100),
        screen: z.enum([
          'review',
          'sync',
          'correction',
          'annual',
          'business-facts',
          'calculation',
          'declaration',
          'other-income',
          'losses',
          'adjustments',
        ]),
        businessId: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const checklistViewSchema = z
  .object({
    profileId,
    profileName: z.string().max(200),
    taxYear,
    today: isoDate,
    yearEnded: z.boolean(),
    obligationsCheckedAt: isoTime.nullable(),
    items: z.array(checklistItemSchema).max(200),
    /** How many items still need something done. */
    missing: z.number().int().min(0),
  })
  .strict();
export type ChecklistView = z.infer<typeof checklistViewSchema>;

export const yearEndChecklistChannels = defineChannels({
  'yearEnd.checklist': {
    request: z.object({ profileId, taxYear }).strict(),
    response: checklistViewSchema,
  },
});
