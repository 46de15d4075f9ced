import type { MatchableRule, RuleAction, RuleConditions } from './rule-matcher';

export interface Rule extends MatchableRule {
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface NewRule {
  name?: string | undefined;
  conditions: RuleConditions;
  action: RuleAction;
  enabled?: boolean | undefined;
  /** Lower runs first; left out, the rule goes after all existing ones. */
  priority?: number | undefined;
}

export type RulePatch = Partial<NewRule>;

/** A rule as the `rules` table stores it. */
export interface RuleRow {
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

export const toRule = (r: RuleRow): Rule => ({
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

/**
 * A checked rule's condition and action columns, in the order both INSERT and UPDATE name them
 * (description_contains … disallowable_bp); absent conditions are stored as NULL.
 */
export function ruleColumns(checked: { conditions: RuleConditions; action: RuleAction }) {
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
