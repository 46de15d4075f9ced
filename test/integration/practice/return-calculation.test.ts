import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient } from './helpers/contract-client';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';

/**
 * The rest of the return in Practice HMRC's calculation, over HTTP: savings, dividends, pension
 * contributions and Gift Aid change the tax as HMRC's rules say, the year is declared; a loss
 * brought forward reduces the next years' profits. Every answer is checked against HMRC's
 * schemas by the client (def3 for 2025-26, def4 for 2026-27).
 */
const CALCULATION_MS = 5_000;
let s: Session;
const calcs = (nino: string, ty: string) =>
  `/individuals/calculations/${nino}/self-assessment/${ty}`;

interface Calculation {
  calculation?: {
    allowancesAndDeductions: Record<string, unknown>;
    businessProfitAndLoss?: Record<string, unknown>[];
    savingsAndGainsIncome?: Record<string, unknown>;
    dividendsIncome?: Record<string, unknown>;
    giftAid?: Record<string, unknown>;
    pensionContributionReliefs?: Record<string, unknown>;
    reliefs?: Record<string, unknown>;
    taxCalculation: {
      incomeTax: Record<string, unknown> & {
        savingsAndGains?: { taxBands: Record<string, unknown>[]; incomeTaxAmount: number };
        dividends?: { taxBands: Record<string, unknown>[]; incomeTaxAmount: number };
      };
      totalIncomeTaxAndNicsDue: number;
    };
  };
  messages: { info?: { id: string; text: string }[]; errors?: unknown[] };
}

beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW, calculationDelayMs: CALCULATION_MS, standing: true });
});
afterAll(async () => {
  await s.practice.stop();
});

async function calculate(
  api: ApiClient,
  nino: string,
  ty: string,
  type = 'in-year',
): Promise<[string, Calculation]> {
  const res = await api.post(`${calcs(nino, ty)}/trigger/${type}`);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  s.clock.advance(CALCULATION_MS);
  const id = (res.body as { calculationId: string }).calculationId;
  const doc = await api.get(`${calcs(nino, ty)}/${id}`);
  expect(doc.status).toBe(200);
  return [id, doc.body as Calculation];
}

describe('Priya: a sole trader with savings, dividends, a pension contribution and Gift Aid', () => {
  const P = SEEDED.savingsAndDividends;
  let priya: ApiClient;
  beforeAll(async () => {
    priya = await s.as(P);
  });

  it('her calculation taxes savings and dividends on their own allowances, in the band widened by her reliefs', async () => {
    const [, doc] = await calculate(priya, P.nino, '2025-26', 'intent-to-finalise');
    const c = doc.calculation;
    // Profit £48,000, interest £1,850, dividends £3,200. Pension £2,400 and Gift Aid £800 paid
    // are £3,000 and £1,000 gross: the basic rate band runs to £41,700 of taxable income.
    expect(c?.reliefs?.basicRateExtension).toEqual({
      totalBasicRateExtension: 4_000,
      giftAidRelief: 1_000,
      pensionContributionReliefs: 3_000,
    });
    expect(c?.giftAid).toEqual({ grossGiftAidPayments: 1_000, rate: 20, giftAidTax: 200 });
    expect(c?.pensionContributionReliefs).toEqual({
      totalPensionContributionReliefs: 3_000,
      pensionContributionDetail: { regularPensionContributions: 2_400 },
    });
    expect(c?.savingsAndGainsIncome).toMatchObject({ totalChargeableSavingsAndGains: 1_850 });
    expect(c?.dividendsIncome).toMatchObject({ totalChargeableDividends: 3_200 });
    const it = c?.taxCalculation.incomeTax;
    expect(it).toMatchObject({
      totalIncomeReceivedFromAllSources: 53_050,
      totalTaxableIncome: 40_480,
      payPensionsProfit: { incomeReceived: 48_000, taxableIncome: 35_430, incomeTaxAmount: 7_086 },
      incomeTaxCharged: 7_492.25,
    });
    // Still a basic rate taxpayer: £1,000 Personal Savings Allowance, then 20%.
    expect(it?.savingsAndGains?.taxBands.map((b) => [b.name, b.income, b.taxAmount])).toEqual([
      ['allowance-awarded-at-basic-rate', 1_000, 0],
      ['basic-rate', 850, 170],
    ]);
    // £500 Dividend Allowance, then the 2025-26 ordinary rate of 8.75%.
    expect(it?.dividends?.taxBands.map((b) => [b.name, b.income, b.taxAmount])).toEqual([
      ['allowance-awarded-at-basic-rate', 500, 0],
      ['basic-rate', 2_700, 236.25],
    ]);
    // Class 4 on £35,430 at 6% is £2,125.80.
    expect(c?.taxCalculation.totalIncomeTaxAndNicsDue).toBe(9_618.05);
    expect(doc.messages.info?.map((m) => m.id)).toContain('PRACTICE-NOT-MODELLED');
  });

  it('she declares 2025-26', async () => {
    const [id] = await calculate(priya, P.nino, '2025-26', 'intent-to-finalise');
    expect((await priya.post(`${calcs(P.nino, '2025-26')}/${id}/final-declaration`)).status).toBe(
      204,
    );
  });

  it('removing her Gift Aid narrows the band again: the calculation follows what is stored', async () => {
    const person = s.practice.createIndividual({
      businesses: [{ typeOfBusiness: 'self-employment', commencementDate: '2015-01-01' }],
    });
    const api = await s.as(person);
    const nino = person.nino as string;
    const businessId = person.businesses?.[0]?.businessId as string;
    await api.put(
      `/individuals/business/self-employment/${nino}/${businessId}/cumulative/2025-26`,
      {
        periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2026-04-05' },
        periodIncome: { turnover: 60_000 },
      },
    );
    const gift = `/individuals/reliefs/charitable-giving/${nino}/2025-26`;
    expect((await api.put(gift, { giftAidPayments: { totalAmount: 800 } })).status).toBe(204);
    const [, withGift] = await calculate(api, nino, '2025-26');
    expect((await api.delete(gift)).status).toBe(204);
    const [, without] = await calculate(api, nino, '2025-26');
    const due = (d: Calculation) => d.calculation?.taxCalculation.totalIncomeTaxAndNicsDue ?? 0;
    // A higher rate taxpayer's £800 gift is £1,000 gross: £200 less tax through the wider band.
    expect(Math.round((due(without) - due(withGift)) * 100)).toBe(200_00);
  });
});

