import { fieldValuePence } from '@shared/domain/categories';
import { BASIS_POINTS_WHOLE } from '@shared/domain/money';
import type { BusinessKind } from '@shared/domain/business-kinds';
import { checkCategory } from '../categorisation-checks';
import type { LedgerContext } from '../ledger-context';
import { ledgerError, notFound } from '../ledger-error';
import { TRANSACTION_COLUMNS, toTransaction, type TransactionRow } from '../transaction-record';
import { applyRules, type ApplyRulesOptions } from './apply-rules';
import { checkRule } from './check-rule';
import {
  compileRule,
  createRuleMatcher,
  hasAnyCondition,
  matchInputOf,
  matchesConditions,
  type RuleConditions,
  type RuleMatcher,
} from './rule-matcher';
import {
  ruleColumns,
  toRule,
  type NewRule,
  type Rule,
  type RulePatch,
  type RuleRow,
} from './rule-record';

export type { NewRule, Rule, RulePatch } from './rule-record';
export type { ApplyRulesOptions } from './apply-rules';

export interface RulesService {
  create(input: NewRule): Rule;
  update(id: number, patch: RulePatch): Rule;
  /** Removes the rule from use; transactions it categorised keep saying which rule it was. */
  remove(id: number): void;
  get(id: number): Rule;
  list(): Rule[];
  /** Sets the order: the first id gets the highest priority. */
  reorder(idsInOrder: readonly number[]): Rule[];
  /** "Always do this": a rule that repeats this transaction's categorisation. */
  createFromTransaction(
    transactionId: number,
    options?: { match?: 'counterparty' | 'description'; text?: string; name?: string },
  ): Rule;
  apply(options?: ApplyRulesOptions): { matched: number; updated: number };
  /**
   * A rule just saved, put to work at once: the uncategorised records it matches are
   * categorised (by the rules in priority order, so a higher rule that also matches still
   * wins). Records a person categorised are never touched. How many changed.
   */
  applySaved(ruleId: number): number;
  /** How many live transactions a draft rule would match, with a few examples. */
  preview(
    conditions: RuleConditions,
    limit?: number,
  ): { count: number; examples: ReturnType<typeof toTransaction>[] };
  matcher(): RuleMatcher;
}

