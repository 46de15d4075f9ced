import { formatNino } from '@shared/domain/nino';
import { actionPermission, type AgentAction } from '@shared/domain/agent-permissions';
import type { HmrcApi } from '../hmrc/api-versions';
import type { HmrcAccountClient } from '../hmrc/hmrc-service';
import type { HmrcTransport } from '../hmrc/hmrc-http-client';
import { AppError } from '../ipc/app-error';
import type { Profile } from './profile-record';

/**
 * Supporting agents are refused by HMRC for calculations, the final declaration, the
 * accounting type, savings, dividends, pension contributions and Gift Aid (reference §2.10,
 * agent-permissions.ts). The renderer disables those actions up front; this is
 * the same rule in the main process, applied before anything is sent, so a request that
 * slipped through still never reaches HMRC to come back as a 403.
 */

/** Which restricted action an HMRC request is, if any. */
export function restrictedActionOf(request: {
  api: HmrcApi;
  template: string;
}): AgentAction | undefined {
  if (request.api === 'savings-income') return 'savings';
  if (request.api === 'dividends-income') return 'dividends';
  if (request.api === 'reliefs') {
    if (request.template.includes('/pensions/')) return 'pension-relief';
    if (request.template.includes('/charitable-giving/')) return 'charitable-giving';
  }
  if (request.api === 'individual-calculations') {
    return /\/\{calculationId\}\/(final-declaration|confirm-amendment)$/.test(request.template)
      ? 'final-declaration'
      : 'calculations';
  }
  if (request.api === 'business-details' && request.template.includes('/accounting-type')) {
    return 'accounting-type';
  }
  return undefined;
}

export function supportingAgentRefusal(
  profile: Pick<Profile, 'name' | 'nino'>,
  action: AgentAction,
): AppError {
  const permission = actionPermission('supporting', action);
  const reason = permission.allowed ? '' : permission.reason;
  return new AppError(
    'SUPPORTING_AGENT_NOT_ALLOWED',
    `You are ${profile.name}’s supporting agent (${formatNino(profile.nino)}). ${reason}`,
    'Nothing was sent to HMRC. If you have become the main agent, change the role on the profile.',
  );
}

/** Throws SUPPORTING_AGENT_NOT_ALLOWED when the profile's agent may not take the action. */
export function assertAllowed(profile: Profile, action: AgentAction): void {
  const role = profile.kind === 'client' ? profile.agentRole : undefined;
  if (!actionPermission(role, action).allowed) throw supportingAgentRefusal(profile, action);
}

/**
 * The account's HMRC client with the profile's limits built in: the restricted endpoints
 * (and any request a later feature sends through `transport`) fail before sending.
 */
export function guardedClient(profile: Profile, client: HmrcAccountClient): HmrcAccountClient {
  if (profile.kind !== 'client' || profile.agentRole !== 'supporting') return client;
  const refuse = (action: AgentAction) => () =>
    Promise.reject(supportingAgentRefusal(profile, action));
  const transport: HmrcTransport = {
    accountId: client.transport.accountId,
    environment: client.transport.environment,
    send(request, options) {
      const action = restrictedActionOf(request);
      if (action && !actionPermission('supporting', action).allowed)
        return Promise.reject(supportingAgentRefusal(profile, action));
      return client.transport.send(request, options);
    },
  };
  return {
    ...client,
    transport,
    calculations: {
      trigger: refuse('calculations'),
      list: refuse('calculations'),
      retrieve: refuse('calculations'),
      submitFinalDeclaration: refuse('final-declaration'),
    },
  };
}
