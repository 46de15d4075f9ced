import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, codeOf } from './helpers/contract-client';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';

/**
 * Business Source Adjustable Summary 7.0 over HTTP: trigger, list, retrieve and adjust for the
 * three business types, and the adjustments changing HMRC's calculation of the year. Every
 * answer is checked against HMRC's schemas by the client.
 */
const CALCULATION_MS = 5_000;
const BSAS = '/individuals/self-assessment/adjustable-summary';
let s: Session;

beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW, calculationDelayMs: CALCULATION_MS, standing: true });
});
afterAll(async () => {
  await s.practice.stop();
});

interface CalcEntry {
  incomeSourceId?: string;
  countryCode?: string;
  taxableProfit?: number;
}

async function calculation(api: ApiClient, nino: string, ty: string) {
  const res = await api.post(
    `/individuals/calculations/${nino}/self-assessment/${ty}/trigger/in-year`,
  );
  expect(res.status).toBe(202);
  s.clock.advance(CALCULATION_MS);
  const id = (res.body as { calculationId: string }).calculationId;
  return (await api.get(`/individuals/calculations/${nino}/self-assessment/${ty}/${id}`)).body as {
    calculation: { businessProfitAndLoss?: CalcEntry[]; foreignPropertyIncome?: CalcEntry[] };
  };
}

async function profitOf(api: ApiClient, nino: string, businessId: string): Promise<number> {
  const doc = await calculation(api, nino, '2025-26');
  const entry = doc.calculation.businessProfitAndLoss?.find((b) => b.incomeSourceId === businessId);
  return entry?.taxableProfit ?? NaN;
}

function triggerBody(typeOfBusiness: string, businessId: string, ty = '2025') {
  const next = Number(ty) + 1;
  return {
    accountingPeriod: { startDate: `${ty}-04-06`, endDate: `${next}-04-05` },
    typeOfBusiness,
    businessId,
  };
}

async function trigger(api: ApiClient, nino: string, type: string, businessId: string) {
  const res = await api.post(`${BSAS}/${nino}/trigger`, triggerBody(type, businessId));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { calculationId: string }).calculationId;
}

