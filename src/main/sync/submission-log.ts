import type { BusinessKind } from '@shared/domain/business-kinds';
import type { Environment } from '@shared/ipc/channels/settings';
import type { SqliteDatabase } from '../ledger';
import { canonicalJson, sha256Hex } from './canonical-json';
import type { SubmissionKind } from './outbox-store';

/**
 * The submission log: one receipt per update HMRC accepted, in the profile's ledger file. Each
 * entry's hash is SHA-256 over the canonical serialisation of its fields *including the hash
 * of the entry before it*, so editing, reordering or removing any entry breaks every hash after
 * it, and the payload's own hash is checked against the stored payload. A trigger makes the
 * table append-only for the app; the check (verifyLog) is for anyone who edits the file itself.
 * Removing the newest entries is caught by the anchor kept outside the file (log-anchors.ts).
 */
export const GENESIS_HASH = '0'.repeat(64);

export interface LogEntry {
  seq: number;
  outboxId: number;
  recordedAt: string;
  profileId: string;
  environment: Environment;
  businessId: number;
  hmrcBusinessId: string;
  kind: BusinessKind;
  /** Absent for cumulative updates (entries from before annual submissions look the same). */
  submission?: Exclude<SubmissionKind, 'cumulative'>;
  taxYear: string;
  periodStart: string;
  periodEnd: string;
  /** The exact JSON HMRC accepted (for a DELETE, `{}`). */
  payload: string;
  payloadHash: string;
  correlationId: string;
  prevHash: string;
  entryHash: string;
}

export type NewLogEntry = Omit<LogEntry, 'seq' | 'prevHash' | 'entryHash'>;

/** The hashed fields: everything but the payload text itself (its hash stands for it). */
export function entryHashOf(entry: Omit<LogEntry, 'entryHash' | 'payload'>): string {
  return sha256Hex(
    canonicalJson({
      seq: entry.seq,
      outboxId: entry.outboxId,
      recordedAt: entry.recordedAt,
      profileId: entry.profileId,
      environment: entry.environment,
      businessId: entry.businessId,
      hmrcBusinessId: entry.hmrcBusinessId,
      kind: entry.kind,
      // Hashed only when present, so cumulative entries hash as they always did.
      ...(entry.submission ? { submission: entry.submission } : {}),
      taxYear: entry.taxYear,
      periodStart: entry.periodStart,
      periodEnd: entry.periodEnd,
      payloadHash: entry.payloadHash,
      correlationId: entry.correlationId,
      prevHash: entry.prevHash,
    }),
  );
}

interface LogRow {
  seq: number;
  outbox_id: number;
  recorded_at: string;
  profile_id: string;
  environment: Environment;
  business_id: number;
  hmrc_business_id: string;
  kind: BusinessKind;
  submission: SubmissionKind;
  tax_year: string;
  period_start: string;
  period_end: string;
  payload: string;
  payload_hash: string;
  correlation_id: string;
  prev_hash: string;
  entry_hash: string;
}

const toEntry = (r: LogRow): LogEntry => ({
  seq: r.seq,
  outboxId: r.outbox_id,
  recordedAt: r.recorded_at,
  profileId: r.profile_id,
  environment: r.environment,
  businessId: r.business_id,
  hmrcBusinessId: r.hmrc_business_id,
  kind: r.kind,
  ...(r.submission !== 'cumulative' ? { submission: r.submission } : {}),
  taxYear: r.tax_year,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  payload: r.payload,
  payloadHash: r.payload_hash,
  correlationId: r.correlation_id,
  prevHash: r.prev_hash,
  entryHash: r.entry_hash,
});

/**
 * HMRC business ids with an update for a tax year that may already be at HMRC: a receipt in the
 * log, or an outbox item sent whose answer is not in yet. Read by the calendar-quarter offer,
 * since HMRC can take up to an hour to show the obligation as met (reference §5.2).
 */
export function businessesSentFor(db: SqliteDatabase, taxYear: string): Set<string> {
  const rows = db
    .prepare(
      `SELECT hmrc_business_id AS id FROM sync_submission_log WHERE tax_year = ?
       UNION SELECT hmrc_business_id FROM sync_outbox WHERE tax_year = ? AND state IN ('sending', 'accepted')`,
    )
    .all(taxYear, taxYear) as { id: string }[];
  return new Set(rows.map((r) => r.id.toUpperCase()));
}

