import type { BusinessKind } from '@shared/domain/business-kinds';
import type { OutboxState } from '@shared/ipc/channels/review';
import type { ItemError } from '@shared/ipc/channels/sync';
import type { SqliteDatabase } from '../ledger';

/** What an item sends (migration 0009-outbox-submissions). */
export type SubmissionKind = 'cumulative' | 'annual' | 'annual-delete';
/** Items of one group replace each other: a newer annual approval replaces a waiting delete. */
const groupOf = (s: SubmissionKind): SubmissionKind[] =>
  s === 'cumulative' ? ['cumulative'] : ['annual', 'annual-delete'];

/**
 * The outbox in the profile's ledger file (migration 0006-sync-outbox). Every state change is
 * one committed SQLite transaction (WAL, synchronous=FULL), so after a crash each item is in
 * exactly the state its last commit left: an item caught `sending` is sent again on the next
 * sync (the cumulative PUT is idempotent, reference §3.5).
 */
export interface OutboxItem {
  id: number;
  businessId: number;
  hmrcBusinessId: string;
  kind: BusinessKind;
  submission: SubmissionKind;
  taxYear: string;
  periodStart: string;
  periodEnd: string;
  /** The exact JSON body approved; sent unchanged. */
  payload: string;
  payloadHash: string;
  records: { fingerprint: string; count: number; from: string; to: string };
  /** The transactions behind the figures when approved (ledger totals' contributingIds). */
  recordIds?: number[];
  acknowledged: string[];
  state: OutboxState;
  approvedAt: string;
  approvedBy: string;
  attempts: number;
  nextRetryAt?: string;
  error?: ItemError;
  correlationId?: string;
  sendingSince?: string;
  acceptedAt?: string;
}

export type NewOutboxItem = Omit<
  OutboxItem,
  | 'submission'
  | 'id'
  | 'state'
  | 'attempts'
  | 'nextRetryAt'
  | 'error'
  | 'correlationId'
  | 'sendingSince'
  | 'acceptedAt'
> & { submission?: SubmissionKind };

/** The frozen record ids of an item (kept out of the list queries: they can be long). */
export function frozenRecordIds(db: SqliteDatabase, id: number): number[] {
  const row = db.prepare('SELECT records_ids FROM sync_outbox WHERE id = ?').get(id) as
    { records_ids: string } | undefined;
  return row ? (JSON.parse(row.records_ids) as number[]) : [];
}

interface OutboxRow {
  id: number;
  business_id: number;
  hmrc_business_id: string;
  kind: BusinessKind;
  submission: SubmissionKind;
  tax_year: string;
  period_start: string;
  period_end: string;
  payload: string;
  payload_hash: string;
  records_fingerprint: string;
  records_count: number;
  records_from: string;
  records_to: string;
  acknowledged: string;
  state: OutboxState;
  approved_at: string;
  approved_by: string;
  attempts: number;
  next_retry_at: string | null;
  error_code: string | null;
  error_message: string | null;
  error_action: string | null;
  error_fields: string | null;
  correlation_id: string | null;
  sending_since: string | null;
  accepted_at: string | null;
}

const toItem = (r: OutboxRow): OutboxItem => ({
  id: r.id,
  businessId: r.business_id,
  hmrcBusinessId: r.hmrc_business_id,
  kind: r.kind,
  submission: r.submission,
  taxYear: r.tax_year,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  payload: r.payload,
  payloadHash: r.payload_hash,
  records: {
    fingerprint: r.records_fingerprint,
    count: r.records_count,
    from: r.records_from,
    to: r.records_to,
  },
  acknowledged: JSON.parse(r.acknowledged) as string[],
  state: r.state,
  approvedAt: r.approved_at,
  approvedBy: r.approved_by,
  attempts: r.attempts,
  ...(r.next_retry_at ? { nextRetryAt: r.next_retry_at } : {}),
  ...(r.error_code
    ? {
        error: {
          code: r.error_code,
          message: r.error_message ?? '',
          action: r.error_action ?? '',
          ...(r.correlation_id && r.state !== 'accepted'
            ? { correlationId: r.correlation_id }
            : {}),
          ...(r.error_fields ? { fields: JSON.parse(r.error_fields) as ItemError['fields'] } : {}),
        },
      }
    : {}),
  ...(r.correlation_id ? { correlationId: r.correlation_id } : {}),
  ...(r.sending_since ? { sendingSince: r.sending_since } : {}),
  ...(r.accepted_at ? { acceptedAt: r.accepted_at } : {}),
});

