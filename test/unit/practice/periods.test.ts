import { describe, expect, it } from 'vitest';
import {
  amendmentWindowEnd,
  cumulativeStart,
  finalDeclarationDueDate,
  quarterlyDueDate,
  quarterlyPeriods,
  reportingYearEnd,
} from '../../../src/practice/tax/periods';
import { taxYearFromLabel } from '../../../src/practice/tax/tax-year';

const ty = taxYearFromLabel;

describe('quarterly periods [reference §5.2]', () => {
  it('standard: 6 Apr-5 Jul, 6 Jul-5 Oct, 6 Oct-5 Jan, 6 Jan-5 Apr', () => {
    expect(
      quarterlyPeriods(ty('2026-27'), 'standard').map((q) => [q.quarterStart, q.periodEndDate]),
    ).toEqual([
      ['2026-04-06', '2026-07-05'],
      ['2026-07-06', '2026-10-05'],
      ['2026-10-06', '2027-01-05'],
      ['2027-01-06', '2027-04-05'],
    ]);
  });

  it('calendar: 1 Apr-30 Jun ... 1 Jan-31 Mar; Q1 starts 6 April in the first calendar year', () => {
    expect(
      quarterlyPeriods(ty('2026-27'), 'calendar').map((q) => [q.quarterStart, q.periodEndDate]),
    ).toEqual([
      ['2026-04-01', '2026-06-30'],
      ['2026-07-01', '2026-09-30'],
      ['2026-10-01', '2026-12-31'],
      ['2027-01-01', '2027-03-31'],
    ]);
    expect(quarterlyPeriods(ty('2026-27'), 'calendar', true)[0]?.quarterStart).toBe('2026-04-06');
    expect(cumulativeStart(ty('2026-27'), 'calendar', true)).toBe('2026-04-06');
    expect(cumulativeStart(ty('2027-28'), 'calendar', false)).toBe('2027-04-01');
    expect(reportingYearEnd(ty('2026-27'), 'calendar')).toBe('2027-03-31');
  });

  it('deadlines: the 5th up to 2025-26, the 7th from 2026-27; calendar quarters keep them', () => {
    expect([1, 2, 3, 4].map((q) => quarterlyDueDate(ty('2025-26'), q))).toEqual([
      '2025-08-05',
      '2025-11-05',
      '2026-02-05',
      '2026-05-05',
    ]);
    expect([1, 2, 3, 4].map((q) => quarterlyDueDate(ty('2026-27'), q))).toEqual([
      '2026-08-07',
      '2026-11-07',
      '2027-02-07',
      '2027-05-07',
    ]);
    expect(quarterlyPeriods(ty('2026-27'), 'calendar').map((q) => q.dueDate)).toEqual(
      quarterlyPeriods(ty('2026-27'), 'standard').map((q) => q.dueDate),
    );
  });

  it('final declaration due 31 January after the year; amendments for 12 months more', () => {
    expect(finalDeclarationDueDate(ty('2025-26'))).toBe('2027-01-31');
    expect(amendmentWindowEnd(ty('2025-26'))).toBe('2028-01-31');
  });
});
