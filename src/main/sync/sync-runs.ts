import type { SyncRunView } from '@shared/ipc/channels/sync';
import type { EstimateView } from '@shared/ipc/channels/sync';
import type { Clock } from '../clock/clock';
import { AppError } from '../ipc/app-error';
import type { Logger } from '../logging/logger';
import type { Profile } from '../profiles/profile-record';
import { mergeSyncResults, type ExtraOutbox } from './extra-outbox';
import type { LogAnchors } from './log-anchors';
import type { NetworkStatus } from './network-status';
import { createOutboxStore } from './outbox-store';
import { syncProfileOutbox, type SyncProfilesPort } from './profile-sync';
import { profileSyncState } from './profile-sync-state';
import { outcomeText, runStateOf } from './run-outcome';
import { createRunProgress, type RunProgress } from './run-progress';
import { byNearestDeadline } from './deadline-order';
import { estimateDueAfterSync, estimatePermission } from './sync-estimate';

/** After a sync HMRC may take up to an hour to show the obligation as met (reference §5.2). */
export const RECEIVED_DELAY_NOTE =
  'HMRC may take up to an hour to show an update as received. The receipt kept for each accepted update (on the Receipts tab, per profile) is your proof that HMRC accepted it.';

export interface RunOptions {
  /**
   * Ask HMRC for a new estimate after an accepted update, at most once per client per UK day
   * (default: true for one profile's sync; false for a run over several clients, where each
   * client's estimate is asked for when someone looks at it).
   */
  estimate?: boolean;
  /** Refresh the accepted year's obligations (one request) after an accepted update (default true). */
  refreshObligations?: boolean;
  /**
   * HMRC sandbox and Practice only: ask for one of HMRC's canned outcomes on every PUT
   * (`Gov-Test-Scenario`, reference §3.8) — how each business rule's refusal is tried out.
   */
  govTestScenario?: string;
}

export const offline = () =>
  new AppError(
    'OFFLINE',
    'This computer is offline, so nothing can be sent to HMRC now. Your approved updates are kept in the outbox.',
    'Connect to the internet, then select Sync now. Everything else in Ledgerlink keeps working offline.',
  );

/**
 * Sync runs: one profile or many side by side, nearest deadline first, each sending its outbox
 * and then, once per client per run, reading the accepted year's obligations (one request) and,
 * at most once a day, the estimate. Nothing else is asked of HMRC: the review compared HMRC's
 * copy before approval, the frozen payload is sent unchanged, and a resend after a crash is
 * safe because the cumulative PUT is idempotent (reference §3.5). A queued retry is scheduled
 * for when HMRC said to come back. A run can be cancelled; a profile is never in two runs at once.
 */
export interface SyncRuns {
  /** Starts a run (throws OFFLINE when offline); `done` resolves when every profile has ended. */
  start: (
    profileIds: string[],
    options: RunOptions,
  ) => { run: RunProgress; done: Promise<SyncRunView> };
  isSyncing(profileId: string): boolean;
  /** Profiles (not archived, with an account) that have updates waiting, filtered. */
  profilesWithQueued: (filter: (p: Profile) => boolean) => string[];
  /** Resolves when no run is in progress. */
  idle(): Promise<void>;
  dispose(): void;
}

