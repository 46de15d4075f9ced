import { describe, expect, it } from 'vitest';
import { packHtml } from '../../../src/main/agents/sign-off/pack-html';
import {
  changeInWords,
  quarterlyPack,
  yearEndPack,
} from '../../../src/main/agents/sign-off/sign-off-pack';
import type { UpdateView } from '@shared/ipc/channels/review';
import type { YearEndInput } from '../../../src/main/agents/sign-off/sign-off-pack';

const ctx = {
  profileId: '3f1c1d7e-8f0a-4a55-9a0b-2b7f4a1e9c11',
  clientName: 'Fiona Fox',
  clientNino: 'AJ100006B',
  agentName: 'Practice Agent Ltd',
  preparedOn: '2026-12-04',
};

const update: UpdateView = {
  profileId: ctx.profileId,
  businessId: 1,
  hmrcBusinessId: 'XAIS60000000001',
  businessName: 'Fox Gardening',
  kind: 'self-employment',
  taxYear: '2026-27',
  periodStart: '2026-04-06',
  periodEnd: '2026-10-05',
  periodLabel: 'Q2 2026-27: 6 Jul – 5 Oct 2026',
  periodEnds: ['2026-07-05', '2026-10-05'],
  datesRule: { withDates: true, rule: 'quarterly', reason: 'Quarterly.' },
  expenses: 'itemised',
  lines: [
    {
      path: 'periodDates.periodStartDate',
      section: 'dates',
      label: 'From',
      text: '2026-04-06',
      changed: false,
    },
    {
      path: 'periodIncome.turnover',
      section: 'income',
      label: 'Turnover',
      pence: 1_250_000,
      previousPence: 600_000,
      changed: true,
    },
    {
      path: 'periodExpenses.travelCosts',
      section: 'expenses',
      label: 'Travel',
      pence: 20_000,
      previousPence: 20_000,
      changed: false,
    },
    {
      path: 'periodExpenses.adminCosts',
      section: 'expenses',
      label: 'Office costs',
      pence: 5_050,
      changed: true,
    },
  ],
  incomePence: 1_250_000,
  expensesPence: 25_050,
  payloadJson: '{}',
  payloadHash: 'a'.repeat(64),
  records: { count: 14, fingerprint: 'b'.repeat(64) },
  comparison: {
    source: 'submission-log',
    description: 'The last update HMRC accepted from this computer (Q1).',
    changedLines: 2,
  },
  errors: [],
  warnings: [],
};

describe('the client sign-off pack', () => {
  it('puts each change in words, never by colour alone', () => {
    expect(changeInWords(1_250_000, 600_000)).toBe('up £6,500.00 since the last update');
    expect(changeInWords(100, 250)).toBe('down £1.50 since the last update');
    expect(changeInWords(100, 100)).toBe('no change');
    expect(changeInWords(100, undefined)).toBe('new since the last update');
  });

  it('a quarterly update: figures in pounds, the change from the last update, what to confirm, who prepared it', () => {
    const pack = quarterlyPack(
      ctx,
      { kind: 'quarterly', businessId: 1, taxYear: '2026-27', periodEnd: '2026-10-05' },
      update,
    );
    expect(pack.title).toBe('Quarterly update for Fox Gardening: Q2 2026-27: 6 Jul – 5 Oct 2026');
    expect(pack.summary).toContain('income £12,500.00, expenses £250.50, from 14 records');
    expect(pack.sections.map((s) => s.heading)).toEqual(['Income', 'Expenses']);
    expect(pack.sections[0]!.lines).toEqual([
      {
        label: 'Turnover',
        amount: '£12,500.00',
        pence: 1_250_000,
        change: 'up £6,500.00 since the last update',
      },
    ]);
    expect(pack.sections[1]!.lines.map((l) => l.change)).toEqual([
      'no change',
      'new since the last update',
    ]);
    expect(pack.comparedWith).toContain('last update HMRC accepted');
    expect(pack.confirmations.join(' ')).toContain('Practice Agent Ltd sends this update');
    expect(pack.agentName).toBe('Practice Agent Ltd');
    // The approval is tied to exactly these figures.
    expect(pack.reference).toBe(`quarterly:1:2026-27:2026-10-05:${'a'.repeat(16)}`);
  });

  it('the year-end calculation: HMRC’s figures and the declaration the client approves', () => {
    const state: YearEndInput = {
      taxYear: '2025-26',
      latest: {
        calculationId: '0b5a2d3c-1e7f-4a3b-9c2d-7e6f5a4b3c2d',
        sources: [
          {
            incomeSourceId: 'XAIS60000000001',
            kind: 'Self-employment',
            name: 'Fox Gardening',
            figures: [{ label: 'Profit', pence: 2_000_000, path: 'p' }],
          },
        ],
        incomeReceivedPence: 2_000_000,
        allowancesPence: 1_257_000,
        taxableIncomePence: 743_000,
        incomeTaxDuePence: 148_600,
        totalLiabilityPence: 190_000,
      },
    };
    const pack = yearEndPack(ctx, { kind: 'year-end-calculation', taxYear: '2025-26' }, state)!;
    expect(pack.hmrcCalculation?.lines).toContainEqual({
      label: 'Income Tax due',
      amount: '£1,486.00',
      pence: 148_600,
    });
    expect(pack.hmrcCalculation?.lines.map((l) => l.label)).not.toContain(
      'Class 2 National Insurance',
    );
    expect(pack.sections[0]).toMatchObject({ heading: 'Self-employment: Fox Gardening' });
    expect(pack.confirmations.join(' ')).toContain('final declaration');
    expect(pack.reference).toBe('year-end:2025-26:0b5a2d3c-1e7f-4a3b-9c2d-7e6f5a4b3c2d');
    expect(
      yearEndPack(
        ctx,
        { kind: 'year-end-calculation', taxYear: '2025-26' },
        { taxYear: '2025-26' },
      ),
    ).toBeUndefined();
  });

  it('prints as one self-contained page: a print stylesheet, no scripts, every value escaped', () => {
    const pack = quarterlyPack(
      ctx,
      { kind: 'quarterly', businessId: 1, taxYear: '2026-27', periodEnd: '2026-10-05' },
      {
        ...update,
        businessName: '<img src=x onerror=alert(1)> & Co',
      },
    );
    const html = packHtml({
      ...pack,
      approval: {
        approvedOn: '2026-12-03',
        method: 'phone',
        note: 'Called "Fiona"',
        recordedBy: 'x',
        recordedAt: '2026-12-03T10:00:00Z',
      },
    });
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; Co');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('Approved</strong> on 2026-12-03 by phone: Called &quot;Fiona&quot;');
  });
});
