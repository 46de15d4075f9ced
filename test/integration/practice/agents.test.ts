import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, codeOf } from './helpers/contract-client';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';

let s: Session;
let agent: ApiClient;
let alice: ApiClient;
const C = SEEDED.agentClients;

beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW });
  agent = await s.as(SEEDED.agent);
  alice = await s.as(SEEDED.individualA);
});
afterAll(async () => {
  await s.practice.stop();
});

const se = (nino: string, id: string) => ({
  path: `/individuals/business/self-employment/${nino}/${id}/cumulative/2026-27`,
  body: {
    periodDates: { periodStartDate: '2026-04-06', periodEndDate: '2026-07-05' },
    periodIncome: { turnover: 1200, other: 0 },
    periodExpenses: { consolidatedExpenses: 300 },
  },
});

describe('who may act for a NINO [reference §2.10]', () => {
  it('an individual only for their own NINO', async () => {
    expect(
      (await alice.get(`/individuals/business/details/${SEEDED.individualA.nino}/list`)).status,
    ).toBe(200);
    const other = await alice.get(`/individuals/business/details/${SEEDED.individualB.nino}/list`);
    expect(other).toMatchObject({
      status: 403,
      body: {
        code: 'CLIENT_OR_AGENT_NOT_AUTHORISED',
        message: 'The client or agent is not authorised',
      },
    });
  });

  it('a NINO not signed up to MTD -> 403 CLIENT_OR_AGENT_NOT_AUTHORISED', async () => {
    expect(codeOf((await agent.get('/individuals/business/details/ZA999999A/list')).body)).toBe(
      'CLIENT_OR_AGENT_NOT_AUTHORISED',
    );
  });

  it('a main agent can do everything for their client, including calculations', async () => {
    const { path, body } = se(C.mainSelfEmployed.nino, C.mainSelfEmployed.businessId);
    expect((await agent.put(path, body)).status).toBe(204);
    expect(
      (await agent.get(`/obligations/details/${C.mainSelfEmployed.nino}/income-and-expenditure`))
        .status,
    ).toBe(200);
    expect(
      (
        await agent.post(
          `/individuals/calculations/${C.mainSelfEmployed.nino}/self-assessment/2026-27/trigger/in-year`,
        )
      ).status,
    ).toBe(202);
  });

  it('a supporting agent can send updates but not use Individual Calculations or the final declaration', async () => {
    const { path, body } = se(C.supporting.nino, C.supporting.businessId);
    expect((await agent.put(path, body)).status).toBe(204);
    expect(
      (await agent.get(`/individuals/business/details/${C.supporting.nino}/list`)).status,
    ).toBe(200);
    const calcs = `/individuals/calculations/${C.supporting.nino}/self-assessment/2026-27`;
    expect(await agent.post(`${calcs}/trigger/in-year`)).toMatchObject({
      status: 403,
      body: { code: 'CLIENT_OR_AGENT_NOT_AUTHORISED' },
    });
    expect(await agent.get(calcs)).toMatchObject({
      status: 403,
      body: { code: 'CLIENT_OR_AGENT_NOT_AUTHORISED' },
    });
    expect(
      await agent.post(`${calcs}/f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c/final-declaration`),
    ).toMatchObject({ status: 403, body: { code: 'CLIENT_OR_AGENT_NOT_AUTHORISED' } });
  });

  it('a client who has not authorised the agent -> 403 on every API', async () => {
    const { path, body } = se(C.notAuthorised.nino, C.notAuthorised.businessId);
    expect(codeOf((await agent.put(path, body)).body)).toBe('CLIENT_OR_AGENT_NOT_AUTHORISED');
    expect(
      codeOf(
        (await agent.get(`/obligations/details/${C.notAuthorised.nino}/crystallisation`)).body,
      ),
    ).toBe('CLIENT_OR_AGENT_NOT_AUTHORISED');
  });

  it('once the client authorises the agent, access follows', async () => {
    const u = s.practice.createIndividual({ businesses: [{ typeOfBusiness: 'uk-property' }] });
    const list = `/individuals/business/details/${u.nino}/list`;
    expect((await agent.get(list)).status).toBe(403);
    s.practice.authoriseAgent(SEEDED.agent.userId, u.nino as string, 'main');
    expect((await agent.get(list)).status).toBe(200);
  });

  it('the agent sees its clients in testUsers', () => {
    const a = s.practice.testUsers.find((u) => u.userId === SEEDED.agent.userId);
    expect(a?.clients?.slice(0, 3).map((c) => [c.nino, c.relationship])).toEqual([
      [C.mainSelfEmployed.nino, 'main'],
      [C.mainLandlord.nino, 'main'],
      [C.supporting.nino, 'supporting'],
    ]);
  });
});
