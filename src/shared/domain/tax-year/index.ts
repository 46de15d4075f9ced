/**
 * The one module for tax-year and update-period arithmetic (design.md "Rules of the house").
 *
 * Dates are ISO `YYYY-MM-DD` strings and all arithmetic is on whole days, so no time zone or
 * daylight-saving change can shift a date. The only place an instant becomes a date is
 * `ukDateOf`, which reads the calendar date in Europe/London, the date HMRC's rules use.
 */

export type IsoDate = string;
/** `2025-26`: the UK tax year 6 April 2025 – 5 April 2026 (reference §3.3). */
export type TaxYear = string;
export type Quarter = 1 | 2 | 3 | 4;

// ---------------------------------------------------------------------------------------------
// Calendar dates.

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(text: string): DateParts | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return null;
  }
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

export function toIsoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function mustParse(date: IsoDate): DateParts {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`Not a valid YYYY-MM-DD date: ${date}`);
  return parts;
}

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil).
function dayNumber({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return toIsoDate(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(mustParse(date)) + days);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(mustParse(to)) - dayNumber(mustParse(from));
}

/** ISO dates compare correctly as strings; this names the intent. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const UK_DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in the UK at an instant (HMRC's deadlines and rules are UK dates). */
export function ukDateOf(instant: Date): IsoDate {
  const parts = UK_DATE_FORMAT.formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return toIsoDate(get('year'), get('month'), get('day'));
}

const MONTHS_SHORT = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];
const MONTHS_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `6 April 2026` (or `6 Apr 2026` with `short`), the GOV.UK date style. */
export function formatUkDate(
  date: IsoDate,
  options: { short?: boolean; withYear?: boolean } = {},
): string {
  const { year, month, day } = mustParse(date);
  const name = (options.short ? MONTHS_SHORT : MONTHS_LONG)[month - 1]!;
  return options.withYear === false ? `${day} ${name}` : `${day} ${name} ${year}`;
}

// ---------------------------------------------------------------------------------------------
// Tax years.

export type TaxYearParseResult =
  | { ok: true; taxYear: TaxYear; startYear: number }
  | { ok: false; code: 'FORMAT_TAX_YEAR' | 'RULE_TAX_YEAR_RANGE_INVALID'; message: string };

/** Validates `YYYY-YY` with a one-year span (reference §3.3: `2025-27` is RULE_TAX_YEAR_RANGE_INVALID). */
export function parseTaxYear(text: string): TaxYearParseResult {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) {
    return {
      ok: false,
      code: 'FORMAT_TAX_YEAR',
      message: 'A tax year is written like 2025-26.',
    };
  }
  const startYear = Number(match[1]);
  if ((startYear + 1) % 100 !== Number(match[2])) {
    return {
      ok: false,
      code: 'RULE_TAX_YEAR_RANGE_INVALID',
      message: `A tax year covers one year: did you mean ${taxYearFromStartYear(startYear)}?`,
    };
  }
  return { ok: true, taxYear: text, startYear };
}

export function isTaxYear(text: string): boolean {
  return parseTaxYear(text).ok;
}

