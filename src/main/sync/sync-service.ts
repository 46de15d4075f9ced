import { actionPermission } from '../../shared/domain/agent-permissions';
import { taxYearOf, ukDateOf } from '../../shared/domain/tax-year';
import type {
  EstimateView,
  LogCheckView,
  NetworkView,
  OutboxItemView,
  ReceiptView,
  SyncRunView,
  SyncStatusView,
} from '../../shared/ipc/channels/sync';
import type { Environment } from '../../shared/ipc/channels/settings';
import type { Clock } from '../clock/clock';
import { AppError } from '../ipc/app-error';
import type { Logger } from '../logging/logger';
import type { Profile } from '../profiles/profile-record';
import type { KeyValueStore } from '../storage/key-value-store';
import { createLogAnchors, type LogAnchors } from './log-anchors';
import type { NetworkStatus } from './network-status';
import { createOutboxStore } from './outbox-store';
import { syncProfileOutbox, type ProfileSyncResult, type SyncProfilesPort } from './profile-sync';
import { profileSyncState } from './profile-sync-state';
import { createRunProgress, type RunProgress } from './run-progress';
import { markStaleApprovals } from './staleness';
import { createSubmissionLog } from './submission-log';
import { estimateTiming, fetchEstimate, type EstimateTiming } from './tax-estimate';

/** After a sync HMRC may take up to an hour to show the obligation as met (reference §5.2). */
export const RECEIVED_DELAY_NOTE =
  'HMRC may take up to an hour to show an update as received. Your receipts below are your proof that HMRC accepted it.';

export interface SyncServiceDeps {
  profiles: SyncProfilesPort & {
    get(profileId: string): Profile | undefined;
    list(): Profile[];
  };
  /** Whether an HMRC account is linked now (status 'linked' or session-only). */
  accountLinked: (accountId: string) => boolean;
  network: NetworkStatus;
  /** Outside the ledger files: the log anchors and the "sync when back online" choice. */
  anchorStore: KeyValueStore;
  settingsStore: KeyValueStore;
  clock: Clock;
  logger: Logger;
  sleep?: (ms: number) => Promise<void>;
  estimateTiming?: (environment: Environment) => EstimateTiming;
  emitProgress?: (run: SyncRunView) => void;
  emitChanged?: (profileId: string) => void;
  emitNetwork?: (view: NetworkView) => void;
  /** Clients synced side by side (each sends its businesses two at a time). */
  profileConcurrency?: number;
  groupConcurrency?: number;
}

export interface RunOptions {
  /** Ask HMRC for a new estimate after an accepted update (default true). */
  estimate?: boolean;
  /** Refresh obligations after an accepted update (default true). */
  refreshObligations?: boolean;
  /**
   * HMRC sandbox and Practice only: ask for one of HMRC's canned outcomes on every PUT
   * (`Gov-Test-Scenario`, reference §3.8) — how each business rule's refusal is tried out.
   */
  govTestScenario?: string;
}

export interface SyncService {
  status(profileId: string): SyncStatusView;
  /** Syncs one profile and resolves when done. Throws OFFLINE when offline. */
  syncNow(profileId: string, options?: RunOptions): Promise<SyncRunView>;
  /** Starts a run over many profiles (default: every client with queued updates); returns at once. */
  syncMany(profileIds?: string[], options?: RunOptions): SyncRunView;
  /** The same, resolving when the run ends (tests, the benchmark). */
  runMany(profileIds: string[], options?: RunOptions): Promise<SyncRunView>;
  cancel(runId: string): SyncRunView | null;
  currentRun(): SyncRunView | null;
  discard(profileId: string, outboxId: number): SyncStatusView;
  receipts(profileId: string, limit?: number): ReceiptView[];
  verifyLog(profileId?: string): LogCheckView[];
  estimate(profileId: string, taxYear?: string): Promise<EstimateView>;
  network(): NetworkView;
  setSyncOnReconnect(enabled: boolean): NetworkView;
  /** Resolves when no run is in progress. */
  idle(): Promise<void>;
  dispose(): void;
}

