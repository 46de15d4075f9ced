import { randomUUID } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  exportProfileArchive,
  importProfileArchive,
  type ArchiveProgress,
  type Ledger,
} from '../ledger';
import type { Profile } from '../profiles/profile-record';
import type { CreateProfileInput, ProfilesService } from '../profiles/profiles-service';

/** A whole profile (records database, receipts, every other file in its folder) as one zip. */
export async function exportArchiveTo(
  ledger: Ledger,
  outFile: string,
  onProgress: (progress: ArchiveProgress) => void,
): Promise<{ bytes: number; files: number }> {
  const { manifest, bytes } = await exportProfileArchive({
    profileDir: dirname(ledger.file),
    ledger,
    outFile,
    onProgress,
  });
  return { bytes, files: manifest.files.length };
}

export interface ArchiveImportInput {
  profiles: Pick<ProfilesService, 'validateNew' | 'create' | 'delete' | 'ledger'>;
  /** `<userData>/profiles`: each profile's folder is `<profilesDir>/<profileId>` (ProfilesService.ledger). */
  profilesDir: string;
  archiveFile: string;
  profile: Pick<CreateProfileInput, 'kind' | 'name' | 'nino' | 'agentRole'>;
  onProgress: (progress: ArchiveProgress) => void;
}

/**
 * An archive from another computer as a new profile. The archive is unpacked and checked
 * beside the profiles first (every hash, the database's integrity, its schema upgraded); only
 * then is the profile added and the checked folder moved into place as its folder, before
 * anything can open the new profile's ledger. Any failure leaves no profile and no folder.
 */
export async function importArchiveAsProfile(input: ArchiveImportInput): Promise<{
  profile: Profile;
  transactions: number;
  businesses: number;
}> {
  const { profiles } = input;
  // Refuse a bad name or a NINO already in use before unpacking anything.
  profiles.validateNew({ name: input.profile.name, nino: input.profile.nino });
  const incoming = join(input.profilesDir, `.incoming-${randomUUID()}`);
  let created: Profile | null = null;
  try {
    await importProfileArchive({
      archiveFile: input.archiveFile,
      targetDir: incoming,
      onProgress: input.onProgress,
    });
    created = await profiles.create({ ...input.profile, accountId: null });
    // Nothing has opened the new profile's ledger yet (create() does not, without an account),
    // so its folder does not exist: the checked archive becomes it in one rename.
    await rename(incoming, join(input.profilesDir, created.id));
    const ledger = profiles.ledger(created.id);
    return {
      profile: created,
      transactions: ledger.records.summarise({}).count,
      businesses: ledger.businesses.list({ includeArchived: true }).length,
    };
  } catch (error) {
    await rm(incoming, { recursive: true, force: true });
    if (created) {
      try {
        profiles.delete(created.id, { confirmUnsynced: true });
      } catch {
        // The profile may already be gone; the original error is what the person needs.
      }
    }
    throw error;
  }
}
