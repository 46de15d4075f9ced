import { z } from 'zod';
import { defineChannels } from '@shared/ipc/define';
import { profileId, fileName, operationId, cancelled } from '../primitives';
import { recordsFilterSchema } from './entries';

/** Exports: the filtered records as CSV or JSON, and whole-profile archives out and in. */

/** What an imported archive held that was left out or changed, one plain sentence each. */
const archiveNotes = z.array(z.string().max(500)).max(10);

export const recordsExportsChannels = defineChannels({
  /** Shows the save dialog and writes the filtered records as CSV or JSON. */
  'records.exportRecords': {
    request: z
      .object({ profileId, format: z.enum(['csv', 'json']), filter: recordsFilterSchema })
      .strict(),
    response: z.union([
      z.object({ profileId, fileName, rows: z.number().int().min(0) }).strict(),
      cancelled,
    ]),
  },
  /** Shows the save dialog and writes the whole profile (records, receipts, log) as one file. */
  'records.exportArchive': {
    request: z.object({ profileId, operationId }).strict(),
    response: z.union([
      z
        .object({
          profileId,
          fileName,
          bytes: z.number().int().min(0),
          files: z.number().int().min(0),
        })
        .strict(),
      cancelled,
    ]),
  },
  /**
   * Shows the open dialog for an archive and imports it as a new profile with this name and
   * NINO (checked first, as for any new profile).
   */
  'records.importArchive': {
    request: z
      .object({
        operationId,
        kind: z.enum(['self', 'client']),
        name: z.string().max(300),
        nino: z.string().max(40),
        /** Client profiles: which kind of agent the client authorised. */
        agentRole: z.enum(['main', 'supporting']).optional(),
      })
      .strict(),
    response: z.union([
      z
        .object({
          profileId,
          name: z.string().max(200),
          transactions: z.number().int().min(0),
          businesses: z.number().int().min(0),
          notes: archiveNotes,
        })
        .strict(),
      z.object({ cancelled: z.literal(true) }).strict(),
    ]),
  },
  /**
   * Shows the open dialog for an archive and restores it as the records of a profile whose
   * records file is missing from this computer (PROFILE_RECORDS_MISSING).
   */
  'records.restoreArchive': {
    request: z.object({ profileId, operationId }).strict(),
    response: z.union([
      z
        .object({
          profileId,
          transactions: z.number().int().min(0),
          businesses: z.number().int().min(0),
          notes: archiveNotes,
        })
        .strict(),
      cancelled,
    ]),
  },
});
