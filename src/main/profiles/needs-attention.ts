import type { AgentRole } from '@shared/domain/agent-permissions';
import type { OverviewStatus } from '@shared/ipc/channels/profiles';
import type { HmrcAccount } from '../auth/hmrc-accounts';
import type { Profile } from './profile-record';

/** The role HMRC's relationship check last gave for a client ('none': no authority). */
export type HmrcRoleAnswer = AgentRole | 'none';

const ROLE_WORDS: Record<AgentRole, string> = {
  main: 'the main agent',
  supporting: 'the supporting agent',
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Why a client needs the agent now, in a few words each and the most pressing first, from what
 * the registry already holds (HMRC's last answer, the account, what the last sync left): no
 * ledger opened, so it costs nothing per client in a thousand-client overview.
 */
export function needsAttention(
  profile: Pick<Profile, 'accountId' | 'hmrc' | 'agentRole'>,
  account: Pick<HmrcAccount, 'status'> | null,
  status: OverviewStatus,
  hmrcRole?: HmrcRoleAnswer,
): string[] {
  const reasons: string[] = [];
  // An account unlinked since (accountId kept, no account) shows on the profile's own page.
  if (!profile.accountId) reasons.push('No HMRC account chosen');
  else if (account?.status === 'relink-needed') reasons.push('Link to HMRC again');
  if (status === 'not-authorised') reasons.push('Client has not authorised you');
  if (status === 'not-signed-up') reasons.push('Not signed up to Making Tax Digital');
  // The typed role decides what Ledgerlink offers; HMRC's decides what HMRC allows (a
  // supporting agent is refused the calculation and the final declaration), so a difference
  // is something to fix on the Clients page before it shows up as a refusal.
  if ((hmrcRole === 'main' || hmrcRole === 'supporting') && profile.agentRole !== hmrcRole)
    reasons.push(
      `HMRC says you are ${ROLE_WORDS[hmrcRole]}, ${
        profile.agentRole ? `not ${ROLE_WORDS[profile.agentRole]}` : 'but the profile has no role'
      }`,
    );
  if (status === 'overdue') reasons.push('Overdue update');
  const sync = profile.hmrc.sync;
  if (sync?.refused)
    reasons.push(plural(sync.refused, 'update refused by HMRC', 'updates refused by HMRC'));
  if (sync?.needsRelink)
    reasons.push(
      plural(sync.needsRelink, 'update waiting for a re-link', 'updates waiting for a re-link'),
    );
  // "Deadlines", not "not checked": HMRC may well have answered about authority already, and
  // the overview shows that answer's time as "HMRC last checked" on the same line.
  if (status === 'not-checked' && profile.accountId) reasons.push('Deadlines not read from HMRC');
  return reasons;
}
