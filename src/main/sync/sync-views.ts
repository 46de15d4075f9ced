import type {
  LogCheckView,
  OutboxItemView,
  ReceiptView,
  SyncStatusView,
} from '@shared/ipc/channels/sync';
import type { Profile } from '../profiles/profile-record';
import type { LogAnchors } from './log-anchors';
import type { NetworkStatus } from './network-status';
import { createOutboxStore } from './outbox-store';
import type { SyncProfilesPort } from './profile-sync';
import { profileSyncState } from './profile-sync-state';
import { markStaleApprovals } from './staleness';
import { createSubmissionLog } from './submission-log';
import { estimatePermission } from './sync-estimate';

/** What the sync screen shows of a profile: its outbox, receipts and the log's check. */
export interface SyncViews {
  status: (profileId: string) => SyncStatusView;
  receipts(profileId: string, limit?: number): ReceiptView[];
  verifyLog(profileId?: string): LogCheckView[];
  /** Updates waiting to go (approved, sending, or waiting for a re-link). */
  queuedCount(profileId: string): number;
}

export function createSyncViews(deps: {
  profiles: SyncProfilesPort & { list(): Profile[] };
  network: NetworkStatus;
  anchors: LogAnchors;
  nowIso: () => string;
  /** Whether a run is syncing the profile now. */
  isSyncing: (profileId: string) => boolean;
}): SyncViews {
  const { anchors, nowIso } = deps;

  const businessNames = (profileId: string) =>
    new Map(
      deps.profiles
        .ledger(profileId)
        .businesses.list({ includeArchived: true })
        .map((b) => [b.id, b.name]),
    );

  const queuedCount = (profileId: string) => {
    const outbox = createOutboxStore(deps.profiles.ledger(profileId).database);
    const counts = outbox.counts();
    return counts.approved + counts.sending + counts['needs-relink'];
  };

  const status = (profileId: string): SyncStatusView => {
    const profile = deps.profiles.require(profileId);
    const ledger = deps.profiles.ledger(profileId);
    const outbox = createOutboxStore(ledger.database);
    const log = createSubmissionLog(ledger.database);
    const state = profileSyncState(ledger.database);
    markStaleApprovals(ledger, outbox, nowIso());
    const names = businessNames(profileId);
    const items: OutboxItemView[] = outbox
      .list({ limit: 200 })
      .filter((i) => i.state !== 'superseded')
      .map((i) => {
        const receipt = i.state === 'accepted' ? log.forOutbox(i.id) : undefined;
        return {
          id: i.id,
          businessId: i.businessId,
          businessName: (names.get(i.businessId) ?? 'Business').slice(0, 200),
          hmrcBusinessId: i.hmrcBusinessId,
          kind: i.kind,
          ...(i.submission !== 'cumulative' ? { submission: i.submission } : {}),
          taxYear: i.taxYear,
          periodStart: i.periodStart,
          periodEnd: i.periodEnd,
          state: i.state,
          approvedAt: i.approvedAt,
          payloadHash: i.payloadHash,
          attempts: i.attempts,
          ...(i.nextRetryAt && i.state === 'approved' ? { nextRetryAt: i.nextRetryAt } : {}),
          ...(i.error && i.state !== 'accepted' ? { error: clip(i.error) } : {}),
          ...(i.acceptedAt ? { acceptedAt: i.acceptedAt } : {}),
          ...(i.state === 'accepted' && i.correlationId
            ? { correlationId: i.correlationId.slice(0, 100) }
            : {}),
          ...(receipt ? { receiptSeq: receipt.seq } : {}),
        };
      });
    const counts = outbox.counts();
    const last = state.lastSync();
    const permission = estimatePermission(profile);
    const estimate = state.estimate();
    return {
      profileId,
      profileName: profile.name,
      online: deps.network.isOnline(),
      running: deps.isSyncing(profileId),
      ...(last ? { lastSyncedAt: last.at, lastOutcome: last.outcome } : {}),
      counts: {
        queued: counts.approved + counts.sending,
        failed: counts.failed,
        needsRelink: counts['needs-relink'],
        stale: counts.stale,
        accepted: counts.accepted,
      },
      items,
      ...(estimate ? { estimate } : {}),
      estimateAllowed: permission.allowed,
      ...(permission.allowed ? {} : { estimateReason: permission.reason }),
    };
  };

  const receipts = (profileId: string, limit = 100): ReceiptView[] => {
    const profile = deps.profiles.require(profileId);
    const ledger = deps.profiles.ledger(profileId);
    const names = businessNames(profileId);
    return createSubmissionLog(ledger.database)
      .list({ limit, newestFirst: true })
      .map((e) => ({
        seq: e.seq,
        recordedAt: e.recordedAt,
        profileId: e.profileId,
        profileName: profile.name,
        environment: e.environment,
        businessName: (names.get(e.businessId) ?? e.hmrcBusinessId).slice(0, 200),
        hmrcBusinessId: e.hmrcBusinessId,
        kind: e.kind,
        ...(e.submission ? { submission: e.submission } : {}),
        taxYear: e.taxYear,
        periodStart: e.periodStart,
        periodEnd: e.periodEnd,
        payloadHash: e.payloadHash,
        correlationId: e.correlationId.slice(0, 100),
        entryHash: e.entryHash,
      }));
  };

  const verifyLog = (profileId?: string): LogCheckView[] => {
    const profiles = profileId ? [deps.profiles.require(profileId)] : deps.profiles.list();
    return profiles.map((profile) => {
      const log = createSubmissionLog(deps.profiles.ledger(profile.id).database);
      const checked = log.verify();
      const byAnchor = anchors.check(
        profile.id,
        checked.entries,
        (seq) => log.list().find((e) => e.seq === seq)?.entryHash,
      );
      const problems = [...checked.problems, ...byAnchor].slice(0, 200);
      return {
        profileId: profile.id,
        profileName: profile.name,
        entries: checked.entries,
        ok: problems.length === 0,
        ...(checked.entries > 0 ? { headHash: checked.headHash } : {}),
        problems,
      };
    });
  };

  return { status, receipts, verifyLog, queuedCount };
}

const clip = (e: OutboxItemView['error'] & object): NonNullable<OutboxItemView['error']> => ({
  code: e.code.slice(0, 100),
  message: e.message.slice(0, 2000),
  action: e.action.slice(0, 2000),
  ...(e.correlationId ? { correlationId: e.correlationId.slice(0, 100) } : {}),
  ...(e.fields
    ? {
        fields: e.fields
          .slice(0, 50)
          .map((f) => ({ path: f.path.slice(0, 300), message: f.message.slice(0, 2000) })),
      }
    : {}),
});
