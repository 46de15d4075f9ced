import {
  formatUkDate,
  isValidPeriodEnd,
  quarterLabel,
  ukDateOf,
  updatePeriods,
  type IsoDate,
} from '@shared/domain/tax-year';
import type { ComparisonView, ReviewList, UpdateView } from '@shared/ipc/channels/review';
import type { Clock } from '../clock/clock';
import { AppError } from '../ipc/app-error';
import type { Ledger } from '../ledger';
import type { Logger } from '../logging/logger';
import { readHmrcCache } from '../profiles/hmrc-cache';
import type { Profile } from '../profiles/profile-record';
import type { NetworkStatus } from '../sync/network-status';
import { createOutboxStore } from '../sync/outbox-store';
import type { SyncProfilesPort } from '../sync/profile-sync';
import { markStaleApprovals } from '../sync/staleness';
import { createSubmissionLog } from '../sync/submission-log';
import { buildPayload } from './build-payload';
import { compareUpdates } from './compare-updates';
import { createHmrcCopies, type HmrcCopy } from './hmrc-copy';
import { datesRuleFor } from './dates-rule';
import { foreignPropertyEntries } from './foreign-property-places';
import { checkUpdate } from './local-checks';
import { updateTargets } from './update-targets';

export interface ReviewServiceDeps {
  profiles: Pick<SyncProfilesPort, 'require' | 'ledger' | 'hmrcFor'>;
  network: NetworkStatus;
  clock: Clock;
  logger: Logger;
  /** Who the approval is recorded as (the change log's actor for the profile). */
  actorFor?: (profile: Profile) => string;
}

export interface PrepareRequest {
  profileId: string;
  businessId: number;
  taxYear: string;
  periodEnd: IsoDate;
  compareWithHmrc?: boolean;
}

export interface ApproveRequest extends Omit<PrepareRequest, 'compareWithHmrc'> {
  payloadHash: string;
  recordsFingerprint: string;
  acknowledgedWarnings: string[];
}

export interface ReviewService {
  list(profileId: string, options?: { compareWithHmrc?: boolean }): Promise<ReviewList>;
  prepare(request: PrepareRequest): Promise<UpdateView>;
  /** Freezes the update into the outbox; works offline. */
  approve(request: ApproveRequest): Promise<{ outboxId: number; state: 'approved' }>;
  /** HMRC's copies read for a profile are out of date (after a sync). */
  forgetHmrcCopies(profileId: string): void;
}

/**
 * Review before syncing (issue 8, design.md flow 3): prepares each business's cumulative update
 * from the ledger, shows it against the last update HMRC accepted (HMRC's own copy when online,
 * else the submission log), runs the local checks, and freezes an approval into the outbox
 * with its payload hash and records fingerprint.
 */