describe('self-employment', () => {
  const A = SEEDED.individualA;

  it('an adjustment changes the year’s profit in HMRC’s calculation; a new summary drops it', async () => {
    const alice = await s.as(A);
    const before = await profitOf(alice, A.nino, A.selfEmploymentId);
    const id = await trigger(alice, A.nino, 'self-employment', A.selfEmploymentId);
    const retrieve = `${BSAS}/${A.nino}/self-employment/${id}/2025-26`;
    const unadjusted = (await alice.get(retrieve)).body as {
      metadata: { summaryStatus: string };
      adjustableSummaryCalculation: { income: { turnover: number }; taxableProfit: number };
    };
    expect(unadjusted.metadata.summaryStatus).toBe('valid');
    expect(unadjusted.adjustableSummaryCalculation.income.turnover).toBe(42_360);
    expect(unadjusted.adjustableSummaryCalculation.taxableProfit).toBe(before);

    const adjust = `${BSAS}/${A.nino}/self-employment/${id}/adjust/2025-26`;
    const body = { income: { turnover: -1000 }, expenses: { costOfGoods: 500 } };
    expect((await alice.post(adjust, body)).status).toBe(200);
    expect(await profitOf(alice, A.nino, A.selfEmploymentId)).toBe(before - 1500);
    const adjusted = (await alice.get(retrieve)).body as {
      adjustments: unknown;
      adjustedSummaryCalculation: { income: { turnover: number }; taxableProfit: number };
    };
    expect(adjusted.adjustments).toEqual(body);
    expect(adjusted.adjustedSummaryCalculation.income.turnover).toBe(41_360);
    expect(adjusted.adjustedSummaryCalculation.taxableProfit).toBe(before - 1500);

    // A summary is adjusted once.
    expect(codeOf((await alice.post(adjust, body)).body)).toBe('RULE_ALREADY_ADJUSTED');

    // BISS, the running summary, shows the adjusted year.
    const biss = await alice.get(
      `/individuals/self-assessment/income-summary/${A.nino}/self-employment/2025-26/${A.selfEmploymentId}`,
    );
    expect(Math.floor((biss.body as { profit: { taxable: number } }).profit.taxable)).toBe(
      before - 1500,
    );

    const list = (await alice.get(`${BSAS}/${A.nino}/2025-26?typeOfBusiness=self-employment`))
      .body as { businessSources: { summaries: { adjustedSummary: boolean }[] }[] };
    expect(list.businessSources[0]?.summaries[0]?.adjustedSummary).toBe(true);

    // A new summary supersedes the adjusted one: its adjustments no longer count.
    const second = await trigger(alice, A.nino, 'self-employment', A.selfEmploymentId);
    expect(codeOf((await alice.post(adjust, { income: { other: 1 } })).body)).toBe(
      'RULE_SUMMARY_STATUS_SUPERSEDED',
    );
    expect(await profitOf(alice, A.nino, A.selfEmploymentId)).toBe(before);
    expect(second).not.toBe(id);
  });

  it('refuses a summary of another type, and adjustments that break HMRC’s rules', async () => {
    const alice = await s.as(A);
    const id = await trigger(alice, A.nino, 'self-employment', A.selfEmploymentId);
    const adjust = `${BSAS}/${A.nino}/self-employment/${id}/adjust/2025-26`;
    const cases: [unknown, number, string][] = [
      [{ income: { turnover: -50_000 } }, 400, 'RULE_RESULTING_VALUE_NOT_PERMITTED'],
      [
        { expenses: { costOfGoods: 1, consolidatedExpenses: 2 } },
        400,
        'RULE_BOTH_EXPENSES_SUPPLIED',
      ],
      [{ zeroAdjustments: true, income: { other: 1 } }, 400, 'RULE_BOTH_ADJUSTMENTS_SUPPLIED'],
      [{ zeroAdjustments: false }, 400, 'RULE_ZERO_ADJUSTMENTS_INVALID'],
      [{ income: { turnover: 0 } }, 400, 'FORMAT_VALUE'],
      [{ income: { turnover: 1.234 } }, 400, 'FORMAT_VALUE'],
      [{}, 400, 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await alice.post(adjust, body);
      expect([res.status, codeOf(res.body)], JSON.stringify(body)).toEqual([status, code]);
    }
    const wrongType = await alice.get(`${BSAS}/${A.nino}/uk-property/${id}/2025-26`);
    expect([wrongType.status, codeOf(wrongType.body)]).toEqual([
      400,
      'RULE_TYPE_OF_BUSINESS_INCORRECT',
    ]);
    const badId = await alice.get(`${BSAS}/${A.nino}/self-employment/not-an-id/2025-26`);
    expect(codeOf(badId.body)).toBe('FORMAT_CALCULATION_ID');
    const unknown = await alice.get(
      `${BSAS}/${A.nino}/self-employment/0b6c8b5e-1f1a-4c7e-9d1e-1a2b3c4d5e6f/2025-26`,
    );
    expect([unknown.status, codeOf(unknown.body)]).toEqual([404, 'MATCHING_RESOURCE_NOT_FOUND']);
    // A zero-adjustments submission is accepted and changes nothing.
    expect((await alice.post(adjust, { zeroAdjustments: true })).status).toBe(200);
  });

  it.each([
    [
      'a period that is not the tax year',
      {
        ...triggerBody('self-employment', SEEDED.individualA.selfEmploymentId),
        accountingPeriod: { startDate: '2025-05-01', endDate: '2026-04-05' },
      },
      400,
      'RULE_ACCOUNTING_PERIOD_NOT_ALIGNED',
    ],
    [
      'an end before the start',
      {
        ...triggerBody('self-employment', SEEDED.individualA.selfEmploymentId),
        accountingPeriod: { startDate: '2026-04-06', endDate: '2025-04-05' },
      },
      400,
      'RULE_END_DATE_BEFORE_START_DATE',
    ],
    [
      'a year that has not ended',
      triggerBody('self-employment', SEEDED.individualA.selfEmploymentId, '2026'),
      400,
      'RULE_ACCOUNTING_PERIOD_NOT_ENDED',
    ],
    [
      'the wrong type for the business',
      triggerBody('uk-property', SEEDED.individualA.selfEmploymentId),
      404,
      'MATCHING_RESOURCE_NOT_FOUND',
    ],
    [
      'FHL from 2025-26',
      triggerBody('uk-property-fhl', SEEDED.individualA.ukPropertyId),
      400,
      'FORMAT_TYPE_OF_BUSINESS',
    ],
    [
      'a bad date',
      {
        ...triggerBody('self-employment', SEEDED.individualA.selfEmploymentId),
        accountingPeriod: { startDate: '2025-04-31', endDate: '2026-04-05' },
      },
      400,
      'FORMAT_START_DATE',
    ],
    [
      'before 2019-20',
      triggerBody('self-employment', SEEDED.individualA.selfEmploymentId, '2018'),
      400,
      'RULE_ACCOUNTING_PERIOD_NOT_SUPPORTED',
    ],
  ])('trigger with %s', async (_what, body, status, code) => {
    const alice = await s.as(SEEDED.individualA);
    const res = await alice.post(`${BSAS}/${SEEDED.individualA.nino}/trigger`, body);
    expect([res.status, codeOf(res.body)]).toEqual([status, code]);
  });
});

describe('property', () => {
  it('a UK property adjustment changes the property profit', async () => {
    const A = SEEDED.individualA;
    const alice = await s.as(A);
    const before = await profitOf(alice, A.nino, A.ukPropertyId);
    const id = await trigger(alice, A.nino, 'uk-property', A.ukPropertyId);
    const unadjusted = await alice.get(`${BSAS}/${A.nino}/uk-property/${id}/2025-26`);
    expect(unadjusted.status).toBe(200);
    const res = await alice.post(`${BSAS}/${A.nino}/uk-property/${id}/adjust/2025-26`, {
      ukProperty: { expenses: { repairsAndMaintenance: 250 } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await profitOf(alice, A.nino, A.ukPropertyId)).toBe(before - 250);
  });

  it('a foreign property adjustment changes that country’s profit only', async () => {
    const I = SEEDED.ukAndForeignLandlord;
    const isla = await s.as(I);
    const country = async (code: string) =>
      (await calculation(isla, I.nino, '2025-26')).calculation.foreignPropertyIncome?.find(
        (c) => c.countryCode === code,
      )?.taxableProfit;
    const [fra, esp] = [await country('FRA'), await country('ESP')];
    const id = await trigger(isla, I.nino, 'foreign-property', I.foreignPropertyId);
    const adjust = `${BSAS}/${I.nino}/foreign-property/${id}/adjust/2025-26`;
    const dup = await isla.post(adjust, {
      foreignProperty: {
        countryLevelDetail: [
          { countryCode: 'FRA', income: { totalRentsReceived: -600 } },
          { countryCode: 'FRA', income: { totalRentsReceived: -600 } },
        ],
      },
    });
    expect(codeOf(dup.body)).toBe('RULE_DUPLICATE_COUNTRY_CODE');
    const res = await isla.post(adjust, {
      foreignProperty: {
        countryLevelDetail: [{ countryCode: 'FRA', income: { totalRentsReceived: -600 } }],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await country('FRA')).toBe((fra ?? NaN) - 600);
    expect(await country('ESP')).toBe(esp);
    const retrieved = await isla.get(`${BSAS}/${I.nino}/foreign-property/${id}/2025-26`);
    expect(retrieved.status).toBe(200);
  });

  it('a supporting agent may use the summaries', async () => {
    const E = SEEDED.agentClients.supporting;
    const agent = await s.as(SEEDED.agent);
    const res = await agent.get(`${BSAS}/${E.nino}/2025-26`);
    // Allowed through authorisation: the answer is about the data, not the relationship.
    expect(codeOf(res.body)).not.toBe('CLIENT_OR_AGENT_NOT_AUTHORISED');
  });
});