export function taxYearFromStartYear(startYear: number): TaxYear {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function taxYearStartYear(taxYear: TaxYear): number {
  const parsed = parseTaxYear(taxYear);
  if (!parsed.ok) throw new RangeError(`Not a tax year: ${taxYear}`);
  return parsed.startYear;
}

/** The tax year (6 April – 5 April) a date falls in. */
export function taxYearOf(date: IsoDate): TaxYear {
  const { year, month, day } = mustParse(date);
  const beforeSixthApril = month < 4 || (month === 4 && day < 6);
  return taxYearFromStartYear(beforeSixthApril ? year - 1 : year);
}

export function taxYearStart(taxYear: TaxYear): IsoDate {
  return toIsoDate(taxYearStartYear(taxYear), 4, 6);
}

export function taxYearEnd(taxYear: TaxYear): IsoDate {
  return toIsoDate(taxYearStartYear(taxYear) + 1, 4, 5);
}

export function nextTaxYear(taxYear: TaxYear): TaxYear {
  return taxYearFromStartYear(taxYearStartYear(taxYear) + 1);
}

export function previousTaxYear(taxYear: TaxYear): TaxYear {
  return taxYearFromStartYear(taxYearStartYear(taxYear) - 1);
}

/** Compares tax years by their start. */
export function compareTaxYears(a: TaxYear, b: TaxYear): number {
  return taxYearStartYear(a) - taxYearStartYear(b);
}

// ---------------------------------------------------------------------------------------------
// Update periods (reference §5.2).

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

// ---------------------------------------------------------------------------------------------
// Cumulative update date rules HMRC checks on the PUT (reference §3.6 table, §5.3). Checking
// them locally lets the review screen block an update before it is sent.

/** Cumulative summaries exist from 2025-26 (reference §5.6). */
export const FIRST_CUMULATIVE_TAX_YEAR: TaxYear = '2025-26';
/** An update may not be sent more than 10 days before its period ends (reference §5.3). */
export const EARLIEST_SUBMISSION_DAYS_BEFORE_PERIOD_END = 10;

export type CumulativeDateRuleCode =
  | 'RULE_TAX_YEAR_NOT_SUPPORTED'
  | 'FORMAT_START_DATE'
  | 'FORMAT_END_DATE'
  | 'RULE_END_DATE_BEFORE_START_DATE'
  | 'RULE_TO_DATE_BEFORE_FROM_DATE'
  | 'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE'
  | 'RULE_START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE'
  | 'RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE'
  | 'RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED'
  | 'RULE_ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE'
  | 'RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS';

export interface CumulativeDateIssue {
  code: CumulativeDateRuleCode;
  field: 'taxYear' | 'start' | 'end';
  message: string;
}

export interface CumulativeDatesInput {
  taxYear: TaxYear;
  basis: PeriodBasis;
  start: IsoDate;
  end: IsoDate;
  /** Today's UK date (ukDateOf(clock.now())). */
  today: IsoDate;
  /** End date of the update HMRC already holds for this business and year, if any. */
  previousEnd?: IsoDate;
  /** When the business started trading; a start within the year replaces 6/1 April. */
  commencementDate?: IsoDate;
  /** UK property names the inverted-dates error differently (reference §3.5). */
  business?: 'self-employment' | 'uk-property';
  /**
   * HMRC allows updates more often than quarterly (reference §5.3, "e.g. monthly") but does not
   * publish which interim end dates its alignment rule accepts. By default only period ends
   * pass; set this to accept any end date inside the reporting year.
   */
  allowInterimEndDates?: boolean;
}

/** The earliest UK date an update ending on `periodEnd` may be sent (reference §5.3). */
export function earliestSubmissionDate(periodEnd: IsoDate): IsoDate {
  return addDays(periodEnd, -EARLIEST_SUBMISSION_DAYS_BEFORE_PERIOD_END);
}

/** Every local date rule a cumulative update breaks, with HMRC's code; empty when none. */
export function checkCumulativeDates(input: CumulativeDatesInput): CumulativeDateIssue[] {
  const issues: CumulativeDateIssue[] = [];
  const { taxYear, basis, start, end, today } = input;
  if (!isTaxYear(taxYear) || compareTaxYears(taxYear, FIRST_CUMULATIVE_TAX_YEAR) < 0) {
    issues.push({
      code: 'RULE_TAX_YEAR_NOT_SUPPORTED',
      field: 'taxYear',
      message: `Cumulative updates start with tax year ${FIRST_CUMULATIVE_TAX_YEAR}.`,
    });
    return issues;
  }
  if (!isIsoDate(start)) {
    issues.push({
      code: 'FORMAT_START_DATE',
      field: 'start',
      message: 'The start date is not a valid date.',
    });
  }
  if (!isIsoDate(end)) {
    issues.push({
      code: 'FORMAT_END_DATE',
      field: 'end',
      message: 'The end date is not a valid date.',
    });
  }
  if (issues.length > 0) return issues;

  if (end < start) {
    issues.push({
      code:
        input.business === 'uk-property'
          ? 'RULE_TO_DATE_BEFORE_FROM_DATE'
          : 'RULE_END_DATE_BEFORE_START_DATE',
      field: 'end',
      message: 'The end date is before the start date.',
    });
  }

  const yearStart = ytdStart(taxYear, basis);
  const yearEnd = reportingYearEnd(taxYear, basis);
  const commenced = input.commencementDate;
  if (commenced && commenced > yearStart && commenced <= yearEnd) {
    if (start !== commenced) {
      issues.push({
        code: 'RULE_START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE',
        field: 'start',
        message: `The business started on ${formatUkDate(commenced)}, so this year's updates must start on that date.`,
      });
    }
  } else if (start !== yearStart) {
    issues.push({
      code: 'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
      field: 'start',
      message: `With ${basis.type} update periods, updates for ${taxYear} start on ${formatUkDate(yearStart)}.`,
    });
  }

  const insideYear = end >= yearStart && end <= yearEnd;
  const period = insideYear
    ? updatePeriods(taxYear, basis).find((p) => p.start <= end && end <= p.end)
    : undefined;
  if (!period || (!input.allowInterimEndDates && end !== period.end)) {
    issues.push({
      code: 'RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
      field: 'end',
      message: `The end date must be the end of a ${basis.type} update period in ${taxYear}.`,
    });
  }

  if (period) {
    if (today < earliestSubmissionDate(period.end)) {
      issues.push({
        code: 'RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED',
        field: 'end',
        message: `This update can be sent from ${formatUkDate(earliestSubmissionDate(period.end))}, 10 days before the period ends.`,
      });
    } else if (today < end && end !== period.end) {
      // An update sent before its end date has passed is an advance submission.
      issues.push({
        code: 'RULE_ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE',
        field: 'end',
        message: `An update sent early must end on the period end, ${formatUkDate(period.end)}.`,
      });
    }
  }

  if (input.previousEnd && end < input.previousEnd) {
    issues.push({
      code: 'RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS',
      field: 'end',
      message: `HMRC already has an update to ${formatUkDate(input.previousEnd)}; the end date cannot move back.`,
    });
  }
  return issues;
}
