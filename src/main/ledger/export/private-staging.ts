import { chmod, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Where archives are built and unpacked: a folder inside the app's own data folder
 * (`<userData>/staging`), readable by this user only (0700), never the shared temp folder, where
 * other users of the computer could read a whole profile's records or swap files in while they
 * are being checked. Each operation gets its own folder, made by mkdtemp (0700 as well, with an
 * unguessable name), and removes it when it ends, whatever the outcome.
 */
export const STAGING_FOLDER_NAME = 'staging';

/** `<userData>/staging`. */
export const stagingRootOf = (userDataDir: string): string =>
  join(userDataDir, STAGING_FOLDER_NAME);

export interface StagingFolder {
  readonly dir: string;
  /** Removes the folder and everything in it. */
  dispose: () => Promise<void>;
}

export async function createStagingFolder(root: string, purpose: string): Promise<StagingFolder> {
  await mkdir(root, { recursive: true, mode: 0o700 });
  // mkdir's mode does not change a folder that already exists (or the umask may have narrowed it).
  await chmod(root, 0o700);
  const dir = await mkdtemp(join(root, `${purpose}-`));
  await chmod(dir, 0o700);
  return {
    dir,
    dispose: () => rm(dir, { recursive: true, force: true, maxRetries: 3 }),
  };
}

/**
 * Removes whatever an earlier run left in the staging folder (a crash or a kill during an export
 * or import): called once at start-up, before any operation can be running.
 */
export async function clearStaging(root: string): Promise<number> {
  const entries = await readdir(root).catch(() => [] as string[]);
  for (const name of entries) {
    await rm(join(root, name), { recursive: true, force: true, maxRetries: 3 });
  }
  return entries.length;
}