describe('Quinn: a loss brought forward', () => {
  const Q = SEEDED.lossBroughtForward;
  let quinn: ApiClient;
  beforeAll(async () => {
    quinn = await s.as(Q);
  });

  it('2025-26 uses £4,200 of the £6,000 loss from 2024-25; 2026-27 the £1,800 left', async () => {
    const [, y1] = await calculate(quinn, Q.nino, '2025-26');
    expect(y1.calculation?.businessProfitAndLoss?.[0]).toMatchObject({
      taxableProfit: 4_200,
      totalBroughtForwardIncomeTaxLosses: 4_200,
      broughtForwardIncomeTaxLossesUsed: 4_200,
      taxableProfitAfterIncomeTaxLossesDeduction: 0,
    });
    const [, y2] = await calculate(quinn, Q.nino, '2026-27');
    expect(y2.calculation?.businessProfitAndLoss?.[0]).toMatchObject({
      taxableProfit: 6_500,
      broughtForwardIncomeTaxLossesUsed: 1_800,
      taxableProfitAfterIncomeTaxLossesDeduction: 4_700,
    });
  });

  it('the brought forward loss is read back from Individual Losses 6.0', async () => {
    const res = await quinn.get(`/individuals/losses/${Q.nino}/brought-forward-losses/${Q.lossId}`);
    expect(res).toMatchObject({
      status: 200,
      body: {
        businessId: Q.businessId,
        typeOfLoss: 'self-employment',
        lossAmount: 6_000,
        taxYearBroughtForwardFrom: '2024-25',
      },
    });
  });
});

describe('a loss sent through Individual Losses reduces the next year', () => {
  it('created with 6.0 for 2024-25, it reduces the 2025-26 profit; amended, the calculation follows', async () => {
    const person = s.practice.createIndividual({
      businesses: [{ typeOfBusiness: 'self-employment', commencementDate: '2015-01-01' }],
    });
    const api = await s.as(person);
    const nino = person.nino as string;
    const businessId = person.businesses?.[0]?.businessId as string;
    await api.put(
      `/individuals/business/self-employment/${nino}/${businessId}/cumulative/2025-26`,
      {
        periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2026-04-05' },
        periodIncome: { turnover: 20_000 },
      },
    );
    const created = await api.post(
      `/individuals/losses/${nino}/brought-forward-losses/tax-year/brought-forward-from/2024-25`,
      {
        taxYearBroughtForwardFrom: '2024-25',
        businessId,
        typeOfLoss: 'self-employment',
        lossAmount: 5_000,
      },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const lossId = (created.body as { lossId: string }).lossId;
    const [, doc] = await calculate(api, nino, '2025-26');
    expect(doc.calculation?.businessProfitAndLoss?.[0]).toMatchObject({
      taxableProfit: 20_000,
      taxableProfitAfterIncomeTaxLossesDeduction: 15_000,
    });
    expect(doc.calculation?.taxCalculation.incomeTax).toMatchObject({ totalTaxableIncome: 2_430 });
    const amended = await api.post(
      `/individuals/losses/${nino}/brought-forward-losses/${lossId}/tax-year/2024-25/change-loss-amount`,
      { lossAmount: 1_000 },
    );
    expect(amended.status, JSON.stringify(amended.body)).toBe(200);
    const [, after] = await calculate(api, nino, '2025-26');
    expect(after.calculation?.taxCalculation.incomeTax).toMatchObject({
      totalTaxableIncome: 6_430,
    });
  });
});
