import { randomBytes, timingSafeEqual } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/**
 * The single-instance rule for the browser shell (the desktop app has Electron's
 * requestSingleInstanceLock): one shell per data folder. The running shell writes its port and
 * a hand-over secret to `<userData>/browser-shell.json` (0600: this user only); a second start
 * finds it there, asks the running shell for a fresh launch link and opens that instead of
 * starting twice over the same ledgers.
 */
export const LOCK_FILE_NAME = 'browser-shell.json';
export const HANDOVER_PATH = '/__shell/handover';
export const HANDOVER_HEADER = 'x-ledgerlink-handover';

const lockContents = z.object({
  pid: z.number().int(),
  port: z.number().int().min(1).max(65535),
  secret: z.string().min(32).max(128),
});
export type LockContents = z.infer<typeof lockContents>;

export type LockOutcome =
  | { kind: 'acquired'; secret: string; release(): Promise<void> }
  /** Another shell is serving this data folder: its fresh launch link. */
  | { kind: 'running'; launchUrl: string; port: number };

/** Asks the shell at `port` for a new launch link; null if nothing of ours answers there. */
async function handover(lock: LockContents): Promise<string | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${lock.port}${HANDOVER_PATH}`, {
      method: 'POST',
      headers: { [HANDOVER_HEADER]: lock.secret },
    });
    if (!response.ok) return null;
    const body = z.object({ launchUrl: z.string().url() }).safeParse(await response.json());
    return body.success ? body.data.launchUrl : null;
  } catch {
    return null;
  }
}

export const handoverSecretMatches = (expected: string, given: unknown): boolean => {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Takes the lock for a shell listening on `port`, or finds the running one. Creating the file
 * is atomic (link(2) fails if it exists), so two starts at once cannot both win; a file left by
 * a shell that is gone (killed, crashed) is replaced once nobody answers at its port.
 */
export async function acquireInstanceLock(userData: string, port: number): Promise<LockOutcome> {
  await mkdir(userData, { recursive: true, mode: 0o700 });
  const file = join(userData, LOCK_FILE_NAME);
  const secret = randomBytes(32).toString('base64url');
  const mine: LockContents = { pid: process.pid, port, secret };
  for (let attempt = 0; attempt < 3; attempt++) {
    const temp = join(userData, `.${LOCK_FILE_NAME}.${process.pid}.${attempt}`);
    await writeFile(temp, JSON.stringify(mine), { mode: 0o600 });
    try {
      await link(temp, file);
      return {
        kind: 'acquired',
        secret,
        async release() {
          // Only our own lock: a later shell may have replaced a lock we were too slow to drop.
          const now = await readLock(file);
          if (now?.secret === secret) await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await rm(temp, { force: true });
    }
    const running = await readLock(file);
    if (running) {
      const launchUrl = await handover(running);
      if (launchUrl) return { kind: 'running', launchUrl, port: running.port };
    }
    // Unreadable, or nobody of ours answers: the shell that wrote it is gone.
    await rm(file, { force: true });
  }
  throw new Error(`Could not take the browser shell's lock in ${userData}`);
}

async function readLock(file: string): Promise<LockContents | null> {
  try {
    const parsed = lockContents.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
