import { actionPermission } from '@shared/domain/agent-permissions';
import type { EstimateView } from '@shared/ipc/channels/sync';
import type { Environment } from '@shared/ipc/channels/settings';
import type { Clock } from '../clock/clock';
import type { Profile } from '../profiles/profile-record';
import type { SyncProfilesPort } from './profile-sync';
import { profileSyncState } from './profile-sync-state';
import { fetchEstimate, type EstimateTiming } from './tax-estimate';

/** Whether HMRC lets this profile's agent see the calculation (a supporting agent may not). */
export const estimatePermission = (profile: Profile) =>
  actionPermission(profile.kind === 'client' ? profile.agentRole : undefined, 'calculations');

/**
 * The in-year estimate: HMRC is asked to calculate, the answer awaited and kept in the profile's
 * ledger, and the windows told. Refused without a call where the agent may not see it.
 */
export function createEstimates(deps: {
  profiles: Pick<SyncProfilesPort, 'hmrcFor' | 'ledger'>;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  timing: (environment: Environment) => EstimateTiming;
  emitChanged?: (profileId: string) => void;
}): {
  getEstimate: (profile: Profile, taxYear: string, signal?: AbortSignal) => Promise<EstimateView>;
} {
  const { sleep, timing } = deps;
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

  return { getEstimate };
}