/** Items a sync works on: approved (queued) and sending (interrupted). */
export const SENDABLE: readonly OutboxState[] = ['approved', 'sending'];
/** Items still waiting for something; a newer approval for the same business and year replaces them. */
const REPLACEABLE: readonly OutboxState[] = ['approved', 'failed', 'needs-relink', 'stale'];

export interface OutboxStore {
  /** Freezes an approval; older waiting items for the same business and year are superseded. */
  approve(item: NewOutboxItem, now: string): OutboxItem;
  get(id: number): OutboxItem | undefined;
  list(options?: { states?: readonly OutboxState[]; limit?: number }): OutboxItem[];
  /** The newest item for a business and tax year (cumulative updates unless told). */
  latestFor(
    businessId: number,
    taxYear: string,
    submissions?: readonly SubmissionKind[],
  ): OutboxItem | undefined;
  markSending(id: number, now: string): void;
  /** Back to the queue, with why and when it will be tried again. */
  requeue(id: number, error: ItemError, nextRetryAt: string | null, now: string): void;
  markFailed(id: number, error: ItemError, now: string): void;
  markNeedsRelink(id: number, error: ItemError, now: string): void;
  markStale(id: number, now: string): void;
  /** needs-relink → approved once the account is linked again. */
  release(id: number, now: string): void;
  /** Accepted: run inside the same transaction as the receipt (submission-log.ts). */
  markAccepted(id: number, correlationId: string, now: string): void;
  discard(id: number): boolean;
  counts(): Record<OutboxState, number>;
}

