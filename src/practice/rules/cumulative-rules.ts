import { type MtdError, rule } from '../http/mtd-errors';
import { type BusinessRecord, type CumulativeRecord, type TaxpayerRecord } from '../state/model';
import { type IsoDate, daysBetween } from '../tax/dates';
import {
  type QuarterlyPeriodType,
  amendmentWindowEnd,
  cumulativeStart,
  quarterlyPeriods,
  reportingYearEnd,
} from '../tax/periods';
import { type TaxYear, taxYearStart } from '../tax/tax-year';
import { type DateRange } from './cumulative-bodies';

export interface ReportingType {
  type: QuarterlyPeriodType;
  /** The first tax year on calendar quarters, when Q1 still starts on 6 April. */
  firstCalendarYear: boolean;
}

/**
 * The quarterly period type in force for a tax year: the latest election made for that year or
 * an earlier one (an election persists year to year), standard by default. [reference §5.2]
 */
export function reportingTypeFor(business: BusinessRecord, ty: TaxYear): ReportingType {
  const effective = (startYear: number): QuarterlyPeriodType => {
    let type: QuarterlyPeriodType = 'standard';
    let best = -Infinity;
    for (const c of business.periodTypeChoices) {
      const y = Number(c.taxYear.slice(0, 4));
      if (y <= startYear && y >= best) {
        best = y;
        type = c.type;
      }
    }
    return type;
  };
  const type = effective(ty.startYear);
  return {
    type,
    firstCalendarYear: type === 'calendar' && effective(ty.startYear - 1) !== 'calendar',
  };
}

/**
 * Annual ITSA status, or a latent income source reporting annually that year, means no
 * quarterly dates. [reference §3.5; BD retrieveBusinessDetails latencyDetails]
 */
export function isQuarterly(
  taxpayer: TaxpayerRecord,
  ty: TaxYear,
  business?: BusinessRecord,
): boolean {
  const status = taxpayer.itsaStatus[ty.label];
  if (status !== undefined && status !== 'MTD Mandated' && status !== 'MTD Voluntary') return false;
  const latency = business?.latencyDetails;
  if (latency) {
    if (latency.taxYear1 === ty.label && latency.latencyIndicator1 === 'A') return false;
    if (latency.taxYear2 === ty.label && latency.latencyIndicator2 === 'A') return false;
  }
  return true;
}

const R = {
  outsideAmendmentWindow: rule(
    'RULE_OUTSIDE_AMENDMENT_WINDOW',
    'You are outside the amendment window',
  ),
  startAndEndNotAllowed: rule(
    'RULE_START_AND_END_DATE_NOT_ALLOWED',
    'Start/end date not accepted for annual/latent submission',
  ),
  missingDates: rule('RULE_MISSING_SUBMISSION_DATES', 'Submission start/end date not provided'),
  startNotAlignedToCommencement: rule(
    'RULE_START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE',
    'Start date does not align to the commencement date',
  ),
  startNotAligned: rule(
    'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    'Start date does not align to the reporting type',
  ),
  endNotAligned: rule(
    'RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    'End date does not align to the reporting type',
  ),
  early: rule(
    'RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED',
    'Cannot submit data more than 10 days before end of Period',
  ),
  advance: rule(
    'RULE_ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE',
    'For advance submission end date must be the end of the period',
  ),
  backwards: rule(
    'RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS',
    'Submission end date cannot be earlier than existing submission',
  ),
} as const;

export interface CumulativeRuleInput {
  taxpayer: TaxpayerRecord;
  business: BusinessRecord;
  taxYear: TaxYear;
  dates: DateRange;
  existing: CumulativeRecord | undefined;
  /** Today's UK date. */
  today: IsoDate;
}

/**
 * The stateful rules of the cumulative PUT (SE and UK property alike), in the order a person
 * would fix them. [SE create_amend_cumulative_period_summary.yaml, PB
 * uk_property_cumulative_summary_create_or_amend.yaml, reference §3.6 table, §5.3]
 */
export function checkCumulativeRules(input: CumulativeRuleInput): MtdError | undefined {
  const { taxpayer, business, taxYear: ty, dates, existing, today } = input;
  if (today > amendmentWindowEnd(ty)) return R.outsideAmendmentWindow;

  const hasAnyDate = dates.from !== undefined || dates.to !== undefined;
  if (!isQuarterly(taxpayer, ty, business)) return hasAnyDate ? R.startAndEndNotAllowed : undefined;
  if (dates.from === undefined || dates.to === undefined) return R.missingDates;
  const { from, to } = dates;

  const reporting = reportingTypeFor(business, ty);
  const yearStart = taxYearStart(ty);
  // Every update runs from the start of the year, or from the commencement date for a business
  // that started during the year. [reference §5.3]
  const commencedInYear =
    business.commencementDate !== undefined && business.commencementDate > yearStart;
  if (commencedInYear) {
    if (from !== business.commencementDate) return R.startNotAlignedToCommencement;
  } else if (from !== cumulativeStart(ty, reporting.type, reporting.firstCalendarYear)) {
    return R.startNotAligned;
  }
  if (to > reportingYearEnd(ty, reporting.type)) return R.endNotAligned;

  // Submitting for a period that has not ended yet is an advance submission: allowed no more
  // than 10 days before the period end, and then only up to that period end. [reference §5.3]
  if (to > today) {
    const period = quarterlyPeriods(ty, reporting.type, reporting.firstCalendarYear).find(
      (q) => q.periodEndDate >= to,
    );
    const periodEnd = period?.periodEndDate ?? reportingYearEnd(ty, reporting.type);
    if (daysBetween(today, periodEnd) > 10) return R.early;
    if (to !== periodEnd) return R.advance;
  }
  if (existing?.toDate && to < existing.toDate) return R.backwards;
  return undefined;
}
