import { formatNino } from '@shared/domain/nino';
import { addDays, formatUkDate, type IsoDate } from '@shared/domain/tax-year';
import type { ObligationRef, OverviewStatus } from '@shared/ipc/channels/profiles';
import { NOT_AUTHORISED_SHORT } from './authorisation';
import type { CachedObligation } from './hmrc-cache';
import type { Profile, ProfileHmrcSummary } from './profile-record';

/**
 * Obligations due within this many days are "due soon": a month is time enough to gather a
 * quarter's records. (HMRC publishes no such threshold; this is Ledgerlink's choice.)
 */
export const DUE_SOON_DAYS = 30;

/** The open obligation HMRC says is due first, named for the overview and the switcher. */
export function nextDue(
  obligations: readonly CachedObligation[],
  businessName: (hmrcBusinessId: string) => string | undefined,
): ObligationRef | undefined {
  const first = obligations
    .filter((o) => o.status === 'open')
    .sort(
      (a, b) => a.dueDate.localeCompare(b.dueDate) || a.periodStart.localeCompare(b.periodStart),
    )[0];
  if (!first) return undefined;
  const name = first.hmrcBusinessId ? businessName(first.hmrcBusinessId) : undefined;
  return {
    kind: first.kind,
    ...(first.hmrcBusinessId ? { businessId: first.hmrcBusinessId } : {}),
    ...(name ? { businessName: name } : {}),
    periodStart: first.periodStart,
    periodEnd: first.periodEnd,
    dueDate: first.dueDate,
  };
}

export function summarise(
  obligations: readonly CachedObligation[],
  checkedAt: string,
  businessName: (hmrcBusinessId: string) => string | undefined,
): ProfileHmrcSummary {
  const next = nextDue(obligations, businessName);
  return {
    checkedAt,
    ...(next ? { nextDue: next } : {}),
    openCount: obligations.filter((o) => o.status === 'open').length,
  };
}

/**
 * A client's line in the agent overview, worked out on today's date from what HMRC said last
 * time, so "overdue" stays true offline as days pass.
 */
export function overviewStatus(
  profile: Pick<Profile, 'authorisation' | 'hmrc' | 'nino' | 'accountId'>,
  today: IsoDate,
): { status: OverviewStatus; statusText: string } {
  const auth = profile.authorisation.status;
  if (auth === 'not-authorised')
    return { status: 'not-authorised', statusText: NOT_AUTHORISED_SHORT };
  if (auth === 'not-signed-up') {
    return {
      status: 'not-signed-up',
      statusText: `Not signed up to Making Tax Digital for Income Tax (${formatNino(profile.nino)})`,
    };
  }
  if (!profile.hmrc.checkedAt) {
    return {
      status: 'not-checked',
      statusText: !profile.accountId
        ? 'No HMRC account chosen: link your agent services account'
        : // HMRC has answered about authority, so "not checked" would contradict the
          // "last checked" beside it: it is the deadlines that have not been read.
          profile.authorisation.checkedAt
          ? 'Deadlines not read from HMRC yet: check with HMRC'
          : 'Not checked with HMRC yet',
    };
  }
  const next = profile.hmrc.nextDue;
  if (!next) return { status: 'up-to-date', statusText: 'Up to date: nothing open at HMRC' };
  const due = formatUkDate(next.dueDate);
  if (next.dueDate < today) return { status: 'overdue', statusText: `Overdue: was due ${due}` };
  if (next.dueDate <= addDays(today, DUE_SOON_DAYS))
    return { status: 'due-soon', statusText: `Due soon: by ${due}` };
  return { status: 'up-to-date', statusText: `Up to date: next due ${due}` };
}
