import { allowsDisallowable } from '@shared/domain/categories';
import type { Pence } from '@shared/domain/money';
import type { IsoDate } from '@shared/domain/tax-year';
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
import { ledgerError, invalidInput } from './ledger-error';
import type { Transaction } from './transaction-record';
import { createTransactionSplits, type SplitPartInput } from './transaction-splits';
import {
  createTransactionStore,
  MAX_DESCRIPTION,
  MAX_NOTES,
  type TransactionWithParts,
} from './transaction-store';

export interface NewTransaction {
  date: IsoDate;
  description: string;
  counterparty?: string | null | undefined;
  amountPence: Pence;
  businessId?: number | null | undefined;
  categoryId?: string | null | undefined;
  disallowablePence?: Pence | undefined;
  notes?: string | null | undefined;
}

/** Fields left out are unchanged; null clears a field. */
export type TransactionPatch = { [K in keyof NewTransaction]?: NewTransaction[K] | undefined };

export interface CategoriseInput {
  /** Left out: keep each transaction's business. */
  businessId?: number | null | undefined;
  categoryId: string | null;
  /** Share of each expense that is not allowable, 0–10,000 (= 100 %). */
  disallowableBasisPoints?: number | undefined;
}

export type { SplitPartInput } from './transaction-splits';

export type { TransactionWithParts } from './transaction-store';

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

export function createTransactionsService(ctx: LedgerContext): TransactionsService {
  const { db } = ctx;
  const store = createTransactionStore(ctx);
  const { insert, load, loadLive, kindOf, resolve, withParts, writeValues, checkSelection } = store;
  const splits = createTransactionSplits(ctx, store);

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

    split: (id, parts) => splits.split(id, parts),
    unsplit: (id) => splits.unsplit(id),

    history(id) {
      return ctx.log.list({ entity: 'transaction', entityId: id, limit: 1000 });
    },
  };
  return service;
}
