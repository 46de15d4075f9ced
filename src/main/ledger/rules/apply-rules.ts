import type { BusinessKind } from '@shared/domain/business-kinds';
import { checkCategory, disallowableFromShare } from '../categorisation-checks';
import type { LedgerContext } from '../ledger-context';
import type { TransactionRow } from '../transaction-record';
import { createRuleMatcher, matchInputOf } from './rule-matcher';
import type { Rule } from './rule-record';

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

/** The columns rules read and write, of the transaction row. */
type LeanRow = Pick<
  TransactionRow,
  | 'id'
  | 'description'
  | 'counterparty'
  | 'amount_pence'
  | 'business_id'
  | 'category_id'
  | 'disallowable_pence'
  | 'rule_id'
>;

/**
 * Runs the rules over live transactions (all, or the ids given): the first rule that matches
 * sets business, category and disallowable part. Rows a person categorised are never changed;
 * a dry run only counts. The whole run is one write.
 */
export function applyRules(
  ctx: LedgerContext,
  rules: Rule[],
  businessKind: (businessId: number) => BusinessKind | null,
  options: ApplyRulesOptions = {},
): { matched: number; updated: number } {
  const { db } = ctx;
  const scope = options.scope ?? 'uncategorised';
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
        kinds.set(businessId, businessKind(businessId));
      }
      return kinds.get(businessId)!;
    };
    const consider = (row: LeanRow) => {
      const rule = matcher.match(matchInputOf(row.description, row.counterparty, row.amount_pence));
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
}