export function createSyncRuns(deps: {
  profiles: SyncProfilesPort & {
    get(profileId: string): Profile | undefined;
    list(): Profile[];
  };
  accountLinked: (accountId: string) => boolean;
  network: NetworkStatus;
  anchors: LogAnchors;
  clock: Clock;
  logger: Logger;
  emitProgress?: (run: SyncRunView) => void;
  emitChanged?: (profileId: string) => void;
  profileConcurrency?: number;
  groupConcurrency?: number;
  queuedCount: (profileId: string) => number;
  getEstimate: (profile: Profile, taxYear: string, signal?: AbortSignal) => Promise<EstimateView>;
  /** Other capabilities' outboxes, sent after the quarterly items (extra-outbox.ts). */
  extraOutboxes?: readonly ExtraOutbox[];
}): SyncRuns {
  const { anchors } = deps;
  const nowIso = () => deps.clock.now().toISOString();
  const syncing = new Set<string>();
  const runs = new Set<Promise<unknown>>();
  const active = new Set<RunProgress>();
  const retryTimers = new Map<string, ReturnType<typeof setTimeout>>();
  let disposed = false;

  /** One profile within a run: send, then refresh obligations and ask for an estimate. */
  const runProfile = async (
    run: RunProgress,
    profileId: string,
    options: RunOptions,
  ): Promise<void> => {
    const profile = deps.profiles.get(profileId);
    if (!profile) {
      run.update(profileId, {
        state: 'failed',
        message: 'This profile is no longer in Ledgerlink.',
      });
      return;
    }
    if (syncing.has(profileId)) {
      run.update(profileId, { state: 'queued', message: 'Already being synced by another run.' });
      return;
    }
    if (run.controller.signal.aborted) {
      run.update(profileId, { state: 'cancelled' });
      return;
    }
    syncing.add(profileId);
    run.update(profileId, { state: 'syncing' });
    deps.emitChanged?.(profileId);
    try {
      const result = await syncProfileOutbox(
        {
          profiles: deps.profiles,
          accountLinked: deps.accountLinked,
          anchors,
          now: () => deps.clock.now(),
          logger: deps.logger,
          ...(deps.groupConcurrency ? { groupConcurrency: deps.groupConcurrency } : {}),
        },
        profileId,
        {
          signal: run.controller.signal,
          ...(options.govTestScenario ? { govTestScenario: options.govTestScenario } : {}),
          onItem: (_item, outcome) => {
            if (outcome === 'accepted') run.count('accepted', profileId);
            else if (outcome === 'queued' || outcome === 'cancelled' || outcome === 'needs-relink')
              run.count('queued', profileId);
            else if (outcome === 'failed' || outcome === 'stale') run.count('failed', profileId);
            deps.emitChanged?.(profileId);
          },
        },
      );
      for (const extra of deps.extraOutboxes ?? []) {
        if (run.controller.signal.aborted) break;
        mergeSyncResults(
          result,
          await extra.send(profileId, {
            signal: run.controller.signal,
            onItem: (outcome) => {
              if (outcome === 'accepted') run.count('accepted', profileId);
              else if (outcome === 'failed') run.count('failed', profileId);
              else run.count('queued', profileId);
              deps.emitChanged?.(profileId);
            },
          }),
        );
      }
      let outcome = outcomeText(result);
      if (result.accepted > 0 && !run.controller.signal.aborted) {
        const year = [...result.acceptedTaxYears].sort().at(-1)!;
        if (options.refreshObligations !== false) {
          try {
            await deps.profiles.refreshYearObligations(profileId, year);
          } catch (error) {
            deps.logger.warn('Obligations could not be refreshed after a sync', {
              profileId,
              error: String(error),
            });
            outcome +=
              ' HMRC’s list of deadlines could not be refreshed; it will be on the next check.';
          }
        }
        if (
          options.estimate !== false &&
          estimatePermission(profile).allowed &&
          estimateDueAfterSync(
            profileSyncState(deps.profiles.ledger(profileId).database).estimate(year),
            deps.clock.now(),
          )
        ) {
          try {
            await deps.getEstimate(profile, year, run.controller.signal);
          } catch (error) {
            deps.logger.warn('The estimate could not be fetched after a sync', {
              profileId,
              error: String(error),
            });
          }
        }
      }
      profileSyncState(deps.profiles.ledger(profileId).database).setLastSync({
        at: nowIso(),
        outcome,
      });
      const problem = result.firstProblem?.message;
      run.update(profileId, {
        state: runStateOf(result),
        message: (problem ? `${outcome} ${problem}` : outcome).slice(0, 2000),
        ...(result.firstProblem
          ? {
              problem: `${result.firstProblem.message} ${result.firstProblem.action}`.slice(
                0,
                2000,
              ),
            }
          : {}),
      });
      scheduleRetry(profileId);
    } catch (error) {
      const message =
        error instanceof AppError
          ? `${error.message} ${error.action}`
          : 'Something went wrong; nothing was lost.';
      if (!(error instanceof AppError))
        deps.logger.error('Sync of a profile failed', { profileId, error: String(error) });
      run.update(profileId, {
        state: 'failed',
        message: message.slice(0, 2000),
        problem: message.slice(0, 2000),
      });
    } finally {
      syncing.delete(profileId);
      deps.emitChanged?.(profileId);
    }
  };

  const startRun = (
    profileIds: string[],
    options: RunOptions,
  ): { run: RunProgress; done: Promise<SyncRunView> } => {
    if (!deps.network.isOnline()) throw offline();
    const unique = byNearestDeadline([...new Set(profileIds)], (id) => deps.profiles.get(id));
    // Several clients at once: each estimate waits until someone asks (or the client's own sync).
    const runOptions: RunOptions =
      unique.length > 1 && options.estimate === undefined
        ? { ...options, estimate: false }
        : options;
    const run = createRunProgress({
      clients: unique.map((id) => ({
        profileId: id,
        name: deps.profiles.get(id)?.name ?? 'Unknown profile',
      })),
      now: () => deps.clock.now(),
      emit: (view) => deps.emitProgress?.(view),
    });
    for (const id of unique) {
      try {
        run.addTotal(deps.queuedCount(id));
      } catch {
        // An unknown profile is reported when its turn comes.
      }
    }
    const queue = [...unique];
    const width = Math.max(1, deps.profileConcurrency ?? 3);
    const done = (async () => {
      await Promise.all(
        Array.from({ length: Math.min(width, queue.length) }, async () => {
          for (let id = queue.shift(); id; id = queue.shift())
            await runProfile(run, id, runOptions);
        }),
      );
      const accepted = run.view().accepted;
      return run.finish(accepted > 0 ? RECEIVED_DELAY_NOTE : undefined);
    })();
    active.add(run);
    const tracked = done.finally(() => {
      runs.delete(tracked);
      active.delete(run);
    });
    runs.add(tracked);
    return { run, done };
  };

  const scheduleRetry = (profileId: string) => {
    if (disposed) return;
    const outbox = createOutboxStore(deps.profiles.ledger(profileId).database);
    const next = outbox
      .list({ states: ['approved'] })
      .map((i) => i.nextRetryAt)
      .filter((t): t is string => !!t)
      .sort()[0];
    const existing = retryTimers.get(profileId);
    if (existing) clearTimeout(existing);
    retryTimers.delete(profileId);
    if (!next) return;
    const delay = Math.max(1_000, Date.parse(next) - deps.clock.now().getTime());
    const timer = setTimeout(() => {
      retryTimers.delete(profileId);
      if (disposed || !deps.network.isOnline() || syncing.has(profileId)) return;
      try {
        startRun([profileId], {});
      } catch (error) {
        deps.logger.warn('A queued retry could not start', { profileId, error: String(error) });
      }
    }, delay);
    timer.unref?.();
    retryTimers.set(profileId, timer);
  };

  const profilesWithQueued = (filter: (p: Profile) => boolean) =>
    deps.profiles
      .list()
      .filter((p) => !p.archivedAt && p.accountId && filter(p))
      .filter((p) => {
        try {
          return deps.queuedCount(p.id) > 0;
        } catch {
          return false;
        }
      })
      .map((p) => p.id);

  return {
    start: startRun,
    isSyncing: (profileId) => syncing.has(profileId),
    profilesWithQueued,
    async idle() {
      while (runs.size > 0) await Promise.allSettled([...runs]);
    },
    dispose() {
      disposed = true;
      for (const t of retryTimers.values()) clearTimeout(t);
      retryTimers.clear();
      for (const run of active) run.controller.abort(new Error('closing'));
    },
  };
}
