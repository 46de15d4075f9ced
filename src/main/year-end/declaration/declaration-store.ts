import type { DeclarationKind } from '@shared/ipc/channels/year-end-declaration';
import type { SqliteDatabase } from '../../ledger';
import { canonicalJson, sha256Hex } from '../../sync/canonical-json';
import { outboxTransitions } from '../../sync/outbox-transitions';
import { chainProblems, receiptsHead, storedError } from '../../sync/receipt-chain';
import { createSubmissionLog } from '../../sync/submission-log';

/**
 * The declaration's records in the profile's ledger file (migration 0010-year-end-declaration):
 * client approvals, agreements, the declaration outbox and its hash-chained receipts. Every
 * state change is one committed SQLite transaction, so after a crash the outbox item is in
 * exactly the state its last commit left.
 */

export interface ClientApproval {
  taxYear: string;
  calculationId: string;
  approvedOn: string;
  method: 'in-person' | 'phone' | 'email' | 'letter' | 'video';
  note: string;
  recordedBy: string;
  recordedAt: string;
}

export interface Agreement {
  id: number;
  taxYear: string;
  calculationId: string;
  declaration: DeclarationKind;
  wording: 'individual' | 'agent';
  wordingHash: string;
  agreedBy: string;
  agreedAt: string;
}

export type OutboxState = 'approved' | 'sending' | 'accepted' | 'failed';

export interface DeclarationItem {
  id: number;
  taxYear: string;
  calculationId: string;
  declaration: DeclarationKind;
  agreementId: number;
  state: OutboxState;
  attempts: number;
  sendingSince?: string;
  error?: { code: string; message: string; action: string };
  correlationId?: string;
  acceptedAt?: string;
}

export interface Receipt {
  seq: number;
  outboxId: number;
  recordedAt: string;
  profileId: string;
  environment: string;
  taxYear: string;
  declaration: DeclarationKind;
  calculationId: string;
  agreedBy: string;
  agreedAt: string;
  correlationId: string;
  how: 'answered' | 'confirmed';
  /** The sync submission log's head when this was recorded: ties the two chains together. */
  syncLogHead: string;
  prevHash: string;
  entryHash: string;
}

export function receiptHashOf(r: Omit<Receipt, 'entryHash'>): string {
  return sha256Hex(canonicalJson({ ...r }));
}

interface OutboxRow {
  id: number;
  tax_year: string;
  calculation_id: string;
  declaration: DeclarationKind;
  agreement_id: number;
  state: OutboxState;
  attempts: number;
  sending_since: string | null;
  error_code: string | null;
  error_message: string | null;
  error_action: string | null;
  correlation_id: string | null;
  accepted_at: string | null;
}

const toItem = (r: OutboxRow): DeclarationItem => ({
  id: r.id,
  taxYear: r.tax_year,
  calculationId: r.calculation_id,
  declaration: r.declaration,
  agreementId: r.agreement_id,
  state: r.state,
  attempts: r.attempts,
  ...(r.sending_since ? { sendingSince: r.sending_since } : {}),
  ...storedError(r),
  ...(r.correlation_id ? { correlationId: r.correlation_id } : {}),
  ...(r.accepted_at ? { acceptedAt: r.accepted_at } : {}),
});

interface ReceiptRow {
  seq: number;
  outbox_id: number;
  recorded_at: string;
  profile_id: string;
  environment: string;
  tax_year: string;
  declaration: DeclarationKind;
  calculation_id: string;
  agreed_by: string;
  agreed_at: string;
  correlation_id: string;
  how: 'answered' | 'confirmed';
  sync_log_head: string;
  prev_hash: string;
  entry_hash: string;
}

const toReceipt = (r: ReceiptRow): Receipt => ({
  seq: r.seq,
  outboxId: r.outbox_id,
  recordedAt: r.recorded_at,
  profileId: r.profile_id,
  environment: r.environment,
  taxYear: r.tax_year,
  declaration: r.declaration,
  calculationId: r.calculation_id,
  agreedBy: r.agreed_by,
  agreedAt: r.agreed_at,
  correlationId: r.correlation_id,
  how: r.how,
  syncLogHead: r.sync_log_head,
  prevHash: r.prev_hash,
  entryHash: r.entry_hash,
});