const offline = () =>
  new AppError(
    'OFFLINE',
    'This computer is offline, so nothing can be sent to HMRC now. Your approved updates are kept in the outbox.',
    'Connect to the internet, then select Sync now. Everything else in Ledgerlink keeps working offline.',
  );

const realSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    t.unref?.();
  });

export function createSyncService(deps: SyncServiceDeps): SyncService {
  const anchors: LogAnchors = createLogAnchors(deps.anchorStore);
  const sleep = deps.sleep ?? realSleep;
  const timing = deps.estimateTiming ?? estimateTiming;
  const nowIso = () => deps.clock.now().toISOString();
  const syncing = new Set<string>();
  const runs = new Set<Promise<unknown>>();
  const active = new Set<RunProgress>();
  const retryTimers = new Map<string, ReturnType<typeof setTimeout>>();
  let lastMany: RunProgress | undefined;
  let disposed = false;

  const syncOnReconnect = () => deps.settingsStore.get<boolean>('syncOnReconnect') === true;
  const networkView = (): NetworkView => ({
    online: deps.network.isOnline(),
    syncOnReconnect: syncOnReconnect(),
  });

  const estimatePermission = (profile: Profile) =>
    actionPermission(profile.kind === 'client' ? profile.agentRole : undefined, 'calculations');

  const businessNames = (profileId: string) =>
    new Map(
      deps.profiles
        .ledger(profileId)
        .businesses.list({ includeArchived: true })
        .map((b) => [b.id, b.name]),
    );

  const queuedCount = (profileId: string) => {
    const outbox = createOutboxStore(deps.profiles.ledger(profileId).database);
    const counts = outbox.counts();
    return counts.approved + counts.sending + counts['needs-relink'];
  };

  const status = (profileId: string): SyncStatusView => {
    const profile = deps.profiles.require(profileId);
    const ledger = deps.profiles.ledger(profileId);
    const outbox = createOutboxStore(ledger.database);
    const log = createSubmissionLog(ledger.database);
    const state = profileSyncState(ledger.database);
    markStaleApprovals(ledger, outbox, nowIso());
    const names = businessNames(profileId);
    const items: OutboxItemView[] = outbox
      .list({ limit: 200 })
      .filter((i) => i.state !== 'superseded')
      .map((i) => {
        const receipt = i.state === 'accepted' ? log.forOutbox(i.id) : undefined;
        return {
          id: i.id,
          businessId: i.businessId,
          businessName: (names.get(i.businessId) ?? 'Business').slice(0, 200),
          hmrcBusinessId: i.hmrcBusinessId,
          kind: i.kind,
          taxYear: i.taxYear,
          periodStart: i.periodStart,
          periodEnd: i.periodEnd,
          state: i.state,
          approvedAt: i.approvedAt,
          payloadHash: i.payloadHash,
          attempts: i.attempts,
          ...(i.nextRetryAt && i.state === 'approved' ? { nextRetryAt: i.nextRetryAt } : {}),
          ...(i.error && i.state !== 'accepted' ? { error: clip(i.error) } : {}),
          ...(i.acceptedAt ? { acceptedAt: i.acceptedAt } : {}),
          ...(i.state === 'accepted' && i.correlationId
            ? { correlationId: i.correlationId.slice(0, 100) }
            : {}),
          ...(receipt ? { receiptSeq: receipt.seq } : {}),
        };
      });
    const counts = outbox.counts();
    const last = state.lastSync();
    const permission = estimatePermission(profile);
    const estimate = state.estimate();
    return {
      profileId,
      profileName: profile.name,
      online: deps.network.isOnline(),
      running: syncing.has(profileId),
      ...(last ? { lastSyncedAt: last.at, lastOutcome: last.outcome } : {}),
      counts: {
        queued: counts.approved + counts.sending,
        failed: counts.failed,
        needsRelink: counts['needs-relink'],
        stale: counts.stale,
        accepted: counts.accepted,
      },
      items,
      ...(estimate ? { estimate } : {}),
      estimateAllowed: permission.allowed,
      ...(permission.allowed ? {} : { estimateReason: permission.reason }),
    };
  };

  const outcomeText = (r: ProfileSyncResult): string => {
    if (r.total === 0) return 'There was nothing to send.';
    const parts = [
      `${r.accepted} of ${r.total} ${r.total === 1 ? 'update' : 'updates'} accepted by HMRC`,
    ];
    if (r.queued) parts.push(`${r.queued} queued to try again`);
    if (r.failed) parts.push(`${r.failed} refused by HMRC and kept for correction`);
    if (r.needsRelink) parts.push(`${r.needsRelink} waiting for you to link to HMRC again`);
    if (r.stale) parts.push(`${r.stale} to review again because the records changed`);
    if (r.cancelled) parts.push('the sync was stopped');
    return `${parts.join('; ')}.`;
  };

  const getEstimate = async (
    profile: Profile,
    taxYear: string,
    signal?: AbortSignal,
  ): Promise<EstimateView> => {
    const permission = estimatePermission(profile);
    if (!permission.allowed) {
      return {
        profileId: profile.id,
        taxYear,
        status: 'not-allowed',
        messages: [],
        reason: permission.reason,
      };
    }
    const { client, nino } = deps.profiles.hmrcFor(profile.id);
    const estimate = await fetchEstimate({
      client,
      profileId: profile.id,
      nino,
      taxYear,
      timing: timing(profile.environment),
      now: () => deps.clock.now(),
      sleep,
      ...(signal ? { signal } : {}),
    });
    profileSyncState(deps.profiles.ledger(profile.id).database).saveEstimate(estimate);
    deps.emitChanged?.(profile.id);
    return estimate;
  };

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
      let outcome = outcomeText(result);
      if (result.accepted > 0 && !run.controller.signal.aborted) {
        if (options.refreshObligations !== false) {
          try {
            await deps.profiles.refresh(profileId);
          } catch (error) {
            deps.logger.warn('Obligations could not be refreshed after a sync', {
              profileId,
              error: String(error),
            });
            outcome +=
              ' HMRC’s list of deadlines could not be refreshed; it will be on the next check.';
          }
        }
        if (options.estimate !== false && estimatePermission(profile).allowed) {
          const year = [...result.acceptedTaxYears].sort().at(-1)!;
          try {
            await getEstimate(profile, year, run.controller.signal);
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
        state: result.needsRelink
          ? 'needs-relink'
          : result.failed || result.stale
            ? 'failed'
            : result.cancelled
              ? 'cancelled'
              : result.queued
                ? 'queued'
                : result.total === 0
                  ? 'nothing-to-send'
                  : 'done',
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
    const unique = [...new Set(profileIds)];
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
        run.addTotal(queuedCount(id));
      } catch {
        // An unknown profile is reported when its turn comes.
      }
    }
    const queue = [...unique];
    const width = Math.max(1, deps.profileConcurrency ?? 3);
    const done = (async () => {
      await Promise.all(
        Array.from({ length: Math.min(width, queue.length) }, async () => {
          for (let id = queue.shift(); id; id = queue.shift()) await runProfile(run, id, options);
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
          return queuedCount(p.id) > 0;
        } catch {
          return false;
        }
      })
      .map((p) => p.id);

  const stopNetwork = deps.network.onChange((online) => {
    deps.emitNetwork?.(networkView());
    if (!online || !syncOnReconnect() || disposed) return;
    const ids = profilesWithQueued(() => true);
    if (ids.length === 0) return;
    deps.logger.info('Back online: syncing queued updates', { profiles: ids.length });
    try {
      lastMany = startRun(ids, {}).run;
    } catch (error) {
      deps.logger.warn('Sync on reconnect could not start', { error: String(error) });
    }
  });

  const service: SyncService = {
    status,

    async syncNow(profileId, options = {}) {
      deps.profiles.require(profileId);
      return startRun([profileId], options).done;
    },

    syncMany(profileIds, options = {}) {
      const ids = profileIds ?? profilesWithQueued((p) => p.kind === 'client');
      const { run } = startRun(ids, options);
      lastMany = run;
      return run.view();
    },

    async runMany(profileIds, options = {}) {
      const { run, done } = startRun(profileIds, options);
      lastMany = run;
      return done;
    },

    cancel(runId) {
      if (!lastMany || lastMany.runId !== runId) return null;
      lastMany.controller.abort(new Error('cancelled'));
      return lastMany.view();
    },

    currentRun: () => lastMany?.view() ?? null,

    discard(profileId, outboxId) {
      const outbox = createOutboxStore(deps.profiles.ledger(profileId).database);
      const item = outbox.get(outboxId);
      if (!item) {
        throw new AppError(
          'OUTBOX_ITEM_NOT_FOUND',
          'That update is no longer in the outbox.',
          'Look at the outbox again.',
        );
      }
      if (!outbox.discard(outboxId)) {
        throw new AppError(
          'OUTBOX_ITEM_IN_USE',
          item.state === 'accepted'
            ? 'HMRC has accepted this update, so it stays with its receipt.'
            : 'This update is being sent now.',
          'Nothing was removed.',
        );
      }
      deps.emitChanged?.(profileId);
      return status(profileId);
    },

    receipts(profileId, limit = 100) {
      const profile = deps.profiles.require(profileId);
      const ledger = deps.profiles.ledger(profileId);
      const names = businessNames(profileId);
      return createSubmissionLog(ledger.database)
        .list({ limit, newestFirst: true })
        .map((e) => ({
          seq: e.seq,
          recordedAt: e.recordedAt,
          profileId: e.profileId,
          profileName: profile.name,
          environment: e.environment,
          businessName: (names.get(e.businessId) ?? e.hmrcBusinessId).slice(0, 200),
          hmrcBusinessId: e.hmrcBusinessId,
          kind: e.kind,
          taxYear: e.taxYear,
          periodStart: e.periodStart,
          periodEnd: e.periodEnd,
          payloadHash: e.payloadHash,
          correlationId: e.correlationId.slice(0, 100),
          entryHash: e.entryHash,
        }));
    },

    verifyLog(profileId) {
      const profiles = profileId ? [deps.profiles.require(profileId)] : deps.profiles.list();
      return profiles.map((profile) => {
        const log = createSubmissionLog(deps.profiles.ledger(profile.id).database);
        const checked = log.verify();
        const byAnchor = anchors.check(
          profile.id,
          checked.entries,
          (seq) => log.list().find((e) => e.seq === seq)?.entryHash,
        );
        const problems = [...checked.problems, ...byAnchor].slice(0, 200);
        return {
          profileId: profile.id,
          profileName: profile.name,
          entries: checked.entries,
          ok: problems.length === 0,
          ...(checked.entries > 0 ? { headHash: checked.headHash } : {}),
          problems,
        };
      });
    },

    async estimate(profileId, taxYear) {
      const profile = deps.profiles.require(profileId);
      const latest = createSubmissionLog(deps.profiles.ledger(profileId).database).list({
        limit: 1,
        newestFirst: true,
      })[0];
      const year = taxYear ?? latest?.taxYear ?? taxYearOf(ukDateOf(deps.clock.now()));
      if (estimatePermission(profile).allowed && !deps.network.isOnline()) throw offline();
      return getEstimate(profile, year);
    },

    network: networkView,

    setSyncOnReconnect(enabled) {
      deps.settingsStore.set('syncOnReconnect', enabled);
      const view = networkView();
      deps.emitNetwork?.(view);
      return view;
    },

    async idle() {
      while (runs.size > 0) await Promise.allSettled([...runs]);
    },

    dispose() {
      disposed = true;
      stopNetwork();
      for (const t of retryTimers.values()) clearTimeout(t);
      retryTimers.clear();
      for (const run of active) run.controller.abort(new Error('closing'));
    },
  };
  return service;
}

const clip = (e: OutboxItemView['error'] & object): NonNullable<OutboxItemView['error']> => ({
  code: e.code.slice(0, 100),
  message: e.message.slice(0, 2000),
  action: e.action.slice(0, 2000),
  ...(e.correlationId ? { correlationId: e.correlationId.slice(0, 100) } : {}),
  ...(e.fields
    ? {
        fields: e.fields
          .slice(0, 50)
          .map((f) => ({ path: f.path.slice(0, 300), message: f.message.slice(0, 2000) })),
      }
    : {}),
});
