import type { SqliteDatabase } from '../../ledger';
import { canonicalJson, sha256Hex } from '../../sync/canonical-json';
import { outboxTransitions } from '../../sync/outbox-transitions';
import { chainProblems, receiptsHead, storedError } from '../../sync/receipt-chain';
import { createSubmissionLog } from '../../sync/submission-log';

/**
 * Other income and reliefs in the profile's ledger file (migration 0012-other-income): savings
 * accounts, the outbox of approved submissions and their hash-chained receipts. Every state
 * change is one committed SQLite transaction, so after a crash each item is in exactly the
 * state its last commit left.
 */

export const OTHER_INCOME_SUBMISSIONS = [
  'savings-account-add',
  'savings-account-rename',
  'savings-interest',
  'dividends',
  'dividends-delete',
  'pension-relief',
  'pension-relief-delete',
  'charitable-giving',
  'charitable-giving-delete',
] as const;
export type OtherIncomeSubmission = (typeof OTHER_INCOME_SUBMISSIONS)[number];

export type OiState = 'approved' | 'sending' | 'accepted' | 'failed' | 'replaced';

export interface SavingsAccount {
  id: number;
  /** HMRC's id; absent while the "add" waits in the outbox. */
  savingsAccountId?: string;
  accountName: string;
}

export interface OiItem {
  id: number;
  submission: OtherIncomeSubmission;
  target: string;
  taxYear?: string;
  accountRef?: number;
  payload: string;
  state: OiState;
  attempts: number;
  nextRetryAt?: string;
  error?: { code: string; message: string; action: string };
  correlationId?: string;
  acceptedAt?: string;
  approvedBy: string;
  createdAt: string;
}

export interface OiReceipt {
  seq: number;
  outboxId: number;
  recordedAt: string;
  profileId: string;
  environment: string;
  submission: OtherIncomeSubmission;
  taxYear: string;
  /** What HMRC knows it by: the savings account id, or the resource and year. */
  hmrcRef: string;
  payload: string;
  payloadHash: string;
  correlationId: string;
  how: 'answered' | 'confirmed';
  /** The sync submission log's head when this was recorded: ties the two chains together. */
  syncLogHead: string;
  prevHash: string;
  entryHash: string;
}

/** The hashed fields: everything but the payload text (its hash stands for it). */
export function oiReceiptHashOf(r: Omit<OiReceipt, 'entryHash' | 'payload'>): string {
  return sha256Hex(canonicalJson({ ...r }));
}

interface ItemRow {
  id: number;
  submission: OtherIncomeSubmission;
  target: string;
  tax_year: string | null;
  account_ref: number | null;
  payload: string;
  state: OiState;
  attempts: number;
  next_retry_at: string | null;
  error_code: string | null;
  error_message: string | null;
  error_action: string | null;
  correlation_id: string | null;
  accepted_at: string | null;
  approved_by: string;
  created_at: string;
}

const toItem = (r: ItemRow): OiItem => ({
  id: r.id,
  submission: r.submission,
  target: r.target,
  ...(r.tax_year ? { taxYear: r.tax_year } : {}),
  ...(r.account_ref ? { accountRef: r.account_ref } : {}),
  payload: r.payload,
  state: r.state,
  attempts: r.attempts,
  ...(r.next_retry_at ? { nextRetryAt: r.next_retry_at } : {}),
  ...storedError(r),
  ...(r.correlation_id ? { correlationId: r.correlation_id } : {}),
  ...(r.accepted_at ? { acceptedAt: r.accepted_at } : {}),
  approvedBy: r.approved_by,
  createdAt: r.created_at,
});

interface ReceiptRow {
  seq: number;
  outbox_id: number;
  recorded_at: string;
  profile_id: string;
  environment: string;
  submission: OtherIncomeSubmission;
  tax_year: string;
  hmrc_ref: string;
  payload: string;
  payload_hash: string;
  correlation_id: string;
  how: 'answered' | 'confirmed';
  sync_log_head: string;
  prev_hash: string;
  entry_hash: string;
}

const toReceipt = (r: ReceiptRow): OiReceipt => ({
  seq: r.seq,
  outboxId: r.outbox_id,
  recordedAt: r.recorded_at,
  profileId: r.profile_id,
  environment: r.environment,
  submission: r.submission,
  taxYear: r.tax_year,
  hmrcRef: r.hmrc_ref,
  payload: r.payload,
  payloadHash: r.payload_hash,
  correlationId: r.correlation_id,
  how: r.how,
  syncLogHead: r.sync_log_head,
  prevHash: r.prev_hash,
  entryHash: r.entry_hash,
});

