import { taxYearOf, ukDateOf } from '@shared/domain/tax-year';
import type {
  EstimateView,
  LogCheckView,
  NetworkView,
  ReceiptView,
  SyncRunView,
  SyncStatusView,
} from '@shared/ipc/channels/sync';
import type { Environment } from '@shared/ipc/channels/settings';
import type { Clock } from '../clock/clock';
import { AppError } from '../ipc/app-error';
import type { Logger } from '../logging/logger';
import type { Profile } from '../profiles/profile-record';
import type { KeyValueStore } from '../storage/key-value-store';
import type { ExtraOutbox } from './extra-outbox';
import { createLogAnchors, type LogAnchors } from './log-anchors';
import type { NetworkStatus } from './network-status';
import { createOutboxStore } from './outbox-store';
import type { SyncProfilesPort } from './profile-sync';
import type { RunProgress } from './run-progress';
import { createSubmissionLog } from './submission-log';
import { createEstimates, estimatePermission } from './sync-estimate';
import { createSyncRuns, offline, type RunOptions } from './sync-runs';
import { createSyncViews } from './sync-views';
import { estimateTiming, type EstimateTiming } from './tax-estimate';

export { RECEIVED_DELAY_NOTE, type RunOptions } from './sync-runs';

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
  /** Other capabilities' outboxes, sent by the same run (extra-outbox.ts). */
  extraOutboxes?: readonly ExtraOutbox[];
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
  let lastMany: RunProgress | undefined;
  let disposed = false;

  const syncOnReconnect = () => deps.settingsStore.get<boolean>('syncOnReconnect') === true;
  const networkView = (): NetworkView => ({
    online: deps.network.isOnline(),
    syncOnReconnect: syncOnReconnect(),
  });

  const { getEstimate } = createEstimates({
    profiles: deps.profiles,
    clock: deps.clock,
    sleep,
    timing,
    ...(deps.emitChanged ? { emitChanged: deps.emitChanged } : {}),
  });
  const runs = createSyncRuns({
    profiles: deps.profiles,
    accountLinked: deps.accountLinked,
    network: deps.network,
    anchors,
    clock: deps.clock,
    logger: deps.logger,
    ...(deps.emitProgress ? { emitProgress: deps.emitProgress } : {}),
    ...(deps.emitChanged ? { emitChanged: deps.emitChanged } : {}),
    ...(deps.profileConcurrency ? { profileConcurrency: deps.profileConcurrency } : {}),
    ...(deps.groupConcurrency ? { groupConcurrency: deps.groupConcurrency } : {}),
    queuedCount: (profileId) =>
      views.queuedCount(profileId) +
      (deps.extraOutboxes ?? []).reduce((n, extra) => n + extra.queued(profileId), 0),
    ...(deps.extraOutboxes ? { extraOutboxes: deps.extraOutboxes } : {}),
    getEstimate,
  });
  const views = createSyncViews({
    profiles: deps.profiles,
    network: deps.network,
    anchors,
    nowIso,
    isSyncing: (profileId) => runs.isSyncing(profileId),
  });
  // Items waiting in other capabilities' outboxes count as queued too: Sync now sends them.
  const status = (profileId: string): SyncStatusView => {
    const view = views.status(profileId);
    const extra = (deps.extraOutboxes ?? []).reduce((n, o) => n + o.queued(profileId), 0);
    return extra === 0
      ? view
      : { ...view, counts: { ...view.counts, queued: view.counts.queued + extra } };
  };
  const startRun = runs.start;
  const profilesWithQueued = runs.profilesWithQueued;

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

    receipts: (profileId, limit) => views.receipts(profileId, limit),
    verifyLog: (profileId) => views.verifyLog(profileId),

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

    idle: () => runs.idle(),

    dispose() {
      disposed = true;
      stopNetwork();
      runs.dispose();
    },
  };
  return service;
}