export function createRulesService(ctx: LedgerContext): RulesService {
  const { db } = ctx;
  const byId = db.prepare('SELECT * FROM rules WHERE id = ? AND deleted_at IS NULL');
  const kindOf = db.prepare('SELECT kind FROM businesses WHERE id = ?');
  const businessKind = (businessId: number): BusinessKind | null =>
    (kindOf.get(businessId) as { kind: BusinessKind } | undefined)?.kind ?? null;

  const get = (id: number): Rule => {
    const row = byId.get(id) as RuleRow | undefined;
    if (!row) throw notFound('rule', id);
    return toRule(row);
  };

  const nextPriority = (): number =>
    ((
      db.prepare('SELECT max(priority) AS p FROM rules WHERE deleted_at IS NULL').get() as {
        p: number | null;
      }
    ).p ?? 0) + 10;

  const activeRules = (): Rule[] =>
    (
      db
        .prepare('SELECT * FROM rules WHERE deleted_at IS NULL ORDER BY priority, id')
        .all() as RuleRow[]
    ).map(toRule);

  const service: RulesService = {
    create(input) {
      return ctx.write(() => {
        const checked = checkRule(input, businessKind);
        const now = ctx.now();
        const { lastInsertRowid } = db
          .prepare(
            `INSERT INTO rules (name, priority, enabled, description_contains, description_pattern, counterparty_is,
               amount_min_pence, amount_max_pence, direction, business_id, category_id, disallowable_bp, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            checked.name,
            input.priority ?? nextPriority(),
            input.enabled === false ? 0 : 1,
            ...ruleColumns(checked),
            now,
            now,
          );
        const rule = get(Number(lastInsertRowid));
        ctx.log.record('rule', rule.id, 'create', null, rule);
        return rule;
      });
    },

    update(id, patch) {
      return ctx.write(() => {
        const before = get(id);
        const checked = checkRule(
          {
            name: patch.name ?? before.name,
            conditions: patch.conditions ?? before.conditions,
            action: patch.action ?? before.action,
          },
          businessKind,
        );
        db.prepare(
          `UPDATE rules SET name = ?, priority = ?, enabled = ?, description_contains = ?, description_pattern = ?,
             counterparty_is = ?, amount_min_pence = ?, amount_max_pence = ?, direction = ?, business_id = ?,
             category_id = ?, disallowable_bp = ?, updated_at = ? WHERE id = ?`,
        ).run(
          checked.name,
          patch.priority ?? before.priority,
          (patch.enabled ?? before.enabled) ? 1 : 0,
          ...ruleColumns(checked),
          ctx.now(),
          id,
        );
        const after = get(id);
        ctx.log.record('rule', id, 'update', before, after);
        return after;
      });
    },

    remove(id) {
      ctx.write(() => {
        const before = get(id);
        db.prepare('UPDATE rules SET deleted_at = ?, updated_at = ? WHERE id = ?').run(
          ctx.now(),
          ctx.now(),
          id,
        );
        ctx.log.record('rule', id, 'delete', before, null);
      });
    },

    get,
    list: activeRules,

    reorder(idsInOrder) {
      return ctx.write(() => {
        const current = activeRules();
        const known = new Set(current.map((r) => r.id));
        const ordered = [...new Set(idsInOrder)].filter((id) => known.has(id));
        // Rules left out of the list keep their relative order after the listed ones.
        for (const r of current) if (!ordered.includes(r.id)) ordered.push(r.id);
        const update = db.prepare('UPDATE rules SET priority = ?, updated_at = ? WHERE id = ?');
        ordered.forEach((id, index) => update.run((index + 1) * 10, ctx.now(), id));
        const after = activeRules();
        ctx.log.record(
          'rule',
          'order',
          'reorder',
          current.map((r) => r.id),
          after.map((r) => r.id),
        );
        return after;
      });
    },

    createFromTransaction(transactionId, options = {}) {
      const row = db
        .prepare(`SELECT ${TRANSACTION_COLUMNS} FROM transactions t WHERE t.id = ?`)
        .get(transactionId) as TransactionRow | undefined;
      if (!row) throw notFound('transaction', transactionId);
      const t = toTransaction(row);
      if (!t.categoryId) {
        throw ledgerError(
          'RULE_INVALID',
          'Categorise this transaction first.',
          'Choose a category, then “Always do this”.',
        );
      }
      const match = options.match ?? (t.counterparty ? 'counterparty' : 'description');
      const text =
        options.text ?? (match === 'counterparty' ? t.counterparty : t.description) ?? '';
      const category = checkCategory(
        t.categoryId,
        null === t.businessId ? null : (kindOf.get(t.businessId) as { kind: BusinessKind }).kind,
      );
      let share = 0;
      if (category?.reportable && category.disallowableField && t.disallowablePence !== 0) {
        const expense = fieldValuePence(category, t.amountPence);
        share =
          expense === 0 ? 0 : Math.round((t.disallowablePence / expense) * BASIS_POINTS_WHOLE);
      }
      return service.create({
        ...(options.name ? { name: options.name } : {}),
        conditions: {
          ...(match === 'counterparty' ? { counterpartyIs: text } : { descriptionContains: text }),
          direction: t.amountPence >= 0 ? 'in' : 'out',
        },
        action: {
          businessId: t.businessId,
          categoryId: t.categoryId,
          disallowableBasisPoints: share,
        },
      });
    },

    apply: (options = {}) => applyRules(ctx, activeRules(), businessKind, options),

    applySaved(ruleId) {
      const rule = get(ruleId);
      if (!rule.enabled) return 0;
      const compiled = compileRule(rule);
      const rows = db
        .prepare(
          `SELECT id, description, counterparty, amount_pence FROM transactions
           WHERE deleted_at IS NULL AND is_split_parent = 0 AND category_id IS NULL`,
        )
        .iterate() as IterableIterator<{
        id: number;
        description: string;
        counterparty: string | null;
        amount_pence: number;
      }>;
      const ids: number[] = [];
      for (const row of rows) {
        if (
          matchesConditions(
            compiled,
            matchInputOf(row.description, row.counterparty, row.amount_pence),
          )
        ) {
          ids.push(row.id);
        }
      }
      if (ids.length === 0) return 0;
      return applyRules(ctx, activeRules(), businessKind, { ids }).updated;
    },

    preview(conditions, limit = 5) {
      const compiled = compileRule({
        id: 0,
        priority: 0,
        enabled: true,
        conditions,
        action: { businessId: null, categoryId: 'excluded.personal', disallowableBasisPoints: 0 },
      });
      if (!hasAnyCondition(conditions)) return { count: 0, examples: [] };
      let count = 0;
      const exampleIds: number[] = [];
      const rows = db
        .prepare(
          `SELECT id, description, counterparty, amount_pence FROM transactions
           WHERE deleted_at IS NULL AND is_split_parent = 0 ORDER BY date DESC, id DESC`,
        )
        .iterate() as IterableIterator<{
        id: number;
        description: string;
        counterparty: string | null;
        amount_pence: number;
      }>;
      for (const row of rows) {
        if (
          matchesConditions(
            compiled,
            matchInputOf(row.description, row.counterparty, row.amount_pence),
          )
        ) {
          count++;
          if (exampleIds.length < limit) exampleIds.push(row.id);
        }
      }
      const byId = db.prepare(`SELECT ${TRANSACTION_COLUMNS} FROM transactions t WHERE t.id = ?`);
      const examples = exampleIds.map((id) => toTransaction(byId.get(id) as TransactionRow));
      return { count, examples };
    },

    matcher() {
      return createRuleMatcher(activeRules());
    },
  };
  return service;
}
