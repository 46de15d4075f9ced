import { describe, expect, it } from 'vitest';
import type { CachedBusiness, CachedObligation } from '../../../src/main/profiles/hmrc-cache';
import { currentPeriodType, electionFor } from '../../../src/main/profiles/quarterly-election';

const TODAY = '2026-11-29';
const se: CachedBusiness = { hmrcBusinessId: 'XAIS00000000001', typeOfBusiness: 'self-employment' };
const q = (over: Partial<CachedObligation>): CachedObligation => ({
  kind: 'quarterly',
  hmrcBusinessId: se.hmrcBusinessId,
  periodStart: '2026-04-06',
  periodEnd: '2026-07-05',
  dueDate: '2026-08-07',
  status: 'open',
  ...over,
});

describe('calendar-quarter election (reference §5.2)', () => {
  it('is offered for the current tax year before the first update, explaining the lock-in', () => {
    const e = electionFor(se, [q({})], TODAY);
    expect(e).toMatchObject({
      taxYear: '2026-27',
      currentType: 'standard',
      offered: true,
      changeTo: 'calendar',
    });
    expect(e.reason).toContain('fixed for the rest of the tax year');
    expect(e.reason).toContain('accounts run from 1 April to 31 March');
  });

  it('is locked once an update of the year has been sent', () => {
    const sent = electionFor(se, [q({ status: 'fulfilled', receivedDate: '2026-07-30' })], TODAY);
    expect(sent.offered).toBe(false);
    expect(sent.reason).toContain('already been sent');
    // Last year's updates do not lock this year.
    expect(
      electionFor(se, [q({ periodEnd: '2026-04-05', status: 'fulfilled' })], TODAY).offered,
    ).toBe(true);
    // Another business's update does not lock this one.
    expect(
      electionFor(se, [q({ hmrcBusinessId: 'XAIS00000000002', status: 'fulfilled' })], TODAY)
        .offered,
    ).toBe(true);
  });

  it('is locked by an update Ledgerlink has sent before HMRC shows the obligation met', () => {
    // HMRC may take up to an hour to mark the obligation fulfilled: the submission log decides.
    const sent = electionFor(se, [q({})], TODAY, {
      sentByLedgerlink: new Set([se.hmrcBusinessId]),
    });
    expect(sent.offered).toBe(false);
    expect(sent.reason).toContain('already been sent');
    expect(
      electionFor(se, [q({})], TODAY, { sentByLedgerlink: new Set(['XAIS00000000002']) }).offered,
    ).toBe(true);
  });

  it('states the lock-in with every answer, offered or not', () => {
    expect(electionFor(se, [], TODAY).lockIn).toContain('after it, HMRC fixes the quarters');
    expect(electionFor({ ...se, cessationDate: '2026-09-30' }, [], TODAY).lockIn).toContain(
      'first update of 2026-27',
    );
  });

  it('is not offered when the ITSA status means no quarterly updates are due', () => {
    const annual = electionFor(se, [], TODAY, {
      itsa: { quarterlyUpdatesDue: false, label: 'Reports once a year' },
    });
    expect(annual.offered).toBe(false);
    expect(annual.reason).toContain('No quarterly updates are due');
    expect(
      electionFor(se, [], TODAY, { itsa: { quarterlyUpdatesDue: true, label: 'x' } }).offered,
    ).toBe(true);
  });

  it('is not offered where HMRC shows accounts ending on another date, or for unspecified property, or a ceased business', () => {
    const december = { ...se, accountingPeriod: { start: '2026-01-01', end: '2026-12-31' } };
    expect(electionFor(december, [], TODAY)).toMatchObject({ offered: false });
    expect(electionFor(december, [], TODAY).reason).not.toContain('2026-12-31');
    // 31 March and 1–5 April year ends count as the tax year's.
    for (const end of ['2027-03-31', '2027-04-05', '2027-04-01']) {
      expect(
        electionFor({ ...se, accountingPeriod: { start: '2026-04-06', end } }, [], TODAY).offered,
      ).toBe(true);
    }
    expect(electionFor({ ...se, typeOfBusiness: 'property-unspecified' }, [], TODAY).offered).toBe(
      false,
    );
    expect(electionFor({ ...se, cessationDate: '2026-09-30' }, [], TODAY).offered).toBe(false);
  });

  it('offers the way back to standard quarters, where the accounting period does not matter', () => {
    const calendar = {
      ...se,
      periodType: 'calendar' as const,
      periodTypeTaxYear: '2026-27',
      accountingPeriod: { start: '2026-01-01', end: '2026-12-31' },
    };
    expect(electionFor(calendar, [], TODAY)).toMatchObject({
      currentType: 'calendar',
      offered: true,
      changeTo: 'standard',
    });
  });

  it('reads the period type in force: a choice carries on into later years, a choice for a later year does not apply yet', () => {
    expect(
      currentPeriodType({ ...se, periodType: 'calendar', periodTypeTaxYear: '2025-26' }, '2026-27'),
    ).toBe('calendar');
    expect(
      currentPeriodType({ ...se, periodType: 'calendar', periodTypeTaxYear: '2027-28' }, '2026-27'),
    ).toBe('standard');
    expect(currentPeriodType(se, '2026-27')).toBe('standard');
  });
});
