import { addDays, formatUkDate, isIsoDate, type IsoDate } from './calendar-dates';
import { compareTaxYears, isTaxYear, type TaxYear } from './tax-years';
import { reportingYearEnd, updatePeriods, ytdStart, type PeriodBasis } from './update-periods';

/*
 * Cumulative update date rules HMRC checks on the PUT (reference §3.6 table, §5.3). Checking
 * them locally lets the review screen block an update before it is sent.
 */
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
  /** Property (UK or foreign) names the inverted-dates error differently (reference §3.5). */
  business?: 'self-employment' | 'uk-property' | 'foreign-property';
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
        input.business === 'uk-property' || input.business === 'foreign-property'
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
