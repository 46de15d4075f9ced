import { fieldValuePence, type HmrcCategory } from '../../../shared/domain/categories';
import { BASIS_POINTS_WHOLE } from '../../../shared/domain/money';
import type { BusinessKind } from '../../../shared/domain/business-kinds';
import {
  checkAmount,
  checkCategory,
  checkText,
  disallowableFromShare,
} from '../categorisation-checks';
import type { LedgerContext } from '../ledger-context';
import { ledgerError, invalidInput, notFound } from '../ledger-error';
import { TRANSACTION_COLUMNS, toTransaction, type TransactionRow } from '../transaction-record';
import {
  compileRule,
  createRuleMatcher,
  hasAnyCondition,
  matchInputOf,
  matchesConditions,
  type MatchableRule,
  type RuleAction,
  type RuleConditions,
  type RuleMatcher,
} from './rule-matcher';
import { compileWildcard } from './wildcard';

export interface Rule extends MatchableRule {
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewRule {
  name?: string;
  conditions: RuleConditions;
  action: RuleAction;
  enabled?: boolean;
  /** Lower runs first; left out, the rule goes after all existing ones. */
  priority?: number;
}

export type RulePatch = Partial<NewRule>;

export interface ApplyRulesOptions {
  /** Only these transactions; left out, every live transaction. */
  ids?: readonly number[];
  /**
   * `uncategorised` (default): only rows nobody has categorised. `rule-set-too`: also re-check
   * rows a rule categorised earlier. Rows a person categorised are never changed.
   */
  scope?: 'uncategorised' | 'rule-set-too';
  dryRun?: boolean;
}

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
  /** How many live transactions a draft rule would match, with a few examples. */
  preview(
    conditions: RuleConditions,
    limit?: number,
  ): { count: number; examples: ReturnType<typeof toTransaction>[] };
  matcher(): RuleMatcher;
}

interface RuleRow {
  id: number;
  name: string;
  priority: number;
  enabled: number;
  description_contains: string | null;
  description_pattern: string | null;
  counterparty_is: string | null;
  amount_min_pence: number | null;
  amount_max_pence: number | null;
  direction: 'in' | 'out' | null;
  business_id: number | null;
  category_id: string;
  disallowable_bp: number;
  created_at: string;
  updated_at: string;
}

