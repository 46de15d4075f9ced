import {
  compareTaxYears,
  parseIsoDate,
  taxYearOf,
  type IsoDate,
  type PeriodType,
} from '@shared/domain/tax-year';
import type { ItsaStatusExplanation } from '@shared/domain/itsa-status';
import type { ElectionView } from '@shared/ipc/channels/profiles';
import type { CachedBusiness, CachedObligation } from './hmrc-cache';

/**
 * When Ledgerlink offers to change a business's quarterly period type (reference §5.2 "Change
 * to calendar quarters", §3.4 Create and Amend Quarterly Period Type, §5.6):
 * - current tax year only, for a self-employment or property business HMRC knows the type of;
 * - before the first quarterly update of the year (HMRC locks the choice after it). HMRC may
 *   take up to an hour to mark an obligation met, so an update Ledgerlink has sent (its
 *   submission log, or an outbox item whose answer was lost in sending) counts as well;
 * - only while quarterly updates are due at all: for a person whose ITSA status is Annual,
 *   exempt or dormant the quarters decide nothing;
 * - calendar quarters only for businesses whose accounts run 1 April – 31 March. HMRC treats an
 *   accounting date of 31 March to 5 April as the tax year end, so HMRC's latest accounting
 *   period is read only to rule out a clearly different year end (say 31 December); the person
 *   confirms the 31 March year end themselves. The dates are never shown (HMRC's request).
 */

/** The period type in force this tax year: HMRC's choice persists year to year until changed. */
export function currentPeriodType(business: CachedBusiness, taxYear: string): PeriodType {
  if (!business.periodType) return 'standard';
  if (business.periodTypeTaxYear && compareTaxYears(business.periodTypeTaxYear, taxYear) > 0) {
    // Chosen for a later year: this year is still standard.
    return 'standard';
  }
  return business.periodType;
}

/** A year end HMRC treats as the tax year's: 31 March, or 1 to 5 April (reference §5.2). */
function endsWithTaxYear(end: string): boolean {
  const d = parseIsoDate(end);
  if (!d) return true;
  return (d.month === 3 && d.day === 31) || (d.month === 4 && d.day <= 5);
}

const QUARTERS = {
  calendar:
    '1 April to 30 June, 1 July to 30 September, 1 October to 31 December and 1 January to 31 March',
  standard:
    '6 April to 5 July, 6 July to 5 October, 6 October to 5 January and 6 January to 5 April',
};

/** What else decides the offer: updates Ledgerlink has sent, and the person's ITSA status. */
export interface ElectionContext {
  /** HMRC business ids with an update for this tax year sent by Ledgerlink. */
  sentByLedgerlink?: ReadonlySet<string>;
  /** This tax year's ITSA status, when known. */
  itsa?: Pick<ItsaStatusExplanation, 'quarterlyUpdatesDue' | 'label'>;
}

/** The lock-in, said before the choice is offered (reference §5.2). */
export function lockInText(taxYear: string): string {
  return `Choose before the first update of ${taxYear} is sent: after it, HMRC fixes the quarters for the rest of the tax year.`;
}

export function electionFor(
  business: CachedBusiness,
  obligations: readonly CachedObligation[],
  today: IsoDate,
  context: ElectionContext = {},
): ElectionView {
  const taxYear = taxYearOf(today);
  const currentType = currentPeriodType(business, taxYear);
  const changeTo: PeriodType = currentType === 'standard' ? 'calendar' : 'standard';
  const lockIn = lockInText(taxYear);
  const refuse = (reason: string): ElectionView => ({
    taxYear,
    currentType,
    offered: false,
    reason,
    lockIn,
  });

  if (business.typeOfBusiness === 'property-unspecified') {
    return refuse('HMRC does not let quarterly periods be chosen for this kind of income.');
  }
  if (business.cessationDate && business.cessationDate <= today) {
    return refuse('This business has stopped trading, so its quarters cannot be changed.');
  }
  if (context.itsa && !context.itsa.quarterlyUpdatesDue) {
    return refuse(
      `No quarterly updates are due for ${taxYear} (HMRC’s status: ${context.itsa.label.toLowerCase()}), so there are no quarters to choose.`,
    );
  }
  const sentThisYear =
    context.sentByLedgerlink?.has(business.hmrcBusinessId) === true ||
    obligations.some(
      (o) =>
        o.kind === 'quarterly' &&
        o.hmrcBusinessId === business.hmrcBusinessId &&
        (o.status === 'fulfilled' || o.receivedDate !== undefined) &&
        taxYearOf(o.periodEnd) === taxYear,
    );
  if (sentThisYear) {
    return refuse(
      `An update for ${taxYear} has already been sent for this business. HMRC fixes the quarters for the rest of the tax year after the first update, so they can be changed again only for next tax year.`,
    );
  }
  if (
    changeTo === 'calendar' &&
    business.accountingPeriod &&
    !endsWithTaxYear(business.accountingPeriod.end)
  ) {
    return refuse(
      'Calendar quarters are only for businesses whose accounts run from 1 April to 31 March. HMRC’s records show this business’s accounts end on a different date, so Ledgerlink does not offer the change.',
    );
  }
  const reason =
    changeTo === 'calendar'
      ? `You can report on calendar quarters (${QUARTERS.calendar}) from ${taxYear} if your accounts run from 1 April to 31 March. You can change this only until the first update of ${taxYear} is sent; after that it is fixed for the rest of the tax year, and it carries on into later years until you change it back. In the first year, the first quarter still starts on 6 April.`
      : `You can go back to standard quarters (${QUARTERS.standard}) for ${taxYear}. You can change this only until the first update of ${taxYear} is sent; after that it is fixed for the rest of the tax year.`;
  return { taxYear, currentType, offered: true, changeTo, reason, lockIn };
}
