import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  checkCumulativeDates,
  daysBetween,
  earliestSubmissionDate,
  formatUkDate,
  isIsoDate,
  isValidPeriodEnd,
  parseTaxYear,
  periodContaining,
  quarterLabel,
  reportingYearEnd,
  taxYearEnd,
  taxYearOf,
  taxYearStart,
  ukDateOf,
  updatePeriods,
  ytdStart,
  type CumulativeDatesInput,
  type PeriodBasis,
} from '@shared/domain/tax-year';

const standard: PeriodBasis = { type: 'standard' };
const calendar: PeriodBasis = { type: 'calendar' };
const firstCalendar: PeriodBasis = { type: 'calendar', firstCalendarYear: true };

describe('dates', () => {
  it('validates real calendar dates only, leap years included', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2025-04-31')).toBe(false);
    expect(isIsoDate('2025-4-01')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
  });

  it('adds and counts days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-04-06', -1)).toBe('2026-04-05');
    expect(daysBetween('2025-04-06', '2026-04-05')).toBe(364);
    expect(daysBetween('2023-04-06', '2024-04-05')).toBe(365); // includes 29 Feb 2024
    expect(daysBetween('2026-07-05', '2026-06-25')).toBe(-10);
  });

  it('agrees with Date.UTC day counts for any pair of dates', () => {
    const day = fc.integer({ min: -200_000, max: 200_000 });
    fc.assert(
      fc.property(day, fc.integer({ min: -5000, max: 5000 }), (start, offset) => {
        const iso = new Date(start * 86_400_000).toISOString().slice(0, 10);
        const expected = new Date((start + offset) * 86_400_000).toISOString().slice(0, 10);
        expect(addDays(iso, offset)).toBe(expected);
        expect(daysBetween(iso, expected)).toBe(offset);
      }),
    );
  });

  it('reads the UK calendar date of an instant, across British Summer Time', () => {
    // 23:30 UTC on 5 July is 00:30 on 6 July in London (BST): already the next period.
    expect(ukDateOf(new Date('2026-07-05T23:30:00Z'))).toBe('2026-07-06');
    // In winter London is on UTC.
    expect(ukDateOf(new Date('2026-01-05T23:30:00Z'))).toBe('2026-01-05');
  });

  it('formats dates the GOV.UK way', () => {
    expect(formatUkDate('2026-04-06')).toBe('6 April 2026');
    expect(formatUkDate('2026-09-30', { short: true })).toBe('30 Sep 2026');
  });
});

describe('tax years', () => {
  it('parses YYYY-YY with a one-year span', () => {
    expect(parseTaxYear('2025-26')).toEqual({ ok: true, taxYear: '2025-26', startYear: 2025 });
    expect(parseTaxYear('1999-00')).toMatchObject({ ok: true, startYear: 1999 });
    expect(parseTaxYear('2025-27')).toMatchObject({
      ok: false,
      code: 'RULE_TAX_YEAR_RANGE_INVALID',
    });
    expect(parseTaxYear('2025/26')).toMatchObject({ ok: false, code: 'FORMAT_TAX_YEAR' });
    expect(parseTaxYear('25-26')).toMatchObject({ ok: false, code: 'FORMAT_TAX_YEAR' });
  });

  it('puts 5 April in the old year and 6 April in the new one', () => {
    expect(taxYearOf('2026-04-05')).toBe('2025-26');
    expect(taxYearOf('2026-04-06')).toBe('2026-27');
    expect(taxYearOf('2026-01-01')).toBe('2025-26');
    expect(taxYearOf('2024-02-29')).toBe('2023-24');
    expect(taxYearStart('2025-26')).toBe('2025-04-06');
    expect(taxYearEnd('2025-26')).toBe('2026-04-05');
  });
});

