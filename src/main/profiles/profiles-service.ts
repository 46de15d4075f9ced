import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ukDateOf } from '@shared/domain/tax-year';
import type { Environment } from '@shared/ipc/channels/settings';
import type { Overview, ProfilesView } from '@shared/ipc/channels/profiles';
import { ENVIRONMENT_LABELS } from '../environments/hmrc-environments';
import { AppError } from '../ipc/app-error';
import { createClientImport } from './client-import';
import { deleteProfileFiles, finishPendingDeletions } from './delete-profile';
import { createLedgerPool, type LedgerPool } from './ledger-pool';
import { createLedgerPresenceGuard, isRecordsMissing } from './ledger-presence';
import { createProfileChanges } from './profile-changes';
import { nodeProfileFolderFs } from './profile-folder-fs';
import { createProfilesHmrcChecks } from './profile-hmrc';
import {
  everyRecordIsUnsynced,
  type ProfilesService,
  type HmrcRolesReader,
  type ProfilesServiceDeps,
  type UnsyncedRecordCounter,
} from './profiles-api';
import { newProfile, type Profile } from './profile-record';
import { DuplicateNinoError, openProfileRegistry, type ProfileRegistry } from './profile-registry';
import {
  checkAccount,
  checkName,
  checkNino,
  duplicateNino,
  missingAgentRole,
} from './profile-rules';
import { buildOverview, toProfileView, type AccountSummary } from './profile-view';
import { createRefreshQueue, type RefreshQueue } from './refresh-queue';
import { readSyncSummary, sameSyncSummary } from './sync-summary';

export type { ProfilesHmrcPort } from './profile-hmrc';
export {
  everyRecordIsUnsynced,
  type CreateProfileInput,
  type EditProfileInput,
  type ProfilesService,
  type ProfilesServiceDeps,
  type UnsyncedRecordCounter,
} from './profiles-api';

const notFound = () =>
  new AppError(
    'PROFILE_NOT_FOUND',
    'That profile is no longer in Ledgerlink.',
    'Choose another profile from the list.',
  );

export function createProfilesService(deps: ProfilesServiceDeps): ProfilesService {
  const profilesDir = join(deps.userDataDir, 'profiles');
  const registry: ProfileRegistry = openProfileRegistry(join(profilesDir, 'registry.sqlite'));
  const log = deps.logger;
  const nowIso = () => deps.clock.now().toISOString();
  const today = () => ukDateOf(deps.clock.now());
  const newId = deps.randomId ?? randomUUID;
  let countUnsynced: UnsyncedRecordCounter = deps.unsyncedRecords ?? everyRecordIsUnsynced;
  let hmrcRoles: HmrcRolesReader | undefined;

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

  const changes = createProfileChanges(() => service.view(), deps.onChanged);
  const emitNow = changes.now;
  const changed = changes.changed;

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

  const hmrcChecks = createProfilesHmrcChecks({
    registry,
    pool,
    accounts: deps.accounts,
    hmrc: deps.hmrc,
    requireProfile,
    nowIso,
    today,
    logger: log,
    changed,
  });

  const refreshQueue: RefreshQueue = createRefreshQueue({
    refreshOne: async (id) => {
      if (registry.get(id)) await hmrcChecks.fetchAndKeep(id, false);
    },
    onProgress: (progress) => {
      changes.batch(progress.running);
      if (!progress.running) emitNow();
      deps.onRefreshProgress?.(progress);
    },
    now: () => deps.clock.now(),
  });

  const clientImport = createClientImport({
    registry,
    accounts: deps.accounts,
    environment: deps.environment,
    newId,
    nowIso,
    logger: log,
    active: () => service.active(),
    changes,
    refreshQueue,
  });

  // Views of the whole list, built once per change: with a thousand clients, building them for
  // every request (and every switch) was most of the overview's and the switch's time.
  let accountsGeneration = 0;
  let rolesGeneration = 0;
  const listKey = () =>
    `${registry.generation()}|${accountsGeneration}|${rolesGeneration}|${deps.environment()}|${today()}`;
  let overviewCache: { key: string; overview: Overview } | undefined;
  let viewCache: { key: string; profiles: ProfilesView['profiles'] } | undefined;

  const stopAccounts = deps.accounts.onChange(() => {
    accountsGeneration++;
    changed();
  });
  const stopEnvironment = deps.onEnvironmentChange?.(() => emitNow());

  const profileViews = () => {
    const key = listKey();
    if (viewCache?.key !== key) {
      viewCache = {
        key,
        profiles: registry.list(deps.environment()).map((p) => service.viewOf(p)),
      };
    }
    return viewCache.profiles;
  };

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
      const profile = newProfile(
        { environment, kind: input.kind, name, nino, accountId, agentRole },
        newId(),
        at,
      );
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
      return hmrcChecks.checkAfterAdd(profile.id);
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

    useHmrcRoles(read) {
      hmrcRoles = read;
      rolesGeneration++;
      return () => {
        rolesGeneration++;
        changed();
      };
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

    hmrcFor: (profileId) => hmrcChecks.hmrcFor(profileId),
    assertAllowed: (profileId, action) => hmrcChecks.assertAllowed(profileId, action),
    checkAuthorisation: (profileId) => hmrcChecks.checkAuthorisation(profileId),
    snapshot: (profileId) => hmrcChecks.snapshot(profileId),
    refresh: (profileId) => hmrcChecks.fetchAndKeep(profileId, true),
    refreshYearObligations: (profileId, taxYear) =>
      hmrcChecks.refreshYearObligations(profileId, taxYear),
    setQuarterlyPeriodType: (...args) => hmrcChecks.setQuarterlyPeriodType(...args),
    previewImport: (accountId, csv) => clientImport.previewImport(accountId, csv),
    importClients: (accountId, csv) => clientImport.importClients(accountId, csv),

    overview() {
      const key = listKey();
      if (overviewCache?.key !== key) {
        overviewCache = {
          key,
          overview: buildOverview({
            clients: registry
              .list(deps.environment())
              .filter((p) => p.kind === 'client' && !p.archivedAt),
            accountOf: accountView,
            now: deps.clock.now(),
            today: today(),
            progress: refreshQueue.status(),
            ...(hmrcRoles ? { hmrcRoleOf: hmrcRoles() } : {}),
          }),
        };
      }
      return { ...overviewCache.overview, now: nowIso(), progress: refreshQueue.status() };
    },

    keepSyncSummary(profileId) {
      const profile = registry.get(profileId);
      if (!profile) return;
      let summary;
      try {
        summary = readSyncSummary(pool.get(profileId).database);
      } catch (error) {
        // Only the overview's note is missed; the sync itself must not fail over it.
        log.warn('Could not note the sync for the overview', { profileId, error: String(error) });
        return;
      }
      if (sameSyncSummary(profile.hmrc.sync, summary)) return;
      registry.update(profileId, { hmrc: { ...profile.hmrc, sync: summary } });
      changed();
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
        profiles: profileViews(),
      };
    },

    dispose() {
      refreshQueue.dispose();
      changes.dispose();
      stopAccounts();
      stopEnvironment?.();
      pool.closeAll();
      registry.close();
    },
  };
  return service;
}
