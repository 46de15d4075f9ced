import { describe, expect, it } from 'vitest';
import { datesRuleFor } from '../../../src/main/review/dates-rule';

const base = {
  taxYear: '2026-27',
  businessName: 'Jenkins Cycles',
  period: { start: '2026-04-06', end: '2026-10-05' },
  latency: undefined,
  itsaStatuses: undefined,
};

describe('which dates rule an update follows (reference §3.5)', () => {
  it('sends dates for quarterly reporting, saying whether HMRC’s status was read', () => {
    const mandated = datesRuleFor({
      ...base,
      itsaStatuses: [{ taxYear: '2026-27', status: 'MTD Mandated' }],
    });
    expect(mandated).toMatchObject({ withDates: true, rule: 'quarterly' });
    expect(mandated.reason).toContain('6 April 2026 to 5 October 2026');
    expect(datesRuleFor(base).reason).toContain('has not yet read your status');
  });

  it.each(['Annual', 'MTD Exempt', 'Digitally Exempt', 'Dormant', 'No Status'] as const)(
    'leaves the dates out for ITSA status %s, and says HMRC refuses them',
    (status) => {
      const rule = datesRuleFor({ ...base, itsaStatuses: [{ taxYear: '2026-27', status }] });
      expect(rule).toMatchObject({ withDates: false, rule: 'itsa-status' });
      expect(rule.reason).toContain(`“${status}”`);
      expect(rule.reason).toContain('refuses them with dates');
    },
  );

  it('leaves the dates out for a latent source reporting annually that year only', () => {
    const latency = [
      { taxYear: '2026-27', reports: 'annual' as const },
      { taxYear: '2027-28', reports: 'quarterly' as const },
    ];
    const latent = datesRuleFor({
      ...base,
      latency,
      itsaStatuses: [{ taxYear: '2026-27', status: 'MTD Voluntary' }],
    });
    expect(latent).toMatchObject({ withDates: false, rule: 'latent-source' });
    expect(latent.reason).toContain('Jenkins Cycles');
    expect(datesRuleFor({ ...base, taxYear: '2027-28', latency }).withDates).toBe(true);
  });

  it('uses the status of the update’s own tax year', () => {
    const rule = datesRuleFor({
      ...base,
      taxYear: '2025-26',
      itsaStatuses: [
        { taxYear: '2025-26', status: 'Annual' },
        { taxYear: '2026-27', status: 'MTD Voluntary' },
      ],
    });
    expect(rule.withDates).toBe(false);
  });
});
