import { type BusinessRecord, type TaxpayerRecord } from '../state/model';
import { type IsoDate, ukDate } from '../tax/dates';
import { cumulativeStart, finalDeclarationDueDate, quarterlyPeriods } from '../tax/periods';
import {
  type TaxYear,
  nextTaxYear,
  taxYearEnd,
  taxYearFromLabel,
  taxYearOf,
  taxYearStart,
} from '../tax/tax-year';
import { isQuarterly, reportingTypeFor } from './cumulative-rules';

export interface ObligationDetail {
  periodStartDate: IsoDate;
  periodEndDate: IsoDate;
  dueDate: IsoDate;
  receivedDate?: IsoDate;
  status: 'open' | 'fulfilled';
}

/** Tax years a customer has obligations for: from their MTD start to the current tax year. */
export function obligationYears(taxpayer: TaxpayerRecord, today: IsoDate): TaxYear[] {
  const years: TaxYear[] = [];
  const current = taxYearOf(today);
  for (
    let ty = taxYearFromLabel(taxpayer.mtdStartTaxYear);
    ty.startYear <= current.startYear;
    ty = nextTaxYear(ty)
  ) {
    years.push(ty);
  }
  return years;
}

/**
 * HMRC may take up to an hour after an update or a final declaration to show its obligation as
 * fulfilled [reference §5.2, §5.7 step 5; E2E "Showing customers their obligations"]: a
 * submission counts only once `delayMs` has passed since it was received.
 */
export interface FulfilmentClock {
  now: number;
  delayMs: number;
}

const shown = (receivedAt: number, clock: FulfilmentClock | undefined) =>
  clock === undefined || receivedAt + clock.delayMs <= clock.now;

/**
 * Quarterly obligations for one business, derived from its periods and its submissions. From
 * 2025-26 updates are cumulative, so every obligation of a year starts on the year's start date
 * (as in HMRC's examples); an obligation is fulfilled once an update's end date reaches its
 * period end (and HMRC has caught up with it), and its receivedDate is the day of that first
 * such update. [reference §5.2-§5.3; OB examples retrieve_cumulative_periodic_obligations_*.json;
 * E2E "Submit and amend quarterly update"]
 */
export function quarterlyObligations(
  taxpayer: TaxpayerRecord,
  business: BusinessRecord,
  today: IsoDate,
  fulfilment?: FulfilmentClock,
): ObligationDetail[] {
  const out: ObligationDetail[] = [];
  for (const ty of obligationYears(taxpayer, today)) {
    if (!isQuarterly(taxpayer, ty, business)) continue;
    const { type, firstCalendarYear } = reportingTypeFor(business, ty);
    const yearStart =
      business.commencementDate && business.commencementDate > taxYearStart(ty)
        ? business.commencementDate
        : cumulativeStart(ty, type, firstCalendarYear);
    const history = business.cumulative[ty.label]?.history ?? [];
    for (const q of quarterlyPeriods(ty, type, firstCalendarYear)) {
      // A business that started after a quarter ended has no obligation for that quarter.
      if (business.commencementDate && business.commencementDate > q.periodEndDate) continue;
      const reaching = history
        .filter((h) => h.toDate >= q.periodEndDate && shown(h.receivedAt, fulfilment))
        .map((h) => h.receivedAt);
      const detail: ObligationDetail = {
        periodStartDate: ty.startYear >= 2025 ? yearStart : q.quarterStart,
        periodEndDate: q.periodEndDate,
        dueDate: q.dueDate,
        status: reaching.length > 0 ? 'fulfilled' : 'open',
      };
      if (reaching.length > 0) detail.receivedDate = ukDate(Math.min(...reaching));
      out.push(detail);
    }
  }
  return out;
}

/** Final declaration (crystallisation) obligations: one per tax year, due 31 January. [reference §5.2, §5.7] */
export function finalDeclarationObligations(
  taxpayer: TaxpayerRecord,
  today: IsoDate,
  fulfilment?: FulfilmentClock,
): (ObligationDetail & { taxYear: string })[] {
  return obligationYears(taxpayer, today).map((ty) => {
    const made = taxpayer.finalDeclarations[ty.label];
    const declared = made && shown(made.receivedAt, fulfilment) ? made : undefined;
    return {
      taxYear: ty.label,
      periodStartDate: taxYearStart(ty),
      periodEndDate: taxYearEnd(ty),
      dueDate: finalDeclarationDueDate(ty),
      status: declared ? 'fulfilled' : 'open',
      ...(declared ? { receivedDate: ukDate(declared.receivedAt) } : {}),
    };
  });
}
