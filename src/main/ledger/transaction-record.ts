import type { Pence } from '@shared/domain/money';
import type { IsoDate } from '@shared/domain/tax-year';

/** One row of the records: a bank line, a manual entry, or one part of a split. */
export interface Transaction {
  id: number;
  date: IsoDate;
  description: string;
  counterparty: string | null;
  /** + money in, − money out. */
  amountPence: Pence;
  businessId: number | null;
  categoryId: string | null;
  /** The part of an expense that is not allowable for tax, as a positive share of the expense. */
  disallowablePence: Pence;
  notes: string | null;
  /** Set on the parts of a split: the original bank line. */
  parentId: number | null;
  /** The original bank line of a split: its parts carry the categories. */
  isSplit: boolean;
  importBatchId: number | null;
  sourceLine: number | null;
  contentHash: string | null;
  /** The rule that categorised it; null when a person did (or nobody has). */
  ruleId: number | null;
  receiptCount: number;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TransactionRow {
  id: number;
  date: string;
  description: string;
  counterparty: string | null;
  amount_pence: number;
  business_id: number | null;
  category_id: string | null;
  disallowable_pence: number;
  notes: string | null;
  parent_id: number | null;
  is_split_parent: number;
  import_batch_id: number | null;
  source_line: number | null;
  content_hash: string | null;
  rule_id: number | null;
  receipt_count?: number;
  deleted_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Columns to select for a Transaction (alias `t`), receipt count included. */
export const TRANSACTION_COLUMNS = `t.id, t.date, t.description, t.counterparty, t.amount_pence, t.business_id,
  t.category_id, t.disallowable_pence, t.notes, t.parent_id, t.is_split_parent, t.import_batch_id,
  t.source_line, t.content_hash, t.rule_id, t.deleted_at, t.created_at, t.updated_at,
  (SELECT count(*) FROM receipt_links rl WHERE rl.transaction_id = t.id) AS receipt_count`;

export function toTransaction(r: TransactionRow): Transaction {
  return {
    id: r.id,
    date: r.date,
    description: r.description,
    counterparty: r.counterparty,
    amountPence: r.amount_pence,
    businessId: r.business_id,
    categoryId: r.category_id,
    disallowablePence: r.disallowable_pence,
    notes: r.notes,
    parentId: r.parent_id,
    isSplit: r.is_split_parent === 1,
    importBatchId: r.import_batch_id,
    sourceLine: r.source_line,
    contentHash: r.content_hash,
    ruleId: r.rule_id,
    receiptCount: r.receipt_count ?? 0,
    deletedAt: r.deleted_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
