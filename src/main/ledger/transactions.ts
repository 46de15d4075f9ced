import type { BusinessKind } from '../../shared/domain/business-kinds';
import { allowsDisallowable, type LedgerCategory } from '../../shared/domain/categories';
import type { Pence } from '../../shared/domain/money';
import type { IsoDate } from '../../shared/domain/tax-year';
import type { ChangeLogEntry } from './change-log';
import {
  checkAmount,
  checkCategory,
  checkDate,
  checkDisallowable,
  checkText,
  disallowableFromShare,
} from './categorisation-checks';
import type { LedgerContext } from './ledger-context';
import { ledgerError, invalidInput, notFound } from './ledger-error';
import {
  TRANSACTION_COLUMNS,
  toTransaction,
  type Transaction,
  type TransactionRow,
} from './transaction-record';

export interface NewTransaction {
  date: IsoDate;
  description: string;
  counterparty?: string | null;
  amountPence: Pence;
  businessId?: number | null;
  categoryId?: string | null;
  disallowablePence?: Pence;
  notes?: string | null;
}

/** Fields left out are unchanged; null clears a field. */
export type TransactionPatch = Partial<NewTransaction>;

export interface CategoriseInput {
  /** Left out: keep each transaction's business. */
  businessId?: number | null;
  categoryId: string | null;
  /** Share of each expense that is not allowable, 0–10,000 (= 100 %). */
  disallowableBasisPoints?: number;
}

export interface SplitPartInput {
  amountPence: Pence;
  businessId?: number | null;
  categoryId?: string | null;
  disallowablePence?: Pence;
  notes?: string | null;
}

export interface TransactionWithParts extends Transaction {
  parts: Transaction[];
}

export interface TransactionsService {
  add(input: NewTransaction): Transaction;
  get(id: number): TransactionWithParts;
  update(id: number, patch: TransactionPatch): Transaction;
  /** Sets the same business/category (and disallowable share) on many transactions at once. */
  categorise(ids: readonly number[], input: CategoriseInput): { updated: number };
  /** Marks part of an expense as not allowable, by amount or by share. */
  setDisallowable(id: number, part: { pence: Pence } | { basisPoints: number }): Transaction;
  /** Soft delete: the rows disappear from lists and totals until restored. */
  remove(ids: readonly number[]): { removed: number };
  restore(ids: readonly number[]): { restored: number };
  /** Splits one bank line into parts across categories or businesses; the parts must add up. */
  split(id: number, parts: readonly SplitPartInput[]): TransactionWithParts;
  unsplit(id: number): Transaction;
  history(id: number): ChangeLogEntry[];
}

const MAX_DESCRIPTION = 500;
const MAX_NOTES = 2000;
const MAX_SELECTION = 50_000;

