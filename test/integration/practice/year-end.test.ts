import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, codeOf } from './helpers/contract-client';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';

/**
 * The year end on Practice HMRC's injected clock (never a real wait): annual figures feeding the
 * calculation, intent-to-finalise with an error that blocks the declaration until the data is
 * fixed, Scottish rates, a main agent declaring for a client, a supporting agent refused, the
 * final declaration obligation fulfilled an hour later, and the amendment window.
 * [reference §5.4-§5.7; IC trigger.yaml, submit_final_declaration.yaml]
 */
let s: Session;
const CALCULATION_MS = 5_000;
const HOUR = 60 * 60_000;
const calcs = (nino: string, ty: string) =>
  `/individuals/calculations/${nino}/self-assessment/${ty}`;

beforeAll(async () => {
  s = await startSession({
    at: REFERENCE_NOW,
    calculationDelayMs: CALCULATION_MS,
    obligationFulfilmentDelayMs: HOUR,
  });
});
afterAll(async () => {
  await s.practice.stop();
});

async function intentToFinalise(api: ApiClient, nino: string, ty = '2025-26'): Promise<string> {
  const res = await api.post(`${calcs(nino, ty)}/trigger/intent-to-finalise`);
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  s.clock.advance(CALCULATION_MS);
  return (res.body as { calculationId: string }).calculationId;
}

interface Calculation {
  metadata: Record<string, unknown>;
  inputs: { personalInformation: Record<string, unknown> };
  calculation?: {
    businessProfitAndLoss?: Record<string, unknown>[];
    foreignPropertyIncome?: Record<string, unknown>[];
    reliefs?: Record<string, Record<string, unknown>>;
    taxCalculation: {
      incomeTax: {
        payPensionsProfit: {
          taxBands: { name: string; rate: number; income: number; taxAmount: number }[];
        };
        incomeTaxCharged: number;
        totalReliefs: number;
        incomeTaxDueAfterReliefs: number;
      };
      nics?: { class4Nics: { totalAmount: number } };
      totalIncomeTaxAndNicsDue: number;
    };
  };
  messages: {
    info?: { id: string }[];
    warnings?: { id: string }[];
    errors?: { id: string; text: string }[];
  };
}

describe("Alice's 2025-26: annual figures, calculation, final declaration, amendment", () => {
  const A = SEEDED.individualA;
  let alice: ApiClient;
  beforeAll(async () => {
    alice = await s.as(A);
  });

  it('annual figures for both businesses are taken into the intent-to-finalise calculation', async () => {
    const se = `/individuals/business/self-employment/${A.nino}/${A.selfEmploymentId}/annual/2025-26`;
    expect(
      (
        await alice.put(se, {
          allowances: { annualInvestmentAllowance: 2400 },
          adjustments: { goodsAndServicesOwnUse: 150 },
          nonFinancials: { businessDetailsChangedRecently: false },
        })
      ).status,
    ).toBe(204);
    const uk = `/individuals/business/property/uk/${A.nino}/${A.ukPropertyId}/annual/2025-26`;
    expect(
      (
        await alice.put(uk, {
          ukProperty: {
            adjustments: { nonResidentLandlord: false },
            allowances: { costOfReplacingDomesticItems: 300 },
          },
        })
      ).status,
    ).toBe(200);
    const id = await intentToFinalise(alice, A.nino);
    const doc = (await alice.get(`${calcs(A.nino, '2025-26')}/${id}`)).body as Calculation;
    expect(doc.metadata.calculationType).toBe('intent-to-finalise');
    expect(doc.messages.errors).toBeUndefined();
    // Joinery: 42,485 income - 12,711.49 expenses + 530.08 disallowable + 150 own use - 2,400
    // AIA = 28,053.59. Lettings: 9,600 - 1,550.50 - 300 replacement items = 7,749.50.
    expect(doc.calculation?.businessProfitAndLoss).toEqual([
      expect.objectContaining({
        incomeSourceId: A.selfEmploymentId,
        totalAdditions: 680.08,
        totalDeductions: 2400,
        taxableProfit: 28_053,
      }),
      expect.objectContaining({
        incomeSourceId: A.ukPropertyId,
        totalDeductions: 300,
        taxableProfit: 7_749,
      }),
    ]);
  });

  it('the current year cannot be finalised: RULE_TAX_YEAR_NOT_ENDED', async () => {
    expect(
      codeOf((await alice.post(`${calcs(A.nino, '2026-27')}/trigger/intent-to-finalise`)).body),
    ).toBe('RULE_TAX_YEAR_NOT_ENDED');
  });

  it('declares once; the obligation shows fulfilled an hour later; a repeat is refused; amend inside the window', async () => {
    const id = await intentToFinalise(alice, A.nino);
    expect((await alice.post(`${calcs(A.nino, '2025-26')}/${id}/final-declaration`)).status).toBe(
      204,
    );
    const obligation = `/obligations/details/${A.nino}/crystallisation?taxYear=2025-26`;
    expect((await alice.get(obligation)).body).toMatchObject({ obligations: [{ status: 'open' }] });
    s.clock.advance(HOUR);
    expect((await alice.get(obligation)).body).toMatchObject({
      obligations: [{ status: 'fulfilled' }],
    });
    expect(
      codeOf((await alice.post(`${calcs(A.nino, '2025-26')}/${id}/final-declaration`)).body),
    ).toBe('RULE_FINAL_DECLARATION_RECEIVED');
    const amend = await alice.post(`${calcs(A.nino, '2025-26')}/trigger/intent-to-amend`);
    expect(amend.status).toBe(202);
    s.clock.advance(CALCULATION_MS);
    const amendId = (amend.body as { calculationId: string }).calculationId;
    expect(
      (await alice.post(`${calcs(A.nino, '2025-26')}/${amendId}/confirm-amendment`)).status,
    ).toBe(204);
  });

  it('outside the amendment window (after 31 January 2028) nothing more for 2025-26', async () => {
    const saved = s.clock.now();
    s.clock.set(Date.parse('2028-02-01T12:00:00Z'));
    try {
      // Access tokens last 4 hours: sign in again at the later date.
      const late = await s.as(A);
      expect(
        codeOf((await late.post(`${calcs(A.nino, '2025-26')}/trigger/intent-to-amend`)).body),
      ).toBe('RULE_OUTSIDE_AMENDMENT_WINDOW');
      const se = `/individuals/business/self-employment/${A.nino}/${A.selfEmploymentId}/annual/2025-26`;
      expect(codeOf((await late.delete(se)).body)).toBe('RULE_OUTSIDE_AMENDMENT_WINDOW');
    } finally {
      s.clock.set(saved);
    }
  });
});

