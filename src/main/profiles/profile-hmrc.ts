import type { AgentAction } from '@shared/domain/agent-permissions';
import type { ItsaStatusRecord } from '@shared/domain/itsa-status';
import { taxYearOf } from '@shared/domain/tax-year';
import type { Authorisation, SnapshotView } from '@shared/ipc/channels/profiles';
import type { HmrcAccountStore } from '../auth/hmrc-accounts';
import type { HmrcAccountClient } from '../hmrc/hmrc-service';
import { AppError } from '../ipc/app-error';
import type { Ledger } from '../ledger';
import type { Logger } from '../logging/logger';
import { businessesSentFor } from '../sync/submission-log';
import { businessName } from './business-names';
import {
  readHmrcCache,
  recordHmrcCheck,
  writeHmrcCache,
  type CheckOutcome,
  type HmrcCache,
} from './hmrc-cache';
import {
  checkWithHmrc,
  fetchFromHmrc,
  fetchYearObligations,
  mergeYearObligations,
  type ProfileHmrcClient,
} from './hmrc-fetch';
import type { LedgerPool } from './ledger-pool';
import { summarise } from './obligation-summary';
import { assertAllowed, guardedClient } from './profile-guard';
import type { Profile } from './profile-record';
import type { ProfileRegistry } from './profile-registry';
import { electionFor } from './quarterly-election';
import { buildSnapshotView } from './snapshot-view';
import { syncLedgerBusinesses } from './sync-ledger-businesses';

/** The part of the HMRC client the profiles capability uses. */
export interface ProfilesHmrcPort {
  forAccount(accountId: string): HmrcAccountClient;
}

/** A profile's NINO and its account's HMRC client, restricted as its agent role says. */
export interface ProfileHmrcAccess {
  profile: Profile;
  nino: string;
  client: HmrcAccountClient;
}

/**
 * What HMRC says about a profile, asked and kept: "may this account act for this NINO?", the
 * businesses and obligations kept for offline use (one fetch per profile at a time), and the
 * calendar-quarter election. The answers go into the profile's ledger (the HMRC cache) and
 * its registry entry (authorisation status and the overview summary).
 */
export interface ProfilesHmrcChecks {
  hmrcFor(profileId: string): ProfileHmrcAccess;
  assertAllowed(profileId: string, action: AgentAction): void;
  checkAuthorisation(profileId: string): Promise<Profile>;
  /** checkAuthorisation for a profile just added: a failed check is recorded, not thrown. */
  checkAfterAdd(profileId: string): Promise<Profile>;
  snapshot(profileId: string): SnapshotView;
  /** Fetches from HMRC and keeps the answer; `full` also fetches the businesses. */
  fetchAndKeep(profileId: string, full: boolean): Promise<SnapshotView>;
  /** One tax year's quarterly obligations only (one request), as a sync needs afterwards. */
  refreshYearObligations(profileId: string, taxYear: string): Promise<SnapshotView>;
  setQuarterlyPeriodType(
    profileId: string,
    hmrcBusinessId: string,
    type: 'standard' | 'calendar',
    confirmations: { lockIn: true; accountingPeriod?: boolean },
  ): Promise<SnapshotView>;
}

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

