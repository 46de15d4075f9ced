import type { ItemError } from '@shared/ipc/channels/sync';
import {
  deleteAnnualSubmission,
  getAnnualSubmission,
  putAnnualSubmission,
} from '../hmrc/endpoints/annual-submission';
import { isAnnualKind, type AnnualKind } from '@shared/domain/annual-fields';
import { HmrcError } from '../hmrc/errors/hmrc-error';
import { AppError } from '../ipc/app-error';
import type { HmrcAccountClient } from '../hmrc/hmrc-service';
import type { Ledger } from '../ledger';
import type { Logger } from '../logging/logger';
import type { Profile } from '../profiles/profile-record';
import { flattenBody } from '../review/flatten-body';
import { classifyFailure, nextRetryDelayMs } from './classify-failure';
import type { LogAnchors } from './log-anchors';
import { createOutboxStore, type OutboxItem } from './outbox-store';
import { isStale } from './staleness';
import { createSubmissionLog } from './submission-log';

/** The part of the profiles capability sync uses (issue 6). */
export interface SyncProfilesPort {
  require(profileId: string): Profile;
  ledger(profileId: string): Ledger;
  hmrcFor(profileId: string): { profile: Profile; nino: string; client: HmrcAccountClient };
  refresh(profileId: string): Promise<unknown>;
  /** One tax year's quarterly obligations only: one request, after a sync. */
  refreshYearObligations(profileId: string, taxYear: string): Promise<unknown>;
}

export interface ProfileSyncDeps {
  profiles: SyncProfilesPort;
  /** Whether the profile's HMRC account is linked now (so needs-relink items can go again). */
  accountLinked: (accountId: string) => boolean;
  anchors: LogAnchors;
  now: () => Date;
  logger: Logger;
  /** Business-and-year groups sent side by side (default 3; the rate limiter keeps the total in line). */
  groupConcurrency?: number;
}

export type ItemOutcome =
  'sending' | 'accepted' | 'queued' | 'failed' | 'needs-relink' | 'stale' | 'cancelled';

export interface ProfileSyncResult {
  total: number;
  accepted: number;
  queued: number;
  failed: number;
  needsRelink: number;
  stale: number;
  cancelled: boolean;
  /** Tax years that had an update accepted (for the estimate). */
  acceptedTaxYears: string[];
  /** The first reason something did not go, in plain English. */
  firstProblem?: ItemError;
}

/** A run that has done nothing yet: every count zero. */
export const emptySyncResult = (): ProfileSyncResult => ({
  total: 0,
  accepted: 0,
  queued: 0,
  failed: 0,
  needsRelink: 0,
  stale: 0,
  cancelled: false,
  acceptedTaxYears: [],
});

/**
 * Sends one profile's outbox: every `approved` item and any left `sending` by a crash, oldest
 * first within each business and tax year (a cumulative update replaces the one before, so the
 * order matters there and nowhere else). For each item:
 *
 *   stale? → stale, not sent
 *   commit `sending` → PUT the frozen JSON unchanged (the HMRC client rate-limits and retries)
 *   → 2xx: one transaction marks it `accepted` and appends the receipt (UNIQUE per item)
 *   → retry / relink / failed / cancelled by classifyFailure
 *
 * A crash anywhere leaves each item in its last committed state; the next run sends a
 * `sending` item again, which is safe because the cumulative PUT is idempotent (reference §3.5).
 * If that second PUT is refused, a GET confirms whether HMRC already holds exactly this update.
 */