describe("Owen's calculation error blocks the declaration until the data is fixed", () => {
  const O = SEEDED.allowanceError;
  let owen: ApiClient;
  beforeAll(async () => {
    owen = await s.as(O);
  });

  it('in year it is a warning; at intent-to-finalise an error with no results, and the declaration fails', async () => {
    const inYear = await owen.post(`${calcs(O.nino, '2025-26')}/trigger/in-year`);
    s.clock.advance(CALCULATION_MS);
    const warned = (
      await owen.get(
        `${calcs(O.nino, '2025-26')}/${(inYear.body as { calculationId: string }).calculationId}`,
      )
    ).body as Calculation;
    expect(warned.messages.warnings?.map((m) => m.id)).toEqual(['PRACTICE-TRADING-ALLOWANCE']);
    expect(warned.calculation).toBeDefined();

    const id = await intentToFinalise(owen, O.nino);
    const doc = (await owen.get(`${calcs(O.nino, '2025-26')}/${id}`)).body as Calculation;
    expect(doc.calculation).toBeUndefined();
    expect(doc.messages.errors).toEqual([
      { id: 'PRACTICE-TRADING-ALLOWANCE', text: expect.stringContaining('without expenses') },
    ]);
    expect(
      codeOf((await owen.post(`${calcs(O.nino, '2025-26')}/${id}/final-declaration`)).body),
    ).toBe('RULE_SUBMISSION_FAILED');
  });

  it('a final cumulative update without expenses and a new calculation clear it; then the declaration goes', async () => {
    const cumulative = `/individuals/business/self-employment/${O.nino}/${O.businessId}/cumulative/2025-26`;
    expect(
      (
        await owen.put(cumulative, {
          periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2026-04-05' },
          periodIncome: { turnover: 18_500, other: 0 },
        })
      ).status,
    ).toBe(204);
    const id = await intentToFinalise(owen, O.nino);
    const doc = (await owen.get(`${calcs(O.nino, '2025-26')}/${id}`)).body as Calculation;
    expect(doc.messages.errors).toBeUndefined();
    expect(doc.calculation?.businessProfitAndLoss?.[0]).toMatchObject({
      totalIncome: 18_500,
      totalDeductions: 1000,
      taxableProfit: 17_500,
    });
    expect((await owen.post(`${calcs(O.nino, '2025-26')}/${id}/final-declaration`)).status).toBe(
      204,
    );
  });
});

