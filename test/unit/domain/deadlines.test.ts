import { describe, expect, it } from 'vitest';
import { deadline, deadlineText, summariseDeadlines } from '@shared/domain/deadlines';

describe('deadlines in words, on the date main’s clock gives', () => {
  it('days left, due today, overdue', () => {
    expect(deadline('2026-12-02', '2026-11-20')).toEqual({
      dueDate: '2026-12-02',
      daysLeft: 12,
      overdue: false,
    });
    expect(deadlineText('2026-11-21', '2026-11-20')).toBe('due 21 Nov 2026, in 1 day');
    expect(deadlineText('2026-11-20', '2026-11-20')).toBe('due today, 20 Nov 2026');
    expect(deadlineText('2026-11-07', '2026-11-20')).toBe(
      'overdue by 13 days (was due 7 Nov 2026)',
    );
  });

  it('splits obligations into overdue, the next to come and the final declarations', () => {
    const q = (periodStart: string, dueDate: string, status: 'open' | 'fulfilled' = 'open') => ({
      kind: 'quarterly' as const,
      status,
      periodStart,
      periodEnd: periodStart,
      dueDate,
    });
    const final = {
      kind: 'final-declaration' as const,
      status: 'open' as const,
      periodStart: '2025-04-06',
      periodEnd: '2026-04-05',
      dueDate: '2027-01-31',
    };
    const s = summariseDeadlines(
      [
        q('2026-10-06', '2027-02-07'),
        final,
        q('2026-07-06', '2026-11-07'),
        q('2026-04-06', '2026-08-07', 'fulfilled'),
      ],
      '2026-11-20',
    );
    expect(s.overdue.map((o) => o.dueDate)).toEqual(['2026-11-07']);
    expect(s.next?.dueDate).toBe('2027-01-31');
    expect(s.finalDeclarations).toEqual([final]);
  });
});
