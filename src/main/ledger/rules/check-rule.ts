import { BASIS_POINTS_WHOLE } from '@shared/domain/money';
import type { BusinessKind } from '@shared/domain/business-kinds';
import { checkAmount, checkCategory, checkText } from '../categorisation-checks';
import { ledgerError, invalidInput } from '../ledger-error';
import { hasAnyCondition, type RuleAction, type RuleConditions } from './rule-matcher';
import type { NewRule } from './rule-record';
import { compileWildcard } from './wildcard';

export const MAX_RULE_TEXT = 200;

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
 * A rule as the person wrote it, checked: at least one condition, a pattern with something to
 * match, amounts as sizes in order, a category that fits the business, a disallowable share
 * only where the category has a disallowable part; a readable name when none was given.
 */
export function checkRule(
  input: NewRule,
  businessKind: (businessId: number) => BusinessKind | null,
): { name: string; conditions: RuleConditions; action: RuleAction; categoryName: string } {
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
      c.amountMinPence == null ? null : checkAmount(c.amountMinPence, 'conditions.amountMinPence'),
    amountMaxPence:
      c.amountMaxPence == null ? null : checkAmount(c.amountMaxPence, 'conditions.amountMaxPence'),
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
  const kind = a.businessId == null ? null : businessKind(a.businessId);
  if (a.businessId != null && kind === null)
    throw invalidInput('action.businessId', 'That business is not in these records.');
  const category = checkCategory(a.categoryId, kind, 'action.categoryId');
  const share = a.disallowableBasisPoints ?? 0;
  if (!Number.isInteger(share) || share < 0 || share > BASIS_POINTS_WHOLE) {
    throw invalidInput('action.disallowableBasisPoints', 'The share must be between 0 and 100 %.');
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
}