export function createOutboxStore(db: SqliteDatabase): OutboxStore {
  const get = (id: number) => {
    const row = db.prepare('SELECT * FROM sync_outbox WHERE id = ?').get(id) as
      OutboxRow | undefined;
    return row ? toItem(row) : undefined;
  };
  const setState = (
    id: number,
    state: OutboxState,
    now: string,
    extra: Record<string, unknown> = {},
  ) => {
    const columns = Object.keys(extra);
    db.prepare(
      `UPDATE sync_outbox SET state = ?, updated_at = ?${columns.map((c) => `, ${c} = ?`).join('')} WHERE id = ?`,
    ).run(state, now, ...columns.map((c) => extra[c] ?? null), id);
  };
  const errorColumns = (error: ItemError) => ({
    error_code: error.code,
    error_message: error.message,
    error_action: error.action,
    error_fields: error.fields?.length ? JSON.stringify(error.fields) : null,
    correlation_id: error.correlationId ?? null,
  });

  return {
    approve(item, now) {
      const submission = item.submission ?? 'cumulative';
      const group = groupOf(submission);
      return db
        .transaction(() => {
          db.prepare(
            `UPDATE sync_outbox SET state = 'superseded', updated_at = ?
             WHERE business_id = ? AND tax_year = ? AND state IN (${REPLACEABLE.map(() => '?').join(', ')})
               AND submission IN (${group.map(() => '?').join(', ')})`,
          ).run(now, item.businessId, item.taxYear, ...REPLACEABLE, ...group);
          const { lastInsertRowid } = db
            .prepare(
              `INSERT INTO sync_outbox (business_id, hmrc_business_id, kind, submission, tax_year, period_start,
                 period_end, payload, payload_hash, records_fingerprint, records_count, records_from, records_to,
                 records_ids, acknowledged, state, approved_at, approved_by, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'approved', ?, ?, ?)`,
            )
            .run(
              item.businessId,
              item.hmrcBusinessId,
              item.kind,
              submission,
              item.taxYear,
              item.periodStart,
              item.periodEnd,
              item.payload,
              item.payloadHash,
              item.records.fingerprint,
              item.records.count,
              item.records.from,
              item.records.to,
              JSON.stringify(item.recordIds ?? []),
              JSON.stringify(item.acknowledged),
              item.approvedAt,
              item.approvedBy,
              now,
            );
          return get(Number(lastInsertRowid))!;
        })
        .immediate();
    },
    get,
    list(options = {}) {
      const states = options.states;
      const rows = db
        .prepare(
          `SELECT * FROM sync_outbox ${states ? `WHERE state IN (${states.map(() => '?').join(', ')})` : ''}
           ORDER BY id DESC LIMIT ?`,
        )
        .all(...(states ?? []), options.limit ?? 500) as OutboxRow[];
      return rows.map(toItem);
    },
    latestFor(businessId, taxYear, submissions = ['cumulative']) {
      const row = db
        .prepare(
          `SELECT * FROM sync_outbox WHERE business_id = ? AND tax_year = ?
             AND submission IN (${submissions.map(() => '?').join(', ')}) ORDER BY id DESC LIMIT 1`,
        )
        .get(businessId, taxYear, ...submissions) as OutboxRow | undefined;
      return row ? toItem(row) : undefined;
    },
    markSending(id, now) {
      db.prepare(
        `UPDATE sync_outbox SET state = 'sending', sending_since = ?, attempts = attempts + 1, updated_at = ?
         WHERE id = ? AND state IN ('approved', 'sending')`,
      ).run(now, now, id);
    },
    requeue(id, error, nextRetryAt, now) {
      setState(id, 'approved', now, {
        ...errorColumns(error),
        next_retry_at: nextRetryAt,
        sending_since: null,
      });
    },
    markFailed(id, error, now) {
      setState(id, 'failed', now, {
        ...errorColumns(error),
        next_retry_at: null,
        sending_since: null,
      });
    },
    markNeedsRelink(id, error, now) {
      setState(id, 'needs-relink', now, {
        ...errorColumns(error),
        next_retry_at: null,
        sending_since: null,
      });
    },
    markStale(id, now) {
      setState(id, 'stale', now, { next_retry_at: null });
    },
    release(id, now) {
      db.prepare(
        `UPDATE sync_outbox SET state = 'approved', updated_at = ?, error_code = NULL, error_message = NULL,
           error_action = NULL, error_fields = NULL, correlation_id = NULL WHERE id = ? AND state = 'needs-relink'`,
      ).run(now, id);
    },
    markAccepted(id, correlationId, now) {
      setState(id, 'accepted', now, {
        correlation_id: correlationId,
        accepted_at: now,
        next_retry_at: null,
        sending_since: null,
        error_code: null,
        error_message: null,
        error_action: null,
        error_fields: null,
      });
    },
    discard(id) {
      return (
        db
          .prepare(
            `DELETE FROM sync_outbox WHERE id = ? AND state IN ('approved', 'failed', 'needs-relink', 'stale', 'superseded')`,
          )
          .run(id).changes > 0
      );
    },
    counts() {
      const out: Record<OutboxState, number> = {
        approved: 0,
        sending: 0,
        accepted: 0,
        failed: 0,
        'needs-relink': 0,
        stale: 0,
        superseded: 0,
      };
      for (const r of db
        .prepare('SELECT state, count(*) AS n FROM sync_outbox GROUP BY state')
        .all() as {
        state: OutboxState;
        n: number;
      }[]) {
        out[r.state] = r.n;
      }
      return out;
    },
  };
}
