import { formatNino } from '@shared/domain/nino';
import type { AgentRole } from '@shared/domain/agent-permissions';
import type { RelationshipStatus } from '@shared/ipc/channels/agents';

/**
 * The role an agent typed on a client profile is a hint; HMRC's relationship check is the
 * answer (reference §2.10: a client authorises a main or a supporting agent, and HMRC's ITSA
 * APIs grant what that role allows). This decides what the Clients page says about a client.
 */
export type HmrcRole = AgentRole | 'none';

export interface Reconciled {
  status: RelationshipStatus;
  message: string;
}

export function reconcileRole(input: {
  name: string;
  nino: string;
  typedRole: AgentRole | null;
  postcode: string | null;
  hmrcRole: HmrcRole | null;
  pendingInvitation: boolean;
}): Reconciled {
  const who = `${input.name} (${formatNino(input.nino)})`;
  if (input.hmrcRole === null) {
    if (!input.postcode)
      return {
        status: 'needs-postcode',
        message: `Enter ${input.name}’s postcode (as HMRC holds it) so Ledgerlink can ask HMRC which role you have.`,
      };
    return {
      status: 'unchecked',
      message: `Not checked with HMRC yet. The role on the profile (${input.typedRole ?? 'none'}) is what you typed.`,
    };
  }
  if (input.hmrcRole === 'none')
    return {
      status: 'not-authorised',
      message: input.pendingInvitation
        ? `HMRC says you are not authorised for ${who} yet. Your request is waiting for their answer.`
        : `HMRC says you are not authorised for ${who}. Ask them for authority.`,
    };
  const hmrc = input.hmrcRole === 'main' ? 'main agent' : 'supporting agent';
  if (input.typedRole !== input.hmrcRole)
    return {
      status: 'mismatch',
      message: `HMRC says you are ${who}’s ${hmrc}, but the profile says ${input.typedRole ?? 'no role'}. Use HMRC’s role so Ledgerlink offers what HMRC allows.`,
    };
  return {
    status: 'confirmed',
    message:
      input.hmrcRole === 'main'
        ? `HMRC confirms you are ${who}’s main agent.`
        : `HMRC confirms you are ${who}’s supporting agent: HMRC does not let you see calculations or make the final declaration.`,
  };
}
