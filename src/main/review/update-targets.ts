import {
  compareTaxYears,
  earliestSubmissionDate,
  FIRST_CUMULATIVE_TAX_YEAR,
  previousTaxYear,
  taxYearOf,
  updatePeriods,
  type IsoDate,
  type PeriodBasis,
  type TaxYear,
} from '@shared/domain/tax-year';
import type { Business } from '../ledger';
import type { CachedObligation } from '../profiles/hmrc-cache';

/**
 * Which update each business needs now (reference §5.2–5.3). A cumulative update to a period
 * end meets every obligation of the year up to that end, so per business and tax year with
 * open obligations the target is the latest open period end that may already be sent (no more
 * than 10 days before it ends); when none may be sent yet, the latest period end of that year
 * that may be (so the update just sent shows against HMRC's copy), or else the earliest open
 * one (the review then says from when). A business with no open obligation — HMRC has none on record yet, or
 * all are met — gets the current one: the latest period end of this year that may be sent, so
 * a correction can still go (corrections go into the next update, §5.3).
 */
export interface UpdateTarget {
  business: Business;
  taxYear: TaxYear;
  periodEnd: IsoDate;
  obligation?: CachedObligation;
}

export function updateTargets(input: {
  businesses: readonly Business[];
  obligations: readonly CachedObligation[];
  today: IsoDate;
  basisOf: (businessId: number, taxYear: TaxYear) => PeriodBasis;
}): { targets: UpdateTarget[]; notReady: { business: Business; reason: string }[] } {
  const targets: UpdateTarget[] = [];
  const notReady: { business: Business; reason: string }[] = [];
  const cumulative = (ty: TaxYear) => compareTaxYears(ty, FIRST_CUMULATIVE_TAX_YEAR) >= 0;

  for (const business of input.businesses) {
    if (business.archivedAt) continue;
    // A foreign property kept under the foreign property business goes in that one's update.
    if (business.foreign?.parentId) continue;
    if (!business.hmrcBusinessId) {
      notReady.push({
        business,
        reason:
          'Not matched to a business at HMRC yet. Check HMRC for your businesses on the Profiles screen.',
      });
      continue;
    }
    const open = input.obligations.filter(
      (o) =>
        o.kind === 'quarterly' &&
        o.status === 'open' &&
        o.hmrcBusinessId === business.hmrcBusinessId &&
        cumulative(taxYearOf(o.periodEnd)),
    );
    const byYear = new Map<TaxYear, CachedObligation[]>();
    for (const o of open) {
      const ty = taxYearOf(o.periodEnd);
      byYear.set(ty, [...(byYear.get(ty) ?? []), o]);
    }
    if (byYear.size > 0) {
      for (const [taxYear, list] of [...byYear].sort(([a], [b]) => compareTaxYears(a, b))) {
        const sorted = [...list].sort((a, b) => a.periodEnd.localeCompare(b.periodEnd));
        const sendable = sorted.filter((o) => earliestSubmissionDate(o.periodEnd) <= input.today);
        const chosen = sendable.at(-1);
        if (chosen) {
          targets.push({ business, taxYear, periodEnd: chosen.periodEnd, obligation: chosen });
          continue;
        }
        // Nothing open may be sent yet (the last one was just met): the update to the latest
        // period end that may be sent, so the review shows it against HMRC's copy; the open one
        // stays one choice away. Before any period end of the year may be sent, the open one.
        const latest = latestSendableEnd(business.id, taxYear, input.today, input.basisOf);
        const obligation = latest
          ? input.obligations.find(
              (o) =>
                o.kind === 'quarterly' &&
                o.hmrcBusinessId === business.hmrcBusinessId &&
                o.periodEnd === latest,
            )
          : sorted[0];
        targets.push({
          business,
          taxYear,
          periodEnd: latest ?? sorted[0]!.periodEnd,
          ...(obligation ? { obligation } : {}),
        });
      }
      continue;
    }
    const current = currentPeriodEnd(business.id, input.today, input.basisOf);
    if (!current || !cumulative(current.taxYear)) {
      notReady.push({ business, reason: 'No update can be sent yet for this tax year.' });
      continue;
    }
    const obligation = input.obligations.find(
      (o) =>
        o.kind === 'quarterly' &&
        o.hmrcBusinessId === business.hmrcBusinessId &&
        o.periodEnd === current.periodEnd,
    );
    targets.push({ business, ...current, ...(obligation ? { obligation } : {}) });
  }
  return { targets, notReady };
}

function latestSendableEnd(
  businessId: number,
  taxYear: TaxYear,
  today: IsoDate,
  basisOf: (businessId: number, taxYear: TaxYear) => PeriodBasis,
): IsoDate | undefined {
  return updatePeriods(taxYear, basisOf(businessId, taxYear))
    .map((p) => p.end)
    .filter((end) => earliestSubmissionDate(end) <= today)
    .at(-1);
}

/** The latest period end (this tax year, else last) that may be sent today. */
function currentPeriodEnd(
  businessId: number,
  today: IsoDate,
  basisOf: (businessId: number, taxYear: TaxYear) => PeriodBasis,
): { taxYear: TaxYear; periodEnd: IsoDate } | undefined {
  for (const taxYear of [taxYearOf(today), previousTaxYear(taxYearOf(today))]) {
    const end = latestSendableEnd(businessId, taxYear, today, basisOf);
    if (end) return { taxYear, periodEnd: end };
  }
  return undefined;
}
