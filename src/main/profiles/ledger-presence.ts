import { join } from 'node:path';
import { AppError } from '../ipc/app-error';
import { isTombstoned } from './delete-profile';
import type { ProfileFolderFs } from './profile-folder-fs';
import type { ProfileRegistry } from './profile-registry';

/**
 * A registered profile whose records file is missing (deleted by hand, lost to a failed disk, or
 * left by a deletion that failed half way) must never be opened: opening a ledger creates the
 * file, and the person would find an empty profile and might carry on into it, thinking their
 * records gone or, worse, sending HMRC figures without them. The profile is refused with the
 * reason and the way back (restore from a profile archive), until the records are there again.
 */
export interface LedgerPresenceGuard {
  /** Throws when the profile is being deleted, or its records are missing. */
  beforeOpen(profileId: string, ledgerFile: string): void;
  /** Records that the profile's ledger exists, the first time it is opened. */
  opened(profileId: string): void;
}

export const recordsMissing = (name: string) =>
  new AppError(
    'PROFILE_RECORDS_MISSING',
    `${name}’s records are missing from this computer: Ledgerlink cannot find their records file, so it has not opened the profile.`,
    'Restore the records from a profile archive (a copy saved with “Save an archive…”), or delete the profile if you no longer need it.',
  );

export const isRecordsMissing = (error: unknown): boolean =>
  error instanceof AppError && error.code === 'PROFILE_RECORDS_MISSING';

const beingDeleted = (name: string) =>
  new AppError(
    'PROFILE_BEING_DELETED',
    `${name} is being deleted.`,
    'Restart Ledgerlink to finish deleting it.',
  );

export function createLedgerPresenceGuard(deps: {
  profilesDir: string;
  fs: ProfileFolderFs;
  registry: Pick<ProfileRegistry, 'get' | 'update'>;
  now: () => string;
}): LedgerPresenceGuard {
  return {
    beforeOpen(profileId, ledgerFile) {
      const profile = deps.registry.get(profileId);
      const name = profile?.name ?? 'This profile';
      if (isTombstoned(deps, profileId)) throw beingDeleted(name);
      if (!profile || deps.fs.exists(ledgerFile)) return;
      // Only opening a ledger makes the profile's folder, so a folder without one has lost it too.
      if (profile.ledgerCreatedAt || deps.fs.exists(join(deps.profilesDir, profileId))) {
        throw recordsMissing(name);
      }
    },
    opened(profileId) {
      const profile = deps.registry.get(profileId);
      if (profile && !profile.ledgerCreatedAt) {
        deps.registry.update(profileId, { ledgerCreatedAt: deps.now() });
      }
    },
  };
}
