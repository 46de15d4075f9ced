import { describe, expect, it } from 'vitest';
import type { ReviewLine } from '@shared/ipc/channels/review';
import { datesSummary, foldedDates } from '@renderer/features/review/dates-summary';

const date = (
  label: 'Start date' | 'End date',
  text: string,
  previousText?: string,
): ReviewLine => ({
  path: label === 'Start date' ? 'periodDates.periodStartDate' : 'periodDates.periodEndDate',
  section: 'dates',
  label,
  text,
  ...(previousText !== undefined ? { previousText } : {}),
  changed: previousText !== undefined && previousText !== text,
});
const turnover: ReviewLine = {
  path: 'periodIncome.turnover',
  section: 'income',
  label: 'Sales and takings',
  pence: 100,
  changed: false,
};

describe('the compact card’s dates line', () => {
  it('says the dates, and only the date that changed with what it was', () => {
    expect(
      datesSummary([date('Start date', '2026-04-06'), date('End date', '2026-10-05')]),
    ).toEqual({ now: '6 Apr 2026 to 5 Oct 2026' });
    expect(
      datesSummary([
        date('Start date', '2026-04-06', '2026-04-06'),
        date('End date', '2026-10-05', '2026-07-05'),
        turnover,
      ]),
    ).toEqual({ now: '6 Apr 2026 to 5 Oct 2026', change: 'End date was 5 Jul 2026' });
    expect(
      datesSummary([
        date('Start date', '2026-04-06', '2026-05-01'),
        date('End date', '2026-10-05', '2026-07-05'),
      ]),
    ).toEqual({
      now: '6 Apr 2026 to 5 Oct 2026',
      change: 'Dates were 1 May 2026 to 5 Jul 2026',
    });
  });

  it('says an update that had no dates before was sent without them', () => {
    const start = { ...date('Start date', '2026-04-06'), changed: true };
    const end = { ...date('End date', '2026-10-05'), changed: true };
    expect(datesSummary([start, end])).toEqual({
      now: '6 Apr 2026 to 5 Oct 2026',
      change: 'Sent without dates before',
    });
  });

  it('folds the dates only in the compact card of an update sent with dates', () => {
    const lines = [date('Start date', '2026-04-06'), date('End date', '2026-10-05'), turnover];
    const withDates = { withDates: true, rule: 'quarterly', reason: 'r' } as const;
    expect(foldedDates({ datesRule: withDates, lines }, true)?.now).toBe(
      '6 Apr 2026 to 5 Oct 2026',
    );
    expect(foldedDates({ datesRule: withDates, lines }, false)).toBeUndefined();
    const without = { withDates: false, rule: 'itsa-status', reason: 'r' } as const;
    expect(foldedDates({ datesRule: without, lines: [turnover] }, true)).toBeUndefined();
  });
});
