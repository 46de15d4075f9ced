import { join } from 'node:path';
import {
  exportProfileArchive,
  placePreparedArchive,
  prepareArchiveImport,
  type ArchiveProgress,
  type Ledger,
} from '../ledger';
import type { Profile } from '../profiles/profile-record';
import type { CreateProfileInput, ProfilesService } from '../profiles/profiles-service';

/** A whole profile (records database and receipts) as one zip. */
export async function exportArchiveTo(
  ledger: Ledger,
  outFile: string,
  stagingRoot: string,
  onProgress: (progress: ArchiveProgress) => void,
): Promise<{ bytes: number; files: number }> {
  const { manifest, bytes } = await exportProfileArchive({
    ledger,
    outFile,
    stagingRoot,
    onProgress,
  });
  return { bytes, files: manifest.files.length };
}

export interface ArchiveImportInput {
  profiles: Pick<ProfilesService, 'validateNew' | 'create' | 'delete' | 'ledger'>;
  /** `<userData>/profiles`: each profile's folder is `<profilesDir>/<profileId>` (ProfilesService.ledger). */
  profilesDir: string;
  /** `<userData>/staging`: the private folder where the archive is unpacked and checked. */
  stagingRoot: string;
  archiveFile: string;
  profile: Pick<CreateProfileInput, 'kind' | 'name' | 'nino' | 'agentRole'>;
  onProgress: (progress: ArchiveProgress) => void;
}

/**
 * An archive from another computer as a new profile. The archive is unpacked and checked in
 * private staging first, its records copied into a fresh ledger (ledger/export/archive-import);
 * only then is the profile added and the checked folder moved into place as its folder, before
 * anything can open the new profile's ledger. Any failure leaves no profile and no folder.
 */
export async function importArchiveAsProfile(input: ArchiveImportInput): Promise<{
  profile: Profile;
  transactions: number;
  businesses: number;
  notes: string[];
}> {
  const { profiles } = input;
  // Refuse a bad name or a NINO already in use before unpacking anything.
  profiles.validateNew({ name: input.profile.name, nino: input.profile.nino });
  const prepared = await prepareArchiveImport({
    archiveFile: input.archiveFile,
    stagingRoot: input.stagingRoot,
    onProgress: input.onProgress,
  });
  let created: Profile | null = null;
  try {
    created = await profiles.create({ ...input.profile, accountId: null });
    // Nothing has opened the new profile's ledger yet (create() does not, without an account),
    // so its folder does not exist: the checked folder becomes it in one rename.
    await placePreparedArchive(prepared.dir, join(input.profilesDir, created.id));
    const ledger = profiles.ledger(created.id);
    return {
      profile: created,
      transactions: ledger.records.summarise({}).count,
      businesses: ledger.businesses.list({ includeArchived: true }).length,
      notes: prepared.notes,
    };
  } catch (error) {
    if (created) {
      try {
        profiles.delete(created.id, { confirmUnsynced: true });
      } catch {
        // The profile may already be gone; the original error is what the person needs.
      }
    }
    throw error;
  } finally {
    await prepared.dispose();
  }
}
