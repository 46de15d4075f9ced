import type { Pence } from '@shared/domain/money';
import { checkAmount, checkText } from './categorisation-checks';
import type { LedgerContext } from './ledger-context';
import { ledgerError } from './ledger-error';
import type { Transaction } from './transaction-record';
import { MAX_NOTES, type TransactionStore, type TransactionWithParts } from './transaction-store';

export interface SplitPartInput {
  amountPence: Pence;
  businessId?: number | null | undefined;
  categoryId?: string | null | undefined;
  disallowablePence?: Pence | undefined;
  notes?: string | null | undefined;
}

/**
 * Splitting one bank line into parts across categories or businesses (the parts must add up to
 * the line, to the penny), and putting it back together. The parts keep the line's date,
 * description and import; the original stays as the split's parent, out of the totals.
 */
export function createTransactionSplits(
  ctx: LedgerContext,
  store: TransactionStore,
): {
  split(id: number, parts: readonly SplitPartInput[]): TransactionWithParts;
  unsplit(id: number): Transaction;
} {
  const { db } = ctx;
  const { insert, load, loadLive, resolve, withParts } = store;
  return {
    split(id: number, parts: readonly SplitPartInput[]): TransactionWithParts {
      if (parts.length < 2) {
        throw ledgerError(
          'SPLIT_TOO_FEW_PARTS',
          'A split needs at least two parts.',
          'Add another part, or categorise the transaction as a whole.',
        );
      }
      return ctx.write(() => {
        const before = withParts(loadLive(id));
        if (before.parentId !== null) {
          throw ledgerError(
            'TRANSACTION_IS_SPLIT_PART',
            'This is already one part of a split.',
            'Split the original transaction instead.',
          );
        }
        const checked = parts.map((part, index) => {
          const amount = checkAmount(part.amountPence, `parts[${index}].amountPence`);
          const businessId = part.businessId ?? null;
          const categoryId = part.categoryId ?? null;
          const { disallowable } = resolve(
            amount,
            businessId,
            categoryId,
            part.disallowablePence ?? 0,
            `parts[${index}].`,
          );
          return {
            amount,
            businessId,
            categoryId,
            disallowable,
            notes: checkText(part.notes, `parts[${index}].notes`, MAX_NOTES),
          };
        });
        const total = checked.reduce((sum, p) => sum + p.amount, 0);
        if (total !== before.amountPence) {
          const difference = before.amountPence - total;
          throw ledgerError(
            'SPLIT_TOTAL_MISMATCH',
            `The parts add up to ${(total / 100).toFixed(2)}, but the transaction is ${(before.amountPence / 100).toFixed(2)}.`,
            `${difference > 0 ? 'Add' : 'Take off'} ${(Math.abs(difference) / 100).toFixed(2)} so the parts match the transaction.`,
            { fields: [{ path: 'parts', message: 'Parts do not add up to the transaction.' }] },
          );
        }
        const now = ctx.now();
        if (before.isSplit) {
          db.prepare(
            'UPDATE transactions SET deleted_at = ?, updated_at = ? WHERE parent_id = ? AND deleted_at IS NULL',
          ).run(now, now, id);
        }
        db.prepare(
          `UPDATE transactions SET is_split_parent = 1, business_id = NULL, category_id = NULL, disallowable_pence = 0,
             rule_id = NULL, updated_at = ? WHERE id = ?`,
        ).run(now, id);
        for (const part of checked) {
          insert.run({
            date: before.date,
            description: before.description,
            counterparty: before.counterparty,
            amount: part.amount,
            business: part.businessId,
            category: part.categoryId,
            disallowable: part.disallowable,
            notes: part.notes,
            parent: id,
            batch: before.importBatchId,
            line: before.sourceLine,
            now,
          });
        }
        const after = withParts(load(id));
        ctx.log.record('transaction', id, 'split', before, after);
        return after;
      });
    },

    unsplit(id: number): Transaction {
      return ctx.write(() => {
        const before = withParts(loadLive(id));
        if (!before.isSplit) return before;
        const businesses = new Set(before.parts.map((p) => p.businessId));
        const now = ctx.now();
        db.prepare(
          'UPDATE transactions SET deleted_at = ?, updated_at = ? WHERE parent_id = ? AND deleted_at IS NULL',
        ).run(now, now, id);
        db.prepare(
          'UPDATE transactions SET is_split_parent = 0, business_id = ?, updated_at = ? WHERE id = ?',
        ).run(businesses.size === 1 ? [...businesses][0]! : null, now, id);
        const after = load(id);
        ctx.log.record('transaction', id, 'unsplit', before, after);
        return after;
      });
    },
  };
}
