import type { ItsaStatusRecord } from '@shared/domain/itsa-status';
import type { AgentRole } from '@shared/domain/agent-permissions';
import type { Authorisation, ObligationRef, ProfileKind } from '@shared/ipc/channels/profiles';
import type { Environment } from '@shared/ipc/channels/settings';

/**
 * A taxpayer profile: a person whose tax affairs Ledgerlink keeps (name, NINO, their records),
 * acted for through one HMRC account. Keep it apart from an HMRC account, which is a sign-in
 * holding a token: a sole trader has one profile on their own account; an agent has many
 * client profiles on one agent account (reference §2.10).
 */
export interface Profile {
  id: string;
  /** Profiles belong to one environment: a Practice NINO means nothing to HMRC itself. */
  environment: Environment;
  /** `self`: the taxpayer acts for themselves; `client`: an agent acts for them. */
  kind: ProfileKind;
  name: string;
  /** Normalised (`AA123456A`). Unique per environment. */
  nino: string;
  /** The HMRC account acting for them; null until one is linked. */
  accountId: string | null;
  /** Client profiles only: which kind of agent the client authorised. */
  agentRole?: AgentRole | undefined;
  archivedAt?: string | undefined;
  createdAt: string;
  updatedAt: string;
  lastActiveAt?: string | undefined;
  /** From the last HMRC answer (List All Businesses). */
  authorisation: Authorisation;
  /** A summary of the last successful obligations check, for the overview (works offline). */
  hmrc: ProfileHmrcSummary;
  /**
   * When the profile's ledger file was first created (absent: not yet). A profile with this set
   * and no ledger file has lost its records: it is never silently given an empty ledger.
   */
  ledgerCreatedAt?: string | undefined;
}

export interface ProfileHmrcSummary {
  checkedAt?: string;
  /** The open obligation with the earliest HMRC due date. */
  nextDue?: ObligationRef;
  openCount?: number;
  /** HMRC's ITSA statuses (last year onwards) and when they were fetched, with the businesses. */
  itsaStatuses?: ItsaStatusRecord[];
  itsaCheckedAt?: string;
  /**
   * The last sync run and the outbox as it left them, copied from the ledger when a run
   * changes them: kept here, like the ITSA status, so the agent overview never opens a
   * thousand ledgers to say when each client last synced or what is stuck.
   */
  sync?: ProfileSyncSummary;
}

export interface ProfileSyncSummary {
  /** When the last sync run for the profile finished (absent: none has yet). */
  lastSyncedAt?: string;
  /** Updates refused by HMRC (or stale), kept for correction. */
  refused: number;
  /** Updates waiting for the HMRC account to be linked again. */
  needsRelink: number;
}

export type NewProfile = Pick<
  Profile,
  'environment' | 'kind' | 'name' | 'nino' | 'accountId' | 'agentRole'
>;

/**
 * A profile as it is first saved, however it is added (the form, an agent's client CSV, an
 * archive): not yet checked with HMRC, nothing fetched from HMRC yet.
 */
export function newProfile(fields: NewProfile, id: string, at: string): Profile {
  return {
    id,
    environment: fields.environment,
    kind: fields.kind,
    name: fields.name,
    nino: fields.nino,
    accountId: fields.accountId,
    ...(fields.agentRole ? { agentRole: fields.agentRole } : {}),
    createdAt: at,
    updatedAt: at,
    authorisation: { status: 'unknown' },
    hmrc: {},
  };
}
