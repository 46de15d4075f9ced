import { join } from 'node:path';
import { AppError } from '../ipc/app-error';
import type { Logger } from '../logging/logger';
import type { ProfileFolderFs } from './profile-folder-fs';
import type { ProfileRegistry } from './profile-registry';

/**
 * Deleting a profile touches two things that cannot change together: the registry (SQLite) and
 * the profile's folder (files another program may hold open, so that Windows refuses to delete
 * them with EBUSY part way through). The order keeps every moment consistent:
 *
 *   1. a tombstone for the profile (`<profiles>/.tombstones/<id>`): the person's decision, kept;
 *   2. the registry entry removed: the profile is gone from every list, and nothing opens it;
 *   3. the folder deleted;
 *   4. the tombstone removed.
 *
 * A failure at 1 changes nothing. A failure at 2 takes the tombstone back (and should that fail
 * too, the tombstone finishes the deletion at the next start). A failure at 3 leaves an unlisted
 * folder under a tombstone, never a listed profile without its records; the deletion is finished
 * at the next start (finishPendingDeletions).
 */
export interface DeleteProfileDeps {
  profilesDir: string;
  fs: ProfileFolderFs;
  registry: Pick<ProfileRegistry, 'get' | 'remove'>;
  logger: Logger;
  now: () => string;
}

const TOMBSTONES = '.tombstones';
// Profile ids are UUIDs (or a test's plain names): never a path.
const PROFILE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export const tombstonesDir = (profilesDir: string): string => join(profilesDir, TOMBSTONES);
const tombstoneOf = (profilesDir: string, profileId: string) =>
  join(tombstonesDir(profilesDir), profileId);

export function isTombstoned(
  deps: Pick<DeleteProfileDeps, 'profilesDir' | 'fs'>,
  profileId: string,
): boolean {
  return deps.fs.exists(tombstoneOf(deps.profilesDir, profileId));
}

const notDeleted = (name: string) =>
  new AppError(
    'PROFILE_NOT_DELETED',
    `${name} could not be deleted: another program may be using its files. Nothing was changed.`,
    'Close any program that may have the profile’s files open, then try again.',
  );

export interface DeleteOutcome {
  /** False when the folder could not be removed yet; it goes at the next start. */
  folderRemoved: boolean;
}

export function deleteProfileFiles(deps: DeleteProfileDeps, profileId: string): DeleteOutcome {
  if (!PROFILE_ID.test(profileId)) throw new Error('Not a profile id');
  const name = deps.registry.get(profileId)?.name ?? 'The profile';
  const tombstone = tombstoneOf(deps.profilesDir, profileId);
  try {
    deps.fs.mkdir(tombstonesDir(deps.profilesDir));
    deps.fs.writeFile(tombstone, JSON.stringify({ profileId, deletedAt: deps.now() }));
  } catch (error) {
    deps.logger.warn('Could not mark a profile for deletion', { profileId, error: String(error) });
    throw notDeleted(name);
  }
  try {
    deps.registry.remove(profileId);
  } catch (error) {
    deps.logger.warn('Could not remove a profile from the list', {
      profileId,
      error: String(error),
    });
    try {
      deps.fs.remove(tombstone);
    } catch {
      // The tombstone stays: the profile is refused until the next start finishes the deletion.
    }
    throw notDeleted(name);
  }
  return removeFolder(deps, profileId);
}

function removeFolder(deps: DeleteProfileDeps, profileId: string): DeleteOutcome {
  try {
    deps.fs.remove(join(deps.profilesDir, profileId));
  } catch (error) {
    deps.logger.warn('A deleted profile’s folder could not be removed yet', {
      profileId,
      error: String(error),
    });
    return { folderRemoved: false };
  }
  try {
    deps.fs.remove(tombstoneOf(deps.profilesDir, profileId));
  } catch {
    // An empty tombstone for a folder already gone: removed at the next start.
  }
  return { folderRemoved: true };
}

/**
 * Finishes every deletion a tombstone records (an interrupted one, or a folder that was busy):
 * called when the profiles capability starts, before anything can open a profile.
 */
export function finishPendingDeletions(deps: DeleteProfileDeps): number {
  let finished = 0;
  for (const profileId of deps.fs.list(tombstonesDir(deps.profilesDir))) {
    if (!PROFILE_ID.test(profileId)) continue;
    try {
      if (deps.registry.get(profileId)) deps.registry.remove(profileId);
    } catch (error) {
      deps.logger.warn('Could not finish deleting a profile', { profileId, error: String(error) });
      continue;
    }
    if (removeFolder(deps, profileId).folderRemoved) finished += 1;
  }
  return finished;
}
