import type { SqliteDatabase } from '../ledger';
import { createOutboxStore } from '../sync/outbox-store';
import { profileSyncState } from '../sync/profile-sync-state';
import type { ProfileSyncSummary } from './profile-record';

/**
 * What the agent overview needs from one ledger's sync tables: when its last run finished and
 * what is stuck in its outbox. Read when a sync changes the ledger (it is open then), so the
 * overview reads it from the registry and never opens the ledger itself.
 */
export function readSyncSummary(db: SqliteDatabase): ProfileSyncSummary {
  const last = profileSyncState(db).lastSync();
  const counts = createOutboxStore(db).counts();
  return {
    ...(last ? { lastSyncedAt: last.at } : {}),
    refused: counts.failed + counts.stale,
    needsRelink: counts['needs-relink'],
  };
}

export const sameSyncSummary = (a: ProfileSyncSummary | undefined, b: ProfileSyncSummary) =>
  !!a &&
  a.lastSyncedAt === b.lastSyncedAt &&
  a.refused === b.refused &&
  a.needsRelink === b.needsRelink;