export interface LogProblem {
  seq: number;
  problem: string;
}

export interface SubmissionLog {
  /** Appends a receipt; call inside the transaction that marks the outbox item accepted. */
  append(entry: NewLogEntry): LogEntry;
  list(options?: { limit?: number; newestFirst?: boolean }): LogEntry[];
  forOutbox(outboxId: number): LogEntry | undefined;
  /** The last accepted update for a business and tax year (the "before" of a review). */
  latestFor(
    businessId: number,
    taxYear: string,
    submissions?: readonly SubmissionKind[],
  ): LogEntry | undefined;
  head(): { entries: number; headHash: string };
  verify(): { entries: number; headHash: string; problems: LogProblem[] };
}

export function createSubmissionLog(db: SqliteDatabase): SubmissionLog {
  const head = () => {
    const row = db
      .prepare('SELECT seq, entry_hash FROM sync_submission_log ORDER BY seq DESC LIMIT 1')
      .get() as { seq: number; entry_hash: string } | undefined;
    return { entries: row?.seq ?? 0, headHash: row?.entry_hash ?? GENESIS_HASH };
  };
  return {
    append(input) {
      const last = head();
      const seq = last.entries + 1;
      const payloadHash = sha256Hex(input.payload);
      if (payloadHash !== input.payloadHash) throw new Error('The payload does not match its hash');
      const base = { ...input, seq, prevHash: last.headHash };
      const entry: LogEntry = { ...base, entryHash: entryHashOf(base) };
      db.prepare(
        `INSERT INTO sync_submission_log (seq, outbox_id, recorded_at, profile_id, environment, business_id,
           hmrc_business_id, kind, submission, tax_year, period_start, period_end, payload, payload_hash,
           correlation_id, prev_hash, entry_hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        entry.seq,
        entry.outboxId,
        entry.recordedAt,
        entry.profileId,
        entry.environment,
        entry.businessId,
        entry.hmrcBusinessId,
        entry.kind,
        entry.submission ?? 'cumulative',
        entry.taxYear,
        entry.periodStart,
        entry.periodEnd,
        entry.payload,
        entry.payloadHash,
        entry.correlationId,
        entry.prevHash,
        entry.entryHash,
      );
      return entry;
    },
    list(options = {}) {
      const rows = db
        .prepare(
          `SELECT * FROM sync_submission_log ORDER BY seq ${options.newestFirst ? 'DESC' : 'ASC'} LIMIT ?`,
        )
        .all(options.limit ?? -1) as LogRow[];
      return rows.map(toEntry);
    },
    forOutbox(outboxId) {
      const row = db
        .prepare('SELECT * FROM sync_submission_log WHERE outbox_id = ?')
        .get(outboxId) as LogRow | undefined;
      return row ? toEntry(row) : undefined;
    },
    latestFor(businessId, taxYear, submissions = ['cumulative']) {
      const row = db
        .prepare(
          `SELECT * FROM sync_submission_log WHERE business_id = ? AND tax_year = ?
             AND submission IN (${submissions.map(() => '?').join(', ')}) ORDER BY seq DESC LIMIT 1`,
        )
        .get(businessId, taxYear, ...submissions) as LogRow | undefined;
      return row ? toEntry(row) : undefined;
    },
    head,
    verify() {
      const problems: LogProblem[] = [];
      let prev = GENESIS_HASH;
      let expectedSeq = 1;
      let entries = 0;
      for (const row of db
        .prepare('SELECT * FROM sync_submission_log ORDER BY seq')
        .iterate() as IterableIterator<LogRow>) {
        const e = toEntry(row);
        entries += 1;
        if (e.seq !== expectedSeq)
          problems.push({ seq: e.seq, problem: `Entry ${expectedSeq} is missing.` });
        if (e.prevHash !== prev) {
          problems.push({
            seq: e.seq,
            problem: 'Does not follow on from the entry before it (the chain is broken).',
          });
        }
        if (sha256Hex(e.payload) !== e.payloadHash) {
          problems.push({ seq: e.seq, problem: 'The payload was changed after it was recorded.' });
        }
        if (entryHashOf(e) !== e.entryHash) {
          problems.push({
            seq: e.seq,
            problem: 'The entry was changed after it was recorded (its hash does not match).',
          });
        }
        prev = e.entryHash;
        expectedSeq = e.seq + 1;
      }
      return { entries, headHash: prev, problems };
    },
  };
}
