import { describe, expect, it } from 'vitest';
import { buildPayload } from '../../../src/main/review/build-payload';
import { compareUpdates } from '../../../src/main/review/compare-updates';
import { checkUpdate, type CheckInput } from '../../../src/main/review/local-checks';
import type { PeriodBasis } from '@shared/domain/tax-year';
import { periodTotals } from './support/period-totals';

type TotalsInput = Parameters<typeof periodTotals>[0];

function check(
  totals: Partial<TotalsInput> = {},
  extra: Partial<Omit<CheckInput, 'totals' | 'payload'>> & { previousBody?: unknown } = {},
) {
  const t = periodTotals({
    kind: 'self-employment',
    values: { turnover: 500_000, costOfGoods: 100_000 },
    ...totals,
  });
  const payload = buildPayload(t);
  const body = JSON.parse(payload.json);
  const lines = compareUpdates(t.kind, body, extra.previousBody);
  const basis: PeriodBasis = extra.basis ?? { type: 'standard' };
  return checkUpdate({
    totals: t,
    payload,
    hmrcBusinessId: 'hmrcBusinessId' in extra ? (extra.hmrcBusinessId ?? null) : 'XAIS12345678901',
    taxYear: extra.taxYear ?? t.taxYear,
    basis,
    today: extra.today ?? '2026-11-20',
    lines,
    unassignedCount: extra.unassignedCount ?? 0,
    businessId: 7,
    ...(extra.previousEnd ? { previousEnd: extra.previousEnd } : {}),
    ...(extra.previous ? { previous: extra.previous } : {}),
    ...(extra.commencementDate ? { commencementDate: extra.commencementDate } : {}),
  });
}
const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('checks before anything is sent: HMRC’s cumulative rules known locally (reference §3.6, §5.3)', () => {
  it('passes a correct update to a period end that has passed', () => {
    expect(check()).toEqual({ errors: [], warnings: [] });
  });

  it('RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED: more than 10 days before the period end', () => {
    const r = check({ to: '2027-01-05' }, { today: '2026-12-25' });
    expect(codes(r.errors)).toEqual(['RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED']);
    expect(r.errors[0]!.message).toContain('26 December 2026');
    expect(r.errors[0]!.hmrcRule).toBe(true);
    // Ten days before is allowed (an advance submission to the period end).
    expect(check({ to: '2027-01-05' }, { today: '2026-12-26' }).errors).toEqual([]);
  });

  it('RULE_ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE: an early update must end on the period end', () => {
    const r = check({ to: '2026-12-31' }, { today: '2026-12-28' });
    expect(codes(r.errors)).toContain('RULE_ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE');
  });

  it('RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS: HMRC already holds a later end date', () => {
    const r = check({ to: '2026-07-05' }, { previousEnd: '2026-10-05' });
    expect(codes(r.errors)).toEqual(['RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS']);
    expect(check({ to: '2026-10-05' }, { previousEnd: '2026-10-05' }).errors).toEqual([]);
  });

  it('RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE and RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE', () => {
    expect(codes(check({ from: '2026-04-01' }).errors)).toEqual([
      'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    ]);
    expect(codes(check({ to: '2026-09-30' }).errors)).toEqual([
      'RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    ]);
    // Calendar periods: 1 April start and quarter ends on the last day of the month…
    expect(
      check({ from: '2026-04-01', to: '2026-09-30' }, { basis: { type: 'calendar' } }).errors,
    ).toEqual([]);
    // …except in the first calendar year, when Q1 still starts on 6 April (reference §5.2).
    expect(
      check(
        { from: '2026-04-06', to: '2026-09-30' },
        { basis: { type: 'calendar', firstCalendarYear: true } },
      ).errors,
    ).toEqual([]);
    expect(
      codes(
        check(
          { from: '2026-04-01', to: '2026-09-30' },
          { basis: { type: 'calendar', firstCalendarYear: true } },
        ).errors,
      ),
    ).toEqual(['RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE']);
  });

  it('RULE_START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE: a business that started during the year', () => {
    expect(check({ from: '2026-06-01' }, { commencementDate: '2026-06-01' }).errors).toEqual([]);
    expect(codes(check({ from: '2026-04-06' }, { commencementDate: '2026-06-01' }).errors)).toEqual(
      ['RULE_START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE'],
    );
  });

  it('RULE_END_DATE_BEFORE_START_DATE (self-employment) and RULE_TO_DATE_BEFORE_FROM_DATE (property)', () => {
    expect(codes(check({ from: '2026-10-06', to: '2026-10-05' }).errors)).toContain(
      'RULE_END_DATE_BEFORE_START_DATE',
    );
    expect(
      codes(
        check({
          kind: 'uk-property',
          values: { periodAmount: 1 },
          from: '2026-10-06',
          to: '2026-10-05',
        }).errors,
      ),
    ).toContain('RULE_TO_DATE_BEFORE_FROM_DATE');
  });

  it('RULE_TAX_YEAR_NOT_SUPPORTED: cumulative updates start with 2025-26', () => {
    expect(
      codes(
        check({ from: '2024-04-06', to: '2024-07-05', taxYear: '2024-25' }, { taxYear: '2024-25' })
          .errors,
      ),
    ).toEqual(['RULE_TAX_YEAR_NOT_SUPPORTED']);
  });

  it('RULE_BOTH_EXPENSES_SUPPLIED: records under one total while the business itemises', () => {
    const r = check({ values: { turnover: 1, costOfGoods: 5, consolidatedExpenses: 100 } });
    expect(codes(r.errors)).toEqual(['RULE_BOTH_EXPENSES_SUPPLIED']);
    expect(r.errors[0]!.action).toMatch(/itemised category|one total/);
    // Set to one total for the year, the same records fold together: no conflict.
    expect(
      check({
        consolidated: true,
        values: { turnover: 1, costOfGoods: 5, consolidatedExpenses: 100 },
      }).errors,
    ).toEqual([]);
  });

  it('FORMAT_VALUE: amounts out of HMRC’s range (negative income, beyond ±99,999,999,999.99)', () => {
    const negative = check({ values: { turnover: -100 } });
    expect(codes(negative.errors)).toEqual(['FORMAT_VALUE']);
    expect(negative.errors[0]!.details!.join(' ')).toMatch(/Sales and takings/);
    expect(codes(check({ values: { turnover: 10_000_000_000_000 } }).errors)).toContain(
      'FORMAT_VALUE',
    );
    expect(
      codes(
        check({ kind: 'uk-property', values: { periodAmount: 10, residentialFinancialCost: -5 } })
          .errors,
      ),
    ).toContain('FORMAT_VALUE');
  });

  it('BUSINESS_NOT_LINKED: no HMRC business id, nowhere to send it', () => {
    expect(codes(check({}, { hmrcBusinessId: null }).errors)).toEqual(['BUSINESS_NOT_LINKED']);
  });
});

describe('warnings that need an acknowledgement', () => {
  it('UNCATEGORISED_RECORDS: uncategorised transactions of the business, or with no business, in the dates', () => {
    expect(codes(check({ uncategorised: { count: 3, netPence: -4500 } }).warnings)).toEqual([
      'UNCATEGORISED_RECORDS',
    ]);
    const unassigned = check({}, { unassignedCount: 2 });
    expect(codes(unassigned.warnings)).toEqual(['UNCATEGORISED_RECORDS']);
    expect(unassigned.warnings[0]!.details).toEqual(['2 transactions not yet given a business']);
  });

  it('UNCATEGORISED_RECORDS links to exactly the rows it means, by business and dates', () => {
    const both = check({ uncategorised: { count: 1, netPence: -500 } }, { unassignedCount: 2 });
    expect(both.warnings[0]!.records).toEqual([
      {
        label: 'Show the uncategorised record of this business',
        businessId: 7,
        dateFrom: '2026-04-06',
        dateTo: '2026-10-05',
      },
      {
        label: 'Show the 2 records with no business',
        businessId: null,
        dateFrom: '2026-04-06',
        dateTo: '2026-10-05',
      },
    ]);
  });

  it('NOTHING_RECORDED: an update with no records asks whether that is right', () => {
    const empty = check({ values: {} });
    expect(codes(empty.warnings)).toEqual(['NOTHING_RECORDED']);
    expect(empty.warnings[0]!.message).toBe(
      'Nothing has been recorded for 6 April 2026 to 5 October 2026: this update would tell HMRC there was no income and no expenses.',
    );
  });

  it('CONSOLIDATED_OVER_THRESHOLD: one total of expenses with turnover of £90,000 or more', () => {
    expect(codes(check({ consolidated: true, values: { turnover: 9_000_000 } }).warnings)).toEqual([
      'CONSOLIDATED_OVER_THRESHOLD',
    ]);
    expect(check({ consolidated: true, values: { turnover: 8_999_999 } }).warnings).toEqual([]);
    expect(check({ consolidated: false, values: { turnover: 9_500_000 } }).warnings).toEqual([]);
  });

  it('LARGE_CHANGE: a figure that went down, or totals far off the pace of the last update', () => {
    const previousQ1 = JSON.parse(
      buildPayload(
        periodTotals({
          kind: 'self-employment',
          to: '2026-07-05',
          values: { turnover: 500_000, costOfGoods: 100_000 },
        }),
      ).json,
    );
    const previous = { periodStart: '2026-04-06', periodEnd: '2026-07-05' };
    // Half a year at the same pace: no warning.
    expect(
      check(
        { values: { turnover: 1_000_000, costOfGoods: 200_000 } },
        { previousBody: previousQ1, previous },
      ).warnings,
    ).toEqual([]);
    // Income went down: warned, with the line named.
    const down = check(
      { values: { turnover: 400_000, costOfGoods: 200_000 } },
      { previousBody: previousQ1, previous },
    );
    expect(codes(down.warnings)).toEqual(['LARGE_CHANGE']);
    expect(down.warnings[0]!.details!.join(' ')).toMatch(
      /Sales and takings went down from £5,000.00 to £4,000.00/,
    );
    // Ten times the pace.
    expect(
      codes(
        check(
          { values: { turnover: 10_000_000, costOfGoods: 200_000 } },
          { previousBody: previousQ1, previous },
        ).warnings,
      ),
    ).toEqual(['LARGE_CHANGE']);
  });
});

describe('the difference from the last update HMRC accepted', () => {
  const body = (values: Record<string, number>, to = '2026-10-05', consolidated = false) =>
    JSON.parse(
      buildPayload(periodTotals({ kind: 'self-employment', to, values, consolidated })).json,
    );

  it('marks exactly the lines that changed, dates included', () => {
    const lines = compareUpdates(
      'self-employment',
      body({ turnover: 300, costOfGoods: 50 }),
      body({ turnover: 200, costOfGoods: 50 }, '2026-07-05'),
    );
    const changed = lines.filter((l) => l.changed).map((l) => l.path);
    expect(changed).toEqual(['periodDates.periodEndDate', 'periodIncome.turnover']);
    expect(lines.find((l) => l.path === 'periodIncome.turnover')).toMatchObject({
      pence: 300,
      previousPence: 200,
      label: 'Sales and takings',
    });
    expect(lines.find((l) => l.path === 'periodDates.periodEndDate')).toMatchObject({
      text: '2026-10-05',
      previousText: '2026-07-05',
    });
    // Sections in order: dates, income, expenses.
    expect(lines[0]!.section).toBe('dates');
    expect(lines.at(-1)!.section).toBe('expenses');
  });

  it('shows lines only the previous update had, dropping to zero, and treats a missing field as zero', () => {
    const lines = compareUpdates(
      'self-employment',
      body({ turnover: 300, consolidatedExpenses: 40 }, '2026-10-05', true),
      body({ turnover: 300, costOfGoods: 50 }),
    );
    expect(lines.find((l) => l.path === 'periodExpenses.costOfGoods')).toMatchObject({
      pence: 0,
      previousPence: 50,
      changed: true,
    });
    expect(lines.find((l) => l.path === 'periodExpenses.consolidatedExpenses')).toMatchObject({
      pence: 40,
      previousPence: 0,
      changed: true,
    });
    expect(lines.find((l) => l.path === 'periodExpenses.adminCosts')).toMatchObject({
      pence: 0,
      previousPence: 0,
      changed: false,
    });
  });

  it('with nothing to compare with, nothing is marked changed', () => {
    expect(
      compareUpdates('self-employment', body({ turnover: 1 }), undefined).some((l) => l.changed),
    ).toBe(false);
  });

  it('names disallowable parts and property fields in plain words', () => {
    const se = JSON.parse(
      buildPayload(
        periodTotals({
          kind: 'self-employment',
          values: { costOfGoods: 10 },
          disallowable: { costOfGoods: 5 },
        }),
      ).json,
    );
    expect(
      compareUpdates('self-employment', se, undefined).find((l) => l.section === 'disallowable')
        ?.label,
    ).toBe('Cost of goods: not allowable for tax');
    const ukp = JSON.parse(
      buildPayload(
        periodTotals({
          kind: 'uk-property',
          values: { periodAmount: 10, 'rentARoom.rentsReceived': 4 },
        }),
      ).json,
    );
    const labels = compareUpdates('uk-property', ukp, undefined).map((l) => l.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'Rents',
        'Rent-a-room rents',
        'Residential finance costs',
        'Start date',
      ]),
    );
  });
});
