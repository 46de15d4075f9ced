import type { SyncRunView } from '@shared/ipc/channels/sync';
import type { ProfileSyncResult } from './profile-sync';

type ClientRunState = SyncRunView['clients'][number]['state'];

/** One sentence on how a profile's sync went, for the run's progress and its last-sync note. */
export function outcomeText(r: ProfileSyncResult): string {
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
}

/**
 * How a profile's part of a run ended, the most pressing first: waiting for a re-link, then
 * refused or stale, stopped, queued to try again, nothing to send, or done.
 */
export function runStateOf(r: ProfileSyncResult): ClientRunState {
  if (r.needsRelink) return 'needs-relink';
  if (r.failed || r.stale) return 'failed';
  if (r.cancelled) return 'cancelled';
  if (r.queued) return 'queued';
  if (r.total === 0) return 'nothing-to-send';
  return 'done';
}