export function createReviewService(deps: ReviewServiceDeps): ReviewService {
  const copies = createHmrcCopies({ now: () => deps.clock.now() });
  const today = () => ukDateOf(deps.clock.now());

  const prepare = async (
    request: PrepareRequest,
    obligationsOf?: ReturnType<typeof readHmrcCache>,
  ): Promise<UpdateView> => {
    const profile = deps.profiles.require(request.profileId);
    const ledger = deps.profiles.ledger(request.profileId);
    const business = ledger.businesses.get(request.businessId);
    const basis = ledger.businesses.periodBasis(business.id, request.taxYear);
    const totals = ledger.totals.yearToDate(business.id, request.taxYear, request.periodEnd);
    const cache = obligationsOf ?? readHmrcCache(ledger.database);
    const datesRule = datesRuleFor({
      taxYear: request.taxYear,
      businessName: business.name,
      itsaStatuses: profile.hmrc.itsaStatuses,
      latency: cache.businesses.find((b) => b.hmrcBusinessId === business.hmrcBusinessId)?.latency,
      period: { start: totals.from, end: totals.to },
    });
    const foreign =
      business.kind === 'foreign-property'
        ? foreignPropertyEntries(ledger, business.id, request.taxYear, totals.to)
        : undefined;
    const payload = buildPayload(totals, {
      withDates: datesRule.withDates,
      ...(foreign ? { foreignEntries: foreign.entries } : {}),
    });
    const body = JSON.parse(payload.json) as unknown;
    const log = createSubmissionLog(ledger.database);
    const outbox = createOutboxStore(ledger.database);
    markStaleApprovals(ledger, outbox, deps.clock.now().toISOString());
    const logged = log.latestFor(business.id, request.taxYear);
    const copy = await hmrcCopy(
      profile,
      business.hmrcBusinessId,
      business.kind,
      request.taxYear,
      request.compareWithHmrc === true,
    );
    const comparison = comparisonFrom(business.kind, copy, logged);

    const lines = compareUpdates(business.kind, body, comparison.body);
    const previousEnd = comparison.periodEnd;
    const checks = checkUpdate({
      totals,
      payload,
      hmrcBusinessId: business.hmrcBusinessId,
      taxYear: request.taxYear,
      basis,
      today: today(),
      commencementDate: business.commencementDate,
      ...(previousEnd ? { previousEnd } : {}),
      lines,
      ...(comparison.periodStart && previousEnd
        ? { previous: { periodStart: comparison.periodStart, periodEnd: previousEnd } }
        : {}),
      businessId: business.id,
      unassignedCount: ledger.records.summarise({
        businessId: null,
        uncategorised: true,
        dateFrom: totals.from,
        dateTo: totals.to,
      }).count,
      withDates: datesRule.withDates,
    });

    const obligation = cache.obligations.find(
      (o) =>
        o.kind === 'quarterly' &&
        o.hmrcBusinessId === business.hmrcBusinessId &&
        o.periodEnd === request.periodEnd,
    );
    const period = updatePeriods(request.taxYear, basis).find((p) => p.end === totals.to);
    const latest = outbox.latestFor(business.id, request.taxYear);
    return {
      profileId: profile.id,
      businessId: business.id,
      hmrcBusinessId: business.hmrcBusinessId,
      businessName: business.name.slice(0, 200),
      kind: business.kind,
      taxYear: request.taxYear,
      periodStart: totals.from,
      periodEnd: totals.to,
      // Without dates (annual status, latent source) HMRC has no quarters for it: say "so far".
      periodLabel: !datesRule.withDates
        ? `Figures so far this year, ${formatUkDate(totals.from)} to ${formatUkDate(totals.to)}`
        : period && isValidPeriodEnd(totals.to, basis.type)
          ? quarterLabel(period)
          : `${formatUkDate(totals.from)} to ${formatUkDate(totals.to)}`,
      ...(obligation
        ? {
            obligation: {
              periodStart: obligation.periodStart,
              periodEnd: obligation.periodEnd,
              dueDate: obligation.dueDate,
              status: obligation.status,
            },
          }
        : {}),
      periodEnds: updatePeriods(request.taxYear, basis).map((p) => p.end),
      datesRule,
      expenses: totals.consolidated.chosen ? 'consolidated' : 'itemised',
      lines,
      incomePence: totals.incomePence,
      expensesPence: totals.consolidated.chosen
        ? totals.consolidated.consolidatedPence
        : totals.expensesPence,
      payloadJson: payload.json,
      payloadHash: payload.hash,
      records: { count: totals.records.count, fingerprint: totals.records.fingerprint },
      comparison: { ...comparison.view, changedLines: lines.filter((l) => l.changed).length },
      errors: [...(foreign?.problems ?? []), ...checks.errors],
      warnings: checks.warnings,
      ...(latest
        ? {
            outbox: {
              id: latest.id,
              state: latest.state,
              periodEnd: latest.periodEnd,
              payloadHash: latest.payloadHash,
              sameAsThis:
                latest.payloadHash === payload.hash &&
                latest.records.fingerprint === totals.records.fingerprint,
            },
          }
        : {}),
    };
  };

  /** HMRC's copy when asked and online; a recent one without asking; otherwise none. */
  const hmrcCopy = async (
    profile: Profile,
    hmrcBusinessId: string | null,
    kind: UpdateView['kind'],
    taxYear: string,
    ask: boolean,
  ): Promise<HmrcCopy | undefined> => {
    if (!hmrcBusinessId) return undefined;
    const key = { profileId: profile.id, hmrcBusinessId, kind, taxYear };
    const recent = copies.cached(key);
    if (recent || !ask) return recent;
    if (!deps.network.isOnline()) {
      return {
        status: 'unavailable',
        readAt: deps.clock.now().toISOString(),
        reason: 'This computer is offline.',
      };
    }
    try {
      const { client, nino } = deps.profiles.hmrcFor(profile.id);
      return await copies.read(client, { ...key, nino });
    } catch (error) {
      return {
        status: 'unavailable',
        readAt: deps.clock.now().toISOString(),
        reason: error instanceof AppError ? error.message : 'HMRC could not be asked.',
      };
    }
  };

  const service: ReviewService = {
    async list(profileId, options = {}) {
      const profile = deps.profiles.require(profileId);
      const ledger: Ledger = deps.profiles.ledger(profileId);
      const cache = readHmrcCache(ledger.database);
      const { targets, notReady } = updateTargets({
        businesses: ledger.businesses.list(),
        obligations: cache.obligations,
        today: today(),
        basisOf: (id, ty) => ledger.businesses.periodBasis(id, ty),
      });
      const updates: UpdateView[] = [];
      for (const t of targets) {
        updates.push(
          await prepare(
            {
              profileId,
              businessId: t.business.id,
              taxYear: t.taxYear,
              periodEnd: t.periodEnd,
              compareWithHmrc: options.compareWithHmrc ?? true,
            },
            cache,
          ),
        );
      }
      return {
        profileId,
        profileName: profile.name.slice(0, 200),
        today: today(),
        online: deps.network.isOnline(),
        obligationsCheckedAt: cache.fetchedAt,
        updates,
        notReady: notReady.map((n) => ({
          businessName: n.business.name.slice(0, 200),
          reason: n.reason,
        })),
      };
    },

    prepare: (request) => prepare(request),

    async approve(request) {
      const profile = deps.profiles.require(request.profileId);
      const view = await prepare({ ...request, compareWithHmrc: false });
      if (
        view.payloadHash !== request.payloadHash ||
        view.records.fingerprint !== request.recordsFingerprint
      ) {
        throw new AppError(
          'UPDATE_CHANGED',
          'The records behind this update changed after you reviewed it, so the figures may be different now.',
          'Look at the update again, then approve it.',
        );
      }
      if (view.errors.length > 0) {
        throw new AppError(
          'UPDATE_HAS_ERRORS',
          `This update cannot be approved: ${view.errors.map((e) => e.message).join(' ')}`.slice(
            0,
            2000,
          ),
          'Put the problems right, then review it again.',
        );
      }
      const missing = view.warnings.filter((w) => !request.acknowledgedWarnings.includes(w.code));
      if (missing.length > 0) {
        throw new AppError(
          'WARNINGS_NOT_ACKNOWLEDGED',
          `Confirm you have seen every warning before approving: ${missing.map((w) => w.message).join(' ')}`.slice(
            0,
            2000,
          ),
          'Tick the box under each warning, then approve.',
        );
      }
      const ledger = deps.profiles.ledger(request.profileId);
      const item = createOutboxStore(ledger.database).approve(
        {
          businessId: view.businessId,
          hmrcBusinessId: view.hmrcBusinessId!,
          kind: view.kind,
          taxYear: view.taxYear,
          periodStart: view.periodStart,
          periodEnd: view.periodEnd,
          payload: view.payloadJson,
          payloadHash: view.payloadHash,
          records: { ...view.records, from: view.periodStart, to: view.periodEnd },
          recordIds: ledger.totals.contributingIds(
            view.businessId,
            view.periodStart,
            view.periodEnd,
          ),
          acknowledged: view.warnings.map((w) => w.code),
          approvedAt: deps.clock.now().toISOString(),
          approvedBy: deps.actorFor?.(profile) ?? profile.name,
        },
        deps.clock.now().toISOString(),
      );
      deps.logger.info('Update approved into the outbox', {
        profileId: profile.id,
        outboxId: item.id,
        taxYear: item.taxYear,
        periodEnd: item.periodEnd,
        payloadHash: item.payloadHash,
      });
      return { outboxId: item.id, state: 'approved' };
    },

    forgetHmrcCopies: (profileId) => copies.forget(profileId),
  };
  return service;
}

