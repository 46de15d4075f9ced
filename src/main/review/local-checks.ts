import { CONSOLIDATED_EXPENSES_THRESHOLD_PENCE } from '@shared/domain/categories';
import { formatPence, type Pence } from '@shared/domain/money';
import {
  checkCumulativeDates,
  daysBetween,
  formatUkDate,
  type IsoDate,
  type PeriodBasis,
  type TaxYear,
} from '@shared/domain/tax-year';
import type { ReviewIssue } from '@shared/ipc/channels/review';
import { describeError } from '../hmrc/errors/error-catalogue';
import type { PeriodTotals } from '../ledger';
import type { BuiltPayload } from './build-payload';
import type { ReviewLine } from '@shared/ipc/channels/review';

/**
 * Everything Ledgerlink can check before an update leaves the computer.
 *
 * Errors block approval. Those HMRC would refuse carry HMRC's own rule code (reference §3.6,
 * cumulative business rules; §5.3): both kinds of expenses, too early (more than 10 days before
 * the period end), an early update not ending on the period end, the end date moving backwards,
 * dates not aligned with standard or calendar periods or the commencement date, a tax year
 * before cumulative updates, and amounts out of HMRC's range. Warnings need an
 * acknowledgement: uncategorised records in the update's dates, a large change from the last
 * accepted update, and consolidated expenses with turnover of £90,000 or more (§5.4: the
 * cumulative endpoints do not enforce it, HMRC's guidance does).
 */
export interface CheckInput {
  totals: PeriodTotals;
  payload: BuiltPayload;
  hmrcBusinessId: string | null;
  taxYear: TaxYear;
  basis: PeriodBasis;
  today: IsoDate;
  commencementDate?: IsoDate | null;
  /** End date of the update HMRC holds (its GET, or the submission log). */
  previousEnd?: IsoDate;
  /** The update this one replaces, as lines (for the size of the change). */
  lines: ReviewLine[];
  previous?: { periodStart: IsoDate; periodEnd: IsoDate };
  /**
   * Transactions in the update's dates with neither a business nor a category. Those marked
   * Personal or Transfer are dealt with (they stay out of every business's figures on purpose).
   */
  unassignedCount: number;
  /**
   * False when the update goes without dates (annual status or a latent source): HMRC's date
   * rules then do not apply (reference §3.5).
   */
  withDates?: boolean;
  /** The ledger's id of the business (the records links name it). */
  businessId: number;
}

/** A total moving this much more (or less) than its share of the time suggests is worth a look. */
export const LARGE_CHANGE_RATIO = 1;
/** …and by at least this much money. */
export const LARGE_CHANGE_MIN_PENCE: Pence = 100_000;
/** Year-to-date figures normally only grow: a line going down by this much is flagged. */
export const DECREASE_MIN_PENCE: Pence = 10_000;

const hmrcIssue = (code: string, message: string, details?: string[]): ReviewIssue => ({
  code,
  hmrcRule: true,
  message,
  action: describeError(code).action,
  ...(details && details.length ? { details } : {}),
});

