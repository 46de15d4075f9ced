import { actionPermission } from '@shared/domain/agent-permissions';
import { ukDateOf } from '@shared/domain/tax-year';
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
 * Whether a sync that HMRC accepted should also ask for the in-year estimate: at most once per
 * client per UK day. Each estimate is a trigger and one or more retrieves against HMRC's rate
 * limit for the whole application (reference §3.7); the figure moves little within a day, and
 * the person can always ask for a new one. Any estimate kept from today counts, ready or not.
 */
export function estimateDueAfterSync(
  kept: Pick<EstimateView, 'requestedAt'> | undefined,
  now: Date,
): boolean {
  if (!kept?.requestedAt) return true;
  return ukDateOf(new Date(kept.requestedAt)) !== ukDateOf(now);
}

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
    const explained = explainRefusal(profile, estimate);
    profileSyncState(deps.profiles.ledger(profile.id).database).saveEstimate(explained);
    deps.emitChanged?.(profile.id);
    return explained;
  };

  return { getEstimate };
}

/**
 * HMRC lets this agent send the client's updates but refuses the calculation as "not
 * authorised": a main agent is allowed both, a supporting agent only the updates (reference
 * §2.10), so the likely cause is that the client authorised a SUPPORTING agent while the
 * profile says main. "Not authorised for this client" alone points at the wrong cause.
 */
export function explainRefusal(
  profile: Pick<Profile, 'kind' | 'name' | 'agentRole'>,
  estimate: EstimateView,
): EstimateView {
  if (
    estimate.status !== 'failed' ||
    estimate.error?.code !== 'CLIENT_OR_AGENT_NOT_AUTHORISED' ||
    profile.kind !== 'client' ||
    profile.agentRole !== 'main'
  )
    return estimate;
  return {
    ...estimate,
    error: {
      ...estimate.error,
      message: `HMRC refused the estimate for ${profile.name.slice(0, 200)}. This profile says you are their main agent, but a refusal here usually means the client authorised you as a supporting agent, who may send quarterly updates but not see calculations.`,
      action:
        'Ask the client which kind of agent they authorised. If supporting, change the role on their profile; if they meant main, ask them to authorise you as main agent with HMRC.',
    },
  };
}
