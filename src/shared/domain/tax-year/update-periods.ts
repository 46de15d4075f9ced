import {
  addDays,
  formatUkDate,
  mustParse,
  toIsoDate,
  type IsoDate,
  type Quarter,
} from './calendar-dates';
import { taxYearFromStartYear, taxYearOf, taxYearStartYear, type TaxYear } from './tax-years';

/* Update periods: how a tax year is divided into quarters (reference §5.2). */

/** `standard`: 6 Apr–5 Jul … 6 Jan–5 Apr. `calendar` (an election): 1 Apr–30 Jun … 1 Jan–31 Mar. */
export type PeriodType = 'standard' | 'calendar';

/**
 * How one tax year is divided. `firstCalendarYear`: this is the first tax year the business uses
 * calendar periods, so Q1 still starts on 6 April (reference §5.2, "Change to calendar quarters").
 */
export interface PeriodBasis {
  type: PeriodType;
  firstCalendarYear?: boolean;
}

export interface UpdatePeriod {
  taxYear: TaxYear;
  quarter: Quarter;
  type: PeriodType;
  start: IsoDate;
  end: IsoDate;
}

const STANDARD_ENDS: readonly [number, number][] = [
  [7, 5],
  [10, 5],
  [1, 5],
  [4, 5],
];
const CALENDAR_ENDS: readonly [number, number][] = [
  [6, 30],
  [9, 30],
  [12, 31],
  [3, 31],
];

/** The four update periods of a tax year. */
export function updatePeriods(
  taxYear: TaxYear,
  basis: PeriodBasis,
): [UpdatePeriod, UpdatePeriod, UpdatePeriod, UpdatePeriod] {
  const startYear = taxYearStartYear(taxYear);
  const ends = basis.type === 'standard' ? STANDARD_ENDS : CALENDAR_ENDS;
  let start = ytdStart(taxYear, basis);
  const periods = ends.map(([month, day], index) => {
    // Ends in January to April belong to the second calendar year of the tax year.
    const end = toIsoDate(month <= 4 ? startYear + 1 : startYear, month, day);
    const period: UpdatePeriod = {
      taxYear,
      quarter: (index + 1) as Quarter,
      type: basis.type,
      start,
      end,
    };
    start = addDays(end, 1);
    return period;
  });
  return periods as [UpdatePeriod, UpdatePeriod, UpdatePeriod, UpdatePeriod];
}

/**
 * Where a cumulative (year-to-date) update starts: 6 April, or 1 April for calendar periods
 * except in the first calendar year (reference §5.2, §5.3). A business that started trading
 * during the year starts at its commencement date instead (see checkCumulativeDates).
 */
export function ytdStart(taxYear: TaxYear, basis: PeriodBasis): IsoDate {
  const startYear = taxYearStartYear(taxYear);
  return basis.type === 'calendar' && !basis.firstCalendarYear
    ? toIsoDate(startYear, 4, 1)
    : toIsoDate(startYear, 4, 6);
}

/** The last day of the reporting year: 5 April, or 31 March for calendar periods. */
export function reportingYearEnd(taxYear: TaxYear, basis: PeriodBasis): IsoDate {
  const endYear = taxYearStartYear(taxYear) + 1;
  return basis.type === 'calendar' ? toIsoDate(endYear, 3, 31) : toIsoDate(endYear, 4, 5);
}

/** Is this date the end of a standard or calendar update period? */
export function isValidPeriodEnd(date: IsoDate, type: PeriodType): boolean {
  const { month, day } = mustParse(date);
  return (type === 'standard' ? STANDARD_ENDS : CALENDAR_ENDS).some(
    ([m, d]) => m === month && d === day,
  );
}

/** A fixed basis, or a lookup for businesses whose period type changed between years. */
export type PeriodBasisSource = PeriodBasis | ((taxYear: TaxYear) => PeriodBasis);

/**
 * The update period a date belongs to. Between 1 and 5 April the answer depends on two years:
 * with established calendar periods the date opens Q1 of the new year; in the first calendar
 * year it is still the old year's standard Q4; and when a business goes back from calendar to
 * standard, 1–5 April falls in no period (HMRC accounts for it through BSAS, §5.2) → null.
 */
export function periodContaining(date: IsoDate, source: PeriodBasisSource): UpdatePeriod | null {
  const basisOf = typeof source === 'function' ? source : () => source;
  const { year, month, day } = mustParse(date);
  if (month === 4 && day <= 5) {
    const newYear = taxYearFromStartYear(year);
    const newBasis = basisOf(newYear);
    if (newBasis.type === 'calendar' && !newBasis.firstCalendarYear) {
      return updatePeriods(newYear, newBasis)[0];
    }
  }
  const taxYear = taxYearOf(date);
  return (
    updatePeriods(taxYear, basisOf(taxYear)).find((p) => p.start <= date && date <= p.end) ?? null
  );
}

/** `Q1 2026-27: 6 Apr – 5 Jul 2026`, or `Q3 2026-27: 6 Oct 2026 – 5 Jan 2027` across a new year. */
export function quarterLabel(period: UpdatePeriod): string {
  const sameYear = period.start.slice(0, 4) === period.end.slice(0, 4);
  const from = formatUkDate(period.start, { short: true, withYear: !sameYear });
  const to = formatUkDate(period.end, { short: true });
  return `Q${period.quarter} ${period.taxYear}: ${from} \u2013 ${to}`;
}
