import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient } from './helpers/contract-client';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';

/**
 * Without Gov-Test-Scenario, HMRC's sandbox answers each endpoint's "N/A - DEFAULT" row: a
 * canned success that keeps nothing. Practice HMRC keeps state by default (as production
 * does) and answers like the sandbox when asked to. [reference §3.8; each endpoint's Test data]
 */
const A = SEEDED.individualA;
const se = (ty = '2026-27') =>
  `/individuals/business/self-employment/${A.nino}/${A.selfEmploymentId}/cumulative/${ty}`;
const calcs = `/individuals/calculations/${A.nino}/self-assessment/2026-27`;
const update = {
  periodDates: { periodStartDate: '2026-04-06', periodEndDate: '2026-10-05' },
  periodIncome: { turnover: 100 },
};

describe("answering as HMRC's sandbox does without Gov-Test-Scenario", () => {
  let s: Session;
  let alice: ApiClient;
  beforeAll(async () => {
    s = await startSession({ at: REFERENCE_NOW, withoutScenario: 'sandbox-default' });
    alice = await s.as(A);
  });
  afterAll(async () => {
    await s.practice.stop();
  });

  it('a PUT succeeds and stores nothing; STATEFUL still reaches the real state', async () => {
    const before = (await alice.get(se(), { scenario: 'STATEFUL' })).body;
    expect((await alice.put(se(), update)).status).toBe(204);
    expect((await alice.get(se(), { scenario: 'STATEFUL' })).body).toEqual(before);
    expect((await alice.put(se(), update, { scenario: 'STATEFUL' })).status).toBe(204);
  });

  it('validation still comes first', async () => {
    expect(await alice.put(se('2024-25'), update)).toMatchObject({
      status: 400,
      body: { code: 'RULE_TAX_YEAR_NOT_SUPPORTED' },
    });
  });

  it('reads answer with canned data', async () => {
    expect((await alice.get(`/individuals/business/details/${A.nino}/list`)).body).toEqual({
      listOfBusinesses: [
        {
          typeOfBusiness: 'self-employment',
          businessId: 'XBIS12345678901',
          tradingName: 'Practice Trading',
        },
      ],
    });
    const obligations = await alice.get(`/obligations/details/${A.nino}/income-and-expenditure`);
    expect(obligations.status).toBe(200);
    expect(obligations.body).toMatchObject({
      obligations: [{ businessId: 'XBIS12345678901', typeOfBusiness: 'self-employment' }],
    });
    const finals = await alice.get(`/obligations/details/${A.nino}/crystallisation`);
    expect(finals.body).toMatchObject({
      obligations: [{ periodStartDate: '2025-04-06', status: 'open' }],
    });
    expect((await alice.get(se())).status).toBe(200);
  });

  it('calculations: trigger, list and retrieve answer at once; the declaration succeeds', async () => {
    const triggered = await alice.post(`${calcs}/trigger/in-year`);
    expect(triggered.status).toBe(202);
    const id = (triggered.body as { calculationId: string }).calculationId;
    expect((await alice.get(calcs)).status).toBe(200);
    const calc = await alice.get(`${calcs}/${id}`);
    expect(calc.status).toBe(200);
    expect((calc.body as { metadata: { calculationId: string } }).metadata.calculationId).toBe(id);
    expect((await alice.post(`${calcs}/${id}/final-declaration`)).status).toBe(204);
    // Nothing was declared.
    expect(
      (
        await alice.get(`/obligations/details/${A.nino}/crystallisation?taxYear=2025-26`, {
          scenario: 'DYNAMIC',
        })
      ).body,
    ).toMatchObject({ obligations: [{ status: 'open' }] });
  });
});

describe('timing defaults follow HMRC, measured on the clock', () => {
  let s: Session;
  let alice: ApiClient;
  beforeAll(async () => {
    s = await startSession({ at: REFERENCE_NOW, calculationDelayMs: undefined });
    alice = await s.as(A);
  });
  afterAll(async () => {
    await s.practice.stop();
  });

  it('a calculation is ready 5 seconds after it is triggered [IC trigger.yaml]', async () => {
    const triggered = await alice.post(`${calcs}/trigger/in-year`);
    const id = (triggered.body as { calculationId: string }).calculationId;
    s.clock.advance(4_000);
    expect((await alice.get(`${calcs}/${id}`)).status).toBe(404);
    s.clock.advance(1_500);
    expect((await alice.get(`${calcs}/${id}`)).status).toBe(200);
  });
});
