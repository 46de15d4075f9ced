import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, ukDate } from '../../../src/practice/tax/dates';
import {
  parseTaxYear,
  taxYearEnd,
  taxYearOf,
  taxYearStart,
} from '../../../src/practice/tax/tax-year';

describe('tax years [reference §3.3]', () => {
  it.each([
    ['2025-26', { ok: true }],
    // HMRC's validators want both halves 10-99. [ResolveTaxYear.scala]
    ['2098-99', { ok: true }],
    ['2099-00', { ok: false, error: 'FORMAT_TAX_YEAR' }],
    ['2009-10', { ok: false, error: 'FORMAT_TAX_YEAR' }],
    ['2025-27', { ok: false, error: 'RULE_TAX_YEAR_RANGE_INVALID' }],
    ['2025-25', { ok: false, error: 'RULE_TAX_YEAR_RANGE_INVALID' }],
    ['2025', { ok: false, error: 'FORMAT_TAX_YEAR' }],
    ['25-26', { ok: false, error: 'FORMAT_TAX_YEAR' }],
    ['2025-026', { ok: false, error: 'FORMAT_TAX_YEAR' }],
  ])('%s -> %j', (label, expected) => {
    expect(parseTaxYear(label)).toMatchObject(expected);
  });

  it('runs 6 April to 5 April', () => {
    expect(taxYearOf('2026-04-05').label).toBe('2025-26');
    expect(taxYearOf('2026-04-06').label).toBe('2026-27');
    expect(taxYearOf('2027-01-01').label).toBe('2026-27');
    const ty = taxYearOf('2026-11-29');
    expect([taxYearStart(ty), taxYearEnd(ty)]).toEqual(['2026-04-06', '2027-04-05']);
  });
});

describe('dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('2025-1-01')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
    // Years below 100 are real years, as Java's LocalDate reads them.
    expect(isIsoDate('0050-02-29')).toBe(false);
    expect(isIsoDate('0048-02-29')).toBe(true);
  });

  it('does day arithmetic across month, year and DST boundaries', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-06-25', '2026-07-05')).toBe(10);
  });

  it('uses the UK date: 23:30 UTC in summer is already tomorrow in London', () => {
    expect(ukDate(Date.parse('2026-07-05T23:30:00Z'))).toBe('2026-07-06');
    expect(ukDate(Date.parse('2026-12-05T23:30:00Z'))).toBe('2026-12-05');
  });
});
