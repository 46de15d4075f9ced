import type { AgentAction } from '@shared/domain/agent-permissions';
import type {
  ImportPreview,
  Overview,
  ProfileView,
  ProfilesView,
  RefreshProgress,
  SnapshotView,
} from '@shared/ipc/channels/profiles';
import type { Environment } from '@shared/ipc/channels/settings';
import type { HmrcAccountStore } from '../auth/hmrc-accounts';
import type { Clock } from '../clock/clock';
import type { HmrcAccountClient } from '../hmrc/hmrc-service';
import type { Ledger } from '../ledger';
import type { Logger } from '../logging/logger';
import type { HmrcRoleAnswer } from './needs-attention';
import type { ProfileFolderFs } from './profile-folder-fs';
import type { ProfilesHmrcChecks, ProfilesHmrcPort } from './profile-hmrc';
import type { Profile } from './profile-record';

/**
 * How many records of a profile have not reached HMRC yet, for the delete confirmation. The
 * profiles capability cannot read the sync capability's submission log (sync depends on it, not
 * the other way), so the composition root hands it sync's counter with
 * `profiles.useUnsyncedRecordCounter(countUnsyncedRecords)`.
 */
export type UnsyncedRecordCounter = (profile: Profile, ledger: Ledger) => number;

/**
 * The counter until sync's is handed over (and in tests without sync): every live transaction
 * counts as unsynced, the safe default (it can only ask for confirmation too often, never too
 * rarely).
 */
export const everyRecordIsUnsynced: UnsyncedRecordCounter = (_profile, ledger) =>
  ledger.records.summarise({}).count;

/** Each client's role as HMRC last gave it, read once per overview built. */
export type HmrcRolesReader = () => (profileId: string) => HmrcRoleAnswer | undefined;

export interface ProfilesServiceDeps {
  /** The app's data folder; profiles live in `<userData>/profiles/`. */
  userDataDir: string;
  accounts: Pick<HmrcAccountStore, 'get' | 'list' | 'onChange'>;
  hmrc: ProfilesHmrcPort;
  /** The environment in use (Settings) and news of it changing. */
  environment: () => Environment;
  onEnvironmentChange?: (listener: (environment: Environment) => void) => () => void;
  clock: Clock;
  logger: Logger;
  /** Tells every window (the `profiles.changed` event). */
  onChanged?: (view: ProfilesView) => void;
  onRefreshProgress?: (progress: RefreshProgress) => void;
  unsyncedRecords?: UnsyncedRecordCounter;
  randomId?: () => string;
  /** The profile folders' files (a test makes a step fail as Windows does). */
  files?: ProfileFolderFs;
}

export interface CreateProfileInput {
  kind: Profile['kind'];
  name: string;
  nino: string;
  accountId?: string | null | undefined;
  agentRole?: Profile['agentRole'] | undefined;
  /** Make it the active profile of its environment. */
  activate?: boolean | undefined;
}

export interface EditProfileInput {
  name?: string | undefined;
  nino?: string | undefined;
  accountId?: string | null | undefined;
  agentRole?: Profile['agentRole'] | undefined;
}

/**
 * `services.profiles`: the people whose tax affairs Ledgerlink keeps. Built in
 * profiles-service.ts from the registry and active profile (there), HMRC checks and refresh
 * (profile-hmrc.ts), the agent's client CSV import (client-import.ts) and change notification
 * (profile-changes.ts).
 */
