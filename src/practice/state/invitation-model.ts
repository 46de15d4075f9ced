import { type AgentRelationship } from './stored-values';

/**
 * An authorisation request from an agent to a client (Agent Authorisation API). Practice HMRC
 * keeps what HMRC's agent-client-relationships service keeps for one: who asked whom for which
 * service, the status and when it changed, and the expiry date 21 days after creation.
 * [agent-authorisation-api application.yaml "The request will expire after 21 days";
 * hmrc/agent-client-relationships conf/application.conf invitation.expiryDuration = 21 days,
 * app/.../controllers/ApiCreateInvitationController.scala create]
 */
export interface InvitationRecord {
  /** 13 characters, HMRC's alphabet with a CRC-10 check; first letter A (MTD-IT). */
  invitationId: string;
  arn: string;
  agentUserId: string;
  /** The client's NINO as given (spaces removed). */
  clientId: string;
  service: 'MTD-IT';
  agentType: AgentRelationship;
  clientType: 'personal';
  /** Stored statuses; Expired is also derived once the expiry date is reached. */
  status: 'Pending' | 'Accepted' | 'Rejected' | 'Cancelled' | 'Deauthorised' | 'Expired';
  created: number;
  lastUpdated: number;
  /** `YYYY-MM-DD` (UTC), created + 21 days. */
  expiryDate: string;
}
