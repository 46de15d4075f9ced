import { type IsoDate, isoDate } from './dates';
import { type TaxYear, taxYearStart } from './tax-year';

/**
 * Quarterly update periods and their deadlines. Practice HMRC keeps its own copy of this maths
 * (it shares no code with the app) so a bug in the app's version cannot hide on both sides.
 */
export type QuarterlyPeriodType = 'standard' | 'calendar';

export interface QuarterlyPeriod {
  /** 1-4. */
  quarter: number;
  /** First day of the quarter itself (not the cumulative start). */
  quarterStart: IsoDate;
  periodEndDate: IsoDate;
  dueDate: IsoDate;
}

/**
 * Start of the cumulative year for a business: 6 April for standard quarters; 1 April for
 * calendar quarters, except in the first tax year a business uses calendar quarters, when Q1
 * still starts on 6 April. [reference §5.2; E2E guide "Change to calendar quarters"]
 */
export function cumulativeStart(
  ty: TaxYear,
  type: QuarterlyPeriodType,
  firstCalendarYear: boolean,
): IsoDate {
  if (type === 'calendar' && !firstCalendarYear) return isoDate(ty.startYear, 4, 1);
  return taxYearStart(ty);
}

/**
 * The four quarters of a tax year. Standard: 6 Apr-5 Jul, 6 Jul-5 Oct, 6 Oct-5 Jan, 6 Jan-5 Apr.
 * Calendar: 1 Apr-30 Jun, 1 Jul-30 Sep, 1 Oct-31 Dec, 1 Jan-31 Mar. [reference §5.2;
 * BD quarterly_period_type_create_amend.yaml]
 */
export function quarterlyPeriods(
  ty: TaxYear,
  type: QuarterlyPeriodType,
  firstCalendarYear = false,
): QuarterlyPeriod[] {
  const y = ty.startYear;
  const ends =
    type === 'standard'
      ? [isoDate(y, 7, 5), isoDate(y, 10, 5), isoDate(y + 1, 1, 5), isoDate(y + 1, 4, 5)]
      : [isoDate(y, 6, 30), isoDate(y, 9, 30), isoDate(y, 12, 31), isoDate(y + 1, 3, 31)];
  const starts =
    type === 'standard'
      ? [isoDate(y, 4, 6), isoDate(y, 7, 6), isoDate(y, 10, 6), isoDate(y + 1, 1, 6)]
      : [
          cumulativeStart(ty, type, firstCalendarYear),
          isoDate(y, 7, 1),
          isoDate(y, 10, 1),
          isoDate(y + 1, 1, 1),
        ];
  return ends.map((periodEndDate, i) => ({
    quarter: i + 1,
    quarterStart: starts[i] as IsoDate,
    periodEndDate,
    dueDate: quarterlyDueDate(ty, i + 1),
  }));
}

/**
 * Quarterly deadlines: 7 Aug / 7 Nov / 7 Feb / 7 May from 2026-27; the 5th of those months for
 * 2025-26 and earlier. Calendar quarters keep the same deadlines. [reference §5.2; OB examples
 * retrieve_cumulative_periodic_obligations_ty_26_27_and_after.json and ..._ty_25_26.json]
 */
export function quarterlyDueDate(ty: TaxYear, quarter: number): IsoDate {
  const day = ty.startYear >= 2026 ? 7 : 5;
  const y = ty.startYear;
  switch (quarter) {
    case 1:
      return isoDate(y, 8, day);
    case 2:
      return isoDate(y, 11, day);
    case 3:
      return isoDate(y + 1, 2, day);
    default:
      return isoDate(y + 1, 5, day);
  }
}

/** Final declaration is due 31 January after the tax year ends. [reference §5.2, §5.7] */
export function finalDeclarationDueDate(ty: TaxYear): IsoDate {
  return isoDate(ty.startYear + 2, 1, 31);
}

/** Last day of the year for the reporting type: 5 April (standard) or 31 March (calendar). */
export function reportingYearEnd(ty: TaxYear, type: QuarterlyPeriodType): IsoDate {
  return type === 'standard' ? isoDate(ty.startYear + 1, 4, 5) : isoDate(ty.startYear + 1, 3, 31);
}

/**
 * Amendments after a final declaration are possible for 12 months after the statutory filing
 * date (e.g. 2025-26 until 31 January 2028). [reference §5.7]
 */
export function amendmentWindowEnd(ty: TaxYear): IsoDate {
  return isoDate(ty.startYear + 3, 1, 31);
}