describe('update periods (reference §5.2)', () => {
  it('divides a standard year 6 Apr–5 Jul, 6 Jul–5 Oct, 6 Oct–5 Jan, 6 Jan–5 Apr', () => {
    expect(updatePeriods('2026-27', standard).map((p) => [p.start, p.end])).toEqual([
      ['2026-04-06', '2026-07-05'],
      ['2026-07-06', '2026-10-05'],
      ['2026-10-06', '2027-01-05'],
      ['2027-01-06', '2027-04-05'],
    ]);
  });

  it('divides a calendar year 1 Apr–30 Jun … 1 Jan–31 Mar', () => {
    expect(updatePeriods('2026-27', calendar).map((p) => [p.start, p.end])).toEqual([
      ['2026-04-01', '2026-06-30'],
      ['2026-07-01', '2026-09-30'],
      ['2026-10-01', '2026-12-31'],
      ['2027-01-01', '2027-03-31'],
    ]);
  });

  it('starts Q1 on 6 April in the first calendar year', () => {
    expect(updatePeriods('2026-27', firstCalendar)[0]).toMatchObject({
      start: '2026-04-06',
      end: '2026-06-30',
    });
    expect(ytdStart('2026-27', firstCalendar)).toBe('2026-04-06');
    expect(ytdStart('2026-27', calendar)).toBe('2026-04-01');
    expect(ytdStart('2026-27', standard)).toBe('2026-04-06');
    expect(reportingYearEnd('2026-27', calendar)).toBe('2027-03-31');
    expect(reportingYearEnd('2026-27', standard)).toBe('2027-04-05');
  });

  it('finds the period of a date, 1–5 April included', () => {
    expect(periodContaining('2026-07-05', standard)).toMatchObject({
      taxYear: '2026-27',
      quarter: 1,
    });
    expect(periodContaining('2026-07-06', standard)).toMatchObject({
      taxYear: '2026-27',
      quarter: 2,
    });
    expect(periodContaining('2027-04-05', standard)).toMatchObject({
      taxYear: '2026-27',
      quarter: 4,
    });
    expect(periodContaining('2027-04-03', calendar)).toMatchObject({
      taxYear: '2027-28',
      quarter: 1,
    });
    expect(periodContaining('2027-03-31', calendar)).toMatchObject({
      taxYear: '2026-27',
      quarter: 4,
    });
    // First calendar year 2027-28: 3 April 2027 is still in the standard Q4 of 2026-27.
    const history = (ty: string): PeriodBasis =>
      ty === '2027-28' ? firstCalendar : ty > '2027-28' ? calendar : standard;
    expect(periodContaining('2027-04-03', history)).toMatchObject({
      taxYear: '2026-27',
      quarter: 4,
      type: 'standard',
      end: '2027-04-05',
    });
    // Going back from calendar (2026-27) to standard (2027-28): 1–5 April is in no period.
    const back = (ty: string): PeriodBasis => (ty === '2026-27' ? calendar : standard);
    expect(periodContaining('2027-04-03', back)).toBeNull();
  });

  it('puts every day of a year in exactly one period, leap years included', () => {
    for (const [taxYear, basis] of [
      ['2023-24', standard],
      ['2023-24', calendar],
      ['2027-28', firstCalendar],
    ] as const) {
      const periods = updatePeriods(taxYear, basis);
      const first = periods[0].start;
      const last = periods[3].end;
      for (let i = 0; i < periods.length - 1; i++) {
        expect(addDays(periods[i]!.end, 1)).toBe(periods[i + 1]!.start);
      }
      expect(daysBetween(first, last) + 1).toBe(
        periods.reduce((n, p) => n + daysBetween(p.start, p.end) + 1, 0),
      );
    }
  });

  it('labels quarters for people', () => {
    const [q1, , q3] = updatePeriods('2026-27', standard);
    expect(quarterLabel(q1)).toBe('Q1 2026-27: 6 Apr \u2013 5 Jul 2026');
    expect(quarterLabel(q3)).toBe('Q3 2026-27: 6 Oct 2026 \u2013 5 Jan 2027');
  });

  it('knows the valid period ends of each type', () => {
    expect(isValidPeriodEnd('2026-07-05', 'standard')).toBe(true);
    expect(isValidPeriodEnd('2026-06-30', 'standard')).toBe(false);
    expect(isValidPeriodEnd('2026-06-30', 'calendar')).toBe(true);
    expect(isValidPeriodEnd('2027-03-31', 'calendar')).toBe(true);
    expect(isValidPeriodEnd('2027-04-05', 'calendar')).toBe(false);
  });
});