interface Comparison {
  body?: unknown;
  periodStart?: string;
  periodEnd?: string;
  view: Omit<ComparisonView, 'changedLines'>;
}

function comparisonFrom(
  kind: UpdateView['kind'],
  copy: HmrcCopy | undefined,
  logged: ReturnType<ReturnType<typeof createSubmissionLog>['latestFor']>,
): Comparison {
  const fromLog = (note?: string): Comparison =>
    logged
      ? {
          body: JSON.parse(logged.payload) as unknown,
          periodStart: logged.periodStart,
          periodEnd: logged.periodEnd,
          view: {
            source: 'submission-log',
            description: `The last update HMRC accepted from this computer, to ${formatUkDate(logged.periodEnd)}.`,
            at: logged.recordedAt,
            correlationId: logged.correlationId.slice(0, 100),
            ...(note ? { hmrcUnavailable: note.slice(0, 2000) } : {}),
          },
        }
      : {
          view: {
            source: 'none',
            description:
              'No update for this business and tax year has been accepted from this computer.',
            ...(note ? { hmrcUnavailable: note.slice(0, 2000) } : {}),
          },
        };
  if (!copy) return fromLog();
  if (copy.status === 'unavailable')
    return fromLog(`HMRC’s copy could not be read: ${copy.reason}`);
  if (copy.status === 'none') {
    return {
      view: {
        source: 'none',
        description: 'HMRC holds no update for this business and tax year yet: everything is new.',
        at: copy.readAt,
        ...(copy.correlationId ? { correlationId: copy.correlationId } : {}),
        ...(logged ? { differsFromLog: true } : {}),
      },
    };
  }
  const differs = logged
    ? compareUpdates(kind, copy.body, JSON.parse(logged.payload)).some((line) => line.changed)
    : undefined;
  return {
    body: copy.body,
    ...(copy.periodStart ? { periodStart: copy.periodStart } : {}),
    ...(copy.periodEnd ? { periodEnd: copy.periodEnd } : {}),
    view: {
      source: 'hmrc',
      description: `What HMRC holds now${copy.periodEnd ? `, to ${formatUkDate(copy.periodEnd)}` : ''} (read ${copy.readAt.slice(11, 16)} UTC).`,
      at: copy.readAt,
      ...(copy.correlationId ? { correlationId: copy.correlationId } : {}),
      ...(differs !== undefined ? { differsFromLog: differs } : {}),
    },
  };
}
