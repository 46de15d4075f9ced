import { describe, expect, it } from 'vitest';
import type { CachedObligation } from '../../../src/main/profiles/hmrc-cache';
import { mergeYearObligations } from '../../../src/main/profiles/hmrc-fetch';

const quarter = (
  periodStart: string,
  periodEnd: string,
  dueDate: string,
  status: 'open' | 'fulfilled',
  hmrcBusinessId = 'XAIS12345678901',
): CachedObligation => ({
  kind: 'quarterly',
  hmrcBusinessId,
  typeOfBusiness: 'self-employment',
  periodStart,
  periodEnd,
  dueDate,
  status,
});

describe('one tax year’s obligations after a sync, merged into what was kept', () => {
  const lastYearOpen = quarter('2026-01-06', '2026-04-05', '2026-05-07', 'open');
  const final: CachedObligation = {
    kind: 'final-declaration',
    periodStart: '2025-04-06',
    periodEnd: '2026-04-05',
    dueDate: '2027-01-31',
    status: 'open',
  };
  const q2Open = quarter('2026-07-06', '2026-10-05', '2026-11-07', 'open');
  const q3Open = quarter('2026-10-06', '2027-01-05', '2027-02-07', 'open');

  it('replaces that year’s quarters with HMRC’s answer and keeps other years and the final declaration', () => {
    const q2Met = { ...q2Open, status: 'fulfilled' as const, receivedDate: '2026-11-20' };
    const merged = mergeYearObligations(
      [lastYearOpen, q2Open, q3Open, final],
      [q2Met, q3Open],
      '2026-27',
    );
    expect(merged).toEqual(
      [lastYearOpen, q2Met, final, q3Open].sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
    );
  });

  it('HMRC answering nothing for the year clears that year’s quarters only', () => {
    expect(mergeYearObligations([lastYearOpen, q2Open, final], [], '2026-27')).toEqual([
      lastYearOpen,
      final,
    ]);
  });

  it('ignores anything outside the year asked for', () => {
    expect(mergeYearObligations([q2Open], [lastYearOpen, q2Open], '2026-27')).toEqual([q2Open]);
  });
});
