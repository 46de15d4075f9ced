import { hash } from 'node:crypto';
import type { OfxStatement } from './ofx-statements';

/**
 * Identifies the account a statement is for, so a FITID (unique only within one account) can be
 * found again on the next statement. A digest rather than the account number: the ledger needs
 * to recognise the account, not to hold its number.
 */
export function accountKey(statement: OfxStatement): string {
  const parts = [statement.kind, statement.bankId, statement.branchId, statement.accountId].map(
    (p) => (p ?? '').trim().toUpperCase(),
  );
  return hash('sha256', `ofx-account-v1|${parts.join('|')}`, 'hex').slice(0, 32);
}

/** `••••1234`: the last four letters or digits of an account or card number, never more. */
export function maskedAccount(accountId: string | null): string | null {
  const visible = (accountId ?? '').replace(/[^0-9A-Za-z]/g, '');
  if (visible === '') return null;
  return `••••${visible.slice(-4)}`;
}
