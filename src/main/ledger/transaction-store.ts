import type { BusinessKind } from '@shared/domain/business-kinds';
import type { LedgerCategory } from '@shared/domain/categories';
import type { Pence } from '@shared/domain/money';
import { checkCategory, checkDisallowable } from './categorisation-checks';
import type { LedgerContext } from './ledger-context';
import { ledgerError, invalidInput, notFound } from './ledger-error';
import {
  TRANSACTION_COLUMNS,
  toTransaction,
  type Transaction,
  type TransactionRow,
} from './transaction-record';

export interface TransactionWithParts extends Transaction {
  parts: Transaction[];
}

export const MAX_DESCRIPTION = 500;
export const MAX_NOTES = 2000;
const MAX_SELECTION = 50_000;

/** The transaction rows of one ledger: loaded, checked and written for the services on them. */
export type TransactionStore = ReturnType<typeof createTransactionStore>;

export function createTransactionStore(ctx: LedgerContext) {
  const { db } = ctx;
  const selectById = db.prepare(`SELECT ${TRANSACTION_COLUMNS} FROM transactions t WHERE t.id = ?`);
  const selectParts = db.prepare(
    `SELECT ${TRANSACTION_COLUMNS} FROM transactions t WHERE t.parent_id = ? AND t.deleted_at IS NULL ORDER BY t.id`,
  );
  const businessKind = db.prepare('SELECT kind FROM businesses WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO transactions (date, description, counterparty, amount_pence, business_id, category_id,
       disallowable_pence, notes, parent_id, import_batch_id, source_line, created_at, updated_at)
     VALUES (@date, @description, @counterparty, @amount, @business, @category, @disallowable, @notes,
       @parent, @batch, @line, @now, @now)`,
  );
  const updateValues = db.prepare(
    `UPDATE transactions SET date = @date, description = @description, counterparty = @counterparty,
       amount_pence = @amount, business_id = @business, category_id = @category,
       disallowable_pence = @disallowable, notes = @notes, rule_id = @rule, updated_at = @now
     WHERE id = @id`,
  );

  const load = (id: number): Transaction => {
    const row = selectById.get(id) as TransactionRow | undefined;
    if (!row) throw notFound('transaction', id);
    return toTransaction(row);
  };

  const loadLive = (id: number): Transaction => {
    const t = load(id);
    if (t.deletedAt) {
      throw ledgerError(
        'TRANSACTION_DELETED',
        'That transaction has been deleted.',
        'Restore it first to change it.',
      );
    }
    return t;
  };

  const kindOf = (businessId: number | null): BusinessKind | null => {
    if (businessId === null) return null;
    const row = businessKind.get(businessId) as { kind: BusinessKind } | undefined;
    if (!row) throw invalidInput('businessId', 'That business is not in these records.');
    return row.kind;
  };

  /** Validates one set of categorisation values and returns the disallowable part to store. */
  const resolve = (
    amount: Pence,
    businessId: number | null,
    categoryId: string | null,
    disallowable: Pence,
    prefix = '',
  ): { category: LedgerCategory | null; disallowable: Pence } => {
    const category = checkCategory(categoryId, kindOf(businessId), `${prefix}categoryId`);
    return {
      category,
      disallowable: checkDisallowable(disallowable, category, amount, `${prefix}disallowablePence`),
    };
  };

  const withParts = (t: Transaction): TransactionWithParts => ({
    ...t,
    parts: t.isSplit ? (selectParts.all(t.id) as TransactionRow[]).map(toTransaction) : [],
  });

  const writeValues = (before: Transaction, next: Transaction): Transaction => {
    updateValues.run({
      id: before.id,
      date: next.date,
      description: next.description,
      counterparty: next.counterparty,
      amount: next.amountPence,
      business: next.businessId,
      category: next.categoryId,
      disallowable: next.disallowablePence,
      notes: next.notes,
      rule: next.ruleId,
      now: ctx.now(),
    });
    return load(before.id);
  };

  const checkSelection = (ids: readonly number[]): number[] => {
    const unique = [...new Set(ids)];
    if (unique.length === 0) throw invalidInput('ids', 'Select at least one transaction.');
    if (unique.length > MAX_SELECTION)
      throw invalidInput('ids', `Select at most ${MAX_SELECTION} transactions at a time.`);
    return unique;
  };

  return { insert, load, loadLive, kindOf, resolve, withParts, writeValues, checkSelection };
}