export function checkUpdate(input: CheckInput): { errors: ReviewIssue[]; warnings: ReviewIssue[] } {
  const errors: ReviewIssue[] = [];
  const warnings: ReviewIssue[] = [];
  const { totals } = input;

  if (!input.hmrcBusinessId) {
    errors.push({
      code: 'BUSINESS_NOT_LINKED',
      hmrcRule: false,
      message:
        'This business is not yet matched to a business at HMRC, so there is nowhere to send its update.',
      action: 'Check HMRC for your businesses on the Profiles screen, then review again.',
    });
  }

  const dateIssues =
    input.withDates === false
      ? []
      : checkCumulativeDates({
          taxYear: input.taxYear,
          basis: input.basis,
          start: totals.from,
          end: totals.to,
          today: input.today,
          ...(input.previousEnd ? { previousEnd: input.previousEnd } : {}),
          ...(input.commencementDate ? { commencementDate: input.commencementDate } : {}),
          business: totals.kind,
        });
  for (const issue of dateIssues) {
    errors.push(hmrcIssue(issue.code, issue.message));
  }

  const consolidatedCategory = totals.fields.find((f) => f.hmrcField === 'consolidatedExpenses');
  if (
    !totals.consolidated.chosen &&
    consolidatedCategory &&
    consolidatedCategory.transactionCount > 0
  ) {
    errors.push({
      ...hmrcIssue(
        'RULE_BOTH_EXPENSES_SUPPLIED',
        `${consolidatedCategory.transactionCount} ${plural(consolidatedCategory.transactionCount, 'record is', 'records are')} under “${consolidatedCategory.name}”, but this business lists its expenses item by item for ${input.taxYear}. HMRC accepts one or the other, never both.`,
      ),
      action: `Give those records an itemised category, or set the business to report one total for ${input.taxYear}.`,
    });
  }

  const outOfRange = [
    ...totals.signProblems.map(
      (p) => `${p.name}: ${formatPence(p.valuePence)} (HMRC accepts only zero or more)`,
    ),
    ...input.payload.schemaProblems.map((p) => `${p.path}: ${p.message}`),
  ];
  if (outOfRange.length > 0) {
    errors.push({
      ...hmrcIssue('FORMAT_VALUE', 'Some amounts are outside the range HMRC accepts.', outOfRange),
      action:
        'Check the records behind these figures for a mistyped amount or a refund in the wrong category.',
    });
  }

  const uncategorised = totals.uncategorised.count;
  if (uncategorised > 0 || input.unassignedCount > 0) {
    const details: string[] = [];
    if (uncategorised > 0) {
      details.push(
        `${uncategorised} ${plural(uncategorised, 'transaction', 'transactions')} of this business with no category (${formatPence(totals.uncategorised.netPence)} in all)`,
      );
    }
    if (input.unassignedCount > 0) {
      details.push(
        `${input.unassignedCount} ${plural(input.unassignedCount, 'transaction', 'transactions')} not yet given a business`,
      );
    }
    const records: NonNullable<ReviewIssue['records']> = [];
    if (uncategorised > 0)
      records.push({
        label: `Show the ${plural(uncategorised, 'uncategorised record', `${uncategorised} uncategorised records`)} of this business`,
        businessId: input.businessId,
        dateFrom: totals.from,
        dateTo: totals.to,
      });
    if (input.unassignedCount > 0)
      records.push({
        label: `Show the ${plural(input.unassignedCount, 'record', `${input.unassignedCount} records`)} with no business`,
        businessId: null,
        dateFrom: totals.from,
        dateTo: totals.to,
      });
    warnings.push({
      code: 'UNCATEGORISED_RECORDS',
      hmrcRule: false,
      message: `Some transactions between ${formatUkDate(totals.from)} and ${formatUkDate(totals.to)} are left out of these figures because they are not categorised.`,
      action:
        'Categorise them on the Records screen first (or mark them Personal or Transfer), or tick to confirm they do not belong in this update.',
      details,
      records,
    });
  }

  // An update with nothing in it is allowed (HMRC takes a nil update), but it is more often a
  // statement not imported yet than a quarter with no trade: ask rather than say all is well.
  if (totals.records.count === 0) {
    warnings.push({
      code: 'NOTHING_RECORDED',
      hmrcRule: false,
      message: `Nothing has been recorded for ${formatUkDate(totals.from)} to ${formatUkDate(totals.to)}: this update would tell HMRC there was no income and no expenses.`,
      action:
        'If that is right, tick to confirm. If not, add or import the records for these dates first.',
    });
  }

  const change = largeChanges(input);
  if (change.length > 0) {
    warnings.push({
      code: 'LARGE_CHANGE',
      hmrcRule: false,
      message: 'Some figures changed a lot from the last update HMRC accepted.',
      action: 'Check these figures against your records, then tick to confirm they are right.',
      details: change,
    });
  }

  if (totals.consolidated.chosen && !totals.consolidated.allowed) {
    warnings.push({
      code: 'CONSOLIDATED_OVER_THRESHOLD',
      hmrcRule: false,
      message: `${totals.kind === 'self-employment' ? 'Turnover' : 'Property income'} so far is ${formatPence(totals.consolidated.thresholdIncomePence)}. HMRC allows expenses as one total only below ${formatPence(CONSOLIDATED_EXPENSES_THRESHOLD_PENCE)}.`,
      action: `Consider listing expenses item by item for ${input.taxYear}, or tick to confirm you have checked this.`,
    });
  }
  return { errors, warnings };
}

function largeChanges(input: CheckInput): string[] {
  if (!input.previous) return [];
  const out: string[] = [];
  for (const line of input.lines) {
    if (line.section === 'dates' || !line.changed || line.pence === undefined) continue;
    const before = line.previousPence ?? 0;
    if (before - line.pence >= DECREASE_MIN_PENCE) {
      out.push(
        `${line.label} went down from ${formatPence(before)} to ${formatPence(line.pence)}.`,
      );
    }
  }
  // Totals against the pace of the last update: a year-to-date figure over twice as long should
  // be about twice as big.
  const days = (from: IsoDate, to: IsoDate) => daysBetween(from, to) + 1;
  const scale =
    days(input.totals.from, input.totals.to) /
    days(input.previous.periodStart, input.previous.periodEnd);
  const sum = (section: 'income' | 'expenses', pick: (l: ReviewLine) => number | undefined) =>
    input.lines.filter((l) => l.section === section).reduce((t, l) => t + (pick(l) ?? 0), 0);
  for (const [section, name] of [
    ['income', 'Income'],
    ['expenses', 'Expenses'],
  ] as const) {
    const now = sum(section, (l) => l.pence);
    const before = sum(section, (l) => l.previousPence);
    const expected = Math.round(before * scale);
    const gap = Math.abs(now - expected);
    if (gap >= LARGE_CHANGE_MIN_PENCE && gap > Math.abs(expected) * LARGE_CHANGE_RATIO) {
      out.push(
        `${name} is ${formatPence(now)}; at the pace of the last update it would be about ${formatPence(expected)}.`,
      );
    }
  }
  return out;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);
