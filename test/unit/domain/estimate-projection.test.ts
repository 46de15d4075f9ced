import { describe, expect, it } from 'vitest';
import { projectYear, taxOnProfit } from '@shared/domain/estimate-projection';

describe('Ledgerlink’s projection of the year from the year so far', () => {
  it('profit under the Personal Allowance at the pace so far: nothing to set aside', () => {
    const p = projectYear({
      taxYear: '2026-27',
      profitSoFarPence: 600_000,
      periodFrom: '2026-04-06',
      periodTo: '2026-10-05',
    })!;
    expect(p.daysCovered).toBe(183);
    expect(p.daysInYear).toBe(365);
    expect(p.yearProfitPence).toBe(1_196_721);
    expect(p.yearTaxPence).toBe(0);
    expect(p.setAsideNowPence).toBe(0);
  });

  it('scales the profit to the year, taxes it, and sets aside the share of the year gone', () => {
    const p = projectYear({
      taxYear: '2026-27',
      profitSoFarPence: 1_500_000,
      periodFrom: '2026-04-06',
      periodTo: '2026-10-05',
    })!;
    expect(p.yearProfitPence).toBe(2_991_803);
    expect(p.personalAllowancePence).toBe(1_257_000);
    expect(p.taxableIncomePence).toBe(1_734_800);
    expect(p.incomeTaxPence).toBe(346_960);
    expect(p.class4Pence).toBe(104_088);
    expect(p.yearTaxPence).toBe(451_048);
    expect(p.setAsideNowPence).toBe(226_142);
  });

  it('every band: the allowance tapers away above £100,000, 45% above £125,140 taxable', () => {
    expect(taxOnProfit(15_000_000)).toEqual({
      personalAllowancePence: 0,
      taxableIncomePence: 15_000_000,
      incomeTaxPence: 754_000 + 3_497_600 + 1_118_700,
      class4Pence: 226_200 + 199_460,
    });
    // Half-way through the taper: £110,000 leaves £7,570 of allowance.
    expect(taxOnProfit(11_000_000).personalAllowancePence).toBe(757_000);
  });

  it('a loss so far projects no tax, and a period outside the year projects nothing', () => {
    expect(
      projectYear({
        taxYear: '2026-27',
        profitSoFarPence: -50_000,
        periodFrom: '2026-04-06',
        periodTo: '2026-07-05',
      })!.yearTaxPence,
    ).toBe(0);
    expect(
      projectYear({
        taxYear: '2026-27',
        profitSoFarPence: 1,
        periodFrom: '2025-04-06',
        periodTo: '2025-07-05',
      }),
    ).toBeNull();
  });
});