describe("Gwen, a Scottish taxpayer, declared by her main agent; Ewan's supporting agent refused", () => {
  const G = SEEDED.scottishTaxpayer;
  let agent: ApiClient;
  beforeAll(async () => {
    agent = await s.as(SEEDED.agent);
  });

  it('Scottish bands: starter, basic, intermediate and higher rate on 2025-26 profits', async () => {
    const id = await intentToFinalise(agent, G.nino);
    const doc = (await agent.get(`${calcs(G.nino, '2025-26')}/${id}`)).body as Calculation;
    expect(doc.inputs.personalInformation).toMatchObject({
      taxRegime: 'scotland',
      itsaStatus: 'MTD Mandated',
    });
    // Profit 58,750 - 9,565 = 49,185; taxable 36,615 after the £12,570 Personal Allowance.
    expect(doc.calculation?.taxCalculation.incomeTax.payPensionsProfit.taxBands).toEqual([
      expect.objectContaining({ name: 'starter-rate', rate: 19, income: 2_827, taxAmount: 537.13 }),
      expect.objectContaining({ name: 'basic-rate', rate: 20, income: 12_094, taxAmount: 2418.8 }),
      expect.objectContaining({
        name: 'intermediate-rate',
        rate: 21,
        income: 16_171,
        taxAmount: 3395.91,
      }),
      expect.objectContaining({ name: 'higher-rate', rate: 42, income: 5_523, taxAmount: 2319.66 }),
    ]);
    expect(doc.calculation?.taxCalculation.incomeTax.incomeTaxCharged).toBe(8671.5);
    expect(doc.calculation?.taxCalculation.nics?.class4Nics.totalAmount).toBe(2196.9);
    expect((await agent.post(`${calcs(G.nino, '2025-26')}/${id}/final-declaration`)).status).toBe(
      204,
    );
  });

  it("a supporting agent gets 403 for calculations and declarations (Ewan's agent)", async () => {
    const ewan = SEEDED.agentClients.supporting.nino;
    for (const res of [
      await agent.post(`${calcs(ewan, '2025-26')}/trigger/intent-to-finalise`),
      await agent.post(
        `${calcs(ewan, '2025-26')}/f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c/final-declaration`,
      ),
    ]) {
      expect(res).toMatchObject({ status: 403, body: { code: 'CLIENT_OR_AGENT_NOT_AUTHORISED' } });
    }
  });
});

describe('Isla: foreign property with foreign tax credit relief in the calculation', () => {
  const I = SEEDED.ukAndForeignLandlord;

  it('per country, with relief on the French tax and none where it is not claimed', async () => {
    const isla = await s.as(I);
    const id = await intentToFinalise(isla, I.nino);
    const doc = (await isla.get(`${calcs(I.nino, '2025-26')}/${id}`)).body as Calculation;
    expect(doc.calculation?.foreignPropertyIncome).toEqual([
      expect.objectContaining({
        countryCode: 'FRA',
        totalIncome: 9600,
        totalExpenses: 1800,
        taxableProfit: 7800,
      }),
      expect.objectContaining({
        countryCode: 'ESP',
        totalIncome: 6000,
        totalExpenses: 950,
        taxableProfit: 5050,
      }),
    ]);
    // Income 12,300 + 7,800 + 5,050 = 25,150; taxable 12,580 at 20% = 2,516. Finance costs:
    // 3,600 x 20% = 720. France: UK tax on its 7,800 is 1,560, so the 1,440 paid is relieved.
    const relief = doc.calculation?.reliefs?.foreignTaxCreditRelief;
    expect(relief).toMatchObject({
      totalForeignTaxCreditRelief: 1440,
      foreignTaxCreditReliefDetail: [
        expect.objectContaining({
          countryCode: 'FRA',
          foreignTax: 1440,
          ukLiabilityOnIncome: 1560,
          foreignTaxCredit: 1440,
        }),
      ],
    });
    expect(doc.calculation?.taxCalculation.incomeTax).toMatchObject({
      incomeTaxCharged: 2516,
      totalReliefs: 2160,
      incomeTaxDueAfterReliefs: 356,
    });
    expect(doc.messages.info?.map((m) => m.id)).toContain('PRACTICE-FTCR');
  });
});

describe("2026-27 in-year calculations validate against HMRC's 2026-27 (def4) schema", () => {
  it.each([
    ['Isla (UK and foreign property by property id)', SEEDED.ukAndForeignLandlord],
    ['Jude (a quarterly and a latent business)', SEEDED.latentSource],
    ['Gwen (Scottish rates)', SEEDED.scottishTaxpayer],
  ])('%s', async (_name, user) => {
    const api = await s.as(user);
    if (user === SEEDED.latentSource) {
      // The latent business's update comes without dates.
      const path = `/individuals/business/self-employment/${user.nino}/${SEEDED.latentSource.newBusinessId}/cumulative/2026-27`;
      expect(
        (
          await api.put(path, {
            periodIncome: { turnover: 3100 },
            periodExpenses: { consolidatedExpenses: 400 },
          })
        ).status,
      ).toBe(204);
    }
    if (user === SEEDED.scottishTaxpayer) {
      const path = `/individuals/business/self-employment/${user.nino}/${SEEDED.scottishTaxpayer.businessId}/cumulative/2026-27`;
      const body = {
        periodDates: { periodStartDate: '2026-04-06', periodEndDate: '2026-07-05' },
        periodIncome: { turnover: 15_000 },
      };
      expect((await api.put(path, body)).status).toBe(204);
    }
    const trigger = await api.post(`${calcs(user.nino, '2026-27')}/trigger/in-year`);
    expect(trigger.status, JSON.stringify(trigger.body)).toBe(202);
    s.clock.advance(CALCULATION_MS);
    // ApiClient checks the body against HMRC's retrieve schema for the year.
    const doc = (
      await api.get(
        `${calcs(user.nino, '2026-27')}/${(trigger.body as { calculationId: string }).calculationId}`,
      )
    ).body as Calculation;
    expect(doc.metadata.taxYear).toBe('2026-27');
    expect(doc.calculation).toBeDefined();
  });
});