interface AccountRow {
  id: number;
  savings_account_id: string | null;
  account_name: string;
}
const toAccount = (r: AccountRow): SavingsAccount => ({
  id: r.id,
  ...(r.savings_account_id ? { savingsAccountId: r.savings_account_id } : {}),
  accountName: r.account_name,
});

export function createOtherIncomeStore(db: SqliteDatabase) {
  const getItem = (id: number) => {
    const row = db.prepare('SELECT * FROM oi_outbox WHERE id = ?').get(id) as ItemRow | undefined;
    return row ? toItem(row) : undefined;
  };
  const getAccount = (id: number) => {
    const row = db.prepare('SELECT * FROM oi_savings_accounts WHERE id = ?').get(id) as
      AccountRow | undefined;
    return row ? toAccount(row) : undefined;
  };
  const chainHead = () => receiptsHead(db, 'oi_receipts');

  const transitions = outboxTransitions(db, 'oi_outbox');
  return {
    accounts(): SavingsAccount[] {
      return (
        db.prepare('SELECT * FROM oi_savings_accounts ORDER BY id').all() as AccountRow[]
      ).map(toAccount);
    },
    account: getAccount,
    /** A new account, known only here until HMRC gives its id. */
    newAccount(accountName: string, now: string): SavingsAccount {
      const { lastInsertRowid } = db
        .prepare(
          'INSERT INTO oi_savings_accounts (account_name, created_at, updated_at) VALUES (?, ?, ?)',
        )
        .run(accountName, now, now);
      return getAccount(Number(lastInsertRowid))!;
    },
    /** HMRC's accounts as listed: each one not known here is added, names follow HMRC's. */
    mergeHmrcAccounts(list: { savingsAccountId: string; accountName?: string }[], now: string) {
      db.transaction(() => {
        for (const a of list) {
          const known = db
            .prepare('SELECT id FROM oi_savings_accounts WHERE savings_account_id = ?')
            .get(a.savingsAccountId) as { id: number } | undefined;
          const name = a.accountName ?? a.savingsAccountId;
          if (known)
            db.prepare(
              'UPDATE oi_savings_accounts SET account_name = ?, updated_at = ? WHERE id = ?',
            ).run(name, now, known.id);
          else
            db.prepare(
              `INSERT INTO oi_savings_accounts (savings_account_id, account_name, created_at, updated_at)
               VALUES (?, ?, ?, ?)`,
            ).run(a.savingsAccountId, name, now, now);
        }
      }).immediate();
    },
    /**
     * Queues an approved submission. One item waits per thing and year: a new approval
     * replaces an `approved` one's payload; an item being sent is left alone (null).
     */
    enqueue(item: {
      submission: OtherIncomeSubmission;
      target: string;
      taxYear?: string;
      accountRef?: number;
      payload: string;
      approvedBy: string;
      now: string;
    }): OiItem | null {
      return db
        .transaction(() => {
          const base = item.submission.replace(/-delete$/, '');
          const open = db
            .prepare(
              `SELECT * FROM oi_outbox WHERE target = ? AND COALESCE(tax_year, '') = ?
                 AND state IN ('approved', 'sending')`,
            )
            .all(item.target, item.taxYear ?? '') as ItemRow[];
          const same = open.filter((r) => r.submission.replace(/-delete$/, '') === base);
          if (same.some((r) => r.state === 'sending')) return null;
          // A save and a delete of the same thing replace each other while they wait.
          for (const r of same)
            db.prepare(`UPDATE oi_outbox SET state = 'replaced', updated_at = ? WHERE id = ?`).run(
              item.now,
              r.id,
            );
          const { lastInsertRowid } = db
            .prepare(
              `INSERT INTO oi_outbox (submission, target, tax_year, account_ref, payload, state,
                 approved_by, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, 'approved', ?, ?, ?)`,
            )
            .run(
              item.submission,
              item.target,
              item.taxYear ?? null,
              item.accountRef ?? null,
              item.payload,
              item.approvedBy,
              item.now,
              item.now,
            );
          return getItem(Number(lastInsertRowid))!;
        })
        .immediate();
    },
    get: getItem,
    /** Items waiting (approved or left sending), oldest first: the order they are sent in. */
    waiting(): OiItem[] {
      return (
        db
          .prepare(`SELECT * FROM oi_outbox WHERE state IN ('approved', 'sending') ORDER BY id`)
          .all() as ItemRow[]
      ).map(toItem);
    },
    /** Every item about a year (and the accounts' add and rename items), newest first. */
    items(taxYear: string): OiItem[] {
      return (
        db
          .prepare(
            `SELECT * FROM oi_outbox WHERE tax_year = ? OR tax_year IS NULL ORDER BY id DESC LIMIT 500`,
          )
          .all(taxYear) as ItemRow[]
      ).map(toItem);
    },
    markSending: transitions.markSending,
    /** Back to waiting (HMRC busy or unreachable), to try again at `retryAt`. */
    requeue(
      id: number,
      error: { code: string; message: string; action: string },
      retryAt: string,
      now: string,
    ): void {
      db.prepare(
        `UPDATE oi_outbox SET error_code = ?, error_message = ?, error_action = ?, next_retry_at = ?,
           updated_at = ? WHERE id = ? AND state IN ('approved', 'sending')`,
      ).run(error.code, error.message, error.action, retryAt, now, id);
    },
    markFailed: transitions.markFailed,
    /**
     * Accepted, its effect on the accounts and its receipt, in one transaction; a second call
     * for the same item records nothing more (UNIQUE outbox_id).
     */
    accept(
      id: number,
      input: {
        correlationId: string;
        how: 'answered' | 'confirmed';
        hmrcRef: string;
        profileId: string;
        environment: string;
        now: string;
      },
    ): OiReceipt {
      return db
        .transaction(() => {
          const existing = db.prepare('SELECT * FROM oi_receipts WHERE outbox_id = ?').get(id) as
            ReceiptRow | undefined;
          if (existing) return toReceipt(existing);
          const item = getItem(id);
          if (!item) throw new Error('No such item');
          db.prepare(
            `UPDATE oi_outbox SET state = 'accepted', correlation_id = ?, accepted_at = ?, how = ?,
               next_retry_at = NULL, error_code = NULL, error_message = NULL, error_action = NULL,
               updated_at = ? WHERE id = ?`,
          ).run(input.correlationId, input.now, input.how, input.now, id);
          if (item.accountRef && item.submission === 'savings-account-add')
            db.prepare(
              'UPDATE oi_savings_accounts SET savings_account_id = ?, updated_at = ? WHERE id = ?',
            ).run(input.hmrcRef, input.now, item.accountRef);
          if (item.accountRef && item.submission === 'savings-account-rename')
            db.prepare(
              'UPDATE oi_savings_accounts SET account_name = ?, updated_at = ? WHERE id = ?',
            ).run(
              (JSON.parse(item.payload) as { accountName: string }).accountName,
              input.now,
              item.accountRef,
            );
          const head = chainHead();
          const base: Omit<OiReceipt, 'entryHash' | 'payload'> = {
            seq: head.seq + 1,
            outboxId: id,
            recordedAt: input.now,
            profileId: input.profileId,
            environment: input.environment,
            submission: item.submission,
            taxYear: item.taxYear ?? '',
            hmrcRef: input.hmrcRef,
            payloadHash: sha256Hex(item.payload),
            correlationId: input.correlationId,
            how: input.how,
            syncLogHead: createSubmissionLog(db).head().headHash,
            prevHash: head.hash,
          };
          const receipt: OiReceipt = {
            ...base,
            payload: item.payload,
            entryHash: oiReceiptHashOf(base),
          };
          db.prepare(
            `INSERT INTO oi_receipts (seq, outbox_id, recorded_at, profile_id, environment, submission,
               tax_year, hmrc_ref, payload, payload_hash, correlation_id, how, sync_log_head,
               prev_hash, entry_hash)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(
            receipt.seq,
            receipt.outboxId,
            receipt.recordedAt,
            receipt.profileId,
            receipt.environment,
            receipt.submission,
            receipt.taxYear,
            receipt.hmrcRef,
            receipt.payload,
            receipt.payloadHash,
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
    receipts(): OiReceipt[] {
      return (db.prepare('SELECT * FROM oi_receipts ORDER BY seq').all() as ReceiptRow[]).map(
        toReceipt,
      );
    },
    /** Checks the receipts' chain: each hash over its fields and the one before, each payload. */
    verifyReceipts(): string[] {
      const receipts = (
        db.prepare('SELECT * FROM oi_receipts ORDER BY seq').all() as ReceiptRow[]
      ).map(toReceipt);
      return chainProblems(
        receipts,
        ({ entryHash, payload, ...rest }) =>
          oiReceiptHashOf(rest) === entryHash && sha256Hex(payload) === rest.payloadHash,
      );
    },
  };
}

export type OtherIncomeStore = ReturnType<typeof createOtherIncomeStore>;
