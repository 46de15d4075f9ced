import { join } from 'node:path';
import { placePreparedArchive, prepareArchiveImport, type ArchiveProgress } from '../ledger';
import type { ProfilesService } from '../profiles/profiles-service';

export interface ArchiveRestoreInput {
  profiles: Pick<ProfilesService, 'require' | 'ledger'>;
  /** `<userData>/profiles`: the profile's folder is `<profilesDir>/<profileId>`. */
  profilesDir: string;
  /** `<userData>/staging`: the private folder where the archive is unpacked and checked. */
  stagingRoot: string;
  profileId: string;
  archiveFile: string;
  onProgress: (progress: ArchiveProgress) => void;
}

/**
 * An archive as the records of a profile whose records file has gone missing from this
 * computer (the profiles capability refuses to open such a profile rather than start it empty).
 * The archive is checked and copied in private staging exactly as for a new profile; its
 * records file then takes the missing one's place, and it is refused if the profile has records.
 */
export async function restoreArchiveInto(input: ArchiveRestoreInput): Promise<{
  transactions: number;
  businesses: number;
  notes: string[];
}> {
  input.profiles.require(input.profileId);
  const prepared = await prepareArchiveImport({
    archiveFile: input.archiveFile,
    stagingRoot: input.stagingRoot,
    onProgress: input.onProgress,
  });
  try {
    await placePreparedArchive(prepared.dir, join(input.profilesDir, input.profileId));
  } finally {
    await prepared.dispose();
  }
  const ledger = input.profiles.ledger(input.profileId);
  return {
    transactions: ledger.records.summarise({}).count,
    businesses: ledger.businesses.list({ includeArchived: true }).length,
    notes: prepared.notes,
  };
}
