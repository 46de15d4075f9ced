import { describe, expect, it } from 'vitest';
import type { CachedObligation } from '../../../src/main/profiles/hmrc-cache';
import {
  DUE_SOON_DAYS,
  nextDue,
  overviewStatus,
  summarise,
} from '../../../src/main/profiles/obligation-summary';

/** A final declaration belongs to no one business: HMRC gives no business id. */
const withoutBusiness = ({ hmrcBusinessId: _, ...rest }: CachedObligation): CachedObligation =>
  rest;

const o = (dueDate: string, over: Partial<CachedObligation> = {}): CachedObligation => ({
  kind: 'quarterly',
  hmrcBusinessId: 'XAIS00000000001',
  periodStart: '2026-04-06',
  periodEnd: '2026-10-05',
  dueDate,
  status: 'open',
  ...over,
});
const names = () => 'Clarke Catering';

describe('obligation summary and overview status', () => {
  it('picks the open obligation HMRC says is due first, with HMRC’s due date', () => {
    const next = nextDue(
      [
        o('2027-02-07'),
        o('2026-11-07'),
        o('2026-08-07', { status: 'fulfilled' }),
        withoutBusiness(o('2027-01-31', { kind: 'final-declaration' })),
      ],
      names,
    );
    expect(next).toEqual({
      kind: 'quarterly',
      businessId: 'XAIS00000000001',
      businessName: 'Clarke Catering',
      periodStart: '2026-04-06',
      periodEnd: '2026-10-05',
      dueDate: '2026-11-07',
    });
    expect(
      summarise([o('2026-11-07'), o('2027-02-07')], '2026-11-29T10:00:00.000Z', names),
    ).toMatchObject({
      openCount: 2,
      checkedAt: '2026-11-29T10:00:00.000Z',
    });
  });

  it('works out overdue, due soon and up to date on today’s date, so it stays right offline', () => {
    const profile = (dueDate?: string) => ({
      nino: 'AC100003C',
      accountId: 'a',
      authorisation: { status: 'authorised' as const },
      hmrc: {
        checkedAt: '2026-11-01T00:00:00.000Z',
        ...(dueDate
          ? {
              nextDue: {
                kind: 'quarterly' as const,
                periodStart: '2026-04-06',
                periodEnd: '2026-10-05',
                dueDate,
              },
            }
          : {}),
      },
    });
    expect(overviewStatus(profile('2026-11-07'), '2026-11-08')).toEqual({
      status: 'overdue',
      statusText: 'Overdue: was due 7 November 2026',
    });
    expect(overviewStatus(profile('2026-11-07'), '2026-11-07').status).toBe('due-soon');
    expect(overviewStatus(profile('2026-12-07'), '2026-11-07').status).toBe('due-soon');
    expect(DUE_SOON_DAYS).toBe(30);
    expect(overviewStatus(profile('2026-12-08'), '2026-11-07').status).toBe('up-to-date');
    expect(overviewStatus(profile(), '2026-11-07')).toEqual({
      status: 'up-to-date',
      statusText: 'Up to date: nothing open at HMRC',
    });
  });

  it('puts authorisation first: not authorised, not signed up, never checked', () => {
    const base = {
      nino: 'AJ100006B',
      accountId: 'a',
      hmrc: { checkedAt: '2026-11-01T00:00:00.000Z' },
    };
    expect(
      overviewStatus({ ...base, authorisation: { status: 'not-authorised' } }, '2026-11-07'),
    ).toEqual({
      status: 'not-authorised',
      statusText: 'Not authorised — ask the client to authorise you',
    });
    expect(
      overviewStatus({ ...base, authorisation: { status: 'not-signed-up' } }, '2026-11-07').status,
    ).toBe('not-signed-up');
    expect(
      overviewStatus({ ...base, hmrc: {}, authorisation: { status: 'unknown' } }, '2026-11-07')
        .status,
    ).toBe('not-checked');
    expect(
      overviewStatus(
        { ...base, accountId: null, hmrc: {}, authorisation: { status: 'unknown' } },
        '2026-11-07',
      ).statusText,
    ).toContain('link your agent services account');
  });

  it('never says "not checked" beside a "last checked" time: HMRC answered, the deadlines are what is missing', () => {
    expect(
      overviewStatus(
        {
          nino: 'AJ100006B',
          accountId: 'a',
          hmrc: {},
          authorisation: { status: 'authorised', checkedAt: '2026-11-07T09:00:00.000Z' },
        },
        '2026-11-07',
      ),
    ).toEqual({
      status: 'not-checked',
      statusText: 'Deadlines not read from HMRC yet: check with HMRC',
    });
  });
});
