import { z } from 'zod';
import { defineEvents } from '@shared/ipc/define';
import { profileId } from '../primitives';

/** Events of the records capability: progress of long operations, and "these records changed". */
export const recordsProgressSchema = z
  .object({
    /** Null while an archive is being imported: its profile does not exist yet. */
    profileId: profileId.nullable(),
    operationId: z.uuid(),
    kind: z.enum(['import-analyse', 'import-commit', 'archive-export', 'archive-import']),
    /** Bytes of the file read (import) or written (archive) so far. */
    done: z.number().int().min(0),
    /** Total bytes, when known (0 when not). */
    total: z.number().int().min(0),
    rows: z.number().int().min(0),
    finished: z.boolean(),
  })
  .strict();
export type RecordsProgress = z.infer<typeof recordsProgressSchema>;

export const recordsEvents = defineEvents({
  /** Import and archive progress, a few times a second. */
  'records.progress': { payload: recordsProgressSchema },
  /** A profile's records changed (any window or screen showing them should refresh). */
  'records.changed': { payload: z.object({ profileId }).strict() },
});