export function createDeclarationStore(db: SqliteDatabase) {
  const getItem = (id: number) => {
    const row = db.prepare('SELECT * FROM ye_outbox WHERE id = ?').get(id) as OutboxRow | undefined;
    return row ? toItem(row) : undefined;
  };
  const chainHead = () => receiptsHead(db, 'ye_receipts');

  const transitions = outboxTransitions(db, 'ye_outbox');
  return {
    recordClientApproval(a: ClientApproval): void {
      db.prepare(
        `INSERT INTO ye_client_approvals (tax_year, calculation_id, approved_on, method, note, recorded_by, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ).run(a.taxYear, a.calculationId, a.approvedOn, a.method, a.note, a.recordedBy, a.recordedAt);
    },
    clientApproval(taxYear: string, calculationId: string): ClientApproval | undefined {
      const row = db
        .prepare(
          `SELECT * FROM ye_client_approvals WHERE tax_year = ? AND calculation_id = ? ORDER BY id DESC LIMIT 1`,
        )
        .get(taxYear, calculationId) as
        | {
            tax_year: string;
            calculation_id: string;
            approved_on: string;
            method: ClientApproval['method'];
            note: string;
            recorded_by: string;
            recorded_at: string;
          }
        | undefined;
      return row
        ? {
            taxYear: row.tax_year,
            calculationId: row.calculation_id,
            approvedOn: row.approved_on,
            method: row.method,
            note: row.note,
            recordedBy: row.recorded_by,
            recordedAt: row.recorded_at,
          }
        : undefined;
    },
    agree(a: Omit<Agreement, 'id'>): Agreement {
      const { lastInsertRowid } = db
        .prepare(
          `INSERT INTO ye_agreements (tax_year, calculation_id, declaration, wording, wording_hash, agreed_by, agreed_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          a.taxYear,
          a.calculationId,
          a.declaration,
          a.wording,
          a.wordingHash,
          a.agreedBy,
          a.agreedAt,
        );
      return { ...a, id: Number(lastInsertRowid) };
    },
    agreement(taxYear: string, calculationId: string): Agreement | undefined {
      const row = db
        .prepare(
          `SELECT * FROM ye_agreements WHERE tax_year = ? AND calculation_id = ? ORDER BY id DESC LIMIT 1`,
        )
        .get(taxYear, calculationId) as
        | {
            id: number;
            tax_year: string;
            calculation_id: string;
            declaration: DeclarationKind;
            wording: 'individual' | 'agent';
            wording_hash: string;
            agreed_by: string;
            agreed_at: string;
          }
        | undefined;
      return row
        ? {
            id: row.id,
            taxYear: row.tax_year,
            calculationId: row.calculation_id,
            declaration: row.declaration,
            wording: row.wording,
            wordingHash: row.wording_hash,
            agreedBy: row.agreed_by,
            agreedAt: row.agreed_at,
          }
        : undefined;
    },
    /** Queues the declaration; an item already open for the year and kind is returned instead. */
    enqueue(item: {
      taxYear: string;
      calculationId: string;
      declaration: DeclarationKind;
      agreementId: number;
      now: string;
    }): DeclarationItem {
      return db
        .transaction(() => {
          const open = db
            .prepare(
              `SELECT * FROM ye_outbox WHERE tax_year = ? AND declaration = ? AND state IN ('approved', 'sending')`,
            )
            .get(item.taxYear, item.declaration) as OutboxRow | undefined;
          if (open) return toItem(open);
          const { lastInsertRowid } = db
            .prepare(
              `INSERT INTO ye_outbox (tax_year, calculation_id, declaration, agreement_id, state, created_at, updated_at)
               VALUES (?, ?, ?, ?, 'approved', ?, ?)`,
            )
            .run(
              item.taxYear,
              item.calculationId,
              item.declaration,
              item.agreementId,
              item.now,
              item.now,
            );
          return getItem(Number(lastInsertRowid))!;
        })
        .immediate();
    },
    get: getItem,
    /** The newest item for a year (and kind). */
    latest(taxYear: string, declaration?: DeclarationKind): DeclarationItem | undefined {
      const row = (
        declaration
          ? db
              .prepare(
                'SELECT * FROM ye_outbox WHERE tax_year = ? AND declaration = ? ORDER BY id DESC LIMIT 1',
              )
              .get(taxYear, declaration)
          : db
              .prepare('SELECT * FROM ye_outbox WHERE tax_year = ? ORDER BY id DESC LIMIT 1')
              .get(taxYear)
      ) as OutboxRow | undefined;
      return row ? toItem(row) : undefined;
    },
    /** Items a crash left unfinished (approved or sending). */
    unfinished(): DeclarationItem[] {
      return (
        db
          .prepare(`SELECT * FROM ye_outbox WHERE state IN ('approved', 'sending') ORDER BY id`)
          .all() as OutboxRow[]
      ).map(toItem);
    },
    markSending: transitions.markSending,
    markFailed: transitions.markFailed,
    /**
     * Accepted and its receipt, in one transaction; a second call for the same item records
     * nothing more (UNIQUE outbox_id), so the receipt is written once whatever happens.
     */
    accept(
      id: number,
      input: {
        correlationId: string;
        how: 'answered' | 'confirmed';
        profileId: string;
        environment: string;
        now: string;
      },
    ): Receipt {
      return db
        .transaction(() => {
          const existing = db.prepare('SELECT * FROM ye_receipts WHERE outbox_id = ?').get(id) as
            ReceiptRow | undefined;
          if (existing) return toReceipt(existing);
          const item = getItem(id);
          if (!item) throw new Error('No such declaration');
          const agreement = db
            .prepare('SELECT agreed_by, agreed_at FROM ye_agreements WHERE id = ?')
            .get(item.agreementId) as { agreed_by: string; agreed_at: string };
          db.prepare(
            `UPDATE ye_outbox SET state = 'accepted', correlation_id = ?, accepted_at = ?, how = ?,
               error_code = NULL, error_message = NULL, error_action = NULL, updated_at = ? WHERE id = ?`,
          ).run(input.correlationId, input.now, input.how, input.now, id);
          const head = chainHead();
          const base: Omit<Receipt, 'entryHash'> = {
            seq: head.seq + 1,
            outboxId: id,
            recordedAt: input.now,
            profileId: input.profileId,
            environment: input.environment,
            taxYear: item.taxYear,
            declaration: item.declaration,
            calculationId: item.calculationId,
            agreedBy: agreement.agreed_by,
            agreedAt: agreement.agreed_at,
            correlationId: input.correlationId,
            how: input.how,
            syncLogHead: createSubmissionLog(db).head().headHash,
            prevHash: head.hash,
          };
          const receipt: Receipt = { ...base, entryHash: receiptHashOf(base) };
          db.prepare(
            `INSERT INTO ye_receipts (seq, outbox_id, recorded_at, profile_id, environment, tax_year, declaration,
               calculation_id, agreed_by, agreed_at, correlation_id, how, sync_log_head, prev_hash, entry_hash)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(
            receipt.seq,
            receipt.outboxId,
            receipt.recordedAt,
            receipt.profileId,
            receipt.environment,
            receipt.taxYear,
            receipt.declaration,
            receipt.calculationId,
            receipt.agreedBy,
            receipt.agreedAt,
            receipt.correlationId,
            receipt.how,
            receipt.syncLogHead,
            receipt.prevHash,
            receipt.entryHash,
          );
          return receipt;
        })
        .immediate();
    },
    receipts(taxYear?: string): Receipt[] {
      const rows = (
        taxYear
          ? db.prepare('SELECT * FROM ye_receipts WHERE tax_year = ? ORDER BY seq').all(taxYear)
          : db.prepare('SELECT * FROM ye_receipts ORDER BY seq').all()
      ) as ReceiptRow[];
      return rows.map(toReceipt);
    },
    /** Checks the receipts' chain: each hash over its fields and the hash before it. */
    verifyReceipts(): string[] {
      const receipts = (
        db.prepare('SELECT * FROM ye_receipts ORDER BY seq').all() as ReceiptRow[]
      ).map(toReceipt);
      return chainProblems(receipts, ({ entryHash, ...rest }) => receiptHashOf(rest) === entryHash);
    },
  };
}

export type DeclarationStore = ReturnType<typeof createDeclarationStore>;
