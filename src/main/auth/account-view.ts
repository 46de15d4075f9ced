import type { AccountView } from '@shared/ipc/channels/auth';
import { ENVIRONMENT_LABELS } from '../environments/hmrc-environments';
import { featuresFor } from './feature-scopes';
import type { HmrcAccount } from './hmrc-accounts';

const DAY_MS = 86_400_000;

/** HMRC's grant lasts 18 months, which its application model counts as 547 days (reference §2.5). */
export const GRANT_LENGTH_DAYS = 547;

/** The 18-month authority warning starts this many days before the end (issue 4 item 8). */
export const GRANT_WARNING_DAYS = 30;

export const grantEndFrom = (linkedAt: Date): string =>
  new Date(linkedAt.getTime() + GRANT_LENGTH_DAYS * DAY_MS).toISOString();

/**
 * The renderer's view of an account. It is built field by field from metadata and the token's
 * expiry time only, so nothing secret can ride along.
 */
export function describeAccount(
  account: HmrcAccount,
  accessTokenExpiresAt: string | null,
  now: Date,
): AccountView {
  const msLeft = new Date(account.grantExpiresAt).getTime() - now.getTime();
  const grantDaysLeft = Math.ceil(msLeft / DAY_MS);
  return {
    id: account.id,
    environment: account.environment,
    environmentLabel: ENVIRONMENT_LABELS[account.environment].label,
    kind: account.kind,
    label: account.label,
    linkedAt: account.linkedAt,
    grantExpiresAt: account.grantExpiresAt,
    grantDaysLeft,
    grantEndingSoon: msLeft <= GRANT_WARNING_DAYS * DAY_MS,
    scopes: account.scopes.filter((s) => /^[a-z]+:[a-z-]+$/.test(s)),
    status: account.status,
    ...(account.lastRefresh
      ? {
          lastRefresh: {
            at: account.lastRefresh.at,
            outcome: account.lastRefresh.outcome,
            ...(account.lastRefresh.detail ? { detail: account.lastRefresh.detail } : {}),
          },
        }
      : {}),
    accessTokenExpiresAt,
    features: featuresFor(account).map((f) => ({
      id: f.id,
      label: f.label,
      scope: f.scope,
      granted: f.granted,
    })),
  };
}
