import type { Pence } from '@shared/domain/money';
import { normaliseText } from '../text-normalise';
import { compileWildcard, matchesWildcard, type WildcardPattern } from './wildcard';

/** When a rule applies. Every condition given must hold; at least one must be given. */
export interface RuleConditions {
  /** Plain text anywhere in the description (case, spaces and punctuation ignored). */
  descriptionContains?: string | null | undefined;
  /** The whole description against a `*` / `?` wildcard pattern, e.g. `amazon*prime*`. */
  descriptionPattern?: string | null | undefined;
  /** The counterparty, exactly (case, spaces and punctuation ignored). */
  counterpartyIs?: string | null | undefined;
  /** Size of the amount, ignoring its sign, inclusive. */
  amountMinPence?: Pence | null | undefined;
  amountMaxPence?: Pence | null | undefined;
  direction?: 'in' | 'out' | null | undefined;
}

export interface RuleAction {
  /** Null only for the ledger-only categories (personal, transfer). */
  businessId: number | null;
  categoryId: string;
  /** Share of each expense that is not allowable, 0–10,000 (= 100 %). */
  disallowableBasisPoints: number;
}

export interface MatchableRule {
  id: number;
  priority: number;
  enabled: boolean;
  conditions: RuleConditions;
  action: RuleAction;
}

/** A transaction as the matcher sees it: text already normalised once per row. */
export interface MatchInput {
  normalisedDescription: string;
  normalisedCounterparty: string;
  amountPence: Pence;
}

interface CompiledRule {
  rule: MatchableRule;
  contains: string | null;
  pattern: WildcardPattern | null;
  counterparty: string | null;
}

export interface RuleMatcher {
  /** The first enabled rule, in priority order, whose conditions all hold. */
  match(input: MatchInput): MatchableRule | null;
  /** The same, with the already normalised fields passed one by one. */
  matchFields(
    normalisedDescription: string,
    normalisedCounterparty: string,
    amountPence: Pence,
  ): MatchableRule | null;
  readonly size: number;
}

const present = (value: string | null | undefined): value is string =>
  typeof value === 'string' && value.trim() !== '';

export function hasAnyCondition(c: RuleConditions): boolean {
  return (
    present(c.descriptionContains) ||
    present(c.descriptionPattern) ||
    present(c.counterpartyIs) ||
    (c.amountMinPence ?? null) !== null ||
    (c.amountMaxPence ?? null) !== null ||
    (c.direction ?? null) !== null
  );
}

export function matchesConditions(compiled: CompiledRule, input: MatchInput): boolean {
  return matchesFields(
    compiled,
    input.normalisedDescription,
    input.normalisedCounterparty,
    input.amountPence,
  );
}

// Positional, so the importer can test 100,000 rows without an object per row.
function matchesFields(
  compiled: CompiledRule,
  description: string,
  counterparty: string,
  amountPence: Pence,
): boolean {
  const c = compiled.rule.conditions;
  if (compiled.contains !== null && !description.includes(compiled.contains)) return false;
  if (compiled.pattern !== null && !matchesWildcard(compiled.pattern, description)) return false;
  if (compiled.counterparty !== null && counterparty !== compiled.counterparty) return false;
  const size = Math.abs(amountPence);
  if (c.amountMinPence != null && size < c.amountMinPence) return false;
  if (c.amountMaxPence != null && size > c.amountMaxPence) return false;
  if (c.direction === 'in' && amountPence <= 0) return false;
  if (c.direction === 'out' && amountPence >= 0) return false;
  return true;
}

export function compileRule(rule: MatchableRule): CompiledRule {
  const c = rule.conditions;
  return {
    rule,
    contains: present(c.descriptionContains) ? normaliseText(c.descriptionContains) : null,
    pattern: present(c.descriptionPattern) ? compileWildcard(c.descriptionPattern) : null,
    counterparty: present(c.counterpartyIs) ? normaliseText(c.counterpartyIs) : null,
  };
}

export function createRuleMatcher(rules: readonly MatchableRule[]): RuleMatcher {
  const compiled = rules
    .filter((r) => r.enabled && hasAnyCondition(r.conditions))
    .sort((a, b) => a.priority - b.priority || a.id - b.id)
    .map(compileRule);
  return {
    size: compiled.length,
    match(input) {
      return this.matchFields(
        input.normalisedDescription,
        input.normalisedCounterparty,
        input.amountPence,
      );
    },
    matchFields(description, counterparty, amountPence) {
      for (const c of compiled)
        if (matchesFields(c, description, counterparty, amountPence)) return c.rule;
      return null;
    },
  };
}

export function matchInputOf(
  description: string,
  counterparty: string | null,
  amountPence: Pence,
): MatchInput {
  return {
    normalisedDescription: normaliseText(description),
    normalisedCounterparty: counterparty ? normaliseText(counterparty) : '',
    amountPence,
  };
}