export interface ProfilesService {
  /** Profiles of the environment in use (or the one given), archived ones included, by name. */
  list(options?: { environment?: Environment }): Profile[];
  /** A profile by id, or undefined. */
  get(profileId: string): Profile | undefined;
  /** A profile by id; throws AppError PROFILE_NOT_FOUND. */
  require(profileId: string): Profile;
  /**
   * The active profile of the environment in use: the one last chosen (remembered across
   * restarts), else the most recently used one, else null when there are none.
   */
  active(): Profile | null;
  /** Makes a profile the active one of its environment; tells every window. */
  setActive(profileId: string): Profile;
  /** Checks a name and NINO for a new profile (format, prefix rules, duplicates) without saving. */
  validateNew(input: { name: string; nino: string }): { name: string; nino: string };
  /**
   * Adds a profile. NINO by HMRC's format and prefix rules; one profile per NINO per
   * environment; the account must be of the right kind (individual for `self`, agent for
   * `client`). With an account, HMRC is asked at once whether it may act for the NINO
   * (List All Businesses); a failed check leaves the status "unknown", never blocks the add.
   */
  create(input: CreateProfileInput): Promise<Profile>;
  /** Changes name, NINO, account or agent role (same rules as create). */
  edit(profileId: string, patch: EditProfileInput): Profile;
  /** Hides a profile from the switcher and the overview (or brings it back); keeps its records. */
  archive(profileId: string, archived?: boolean): Profile;
  /** Records of the profile that have not reached HMRC (see UnsyncedRecordCounter). */
  unsyncedRecordCount(profileId: string): number;
  /** Replaces the unsynced-records counter (the composition root passes sync's). */
  useUnsyncedRecordCounter(counter: UnsyncedRecordCounter): void;
  /**
   * Hands over HMRC's roles for the overview's "needs attention" (the agents' practice keeps
   * them); returns what to call when one of them changes.
   */
  useHmrcRoles(read: HmrcRolesReader): () => void;
  /**
   * Deletes a profile and its records folder. Refuses with UNSYNCED_RECORDS while records have
   * not been synced, unless `confirmUnsynced` (the person saw the count and was offered the
   * ledger's archive export, `records.exportArchive`, first).
   */
  delete(profileId: string, options: { confirmUnsynced: boolean }): void;
  /**
   * The open ledger of a profile: `<userData>/profiles/<profileId>/ledger.sqlite`, opened on
   * first use, kept open, closed on dispose. Throws PROFILE_NOT_FOUND for an unknown id.
   */
  ledger(profileId: string): Ledger;
  /**
   * The profile's HMRC client: its NINO and its account's client, with a supporting agent's
   * restricted endpoints refused before sending. Throws NO_HMRC_ACCOUNT without an account.
   */
  hmrcFor(profileId: string): { profile: Profile; nino: string; client: HmrcAccountClient };
  /** Throws SUPPORTING_AGENT_NOT_ALLOWED when the profile's agent may not take the action. */
  assertAllowed(profileId: string, action: AgentAction): void;
  /** Asks HMRC (List All Businesses) whether the account may act for the NINO; records it. */
  checkAuthorisation(profileId: string): Promise<Profile>;
  /** What HMRC said last time, from the profile's ledger: never calls HMRC. */
  snapshot(profileId: string): SnapshotView;
  /**
   * Fetches businesses (Business Details) and obligations (Obligations API) now, keeps them for
   * offline use, and adds or updates the businesses in the profile's ledger. A refusal by HMRC
   * is recorded as the authorisation status, not thrown; being offline is thrown.
   */
  refresh(profileId: string): Promise<SnapshotView>;
  /**
   * One tax year's quarterly obligations only (one request), merged into what was kept: what a
   * sync needs after HMRC accepted an update.
   */
  refreshYearObligations(profileId: string, taxYear: string): Promise<SnapshotView>;
  /**
   * Calendar or standard quarters for the current tax year, where HMRC allows it (reference
   * §5.2): refused before any call when the rule says no.
   */
  setQuarterlyPeriodType: ProfilesHmrcChecks['setQuarterlyPeriodType'];
  /** Reads an agent's CSV client list into a preview; saves nothing. */
  previewImport(accountId: string, csv: string): ImportPreview;
  /** Imports the good rows of the CSV in one transaction (checked again); then checks them with HMRC in the background. */
  importClients(
    accountId: string,
    csv: string,
  ): {
    imported: number;
    skipped: { line: number; message: string }[];
  };
  /** Every client of the environment in use with its next due update and status (offline). */
  overview(): Overview;
  /**
   * Copies what a sync left in the profile's ledger (last run, stuck updates) into its registry
   * entry for the overview; called when a sync changes the ledger (it is open then).
   */
  keepSyncSummary(profileId: string): void;
  /** Checks every client with HMRC in the background (progress events). */
  refreshAll(): RefreshProgress;
  /** Resolves when a background refresh has finished (tests, shutdown). */
  refreshIdle(): Promise<void>;
  /** The list as windows see it (the `profiles.changed` payload). */
  view(): ProfilesView;
  /** A profile as windows see it. */
  viewOf(profile: Profile): ProfileView;
  dispose(): void;
}
