import { describe, expect, it } from 'vitest';
import type { Business } from '../../../src/main/ledger';
import type { CachedObligation } from '../../../src/main/profiles/hmrc-cache';
import { updateTargets } from '../../../src/main/review/update-targets';

const business = (id: number, hmrcBusinessId: string | null = `XAIS0000000000${id}`): Business => ({
  id,
  kind: 'self-employment',
  name: `Business ${id}`,
  hmrcBusinessId,
  commencementDate: null,
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});
const quarterly = (
  hmrcBusinessId: string,
  periodStart: string,
  periodEnd: string,
  dueDate: string,
  status: 'open' | 'fulfilled' = 'open',
): CachedObligation => ({
  kind: 'quarterly',
  hmrcBusinessId,
  typeOfBusiness: 'self-employment',
  periodStart,
  periodEnd,
  dueDate,
  status,
});
const standard = () => ({ type: 'standard' as const });

describe('which update each business needs now (reference §5.2–5.3)', () => {
  it('one update to the latest open period end that may be sent meets every open obligation of the year', () => {
    const b = business(1);
    const { targets } = updateTargets({
      businesses: [b],
      obligations: [
        quarterly(b.hmrcBusinessId!, '2026-04-06', '2026-07-05', '2026-08-07'),
        quarterly(b.hmrcBusinessId!, '2026-07-06', '2026-10-05', '2026-11-07'),
        quarterly(b.hmrcBusinessId!, '2026-10-06', '2027-01-05', '2027-02-07'),
      ],
      today: '2026-11-20',
      basisOf: standard,
    });
    expect(targets.map((t) => [t.taxYear, t.periodEnd, t.obligation?.dueDate])).toEqual([
      ['2026-27', '2026-10-05', '2026-11-07'],
    ]);
  });

  it('when nothing open may be sent yet, the latest period end that may be (what was just sent)', () => {
    const b = business(1);
    const { targets } = updateTargets({
      businesses: [b],
      obligations: [
        quarterly(b.hmrcBusinessId!, '2026-07-06', '2026-10-05', '2026-11-07', 'fulfilled'),
        quarterly(b.hmrcBusinessId!, '2026-10-06', '2027-01-05', '2027-02-07'),
      ],
      today: '2026-11-20',
      basisOf: standard,
    });
    expect(targets.map((t) => [t.periodEnd, t.obligation?.status])).toEqual([
      ['2026-10-05', 'fulfilled'],
    ]);
  });

  it('with no obligations on record, the current quarter; an earlier year’s open obligation separately', () => {
    const a = business(1);
    const b = business(2);
    const { targets } = updateTargets({
      businesses: [a, b],
      obligations: [quarterly(b.hmrcBusinessId!, '2026-01-06', '2026-04-05', '2026-05-07')],
      today: '2026-11-20',
      basisOf: standard,
    });
    expect(targets.map((t) => [t.business.id, t.taxYear, t.periodEnd])).toEqual([
      [1, '2026-27', '2026-10-05'],
      [2, '2025-26', '2026-04-05'],
    ]);
  });

  it('calendar quarters end on the last day of the month', () => {
    const b = business(1);
    const { targets } = updateTargets({
      businesses: [b],
      obligations: [],
      today: '2026-11-20',
      basisOf: () => ({ type: 'calendar' }),
    });
    expect(targets[0]!.periodEnd).toBe('2026-09-30');
  });

  it('a business not matched to HMRC is not ready, with the reason', () => {
    const { targets, notReady } = updateTargets({
      businesses: [business(1, null)],
      obligations: [],
      today: '2026-11-20',
      basisOf: standard,
    });
    expect(targets).toEqual([]);
    expect(notReady[0]!.reason).toMatch(/Not matched to a business at HMRC/);
  });
});