const toRule = (r: RuleRow): Rule => ({
  id: r.id,
  name: r.name,
  priority: r.priority,
  enabled: r.enabled === 1,
  conditions: {
    descriptionContains: r.description_contains,
    descriptionPattern: r.description_pattern,
    counterpartyIs: r.counterparty_is,
    amountMinPence: r.amount_min_pence,
    amountMaxPence: r.amount_max_pence,
    direction: r.direction,
  },
  action: {
    businessId: r.business_id,
    categoryId: r.category_id,
    disallowableBasisPoints: r.disallowable_bp,
  },
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const MAX_RULE_TEXT = 200;

interface LeanRow {
  id: number;
  description: string;
  counterparty: string | null;
  amount_pence: number;
  business_id: number | null;
  category_id: string | null;
  disallowable_pence: number;
  rule_id: number | null;
}

/** A readable default name: "Description contains “tesco” → Cost of goods". */
function describeRule(conditions: RuleConditions, categoryName: string): string {
  const parts: string[] = [];
  if (conditions.counterpartyIs) parts.push(`Counterparty is “${conditions.counterpartyIs}”`);
  if (conditions.descriptionContains)
    parts.push(`Description contains “${conditions.descriptionContains}”`);
  if (conditions.descriptionPattern)
    parts.push(`Description is like “${conditions.descriptionPattern}”`);
  if (conditions.direction) parts.push(conditions.direction === 'in' ? 'money in' : 'money out');
  if (conditions.amountMinPence != null || conditions.amountMaxPence != null)
    parts.push('amount in range');
  return `${parts.join(', ')} → ${categoryName}`.slice(0, MAX_RULE_TEXT);
}

/**
 * A checked rule's condition and action columns, in the order both INSERT and UPDATE name them
 * (description_contains … disallowable_bp); absent conditions are stored as NULL.
 */
function ruleColumns(checked: { conditions: RuleConditions; action: RuleAction }) {
  const c = checked.conditions;
  return [
    c.descriptionContains ?? null,
    c.descriptionPattern ?? null,
    c.counterpartyIs ?? null,
    c.amountMinPence ?? null,
    c.amountMaxPence ?? null,
    c.direction ?? null,
    checked.action.businessId,
    checked.action.categoryId,
    checked.action.disallowableBasisPoints,
  ] as const;
}

export function createRulesService(ctx: LedgerContext): RulesService {
  const { db } = ctx;
  const byId = db.prepare('SELECT * FROM rules WHERE id = ? AND deleted_at IS NULL');
  const kindOf = db.prepare('SELECT kind FROM businesses WHERE id = ?');

  const get = (id: number): Rule => {
    const row = byId.get(id) as RuleRow | undefined;
    if (!row) throw notFound('rule', id);
    return toRule(row);
  };

  const checkRule = (
    input: NewRule,
  ): { name: string; conditions: RuleConditions; action: RuleAction; categoryName: string } => {
    const c = input.conditions;
    const conditions: RuleConditions = {
      descriptionContains: checkText(
        c.descriptionContains,
        'conditions.descriptionContains',
        MAX_RULE_TEXT,
      ),
      descriptionPattern: checkText(
        c.descriptionPattern,
        'conditions.descriptionPattern',
        MAX_RULE_TEXT,
      ),
      counterpartyIs: checkText(c.counterpartyIs, 'conditions.counterpartyIs', MAX_RULE_TEXT),
      amountMinPence:
        c.amountMinPence == null
          ? null
          : checkAmount(c.amountMinPence, 'conditions.amountMinPence'),
      amountMaxPence:
        c.amountMaxPence == null
          ? null
          : checkAmount(c.amountMaxPence, 'conditions.amountMaxPence'),
      direction: c.direction ?? null,
    };
    if (!hasAnyCondition(conditions)) {
      throw ledgerError(
        'RULE_INVALID',
        'A rule needs at least one condition.',
        'Say what the description, counterparty or amount should be.',
      );
    }
    if (
      conditions.descriptionPattern &&
      compileWildcard(conditions.descriptionPattern).normalised.replace(/[*?\s]/g, '') === ''
    ) {
      throw ledgerError(
        'RULE_INVALID',
        'The pattern has no words or numbers to match.',
        'Add some text around the * and ?.',
      );
    }
    if ((conditions.amountMinPence ?? 0) < 0 || (conditions.amountMaxPence ?? 0) < 0) {
      throw invalidInput(
        'conditions.amountMinPence',
        'Amounts in a rule are sizes; use “money in” or “money out” for the direction.',
      );
    }
    if (
      conditions.amountMinPence != null &&
      conditions.amountMaxPence != null &&
      conditions.amountMinPence > conditions.amountMaxPence
    ) {
      throw invalidInput('conditions.amountMaxPence', 'The largest amount is below the smallest.');
    }
    if (
      conditions.direction !== null &&
      conditions.direction !== 'in' &&
      conditions.direction !== 'out'
    ) {
      throw invalidInput('conditions.direction', 'Direction is money in or money out.');
    }
    const a = input.action;
    const businessKind =
      a.businessId == null
        ? null
        : ((kindOf.get(a.businessId) as { kind: BusinessKind } | undefined)?.kind ?? null);
    if (a.businessId != null && businessKind === null)
      throw invalidInput('action.businessId', 'That business is not in these records.');
    const category = checkCategory(a.categoryId, businessKind, 'action.categoryId');
    const share = a.disallowableBasisPoints ?? 0;
    if (!Number.isInteger(share) || share < 0 || share > BASIS_POINTS_WHOLE) {
      throw invalidInput(
        'action.disallowableBasisPoints',
        'The share must be between 0 and 100 %.',
      );
    }
    if (share > 0 && !(category?.reportable && category.disallowableField)) {
      throw ledgerError(
        'DISALLOWABLE_NOT_ALLOWED',
        'This category has no disallowable part.',
        'Set the share to 0 %.',
      );
    }
    const name =
      checkText(input.name, 'name', MAX_RULE_TEXT) ?? describeRule(conditions, category!.name);
    return {
      name,
      conditions,
      action: {
        businessId: a.businessId ?? null,
        categoryId: a.categoryId,
        disallowableBasisPoints: share,
      },
      categoryName: category!.name,
    };
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
        const checked = checkRule(input);
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
        const checked = checkRule({
          name: patch.name ?? before.name,
          conditions: patch.conditions ?? before.conditions,
          action: patch.action ?? before.action,
        });
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
        const expense = fieldValuePence(category as HmrcCategory, t.amountPence);
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

    apply(options = {}) {
      const scope = options.scope ?? 'uncategorised';
      const rules = activeRules();
      const matcher = createRuleMatcher(rules);
      if (matcher.size === 0) return { matched: 0, updated: 0 };
      const where = [
        't.deleted_at IS NULL',
        't.is_split_parent = 0',
        scope === 'uncategorised'
          ? 't.category_id IS NULL'
          : '(t.category_id IS NULL OR t.rule_id IS NOT NULL)',
      ];
      const ids = options.ids ? [...new Set(options.ids)] : null;
      const run = () => {
        let matched = 0;
        let updated = 0;
        // Lean rows, a page at a time by id: applying rules to 100,000 rows never holds them all.
        const columns = `t.id, t.description, t.counterparty, t.amount_pence, t.business_id, t.category_id,
          t.disallowable_pence, t.rule_id`;
        const page = db.prepare(
          `SELECT ${columns} FROM transactions t WHERE ${where.join(' AND ')} AND t.id > ? ORDER BY t.id LIMIT 2000`,
        );
        const one = db.prepare(
          `SELECT ${columns} FROM transactions t WHERE ${where.join(' AND ')} AND t.id = ?`,
        );
        const update = db.prepare(
          'UPDATE transactions SET business_id = ?, category_id = ?, disallowable_pence = ?, rule_id = ?, updated_at = ? WHERE id = ?',
        );
        const kinds = new Map<number, BusinessKind | null>();
        const kindFor = (businessId: number | null): BusinessKind | null => {
          if (businessId === null) return null;
          if (!kinds.has(businessId)) {
            kinds.set(
              businessId,
              (kindOf.get(businessId) as { kind: BusinessKind } | undefined)?.kind ?? null,
            );
          }
          return kinds.get(businessId)!;
        };
        const consider = (row: LeanRow) => {
          const rule = matcher.match(
            matchInputOf(row.description, row.counterparty, row.amount_pence),
          );
          if (!rule) return;
          matched++;
          const businessId = rule.action.businessId ?? row.business_id;
          let category;
          try {
            category = checkCategory(rule.action.categoryId, kindFor(businessId));
          } catch {
            return; // e.g. an SE rule on a row already placed in a property business: leave it
          }
          const disallowable = disallowableFromShare(
            category,
            row.amount_pence,
            rule.action.disallowableBasisPoints,
          );
          if (
            row.category_id === rule.action.categoryId &&
            row.business_id === businessId &&
            row.disallowable_pence === disallowable &&
            row.rule_id === rule.id
          ) {
            return;
          }
          updated++;
          if (options.dryRun) return;
          update.run(businessId, rule.action.categoryId, disallowable, rule.id, ctx.now(), row.id);
          ctx.log.record(
            'transaction',
            row.id,
            'apply-rule',
            {
              businessId: row.business_id,
              categoryId: row.category_id,
              disallowablePence: row.disallowable_pence,
              ruleId: row.rule_id,
            },
            {
              businessId,
              categoryId: rule.action.categoryId,
              disallowablePence: disallowable,
              ruleId: rule.id,
            },
          );
        };
        if (ids) {
          for (const id of ids) {
            const row = one.get(id) as LeanRow | undefined;
            if (row) consider(row);
          }
        } else {
          let after = 0;
          for (;;) {
            const rows = page.all(after) as LeanRow[];
            if (rows.length === 0) break;
            for (const row of rows) consider(row);
            after = rows.at(-1)!.id;
          }
        }
        return { matched, updated };
      };
      return options.dryRun ? run() : ctx.write(run);
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