export function createTransactionsService(ctx: LedgerContext): TransactionsService {
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

  const service: TransactionsService = {
    add(input) {
      const date = checkDate(input.date);
      const description = checkText(input.description, 'description', MAX_DESCRIPTION);
      if (!description) throw invalidInput('description', 'Describe the transaction.');
      const amount = checkAmount(input.amountPence);
      const businessId = input.businessId ?? null;
      return ctx.write(() => {
        const { disallowable } = resolve(
          amount,
          businessId,
          input.categoryId ?? null,
          input.disallowablePence ?? 0,
        );
        const { lastInsertRowid } = insert.run({
          date,
          description,
          counterparty: checkText(input.counterparty, 'counterparty', MAX_DESCRIPTION),
          amount,
          business: businessId,
          category: input.categoryId ?? null,
          disallowable,
          notes: checkText(input.notes, 'notes', MAX_NOTES),
          parent: null,
          batch: null,
          line: null,
          now: ctx.now(),
        });
        const created = load(Number(lastInsertRowid));
        ctx.log.record('transaction', created.id, 'create', null, created);
        return created;
      });
    },

    get(id) {
      return withParts(load(id));
    },

    update(id, patch) {
      return ctx.write(() => {
        const before = loadLive(id);
        const touches = (keys: (keyof TransactionPatch)[]) =>
          keys.some((k) => patch[k] !== undefined);
        if (
          before.isSplit &&
          touches(['amountPence', 'businessId', 'categoryId', 'disallowablePence'])
        ) {
          throw ledgerError(
            'TRANSACTION_IS_SPLIT',
            'This transaction is split; its parts carry the amounts and categories.',
            'Edit the parts of the split, or undo the split first.',
          );
        }
        if (
          before.parentId !== null &&
          touches(['date', 'description', 'counterparty', 'amountPence'])
        ) {
          throw ledgerError(
            'TRANSACTION_IS_SPLIT_PART',
            'This is one part of a split transaction.',
            'Change the date, description or amounts on the split itself.',
          );
        }
        const next: Transaction = {
          ...before,
          date: patch.date === undefined ? before.date : checkDate(patch.date),
          description:
            patch.description === undefined
              ? before.description
              : (checkText(patch.description, 'description', MAX_DESCRIPTION) ??
                (() => {
                  throw invalidInput('description', 'Describe the transaction.');
                })()),
          counterparty:
            patch.counterparty === undefined
              ? before.counterparty
              : checkText(patch.counterparty, 'counterparty', MAX_DESCRIPTION),
          amountPence:
            patch.amountPence === undefined ? before.amountPence : checkAmount(patch.amountPence),
          businessId: patch.businessId === undefined ? before.businessId : patch.businessId,
          categoryId: patch.categoryId === undefined ? before.categoryId : patch.categoryId,
          notes:
            patch.notes === undefined ? before.notes : checkText(patch.notes, 'notes', MAX_NOTES),
        };
        if (!before.isSplit) {
          const recategorised =
            next.businessId !== before.businessId || next.categoryId !== before.categoryId;
          let disallowable = patch.disallowablePence ?? before.disallowablePence;
          if (
            patch.disallowablePence === undefined &&
            (recategorised || next.amountPence !== before.amountPence)
          ) {
            // Keep the old disallowable part only while it still fits the new values.
            try {
              resolve(next.amountPence, next.businessId, next.categoryId, disallowable);
            } catch {
              disallowable = 0;
            }
          }
          next.disallowablePence = resolve(
            next.amountPence,
            next.businessId,
            next.categoryId,
            disallowable,
          ).disallowable;
          // A person overriding a rule's choice makes it theirs.
          if (recategorised) next.ruleId = null;
        }
        const after = writeValues(before, next);
        if (
          before.isSplit &&
          (after.date !== before.date ||
            after.description !== before.description ||
            after.counterparty !== before.counterparty)
        ) {
          db.prepare(
            'UPDATE transactions SET date = ?, description = ?, counterparty = ?, updated_at = ? WHERE parent_id = ? AND deleted_at IS NULL',
          ).run(after.date, after.description, after.counterparty, ctx.now(), id);
        }
        ctx.log.record('transaction', id, 'update', before, after);
        return after;
      });
    },

    categorise(ids, input) {
      const selection = checkSelection(ids);
      const share = input.disallowableBasisPoints ?? 0;
      if (!Number.isInteger(share) || share < 0 || share > 10_000) {
        throw invalidInput('disallowableBasisPoints', 'The share must be between 0 and 100 %.');
      }
      return ctx.write(() => {
        let updated = 0;
        selection.forEach((id, index) => {
          const before = loadLive(id);
          if (before.isSplit) {
            throw ledgerError(
              'TRANSACTION_IS_SPLIT',
              `“${before.description}” on ${before.date} is split; categorise its parts instead.`,
              'Leave it out of the selection.',
              { fields: [{ path: `ids[${index}]`, message: 'Split transaction.' }] },
            );
          }
          const businessId = input.businessId === undefined ? before.businessId : input.businessId;
          const category = checkCategory(input.categoryId, kindOf(businessId), 'categoryId');
          const disallowable = disallowableFromShare(category, before.amountPence, share);
          const after = writeValues(before, {
            ...before,
            businessId,
            categoryId: input.categoryId,
            disallowablePence: disallowable,
            ruleId: null,
          });
          ctx.log.record('transaction', id, 'categorise', before, after);
          updated++;
        });
        return { updated };
      });
    },

    setDisallowable(id, part) {
      return ctx.write(() => {
        const before = loadLive(id);
        const category = checkCategory(before.categoryId, kindOf(before.businessId));
        let pence: Pence;
        if ('pence' in part) {
          pence = part.pence;
        } else {
          if (
            !Number.isInteger(part.basisPoints) ||
            part.basisPoints < 0 ||
            part.basisPoints > 10_000
          ) {
            throw invalidInput('basisPoints', 'The share must be between 0 and 100 %.');
          }
          if (part.basisPoints > 0 && !(category && allowsDisallowable(category))) {
            checkDisallowable(1, category, before.amountPence); // throws DISALLOWABLE_NOT_ALLOWED
          }
          pence = disallowableFromShare(category, before.amountPence, part.basisPoints);
        }
        const disallowable = checkDisallowable(pence, category, before.amountPence);
        const after = writeValues(before, { ...before, disallowablePence: disallowable });
        ctx.log.record('transaction', id, 'set-disallowable', before, after);
        return after;
      });
    },

    remove(ids) {
      const selection = checkSelection(ids);
      return ctx.write(() => {
        const at = ctx.now();
        let removed = 0;
        for (const id of selection) {
          const before = load(id);
          if (before.deletedAt) continue;
          if (before.parentId !== null) {
            throw ledgerError(
              'TRANSACTION_IS_SPLIT_PART',
              'This is one part of a split transaction.',
              'Delete the whole transaction, or undo the split.',
            );
          }
          db.prepare(
            'UPDATE transactions SET deleted_at = ?, updated_at = ? WHERE id = ? OR (parent_id = ? AND deleted_at IS NULL)',
          ).run(at, at, id, id);
          ctx.log.record('transaction', id, 'delete', before, { ...before, deletedAt: at });
          removed++;
        }
        return { removed };
      });
    },

    restore(ids) {
      const selection = checkSelection(ids);
      return ctx.write(() => {
        const at = ctx.now();
        let restored = 0;
        for (const id of selection) {
          const before = load(id);
          if (!before.deletedAt || before.parentId !== null) continue;
          // Parts deleted together with their parent come back with it.
          db.prepare(
            'UPDATE transactions SET deleted_at = NULL, updated_at = ? WHERE parent_id = ? AND deleted_at = ?',
          ).run(at, id, before.deletedAt);
          db.prepare('UPDATE transactions SET deleted_at = NULL, updated_at = ? WHERE id = ?').run(
            at,
            id,
          );
          ctx.log.record('transaction', id, 'restore', before, load(id));
          restored++;
        }
        return { restored };
      });
    },

    split(id, parts) {
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

    unsplit(id) {
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

    history(id) {
      return ctx.log.list({ entity: 'transaction', entityId: id, limit: 1000 });
    },
  };
  return service;
}
