import type { IpcRouter } from '../ipc/ipc-router';
import type { SyncService } from './sync-service';

/** The `sync.*` channels (src/shared/ipc/channels/sync.ts). */
export function registerSyncIpc(router: IpcRouter, sync: SyncService): void {
  router.handle('sync.status', ({ profileId }) => sync.status(profileId));
  router.handle('sync.now', ({ profileId }) => sync.syncNow(profileId));
  router.handle('sync.many', ({ profileIds }) => sync.syncMany(profileIds));
  router.handle('sync.cancel', ({ runId }) => sync.cancel(runId));
  router.handle('sync.run', () => sync.currentRun());
  router.handle('sync.discard', ({ profileId, outboxId }) => sync.discard(profileId, outboxId));
  router.handle('sync.receipts', ({ profileId, limit }) => sync.receipts(profileId, limit));
  router.handle('sync.verifyLog', ({ profileId }) => sync.verifyLog(profileId));
  router.handle('sync.estimate', ({ profileId, taxYear }) => sync.estimate(profileId, taxYear));
  router.handle('sync.network', () => sync.network());
  router.handle('sync.setSyncOnReconnect', ({ enabled }) => sync.setSyncOnReconnect(enabled));
}