describe('cumulative update date rules (reference §3.6, §5.3)', () => {
  const base: CumulativeDatesInput = {
    taxYear: '2026-27',
    basis: standard,
    start: '2026-04-06',
    end: '2026-07-05',
    today: '2026-07-20',
  };
  const codes = (patch: Partial<CumulativeDatesInput>) =>
    checkCumulativeDates({ ...base, ...patch }).map((i) => i.code);

  it('accepts a normal Q1 update after the period', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ end: '2026-10-05', previousEnd: '2026-07-05', today: '2026-10-06' })).toEqual(
      [],
    );
  });

  it('accepts an update at most 10 days before the period end, and not earlier', () => {
    expect(earliestSubmissionDate('2026-07-05')).toBe('2026-06-25');
    expect(codes({ today: '2026-06-25' })).toEqual([]);
    expect(codes({ today: '2026-06-24' })).toEqual(['RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED']);
  });

  it('requires an early update to end on the period end', () => {
    expect(codes({ end: '2026-06-30', today: '2026-06-28', allowInterimEndDates: true })).toEqual([
      'RULE_ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE',
    ]);
    // A monthly update after its end date has passed is fine when interim ends are allowed.
    expect(codes({ end: '2026-04-30', today: '2026-05-03', allowInterimEndDates: true })).toEqual([
      'RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED',
    ]);
    expect(codes({ end: '2026-06-30', today: '2026-07-01', allowInterimEndDates: true })).toEqual(
      [],
    );
  });

  it('checks the start against the reporting type and the commencement date', () => {
    expect(codes({ start: '2026-04-01' })).toEqual([
      'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    ]);
    expect(codes({ basis: calendar, start: '2026-04-01', end: '2026-06-30' })).toEqual([]);
    expect(codes({ basis: calendar, start: '2026-04-06', end: '2026-06-30' })).toEqual([
      'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    ]);
    expect(codes({ basis: firstCalendar, start: '2026-04-06', end: '2026-06-30' })).toEqual([]);
    expect(codes({ commencementDate: '2026-05-01', start: '2026-05-01' })).toEqual([]);
    expect(codes({ commencementDate: '2026-05-01' })).toEqual([
      'RULE_START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE',
    ]);
    // A business that started years ago starts on 6 April as usual.
    expect(codes({ commencementDate: '2019-01-01' })).toEqual([]);
  });

  it('checks the end against the reporting type', () => {
    expect(codes({ end: '2026-06-30' })).toEqual(['RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE']);
    expect(codes({ end: '2027-04-06', today: '2027-05-01' })).toEqual([
      'RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    ]);
    expect(
      codes({ basis: calendar, start: '2026-04-01', end: '2026-07-05', today: '2026-10-01' }),
    ).toEqual(['RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE']);
  });

  it('refuses an end date that moves backwards', () => {
    expect(codes({ previousEnd: '2026-10-05' })).toEqual([
      'RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS',
    ]);
  });

  it('uses the property name for inverted dates, and refuses years before cumulative updates', () => {
    expect(codes({ end: '2026-04-05' })).toContain('RULE_END_DATE_BEFORE_START_DATE');
    expect(codes({ end: '2026-04-05', business: 'uk-property' })).toContain(
      'RULE_TO_DATE_BEFORE_FROM_DATE',
    );
    expect(codes({ taxYear: '2024-25' })).toEqual(['RULE_TAX_YEAR_NOT_SUPPORTED']);
    expect(codes({ end: '2026-07-32' })).toEqual(['FORMAT_END_DATE']);
  });

  it('explains each problem in plain words', () => {
    const [issue] = checkCumulativeDates({ ...base, today: '2026-06-01' });
    expect(issue?.message).toBe(
      'This update can be sent from 25 June 2026, 10 days before the period ends.',
    );
  });
});
