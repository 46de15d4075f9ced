import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { RestrictedAction } from '../../shared/domain/agent-permissions';
import { formatNino } from '../../shared/domain/nino';
import { taxYearOf, ukDateOf } from '../../shared/domain/tax-year';
import type {
  Authorisation,
  ImportPreview,
  Overview,
  ProfileView,
  ProfilesView,
  RefreshProgress,
  SnapshotView,
} from '../../shared/ipc/channels/profiles';
import type { Environment } from '../../shared/ipc/channels/settings';
import type { HmrcAccountStore } from '../auth/hmrc-accounts';
import type { Clock } from '../clock/clock';
import { ENVIRONMENT_LABELS } from '../environments/hmrc-environments';
import type { HmrcAccountClient } from '../hmrc/hmrc-service';
import { AppError } from '../ipc/app-error';
import type { Ledger } from '../ledger';
import type { Logger } from '../logging/logger';
import { parseClientCsv, toPreview } from './client-csv';
import {
  readHmrcCache,
  recordHmrcCheck,
  writeHmrcCache,
  type CheckOutcome,
  type HmrcCache,
} from './hmrc-cache';
import { checkWithHmrc, fetchFromHmrc, type ProfileHmrcClient } from './hmrc-fetch';
import { deleteProfileFiles, finishPendingDeletions } from './delete-profile';
import { createLedgerPool, type LedgerPool } from './ledger-pool';
import { createLedgerPresenceGuard, isRecordsMissing } from './ledger-presence';
import { nodeProfileFolderFs, type ProfileFolderFs } from './profile-folder-fs';
import { summarise } from './obligation-summary';
import { assertAllowed, guardedClient } from './profile-guard';
import type { Profile } from './profile-record';
import { DuplicateNinoError, openProfileRegistry, type ProfileRegistry } from './profile-registry';
import {
  checkAccount,
  checkName,
  checkNino,
  duplicateNino,
  missingAgentRole,
} from './profile-rules';
import { electionFor } from './quarterly-election';
import { buildOverview, toProfileView, type AccountSummary } from './profile-view';
import { buildSnapshotView } from './snapshot-view';
import { businessName } from './business-names';
import { createRefreshQueue, type RefreshQueue } from './refresh-queue';
import { syncLedgerBusinesses } from './sync-ledger-businesses';

/**
 * How many records of a profile have not reached HMRC yet, for the delete confirmation. Issue 8
 * owns the submission log and replaces this with `profiles.useUnsyncedRecordCounter(...)`.
 */
export type UnsyncedRecordCounter = (profile: Profile, ledger: Ledger) => number;

/**
 * Until sync exists nothing has been sent, so every live transaction counts as unsynced: the
 * safe default (it can only ask for confirmation too often, never too rarely).
 */
export const everyRecordIsUnsynced: UnsyncedRecordCounter = (_profile, ledger) =>
  ledger.records.summarise({}).count;

/** The part of the HMRC client the profiles capability uses. */
export interface ProfilesHmrcPort {
  forAccount(accountId: string): HmrcAccountClient;
}

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
  accountId?: string | null;
  agentRole?: Profile['agentRole'];
  /** Make it the active profile of its environment. */
  activate?: boolean;
}

export interface EditProfileInput {
  name?: string;
  nino?: string;
  accountId?: string | null;
  agentRole?: Profile['agentRole'];
}

/** `services.profiles`: the people whose tax affairs Ledgerlink keeps (issue 6). */
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
  /** Replaces the unsynced-records counter (issue 8: from the submission log). */
  useUnsyncedRecordCounter(counter: UnsyncedRecordCounter): void;
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
  assertAllowed(profileId: string, action: RestrictedAction): void;
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
   * Calendar or standard quarters for the current tax year, where HMRC allows it (reference
   * §5.2): refused before any call when the rule says no.
   */
  setQuarterlyPeriodType(
    profileId: string,
    hmrcBusinessId: string,
    type: 'standard' | 'calendar',
    confirmations: { lockIn: true; accountingPeriod?: boolean },
  ): Promise<SnapshotView>;
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

const notFound = () =>
  new AppError(
    'PROFILE_NOT_FOUND',
    'That profile is no longer in Ledgerlink.',
    'Choose another profile from the list.',
  );

