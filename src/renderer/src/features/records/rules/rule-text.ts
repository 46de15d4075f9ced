import { formatPence } from '@shared/domain/money';
import type { RuleConditionsInput } from '@shared/ipc/channels/records';

/** A rule's conditions in plain words: "the description contains “shell” and money out". */
export function conditionsText(c: RuleConditionsInput): string {
  const parts: string[] = [];
  if (c.descriptionContains) parts.push(`the description contains “${c.descriptionContains}”`);
  if (c.descriptionPattern) parts.push(`the description is like “${c.descriptionPattern}”`);
  if (c.counterpartyIs) parts.push(`the payee or payer is “${c.counterpartyIs}”`);
  const min = c.amountMinPence ?? null;
  const max = c.amountMaxPence ?? null;
  if (min !== null && max !== null)
    parts.push(`the amount is between ${formatPence(min)} and ${formatPence(max)}`);
  else if (min !== null) parts.push(`the amount is at least ${formatPence(min)}`);
  else if (max !== null) parts.push(`the amount is at most ${formatPence(max)}`);
  if (c.direction) parts.push(c.direction === 'in' ? 'it is money in' : 'it is money out');
  return parts.length ? parts.join(' and ') : 'always';
}

/** Moves one item of a list up or down by one place. */
export function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
