import type { ProfileSyncResult } from './profile-sync';

/**
 * An outbox kept by another capability in the profile's ledger (submissions with no business
 * row, such as savings interest or Gift Aid), sent by the same sync run after the quarterly
 * items: "Sync now" sends everything the person approved.
 */
export interface ExtraOutbox {
  /** Items waiting to be sent for the profile. */
  queued(profileId: string): number;
  send(
    profileId: string,
    ctx: {
      signal?: AbortSignal;
      onItem?: (outcome: 'accepted' | 'queued' | 'failed' | 'needs-relink' | 'cancelled') => void;
    },
  ): Promise<Omit<ProfileSyncResult, 'stale'>>;
}

/** Adds an extra outbox's counts to the run's result for the profile. */
export function mergeSyncResults(
  into: ProfileSyncResult,
  extra: Omit<ProfileSyncResult, 'stale'>,
): void {
  into.total += extra.total;
  into.accepted += extra.accepted;
  into.queued += extra.queued;
  into.failed += extra.failed;
  into.needsRelink += extra.needsRelink;
  into.cancelled ||= extra.cancelled;
  for (const y of extra.acceptedTaxYears)
    if (!into.acceptedTaxYears.includes(y)) into.acceptedTaxYears.push(y);
  if (!into.firstProblem && extra.firstProblem) into.firstProblem = extra.firstProblem;
}
