import { randomInt } from 'node:crypto';
import { addDays, ukDate } from '../tax/dates';
import { type InvitationRecord } from './invitation-model';
import { type AgentRelationship, type PracticeStateData, type UserRecord } from './model';
import { authoriseAgent } from './test-users';

/** Authorisation requests expire 21 days after they are made. [AA application.yaml; invitation-model.ts] */
export const INVITATION_DAYS = 21;

/**
 * Invitation ids: 13 characters from the alphabet HMRC's agent-client-relationships service uses
 * (no vowels that spell words, no 0/O, 1/I confusion), starting with A for MTD-IT. Practice HMRC
 * does not compute HMRC's check characters. [AA application.yaml invitationIdParameter example
 * CS5AK7O8FPC43]
 */
const ALPHABET = 'ABCDEFGHJKLMNOPRSTUWXYZ123456789';

export function newInvitationId(taken: ReadonlySet<string>): string {
  for (;;) {
    let id = 'A';
    while (id.length < 13) id += ALPHABET[randomInt(ALPHABET.length)];
    if (!taken.has(id)) return id;
  }
}

/** The stored status, or Expired once a pending request's expiry date has passed. */
export function statusOf(inv: InvitationRecord, now: number): InvitationRecord['status'] {
  if (inv.status === 'Pending' && ukDate(now) > inv.expiryDate) return 'Expired';
  return inv.status;
}

export function invitationsOf(data: PracticeStateData): InvitationRecord[] {
  data.invitations ??= [];
  return data.invitations;
}

export function createInvitation(
  data: PracticeStateData,
  agent: UserRecord,
  nino: string,
  agentType: AgentRelationship,
  now: number,
): InvitationRecord {
  const list = invitationsOf(data);
  const inv: InvitationRecord = {
    invitationId: newInvitationId(new Set(list.map((i) => i.invitationId))),
    arn: agent.arn as string,
    agentUserId: agent.userId,
    clientId: nino,
    service: 'MTD-IT',
    agentType,
    clientType: 'personal',
    status: 'Pending',
    created: now,
    lastUpdated: now,
    expiryDate: addDays(ukDate(now), INVITATION_DAYS),
  };
  list.push(inv);
  return inv;
}

/**
 * The client's answer. Accepting makes the relationship (a new main agent replaces any other
 * main agent, as HMRC allows one main agent per client). [AA application.yaml; reference §2.10]
 */
export function respondToInvitation(
  data: PracticeStateData,
  inv: InvitationRecord,
  answer: 'Accepted' | 'Rejected',
  now: number,
): void {
  inv.status = answer;
  inv.lastUpdated = now;
  if (answer === 'Accepted') authoriseAgent(data, inv.agentUserId, inv.clientId, inv.agentType);
}
