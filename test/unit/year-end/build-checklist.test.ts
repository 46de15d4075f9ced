import { describe, expect, it } from 'vitest';
import type { CachedObligation } from '../../../src/main/profiles/hmrc-cache';
import {
  buildChecklist,
  quarterlyDue,
  type ChecklistInput,
} from '../../../src/main/year-end/checklist/build-checklist';

const STANDARD = { type: 'standard' } as const;
const base = (over: Partial<ChecklistInput> = {}): ChecklistInput => ({
  taxYear: '2025-26',
  today: '2026-11-20',
  businesses: [
    {
      id: 1,
      name: 'Joinery',
      kind: 'self-employment',
      hmrcBusinessId: 'XAIS12345678901',
      basis: STANDARD,
    },
    {
      id: 2,
      name: 'Lettings',
      kind: 'uk-property',
      hmrcBusinessId: 'XPIS12345678902',
      basis: STANDARD,
    },
  ],
  obligations: [],
  obligationsCheckedAt: '2026-11-20T09:00:00.000Z',
  cumulativeSentTo: new Map(),
  cumulativeWaiting: new Map(),
  annualSent: new Map(),
  annualWaiting: new Set(),
  ...over,
});
const q = (end: string, status: 'open' | 'fulfilled', due: string): CachedObligation => ({
  kind: 'quarterly',
  hmrcBusinessId: 'XAIS12345678901',
  periodStart: '2025-04-06',
  periodEnd: end,
  dueDate: due,
  status,
});
const byId = (items: ReturnType<typeof buildChecklist>, id: string) =>
  items.find((i) => i.id === id)!;

describe('the year-end checklist (offline, from cached obligations and the log)', () => {
  it('lists the foreign property business’s annual figures (its properties are under it)', () => {
    const items = buildChecklist(
      base({
        businesses: [
          {
            id: 3,
            name: 'Foreign property',
            kind: 'foreign-property',
            hmrcBusinessId: 'XFIS12345678903',
            basis: STANDARD,
          },
        ],
        annualWaiting: new Set([3]),
      }),
    );
    expect(byId(items, 'annual-3')).toMatchObject({
      group: 'annual',
      businessName: 'Foreign property',
      status: 'waiting',
    });
    const sent = buildChecklist(
      base({
        businesses: [
          {
            id: 3,
            name: 'Foreign property',
            kind: 'foreign-property',
            hmrcBusinessId: 'XFIS12345678903',
            basis: STANDARD,
          },
        ],
        annualSent: new Map([[3, { submission: 'annual', at: '2026-11-02T10:00:00.000Z' }]]),
      }),
    );
    expect(byId(sent, 'annual-3')).toMatchObject({
      status: 'done',
      action: { screen: 'annual', businessId: 3 },
    });
  });

  it('lists four quarters per business, annual figures and facts per business, calculation and declaration', () => {
    const items = buildChecklist(base());
    expect(items.filter((i) => i.group === 'quarterly')).toHaveLength(8);
    expect(items.filter((i) => i.group === 'annual').map((i) => i.businessId)).toEqual([1, 2]);
    expect(items.filter((i) => i.group === 'facts')).toHaveLength(2);
    expect(byId(items, 'final-declaration')).toMatchObject({
      dueDate: '2027-01-31',
      status: 'to-do',
    });
    expect(byId(items, 'annual-1')).toMatchObject({
      status: 'to-do',
      action: { screen: 'annual', businessId: 1 },
    });
  });

  it('an open cached obligation is to do (overdue when past due); one sent from here is done', () => {
    const items = buildChecklist(
      base({
        obligations: [q('2026-04-05', 'open', '2026-05-07')],
        cumulativeSentTo: new Map([[2, '2026-04-05']]),
      }),
    );
    expect(byId(items, 'quarterly-1-2026-04-05')).toMatchObject({
      status: 'to-do',
      dueDate: '2026-05-07',
      statusText: 'Overdue since 7 May 2026.',
      action: { screen: 'review' },
    });
    expect(byId(items, 'quarterly-2-2026-04-05').status).toBe('done');
    expect(byId(items, 'calculation').statusText).toMatch(
      /Send the 1 missing quarterly update first/,
    );
  });

  it('approved items in the outbox are waiting, with sync as the action', () => {
    const items = buildChecklist(
      base({
        cumulativeWaiting: new Map([[1, '2026-04-05']]),
        annualWaiting: new Set([2]),
        obligations: [q('2026-04-05', 'open', '2026-05-07')],
      }),
    );
    expect(byId(items, 'quarterly-1-2026-04-05')).toMatchObject({
      status: 'waiting',
      action: { screen: 'sync' },
    });
    expect(byId(items, 'annual-2')).toMatchObject({ status: 'waiting' });
  });

  it('annual figures sent are done; a delete sent makes them to do again', () => {
    const items = buildChecklist(
      base({
        annualSent: new Map([
          [1, { submission: 'annual', at: '2026-11-01T10:00:00.000Z' }],
          [2, { submission: 'annual-delete', at: '2026-11-02T10:00:00.000Z' }],
        ]),
      }),
    );
    expect(byId(items, 'annual-1')).toMatchObject({
      status: 'done',
      statusText: 'Sent on 1 November 2026.',
    });
    expect(byId(items, 'annual-2').status).toBe('to-do');
  });

  it('before the year ends nothing year-end is due yet; a supporting agent is refused with the reason', () => {
    const early = buildChecklist(base({ taxYear: '2026-27' }));
    expect(byId(early, 'calculation')).toMatchObject({ status: 'not-yet' });
    expect(byId(early, 'calculation').action).toBeUndefined();
    expect(byId(early, 'quarterly-1-2027-04-05').status).toBe('not-yet');
    const supporting = buildChecklist(
      base({ declarationRefused: 'HMRC does not let a supporting agent do this.' }),
    );
    expect(byId(supporting, 'final-declaration')).toMatchObject({ status: 'refused' });
    expect(byId(supporting, 'final-declaration').action).toBeUndefined();
  });

  it('offers to correct each business’s last update after the year ends, until the final declaration', () => {
    const items = buildChecklist(base());
    expect(byId(items, 'correction-1')).toMatchObject({
      status: 'optional',
      action: { screen: 'correction', businessId: 1 },
    });
    expect(buildChecklist(base({ taxYear: '2026-27' })).some((i) => i.group === 'correction')).toBe(
      false,
    );
  });

  it('a fulfilled final declaration obligation is done', () => {
    const items = buildChecklist(
      base({
        obligations: [
          {
            kind: 'final-declaration',
            periodStart: '2025-04-06',
            periodEnd: '2026-04-05',
            dueDate: '2027-01-31',
            status: 'fulfilled',
          },
        ],
      }),
    );
    expect(byId(items, 'final-declaration').status).toBe('done');
    expect(items.some((i) => i.group === 'correction')).toBe(false);
  });

  it('computes quarterly deadlines HMRC has not sent: 7 August, 7 November, 7 February, 7 May', () => {
    expect(
      ['2025-07-05', '2025-10-05', '2026-01-05', '2026-04-05', '2025-06-30', '2026-03-31'].map(
        quarterlyDue,
      ),
    ).toEqual(['2025-08-07', '2025-11-07', '2026-02-07', '2026-05-07', '2025-08-07', '2026-05-07']);
  });
});
