import { formatNino } from '@shared/domain/nino';
import { actionPermission, type AgentAction } from '@shared/domain/agent-permissions';
import type { HmrcApi } from '../hmrc/api-versions';
import type { HmrcAccountClient } from '../hmrc/hmrc-service';
import type { HmrcTransport } from '../hmrc/hmrc-http-client';
import { AppError } from '../ipc/app-error';
import type { Profile } from './profile-record';

/**
 * Supporting agents are refused by HMRC for calculations, the final declaration, the
 * accounting type, savings, dividends, pension contributions and Gift Aid, and allowed losses,
 * adjustable summaries and BISS (reference §2.10, SOURCES.md "Supporting agents",
 * agent-permissions.ts). The renderer disables those actions up front; this is
 * the same rule in the main process, applied before anything is sent, so a request that
 * slipped through still never reaches HMRC to come back as a 403.
 */

/** What a request to HMRC does for the client, or that it is not about a client's data. */
type RequestAction = AgentAction | 'not-client-data';

/**
 * Every API Ledgerlink calls, decided: a Record over `HmrcApi`, so an API added later does not
 * compile until someone says which action it is (the allow-list principle of
 * agent-permissions.ts, applied to requests as well as to screens).
 */
const ACTION_OF_API: Record<HmrcApi, (template: string) => RequestAction> = {
  'business-details': (t) =>
    t.includes('/accounting-type') ? 'accounting-type' : 'business-details',
  obligations: () => 'obligations',
  'self-employment-business': (t) =>
    t.includes('/annual/') ? 'annual-figures' : 'quarterly-updates',
  'property-business': (t) => (t.includes('/annual/') ? 'annual-figures' : 'quarterly-updates'),
  'individual-details': () => 'itsa-status',
  'individual-calculations': (t) =>
    /\/\{calculationId\}\/(final-declaration|confirm-amendment)$/.test(t)
      ? 'final-declaration'
      : 'calculations',
  'savings-income': () => 'savings',
  'dividends-income': () => 'dividends',
  // Relief investments, other and foreign reliefs are allowed to supporting agents by HMRC,
  // but Ledgerlink does not send them: only the two it sends are named.
  reliefs: (t) =>
    t.includes('/pensions/')
      ? 'pension-relief'
      : t.includes('/charitable-giving/')
        ? 'charitable-giving'
        : 'not-client-data',
  'individual-losses': () => 'losses',
  'individual-losses-6': () => 'losses',
  'business-source-adjustable-summary': () => 'adjustments',
  'business-income-source-summary': () => 'adjustments',
  // The agent's own relationships with clients, and the sandbox's header check.
  'agent-authorisation': () => 'not-client-data',
  'agent-authorisation-deauthorise': () => 'not-client-data',
  'test-fraud-prevention-headers': () => 'not-client-data',
};

/** The action an HMRC request takes for a client. */
export function requestActionOf(request: { api: HmrcApi; template: string }): RequestAction {
  return ACTION_OF_API[request.api](request.template);
}

/** Which action an HMRC request is that a supporting agent may not take, if any. */
export function restrictedActionOf(request: {
  api: HmrcApi;
  template: string;
}): AgentAction | undefined {
  const action = requestActionOf(request);
  if (action === 'not-client-data') return undefined;
  return actionPermission('supporting', action).allowed ? undefined : action;
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
      if (action) return Promise.reject(supportingAgentRefusal(profile, action));
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