const noAccount = (profile: Profile) =>
  new AppError(
    'NO_HMRC_ACCOUNT',
    `${profile.name} has no linked HMRC account yet.`,
    profile.kind === 'client'
      ? 'Link your agent services account on the Link to HMRC screen, then choose it on the profile.'
      : 'Link your HMRC sign-in on the Link to HMRC screen, then choose it on the profile.',
  );

const refusalOutcome = (authorisation: Authorisation | undefined): CheckOutcome =>
  authorisation?.status === 'not-authorised' || authorisation?.status === 'not-signed-up'
    ? authorisation.status
    : 'failed';

export function createProfilesService(deps: ProfilesServiceDeps): ProfilesService {
  const profilesDir = join(deps.userDataDir, 'profiles');
  const registry: ProfileRegistry = openProfileRegistry(join(profilesDir, 'registry.sqlite'));
  const log = deps.logger;
  const nowIso = () => deps.clock.now().toISOString();
  const today = () => ukDateOf(deps.clock.now());
  const newId = deps.randomId ?? randomUUID;
  let countUnsynced: UnsyncedRecordCounter = deps.unsyncedRecords ?? everyRecordIsUnsynced;
  const inFlight = new Map<string, Promise<SnapshotView>>();

  const requireProfile = (id: string): Profile => {
    const p = registry.get(id);
    if (!p) throw notFound();
    return p;
  };

  const actorFor = (profileId: string): string => {
    const p = registry.get(profileId);
    if (!p) return 'Ledgerlink';
    if (p.kind === 'self') return p.name;
    const account = p.accountId ? deps.accounts.get(p.accountId) : undefined;
    return `agent:${account?.label ?? 'agent'} for ${p.name}`;
  };
  const files = deps.files ?? nodeProfileFolderFs;
  const folderDeps = { profilesDir, fs: files, registry, logger: log, now: nowIso };
  // A deletion interrupted last time (or a folder that was busy) is finished before anything opens.
  finishPendingDeletions(folderDeps);
  const pool: LedgerPool = createLedgerPool({
    profilesDir,
    clock: deps.clock,
    actorFor,
    presence: createLedgerPresenceGuard(folderDeps),
  });

  // ── windows hear about every change at once (coalesced during a background refresh) ────
  let pendingEmit: ReturnType<typeof setTimeout> | undefined;
  let batching = false;
  const emitNow = () => {
    if (pendingEmit) clearTimeout(pendingEmit);
    pendingEmit = undefined;
    deps.onChanged?.(service.view());
  };
  const changed = () => {
    if (!batching) return emitNow();
    pendingEmit ??= setTimeout(emitNow, 500);
    pendingEmit.unref?.();
  };

  const accountView = (accountId: string | null): AccountSummary | null =>
    (accountId ? deps.accounts.get(accountId) : undefined) ?? null;

  const refuseDuplicate = (environment: Environment, nino: string, exceptId?: string) => {
    const existing = registry.findByNino(environment, nino);
    if (existing && existing.id !== exceptId) throw duplicateNino(existing);
  };

  const fixRole = (kind: Profile['kind'], role: Profile['agentRole'] | undefined) => {
    if (kind === 'self') return undefined;
    if (!role) throw missingAgentRole();
    return role;
  };

  const setAuthorisation = (profile: Profile, authorisation: Authorisation): Profile =>
    registry.update(profile.id, { authorisation, updatedAt: nowIso() });

  /** HMRC's answer to "may this account act for this NINO?", recorded in both places. */
  const recordRefusalOrFailure = (
    profile: Profile,
    outcome: { authorisation?: Authorisation; error?: unknown },
  ) => {
    // Deleted while HMRC was answering: opening its ledger would bring the folder back.
    if (!registry.get(profile.id)) return;
    const checkedAt = nowIso();
    try {
      pool.borrow(profile.id, (ledger) =>
        recordHmrcCheck(ledger.database, {
          checkedAt,
          scope: 'authorisation',
          outcome: refusalOutcome(outcome.authorisation),
          ...(outcome.authorisation?.code ? { code: outcome.authorisation.code } : {}),
          ...(outcome.authorisation?.correlationId
            ? { correlationId: outcome.authorisation.correlationId }
            : {}),
          ...(outcome.authorisation?.message
            ? { message: outcome.authorisation.message.slice(0, 2000) }
            : {}),
          ...(outcome.error instanceof AppError
            ? { code: outcome.error.code, message: outcome.error.message }
            : {}),
        }),
      );
    } catch (error) {
      log.warn('Could not record an HMRC check in the profile’s ledger', { error: String(error) });
    }
  };

  const clientFor = (profile: Profile): ProfileHmrcClient => {
    if (!profile.accountId || !deps.accounts.get(profile.accountId)) throw noAccount(profile);
    return deps.hmrc.forAccount(profile.accountId);
  };

  const snapshotFrom = (profile: Profile, cache: HmrcCache): SnapshotView => {
    const ledgerBusinessIds = new Map<string, number>();
    try {
      pool.borrow(profile.id, (ledger) => {
        for (const b of ledger.businesses.list({ includeArchived: true })) {
          if (b.hmrcBusinessId) ledgerBusinessIds.set(b.hmrcBusinessId, b.id);
        }
      });
    } catch (error) {
      log.warn('Could not read the profile’s businesses', { error: String(error) });
    }
    return buildSnapshotView({ profile, cache, ledgerBusinessIds, today: today() });
  };

  const readCache = (profile: Profile): HmrcCache =>
    pool.isOpen(profile.id)
      ? readHmrcCache(pool.get(profile.id).database)
      : pool.borrow(profile.id, (ledger) => readHmrcCache(ledger.database));

  /** One HMRC fetch for a profile at a time: a second click waits for the first answer. */
  const fetchAndKeep = (profileId: string, full: boolean): Promise<SnapshotView> => {
    const running = inFlight.get(profileId);
    if (running) return running;
    const job = (async () => {
      const profile = requireProfile(profileId);
      const client = clientFor(profile);
      const checkedAt = nowIso();
      let answer;
      try {
        answer = await fetchFromHmrc(client, profile.nino, { full, today: today(), checkedAt });
      } catch (error) {
        recordRefusalOrFailure(profile, { error });
        throw error;
      }
      const current = requireProfile(profileId);
      if (answer.kind === 'refused') {
        recordRefusalOrFailure(current, { authorisation: answer.authorisation });
        const updated = setAuthorisation(current, answer.authorisation);
        changed();
        return snapshotFrom(updated, readCache(updated));
      }
      const keep = (ledger: Ledger) => {
        writeHmrcCache(ledger.database, {
          ...(answer.businesses ? { businesses: answer.businesses } : {}),
          obligations: answer.obligations,
          check: {
            checkedAt,
            scope: full ? 'full' : 'obligations',
            outcome: 'authorised',
            ...(answer.correlationId ? { correlationId: answer.correlationId } : {}),
          },
        });
        if (answer.businesses) {
          syncLedgerBusinesses(ledger, answer.businesses, taxYearOf(today()), businessName, log);
        }
        return readHmrcCache(ledger.database);
      };
      const cache = pool.isOpen(profileId)
        ? keep(pool.get(profileId))
        : pool.borrow(profileId, keep);
      const names = new Map(cache.businesses.map((b) => [b.hmrcBusinessId, businessName(b)]));
      const updated = registry.update(profileId, {
        authorisation: answer.authorisation,
        hmrc: summarise(answer.obligations, checkedAt, (id) => names.get(id)),
        updatedAt: nowIso(),
      });
      changed();
      return snapshotFrom(updated, cache);
    })().finally(() => inFlight.delete(profileId));
    inFlight.set(profileId, job);
    return job;
  };

  const refreshQueue: RefreshQueue = createRefreshQueue({
    refreshOne: async (id) => {
      if (registry.get(id)) await fetchAndKeep(id, false);
    },
    onProgress: (progress) => {
      batching = progress.running;
      if (!progress.running) emitNow();
      deps.onRefreshProgress?.(progress);
    },
    now: () => deps.clock.now(),
  });

  const stopAccounts = deps.accounts.onChange(() => changed());
  const stopEnvironment = deps.onEnvironmentChange?.(() => emitNow());

  const service: ProfilesService = {
    list: (options = {}) => registry.list(options.environment ?? deps.environment()),
    get: (id) => registry.get(id),
    require: requireProfile,

    active() {
      const environment = deps.environment();
      const id = registry.activeId(environment);
      const stored = id ? registry.get(id) : undefined;
      if (stored && stored.environment === environment && !stored.archivedAt) return stored;
      const candidates = registry.list(environment).filter((p) => !p.archivedAt);
      const fallback = [...candidates].sort((a, b) =>
        (b.lastActiveAt ?? '').localeCompare(a.lastActiveAt ?? ''),
      )[0];
      return fallback ?? null;
    },

    setActive(profileId) {
      const profile = requireProfile(profileId);
      if (profile.archivedAt) {
        throw new AppError(
          'PROFILE_ARCHIVED',
          `${profile.name} is archived.`,
          'Restore the profile from All profiles to work on it again.',
        );
      }
      registry.setActiveId(profile.environment, profile.id);
      const updated = registry.update(profile.id, { lastActiveAt: nowIso() });
      emitNow();
      return updated;
    },

    validateNew(input) {
      const name = checkName(input.name);
      const nino = checkNino(input.nino);
      refuseDuplicate(deps.environment(), nino);
      return { name, nino };
    },

    async create(input) {
      const environment = deps.environment();
      const name = checkName(input.name);
      const nino = checkNino(input.nino);
      const agentRole = fixRole(input.kind, input.agentRole);
      const accountId = input.accountId ?? null;
      if (accountId) checkAccount(deps.accounts.get(accountId), { kind: input.kind, environment });
      refuseDuplicate(environment, nino);
      const at = nowIso();
      const profile: Profile = {
        id: newId(),
        environment,
        kind: input.kind,
        name,
        nino,
        accountId,
        ...(agentRole ? { agentRole } : {}),
        createdAt: at,
        updatedAt: at,
        authorisation: { status: 'unknown' },
        hmrc: {},
      };
      try {
        registry.insert([profile]);
      } catch (error) {
        if (error instanceof DuplicateNinoError) refuseDuplicate(environment, nino);
        throw error;
      }
      log.info('Profile added', { profileId: profile.id, kind: profile.kind, environment });
      if (input.activate || registry.activeId(environment) === null) {
        registry.setActiveId(environment, profile.id);
        registry.update(profile.id, { lastActiveAt: at });
      }
      emitNow();
      if (!accountId) return requireProfile(profile.id);
      try {
        return await service.checkAuthorisation(profile.id);
      } catch (error) {
        // The profile is added; the person sees why it could not be checked and can retry.
        const message =
          error instanceof AppError
            ? `Ledgerlink could not check with HMRC: ${error.message} ${error.action}`
            : 'Ledgerlink could not check with HMRC. Try again later.';
        const updated = setAuthorisation(requireProfile(profile.id), {
          status: 'unknown',
          checkedAt: nowIso(),
          message: message.slice(0, 2000),
          ...(error instanceof AppError ? { code: error.code } : {}),
        });
        changed();
        return updated;
      }
    },

    edit(profileId, patch) {
      const profile = requireProfile(profileId);
      const next: Partial<Profile> = { updatedAt: nowIso() };
      if (patch.name !== undefined) next.name = checkName(patch.name);
      if (patch.nino !== undefined) {
        const nino = checkNino(patch.nino);
        if (nino !== profile.nino) {
          refuseDuplicate(profile.environment, nino, profile.id);
          next.nino = nino;
          // A new NINO is a different person to HMRC: the old answers no longer apply.
          next.authorisation = { status: 'unknown' };
          next.hmrc = {};
        }
      }
      if (patch.accountId !== undefined && patch.accountId !== profile.accountId) {
        if (patch.accountId) {
          checkAccount(deps.accounts.get(patch.accountId), {
            kind: profile.kind,
            environment: profile.environment,
          });
        }
        next.accountId = patch.accountId;
        next.authorisation = { status: 'unknown' };
      }
      if (patch.agentRole !== undefined) {
        if (profile.kind !== 'client') {
          throw new AppError(
            'NOT_A_CLIENT',
            'Only a client profile has an agent role.',
            'Leave the role empty for your own profile.',
          );
        }
        next.agentRole = patch.agentRole;
      }
      try {
        const updated = registry.update(profileId, next);
        changed();
        return updated;
      } catch (error) {
        if (error instanceof DuplicateNinoError)
          refuseDuplicate(profile.environment, error.nino, profile.id);
        throw error;
      }
    },

    archive(profileId, archived = true) {
      const profile = requireProfile(profileId);
      if (archived && profile.archivedAt) return profile;
      if (archived) {
        const updated = registry.update(profileId, { archivedAt: nowIso(), updatedAt: nowIso() });
        if (registry.activeId(profile.environment) === profileId) {
          registry.setActiveId(profile.environment, null);
        }
        emitNow();
        return updated;
      }
      const updated = registry.update(profileId, { archivedAt: undefined, updatedAt: nowIso() });
      emitNow();
      return updated;
    },

    unsyncedRecordCount(profileId) {
      const profile = requireProfile(profileId);
      try {
        return pool.isOpen(profileId)
          ? countUnsynced(profile, pool.get(profileId))
          : pool.borrow(profileId, (ledger) => countUnsynced(profile, ledger));
      } catch (error) {
        // Records missing from this computer: there is nothing here to lose by deleting it.
        if (isRecordsMissing(error)) return 0;
        throw error;
      }
    },

    useUnsyncedRecordCounter(counter) {
      countUnsynced = counter;
    },

    delete(profileId, options) {
      const profile = requireProfile(profileId);
      const unsynced = service.unsyncedRecordCount(profileId);
      if (unsynced > 0 && !options.confirmUnsynced) {
        throw new AppError(
          'UNSYNCED_RECORDS',
          `${profile.name} has ${unsynced} ${unsynced === 1 ? 'record' : 'records'} not yet sent to HMRC. Deleting the profile deletes them from this computer.`,
          'Save a copy of the profile first if you may need it, then confirm you want to delete the profile and its records.',
        );
      }
      pool.close(profileId);
      const { folderRemoved } = deleteProfileFiles(folderDeps, profileId);
      log.info('Profile deleted', { profileId, unsynced, folderRemoved });
      emitNow();
    },

    ledger(profileId) {
      requireProfile(profileId);
      return pool.get(profileId);
    },

    hmrcFor(profileId) {
      const profile = requireProfile(profileId);
      if (!profile.accountId || !deps.accounts.get(profile.accountId)) throw noAccount(profile);
      return {
        profile,
        nino: profile.nino,
        client: guardedClient(profile, deps.hmrc.forAccount(profile.accountId)),
      };
    },

    assertAllowed(profileId, action) {
      assertAllowed(requireProfile(profileId), action);
    },

    async checkAuthorisation(profileId) {
      const profile = requireProfile(profileId);
      const client = clientFor(profile);
      let result;
      try {
        result = await checkWithHmrc(client, profile.nino, nowIso());
      } catch (error) {
        recordRefusalOrFailure(profile, { error });
        throw error;
      }
      if (result.kind === 'refused')
        recordRefusalOrFailure(profile, { authorisation: result.authorisation });
      const updated = setAuthorisation(requireProfile(profileId), result.authorisation);
      changed();
      return updated;
    },

    snapshot(profileId) {
      const profile = requireProfile(profileId);
      return snapshotFrom(profile, readCache(profile));
    },

    refresh: (profileId) => fetchAndKeep(profileId, true),

    async setQuarterlyPeriodType(profileId, hmrcBusinessId, type, confirmations) {
      const profile = requireProfile(profileId);
      if (!confirmations.lockIn) {
        throw new AppError(
          'CONFIRMATION_NEEDED',
          'Confirm you understand the quarters are then fixed for the rest of the tax year.',
          'Tick the confirmation and try again.',
        );
      }
      const cache = readCache(profile);
      const business = cache.businesses.find((b) => b.hmrcBusinessId === hmrcBusinessId);
      if (!business) {
        throw new AppError(
          'BUSINESS_NOT_FOUND',
          'Ledgerlink does not know that business for this profile.',
          'Check HMRC for the latest businesses, then try again.',
        );
      }
      const election = electionFor(business, cache.obligations, today());
      if (election.currentType === type) return snapshotFrom(profile, cache);
      if (!election.offered) {
        throw new AppError('PERIOD_TYPE_NOT_OFFERED', election.reason, 'Nothing was sent to HMRC.');
      }
      if (type === 'calendar' && !confirmations.accountingPeriod) {
        throw new AppError(
          'CONFIRMATION_NEEDED',
          'Calendar quarters are only for businesses whose accounts run from 1 April to 31 March.',
          'Confirm your accounts run from 1 April to 31 March, or keep standard quarters.',
        );
      }
      const { client, nino } = service.hmrcFor(profileId);
      await client.businessDetails.createAmendQuarterlyPeriodType(
        nino,
        hmrcBusinessId,
        election.taxYear,
        { quarterlyPeriodType: type },
      );
      log.info('Quarterly period type changed at HMRC', {
        profileId,
        type,
        taxYear: election.taxYear,
      });
      // HMRC now holds the new type: read it back (and the obligations it changes).
      return fetchAndKeep(profileId, true);
    },

    previewImport(accountId, csv) {
      const environment = deps.environment();
      checkAccount(deps.accounts.get(accountId), { kind: 'client', environment });
      return toPreview(parseClientCsv(csv, (nino) => registry.findByNino(environment, nino)?.name));
    },

    importClients(accountId, csv) {
      const environment = deps.environment();
      checkAccount(deps.accounts.get(accountId), { kind: 'client', environment });
      const parsed = parseClientCsv(csv, (nino) => registry.findByNino(environment, nino)?.name);
      if (parsed.fileProblems.length > 0) {
        throw new AppError(
          'IMPORT_FILE_INVALID',
          parsed.fileProblems.join(' '),
          'Correct the file and choose it again. Nothing was imported.',
        );
      }
      const good = parsed.rows.filter((r) => r.problems.length === 0 && r.normalisedNino && r.role);
      if (good.length === 0) {
        throw new AppError(
          'NOTHING_TO_IMPORT',
          'No row of the file can be imported: every row has a problem.',
          'Correct the rows listed and choose the file again. Nothing was imported.',
        );
      }
      const at = nowIso();
      const profiles: Profile[] = good.map((r) => ({
        id: newId(),
        environment,
        kind: 'client' as const,
        name: r.name,
        nino: r.normalisedNino!,
        accountId,
        agentRole: r.role!,
        createdAt: at,
        updatedAt: at,
        authorisation: { status: 'unknown' as const },
        hmrc: {},
      }));
      try {
        registry.insert(profiles);
      } catch (error) {
        if (error instanceof DuplicateNinoError) {
          const holder = registry.findByNino(environment, error.nino);
          throw new AppError(
            'DUPLICATE_PROFILE',
            `${formatNino(error.nino)} was added to Ledgerlink${holder ? ` as ${holder.name}` : ''} while you were checking the file.`,
            'Choose the file again to see the up-to-date preview. Nothing was imported.',
          );
        }
        throw error;
      }
      log.info('Clients imported', {
        imported: profiles.length,
        skipped: parsed.rows.length - good.length,
      });
      if (!service.active()) registry.setActiveId(environment, profiles[0]!.id);
      emitNow();
      refreshQueue.start(profiles.map((p) => p.id));
      return {
        imported: profiles.length,
        skipped: parsed.rows
          .filter((r) => !good.includes(r))
          .map((r) => ({
            line: r.line,
            message: r.problems
              .map((p) => p.message)
              .join(' ')
              .slice(0, 2000),
          })),
      };
    },

    overview() {
      return buildOverview({
        clients: registry
          .list(deps.environment())
          .filter((p) => p.kind === 'client' && !p.archivedAt),
        accountOf: accountView,
        now: deps.clock.now(),
        today: today(),
        progress: refreshQueue.status(),
      });
    },

    refreshAll() {
      const ids = registry
        .list(deps.environment())
        .filter((p) => p.kind === 'client' && !p.archivedAt && p.accountId)
        .map((p) => p.id);
      return refreshQueue.start(ids);
    },

    refreshIdle: () => refreshQueue.idle(),

    viewOf: (p) => toProfileView(p, accountView(p.accountId)),

    view() {
      const environment = deps.environment();
      return {
        environment,
        environmentLabel: ENVIRONMENT_LABELS[environment].label,
        now: nowIso(),
        activeId: service.active()?.id ?? null,
        profiles: registry.list(environment).map((p) => service.viewOf(p)),
      };
    },

    dispose() {
      refreshQueue.dispose();
      if (pendingEmit) clearTimeout(pendingEmit);
      stopAccounts();
      stopEnvironment?.();
      pool.closeAll();
      registry.close();
    },
  };
  return service;
}
