import { formatUkDate } from '@shared/domain/tax-year';
import type { OfxStatementView } from '@shared/ipc/channels/records';
import { plural } from '../format';

/** "3 Jan – 28 Mar 2026", "20 Dec 2025 – 19 Jan 2026", "5 Jan 2026", or null with no dates. */
export function dateRangeText(from: string | null, to: string | null): string | null {
  if (from && to && from !== to) {
    const sameYear = from.slice(0, 4) === to.slice(0, 4);
    return `${formatUkDate(from, { short: true, withYear: !sameYear })} – ${formatUkDate(to, { short: true })}`;
  }
  const one = from ?? to;
  return one ? formatUkDate(one, { short: true }) : null;
}

/**
 * One statement in plain words, e.g. "OFX statement from account ••••1234, 3 Jan – 28 Mar 2026:
 * 42 transactions". Only the masked account number is ever shown.
 */
export function statementLine(statement: OfxStatementView): string {
  const what = statement.kind === 'credit-card' ? 'OFX credit-card statement' : 'OFX statement';
  const whose = statement.account
    ? `from ${statement.kind === 'credit-card' ? 'card' : 'account'} ${statement.account}`
    : 'from an account it does not name';
  const dates = dateRangeText(statement.from, statement.to);
  const count = plural(statement.transactions, 'transaction', 'transactions');
  return `${what} ${whose}${dates ? `, ${dates}` : ''}: ${count}`;
}