export function createProfilesHmrcChecks(deps: {
  registry: ProfileRegistry;
  pool: LedgerPool;
  accounts: Pick<HmrcAccountStore, 'get'>;
  hmrc: ProfilesHmrcPort;
  requireProfile: (profileId: string) => Profile;
  nowIso: () => string;
  today: () => string;
  logger: Logger;
  /** A profile changed: tell the windows. */
  changed: () => void;
}): ProfilesHmrcChecks {
  const { registry, pool, requireProfile, nowIso, today, changed } = deps;
  const log = deps.logger;
  const inFlight = new Map<string, Promise<SnapshotView>>();

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
    let sentThisYear: Set<string> | undefined;
    try {
      pool.borrow(profile.id, (ledger) => {
        for (const b of ledger.businesses.list({ includeArchived: true })) {
          if (b.hmrcBusinessId) ledgerBusinessIds.set(b.hmrcBusinessId, b.id);
        }
        sentThisYear = businessesSentFor(ledger.database, taxYearOf(today()));
      });
    } catch (error) {
      log.warn('Could not read the profile’s businesses', { error: String(error) });
    }
    return buildSnapshotView({
      profile,
      cache,
      ledgerBusinessIds,
      ...(sentThisYear ? { sentThisYear } : {}),
      today: today(),
    });
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
      // A quick check (deadlines only) of a client whose businesses were never read would leave
      // the profile listing deadlines for businesses it says HMRC does not have, and its records
      // with nowhere to put them: read the businesses too the first time.
      const fullNow = full || readCache(profile).businesses.length === 0;
      let answer;
      try {
        answer = await fetchFromHmrc(client, profile.nino, {
          full: fullNow,
          today: today(),
          checkedAt,
        });
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
            scope: fullNow ? 'full' : 'obligations',
            outcome: 'authorised',
            ...(answer.correlationId ? { correlationId: answer.correlationId } : {}),
          },
        });
        if (answer.businesses) {
          syncLedgerBusinesses(
            ledger,
            answer.businesses,
            taxYearOf(today()),
            businessName,
            log,
            answer.foreignProperties,
          );
        }
        return readHmrcCache(ledger.database);
      };
      const cache = pool.isOpen(profileId)
        ? keep(pool.get(profileId))
        : pool.borrow(profileId, keep);
      const updated = keepSummary(current, cache, checkedAt, {
        authorisation: answer.authorisation,
        ...(answer.itsaStatuses ? { itsaStatuses: answer.itsaStatuses } : {}),
      });
      return snapshotFrom(updated, cache);
    })().finally(() => inFlight.delete(profileId));
    inFlight.set(profileId, job);
    return job;
  };

  /** The registry's overview summary of what was just kept; a light check keeps the ITSA status. */
  const keepSummary = (
    current: Profile,
    cache: HmrcCache,
    checkedAt: string,
    answer: { authorisation?: Authorisation; itsaStatuses?: ItsaStatusRecord[] },
  ): Profile => {
    const names = new Map(cache.businesses.map((b) => [b.hmrcBusinessId, businessName(b)]));
    const before = current.hmrc;
    const updated = registry.update(current.id, {
      ...(answer.authorisation ? { authorisation: answer.authorisation } : {}),
      hmrc: {
        ...summarise(cache.obligations, checkedAt, (id) => names.get(id)),
        // Fetched with the businesses only: a light check keeps the last answer.
        ...(answer.itsaStatuses
          ? { itsaStatuses: answer.itsaStatuses, itsaCheckedAt: checkedAt }
          : {
              ...(before.itsaStatuses ? { itsaStatuses: before.itsaStatuses } : {}),
              ...(before.itsaCheckedAt ? { itsaCheckedAt: before.itsaCheckedAt } : {}),
            }),
        // What the last sync left is the sync's to change, not an HMRC check's.
        ...(before.sync ? { sync: before.sync } : {}),
      },
      updatedAt: nowIso(),
    });
    changed();
    return updated;
  };

  /**
   * After HMRC accepted updates: one year's quarterly obligations in one request, merged into
   * the kept answer. The accepted PUT has just shown HMRC lets this account act for the client,
   * so the authorisation check and the business details a full fetch repeats are not asked again.
   * A full fetch already running answers instead.
   */
  const refreshYearObligations = (profileId: string, taxYear: string): Promise<SnapshotView> => {
    const running = inFlight.get(profileId);
    if (running) return running;
    const job = (async () => {
      const profile = requireProfile(profileId);
      const client = clientFor(profile);
      const checkedAt = nowIso();
      const answer = await fetchYearObligations(client, profile.nino, taxYear);
      const keep = (ledger: Ledger) => {
        const merged = mergeYearObligations(
          readHmrcCache(ledger.database).obligations,
          answer.obligations,
          taxYear,
        );
        writeHmrcCache(ledger.database, {
          obligations: merged,
          check: {
            checkedAt,
            scope: 'obligations',
            outcome: 'authorised',
            ...(answer.correlationId ? { correlationId: answer.correlationId } : {}),
          },
        });
        return readHmrcCache(ledger.database);
      };
      const cache = pool.isOpen(profileId)
        ? keep(pool.get(profileId))
        : pool.borrow(profileId, keep);
      const updated = keepSummary(requireProfile(profileId), cache, checkedAt, {});
      return snapshotFrom(updated, cache);
    })().finally(() => inFlight.delete(profileId));
    inFlight.set(profileId, job);
    return job;
  };

  const hmrcFor = (profileId: string): ProfileHmrcAccess => {
    const profile = requireProfile(profileId);
    if (!profile.accountId || !deps.accounts.get(profile.accountId)) throw noAccount(profile);
    return {
      profile,
      nino: profile.nino,
      client: guardedClient(profile, deps.hmrc.forAccount(profile.accountId)),
    };
  };

  const checkAuthorisation = async (profileId: string): Promise<Profile> => {
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
  };

  const snapshot = (profileId: string): SnapshotView => {
    const profile = requireProfile(profileId);
    return snapshotFrom(profile, readCache(profile));
  };

  const setQuarterlyPeriodType: ProfilesHmrcChecks['setQuarterlyPeriodType'] = async (
    profileId,
    hmrcBusinessId,
    type,
    confirmations,
  ) => {
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
    const snapshotNow = snapshotFrom(profile, cache);
    const election =
      snapshotNow.businesses.find((b) => b.hmrcBusinessId === hmrcBusinessId)?.election ??
      electionFor(business, cache.obligations, today());
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
    const { client, nino } = hmrcFor(profileId);
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
  };

  /**
   * A profile just added with an account is checked with HMRC at once; a failed check leaves the
   * status "unknown" with the reason, never undoes the add.
   */
  const checkAfterAdd = async (profileId: string): Promise<Profile> => {
    try {
      return await checkAuthorisation(profileId);
    } catch (error) {
      // The profile is added; the person sees why it could not be checked and can retry.
      const message =
        error instanceof AppError
          ? `Ledgerlink could not check with HMRC: ${error.message} ${error.action}`
          : 'Ledgerlink could not check with HMRC. Try again later.';
      const updated = setAuthorisation(requireProfile(profileId), {
        status: 'unknown',
        checkedAt: nowIso(),
        message: message.slice(0, 2000),
        ...(error instanceof AppError ? { code: error.code } : {}),
      });
      changed();
      return updated;
    }
  };

  return {
    hmrcFor,
    assertAllowed: (profileId, action) => assertAllowed(requireProfile(profileId), action),
    checkAuthorisation,
    checkAfterAdd,
    snapshot,
    fetchAndKeep,
    refreshYearObligations,
    setQuarterlyPeriodType,
  };
}
