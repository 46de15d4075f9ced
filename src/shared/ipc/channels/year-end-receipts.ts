import { z } from 'zod';
import { defineChannels } from '../define';
import { isoTime, profileId, taxYear, text } from './primitives';

/**
 * Diagnostics: the final declaration receipts of each profile (the year end's own hash chain,
 * beside the sync submission log), with their chain checked: each receipt's SHA-256 covers its
 * fields and the receipt before it, and the sync log entry it names is in the same file.
 */
export const declarationReceiptsCheckSchema = z
  .object({
    profileId,
    profileName: z.string().max(200),
    entries: z.number().int().min(0),
    ok: z.boolean(),
    problems: z.array(text).max(200),
    receipts: z
      .array(
        z
          .object({
            seq: z.number().int().min(1),
            taxYear,
            declaration: z.enum(['final-declaration', 'confirm-amendment']),
            calculationId: z.string().max(200),
            recordedAt: isoTime,
            how: z.enum(['answered', 'confirmed']),
            correlationId: z.string().max(200),
          })
          .strict(),
      )
      .max(200),
  })
  .strict();
export type DeclarationReceiptsCheck = z.infer<typeof declarationReceiptsCheckSchema>;

export const yearEndReceiptsChannels = defineChannels({
  /** Checks the declaration receipts of one profile, or of every profile. */
  'yearEnd.verifyReceipts': {
    request: z.object({ profileId: profileId.optional() }).strict(),
    response: z.array(declarationReceiptsCheckSchema),
  },
});