export async function syncProfileOutbox(
  deps: ProfileSyncDeps,
  profileId: string,
  options: {
    signal?: AbortSignal;
    onItem?: (item: OutboxItem, outcome: ItemOutcome) => void;
    /** Sandbox and Practice only: HMRC's canned outcome for every PUT (reference §3.8). */
    govTestScenario?: string;
  } = {},
): Promise<ProfileSyncResult> {
  const ledger = deps.profiles.ledger(profileId);
  const outbox = createOutboxStore(ledger.database);
  const log = createSubmissionLog(ledger.database);
  const nowIso = () => deps.now().toISOString();
  const result = emptySyncResult();
  const { profile, nino, client } = deps.profiles.hmrcFor(profileId);
  if (profile.accountId && deps.accountLinked(profile.accountId)) {
    for (const item of outbox.list({ states: ['needs-relink'] })) outbox.release(item.id, nowIso());
  }

  const items = outbox.list({ states: ['approved', 'sending'] }).sort((a, b) => a.id - b.id);
  result.total = items.length;
  const groups = new Map<string, OutboxItem[]>();
  for (const item of items) {
    const key = `${item.businessId}|${item.taxYear}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }

  // A relink problem stops the whole profile: every request would fail the same way.
  const stop = new AbortController();
  const onOuterAbort = () => stop.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const signal = stop.signal;
  const note = (item: OutboxItem, outcome: ItemOutcome, problem?: ItemError) => {
    if (problem && !result.firstProblem) result.firstProblem = problem;
    options.onItem?.(item, outcome);
  };

  const sendOne = async (item: OutboxItem): Promise<void> => {
    if (signal.aborted) {
      result.cancelled = result.cancelled || !!options.signal?.aborted;
      return;
    }
    if (item.state === 'approved' && isStale(ledger, item)) {
      outbox.markStale(item.id, nowIso());
      result.stale += 1;
      note(item, 'stale');
      return;
    }
    const recovering = item.state === 'sending';
    outbox.markSending(item.id, nowIso());
    note(item, 'sending');
    const body = JSON.parse(item.payload) as never;
    const call = {
      signal,
      ...(options.govTestScenario ? { govTestScenario: options.govTestScenario } : {}),
    };
    try {
      const sent = await send(item, body, call);
      accept(item, sent.correlationId ?? 'none');
    } catch (error) {
      const outcome = classifyFailure(error, signal.aborted ? signal : undefined);
      if (recovering && outcome.kind === 'failed' && (await heldByHmrc(item))) return;
      settle(item, outcome);
    }
  };

  const accept = (item: OutboxItem, correlationId: string) => {
    const at = nowIso();
    ledger.database
      .transaction(() => {
        // A receipt exists already only if this item was accepted before; never write two.
        if (log.forOutbox(item.id)) return;
        outbox.markAccepted(item.id, correlationId, at);
        log.append({
          outboxId: item.id,
          recordedAt: at,
          profileId,
          environment: profile.environment,
          businessId: item.businessId,
          hmrcBusinessId: item.hmrcBusinessId,
          kind: item.kind,
          taxYear: item.taxYear,
          periodStart: item.periodStart,
          periodEnd: item.periodEnd,
          ...(item.submission !== 'cumulative' ? { submission: item.submission } : {}),
          payload: item.payload,
          payloadHash: item.payloadHash,
          correlationId,
        });
      })
      .immediate();
    deps.anchors.record(profileId, log.head());
    result.accepted += 1;
    if (!result.acceptedTaxYears.includes(item.taxYear)) result.acceptedTaxYears.push(item.taxYear);
    deps.logger.info('Update accepted by HMRC', {
      profileId,
      outboxId: item.id,
      taxYear: item.taxYear,
      correlationId,
    });
    note(item, 'accepted');
  };

  /** An annual item of a kind without annual figures here cannot have been approved. */
  const annualKind = (item: OutboxItem): AnnualKind => {
    if (isAnnualKind(item.kind)) return item.kind;
    throw new AppError(
      'ANNUAL_KIND_UNSUPPORTED',
      'Annual figures for this kind of business are not sent from Ledgerlink.',
      'Send them through other software or HMRC’s online service.',
    );
  };

  /** The request an item stands for: the cumulative PUT, the annual PUT or the annual DELETE. */
  const send = (
    item: OutboxItem,
    body: never,
    call: { signal: AbortSignal; govTestScenario?: string },
  ) => {
    switch (item.submission) {
      case 'annual':
        return putAnnualSubmission(
          client.transport,
          annualKind(item),
          nino,
          item.hmrcBusinessId,
          item.taxYear,
          body,
          call,
        );
      case 'annual-delete':
        return deleteAnnualSubmission(
          client.transport,
          annualKind(item),
          nino,
          item.hmrcBusinessId,
          item.taxYear,
          call,
        );
      case 'cumulative':
        return client[CUMULATIVE[item.kind]].putCumulative(
          nino,
          item.hmrcBusinessId,
          item.taxYear,
          body,
          call,
        );
    }
  };

  /** After a crash mid-send: does HMRC already hold exactly this update? (GET, reference §3.4) */
  const heldByHmrc = async (item: OutboxItem): Promise<boolean> => {
    if (item.submission === 'annual-delete') return deletedAtHmrc(item);
    try {
      const held =
        item.submission === 'annual'
          ? await getAnnualSubmission(
              client.transport,
              annualKind(item),
              nino,
              item.hmrcBusinessId,
              item.taxYear,
              { signal },
            )
          : await client[CUMULATIVE[item.kind]].getCumulative(
              nino,
              item.hmrcBusinessId,
              item.taxYear,
              { signal },
            );
      if (!sameUpdate(item.payload, held.data)) return false;
      accept(item, held.correlationId ?? 'none');
      return true;
    } catch {
      return false;
    }
  };

  /** A DELETE that may have arrived before a crash: HMRC holding nothing now is the success. */
  const deletedAtHmrc = async (item: OutboxItem): Promise<boolean> => {
    try {
      await getAnnualSubmission(
        client.transport,
        annualKind(item),
        nino,
        item.hmrcBusinessId,
        item.taxYear,
        {
          signal,
        },
      );
      return false;
    } catch (error) {
      if (!(error instanceof HmrcError) || error.status !== 404) return false;
      accept(item, error.correlationId ?? 'none');
      return true;
    }
  };

  const settle = (item: OutboxItem, outcome: ReturnType<typeof classifyFailure>) => {
    const at = deps.now();
    switch (outcome.kind) {
      case 'cancelled':
        outbox.requeue(item.id, outcome.error, null, at.toISOString());
        result.cancelled = true;
        note(item, 'cancelled');
        return;
      case 'retry': {
        const attempts = outbox.get(item.id)?.attempts ?? 1;
        const retryAt = new Date(at.getTime() + nextRetryDelayMs(attempts)).toISOString();
        outbox.requeue(item.id, outcome.error, retryAt, at.toISOString());
        result.queued += 1;
        note(item, 'queued', outcome.error);
        return;
      }
      case 'relink':
        outbox.markNeedsRelink(item.id, outcome.error, at.toISOString());
        result.needsRelink += 1;
        note(item, 'needs-relink', outcome.error);
        stop.abort(new Error('relink needed'));
        return;
      case 'failed':
        outbox.markFailed(item.id, outcome.error, at.toISOString());
        result.failed += 1;
        deps.logger.warn('HMRC refused an update', {
          profileId,
          outboxId: item.id,
          code: outcome.error.code,
        });
        note(item, 'failed', outcome.error);
        return;
    }
  };

  const queue = [...groups.values()];
  const width = Math.max(1, deps.groupConcurrency ?? 3);
  try {
    await Promise.all(
      Array.from({ length: Math.min(width, queue.length) }, async () => {
        for (let group = queue.shift(); group; group = queue.shift()) {
          for (const item of group) await sendOne(item);
        }
      }),
    );
  } finally {
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
  if (options.signal?.aborted) result.cancelled = true;
  return result;
}

/** Which of the HMRC client's cumulative summary pairs sends a kind's update (reference §3.5). */
const CUMULATIVE = {
  'self-employment': 'selfEmployment',
  'uk-property': 'ukProperty',
  'foreign-property': 'foreignProperty',
} as const satisfies Record<OutboxItem['kind'], keyof HmrcAccountClient>;

/** Same dates and amounts, whatever the key order or HMRC's extra fields. */
function sameUpdate(payload: string, held: unknown): boolean {
  const mine = flattenBody(JSON.parse(payload));
  const theirs = flattenBody(held);
  const keys = new Set([...mine.keys(), ...theirs.keys()]);
  for (const key of keys) {
    const a = mine.get(key);
    const b = theirs.get(key);
    const av = a?.kind === 'money' ? a.pence : (a?.text ?? 0);
    const bv = b?.kind === 'money' ? b.pence : (b?.text ?? 0);
    if (av !== bv) return false;
  }
  return true;
}
