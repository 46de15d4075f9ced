import type { IpcError } from '@shared/ipc/result';
import type { RefreshProgress } from '@shared/ipc/channels/profiles';
import { isHmrcError } from '../hmrc/errors/hmrc-error';
import { isAppError } from '../ipc/app-error';

/**
 * Checks many clients with HMRC one after another in the background, reporting progress. HMRC
 * allows 3 requests a second for the whole app (reference §3.7, enforced by the HMRC client's
 * limiter), so 300 clients take minutes: the person sees "42 of 300 checked" and can use the
 * app meanwhile. A client HMRC refuses is an answer, not a failure; HMRC being unreachable or
 * the sign-in needing renewal stops the run, because every later client would fail the same way.
 */
export interface RefreshQueue {
  /** Starts a run (or returns the one already running). */
  start(profileIds: readonly string[]): RefreshProgress;
  status(): RefreshProgress;
  /** Resolves when the current run (if any) has finished. */
  idle(): Promise<void>;
  dispose(): void;
}

/** Failures that would repeat for every client: stop rather than fail 300 times. */
const STOP_CODES = new Set([
  'HMRC_UNREACHABLE',
  'HMRC_TIMEOUT',
  'HMRC_OUTCOME_UNKNOWN',
  'INVALID_CREDENTIALS',
  'UNAUTHORIZED',
  'NOT_LINKED',
  'RELINK_NEEDED',
  'SERVER_ERROR',
  'SCHEDULED_MAINTENANCE',
  'PRACTICE_UNAVAILABLE',
]);

const errorOf = (e: unknown): Pick<IpcError, 'code' | 'message' | 'action'> =>
  isAppError(e)
    ? { code: e.code, message: e.message, action: e.action }
    : {
        code: 'INTERNAL',
        message: 'Something went wrong while checking with HMRC.',
        action: 'Try again. If it keeps happening, report it from the Diagnostics page.',
      };

export function createRefreshQueue(deps: {
  refreshOne: (profileId: string) => Promise<void>;
  onProgress: (progress: RefreshProgress) => void;
  now: () => Date;
}): RefreshQueue {
  let progress: RefreshProgress = { running: false, done: 0, total: 0, failed: 0 };
  let run: Promise<void> | undefined;
  let disposed = false;

  const publish = (next: RefreshProgress) => {
    progress = next;
    if (!disposed) deps.onProgress(progress);
  };

  const execute = async (ids: readonly string[]) => {
    for (const id of ids) {
      if (disposed) return;
      try {
        await deps.refreshOne(id);
        publish({ ...progress, done: progress.done + 1 });
      } catch (error) {
        const lastError = errorOf(error);
        const stop = STOP_CODES.has(lastError.code) || (isHmrcError(error) && error.status === 401);
        publish({ ...progress, done: progress.done + 1, failed: progress.failed + 1, lastError });
        if (stop) break;
      }
    }
    publish({ ...progress, running: false, finishedAt: deps.now().toISOString() });
  };

  return {
    start(profileIds) {
      if (progress.running) return progress;
      publish({
        running: true,
        done: 0,
        total: profileIds.length,
        failed: 0,
        startedAt: deps.now().toISOString(),
      });
      run = execute([...profileIds]).finally(() => {
        run = undefined;
      });
      return progress;
    },
    status: () => progress,
    idle: () => run ?? Promise.resolve(),
    dispose() {
      disposed = true;
    },
  };
}
