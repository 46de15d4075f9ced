import { previousTaxYear, taxYearOf, type IsoDate } from '@shared/domain/tax-year';
import type { BusinessView, SnapshotView } from '@shared/ipc/channels/profiles';
import { businessName } from './business-names';
import type { HmrcCache } from './hmrc-cache';
import type { Profile } from './profile-record';
import { itsaStatusView } from './itsa-status';
import { electionFor } from './quarterly-election';

/**
 * What HMRC last said about a profile, as a window sees it, worked out for today: open
 * obligations of any year plus this year's fulfilled ones, each open one past HMRC's due date
 * marked overdue, and whether each business's quarters may still be changed.
 */
export function buildSnapshotView(input: {
  profile: Pick<Profile, 'id' | 'authorisation' | 'hmrc'>;
  cache: HmrcCache;
  /** HMRC business id → the ledger business linked to it. */
  ledgerBusinessIds: ReadonlyMap<string, number>;
  /** HMRC business ids with an update for this tax year sent by Ledgerlink. */
  sentThisYear?: ReadonlySet<string>;
  today: IsoDate;
}): SnapshotView {
  const { cache, today } = input;
  const taxYear = taxYearOf(today);
  const itsaNow = itsaStatusView(
    input.profile.hmrc.itsaStatuses,
    taxYear,
    input.profile.hmrc.itsaCheckedAt,
  );
  const names = new Map(cache.businesses.map((b) => [b.hmrcBusinessId, businessName(b)]));
  const businesses: BusinessView[] = cache.businesses.map((b) => {
    const ledgerId = input.ledgerBusinessIds.get(b.hmrcBusinessId);
    return {
      hmrcBusinessId: b.hmrcBusinessId,
      typeOfBusiness: b.typeOfBusiness,
      name: businessName(b),
      ...(b.commencementDate ? { commencementDate: b.commencementDate } : {}),
      ...(b.cessationDate ? { cessationDate: b.cessationDate } : {}),
      ...(ledgerId ? { ledgerBusinessId: ledgerId } : {}),
      election: electionFor(b, cache.obligations, today, {
        ...(input.sentThisYear ? { sentByLedgerlink: input.sentThisYear } : {}),
        ...(itsaNow.status ? { itsa: itsaNow } : {}),
      }),
    };
  });
  return {
    profileId: input.profile.id,
    today,
    taxYear,
    checkedAt: cache.fetchedAt,
    ...(cache.correlationId ? { correlationId: cache.correlationId } : {}),
    authorisation: input.profile.authorisation,
    businesses,
    itsaStatus: itsaNow,
    itsaStatusLastYear: itsaStatusView(
      input.profile.hmrc.itsaStatuses,
      previousTaxYear(taxYear),
      input.profile.hmrc.itsaCheckedAt,
    ),
    obligations: cache.obligations
      .filter((o) => o.status === 'open' || taxYearOf(o.periodEnd) === taxYear)
      .map((o) => {
        const name = o.hmrcBusinessId ? names.get(o.hmrcBusinessId) : undefined;
        return {
          kind: o.kind,
          ...(o.hmrcBusinessId ? { businessId: o.hmrcBusinessId } : {}),
          ...(name ? { businessName: name } : {}),
          ...(o.typeOfBusiness ? { typeOfBusiness: o.typeOfBusiness } : {}),
          periodStart: o.periodStart,
          periodEnd: o.periodEnd,
          dueDate: o.dueDate,
          status: o.status,
          ...(o.receivedDate ? { receivedDate: o.receivedDate } : {}),
          overdue: o.status === 'open' && o.dueDate < today,
        };
      }),
  };
}
