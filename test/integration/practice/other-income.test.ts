import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PracticeTestUser } from '../../../src/practice/server';
import { type ApiClient } from './helpers/contract-client';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';

/**
 * Savings Income 2.0 (UK savings accounts), Dividends Income 2.0 (UK dividends) and Reliefs 3.0
 * (pension contributions, charitable giving) on Practice HMRC's state: what is sent is read
 * back, deletes remove it, and supporting agents are refused every one of these endpoints as
 * HMRC's configuration says. Every answer is checked against HMRC's schema by the client.
 * [SI/DI/RL conf/application.conf api.supporting-agent-endpoints]
 */
let s: Session;
let person: ApiClient;
let user: PracticeTestUser;
let nino: string;
beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW });
  user = s.practice.createIndividual({
    businesses: [{ typeOfBusiness: 'self-employment', commencementDate: '2015-01-01' }],
  });
  nino = user.nino as string;
  person = await s.as(user);
});
afterAll(async () => {
  await s.practice.stop();
});

describe('UK savings accounts', () => {
  const accounts = () => `/individuals/savings-income/uk-accounts/${nino}`;

  it('adds accounts, lists and renames them; a duplicate name is refused', async () => {
    expect((await person.get(accounts())).status).toBe(404);
    const added = await person.post(accounts(), { accountName: 'Rainy Day Saver' });
    expect(added.status).toBe(200);
    const id = (added.body as { savingsAccountId: string }).savingsAccountId;
    expect(id).toMatch(/^[A-Za-z0-9]{15}$/);
    expect(await person.post(accounts(), { accountName: 'Rainy Day Saver' })).toMatchObject({
      status: 400,
      body: { code: 'RULE_DUPLICATE_ACCOUNT_NAME' },
    });
    expect(
      (await person.put(`${accounts()}/account-name/${id}`, { accountName: 'Rainy Day' })).status,
    ).toBe(204);
    expect((await person.get(accounts())).body).toEqual({
      savingsAccounts: [{ savingsAccountId: id, accountName: 'Rainy Day' }],
    });
    expect((await person.get(`${accounts()}?savingsAccountId=${id}`)).status).toBe(200);
    expect((await person.get(`${accounts()}?savingsAccountId=ABCDEFGHIJKLMNO`)).status).toBe(404);
  });

  it('keeps an annual summary per account and tax year; an unknown account is 404', async () => {
    const added = await person.post(accounts(), { accountName: 'Bonus Saver' });
    const id = (added.body as { savingsAccountId: string }).savingsAccountId;
    const year = `${accounts()}/2025-26/${id}`;
    expect((await person.get(year)).status).toBe(404);
    expect(
      (await person.put(year, { taxedUkInterest: 10.5, untaxedUkInterest: 812.4 })).status,
    ).toBe(200);
    expect((await person.get(year)).body).toEqual({
      taxedUkInterest: 10.5,
      untaxedUkInterest: 812.4,
    });
    // A field left out is removed. [SI schemas/ukSavingsAccount/amend_request.json]
    await person.put(year, { untaxedUkInterest: 800 });
    expect((await person.get(year)).body).toEqual({ untaxedUkInterest: 800 });
    expect((await person.get(`${accounts()}/2026-27/${id}`)).status).toBe(404);
    expect(
      (await person.put(`${accounts()}/2025-26/ABCDEFGHIJKLMNO`, { untaxedUkInterest: 1 })).status,
    ).toBe(404);
  });
});

describe('UK dividends, pension contributions, charitable giving', () => {
  const cases = [
    {
      what: 'UK dividends',
      path: () => `/individuals/dividends-income/uk/${nino}/2025-26`,
      body: { ukDividends: 2500, otherUkDividends: 120.75 },
      putStatus: 200,
      readBack: (b: unknown) => expect(b).toEqual({ ukDividends: 2500, otherUkDividends: 120.75 }),
    },
    {
      what: 'pension contributions',
      path: () => `/individuals/reliefs/pensions/${nino}/2025-26`,
      body: { pensionReliefs: { regularPensionContributions: 1600 } },
      putStatus: 204,
      readBack: (b: unknown) =>
        expect(b).toEqual({
          submittedOn: expect.stringMatching(/^2026-11-29T/) as unknown,
          pensionReliefs: { regularPensionContributions: 1600 },
        }),
    },
    {
      what: 'charitable giving',
      path: () => `/individuals/reliefs/charitable-giving/${nino}/2025-26`,
      body: { giftAidPayments: { totalAmount: 400 } },
      putStatus: 204,
      readBack: (b: unknown) => expect(b).toEqual({ giftAidPayments: { totalAmount: 400 } }),
    },
  ];

  it.each(cases)('$what: created, read back, deleted', async (c) => {
    expect((await person.get(c.path())).status).toBe(404);
    expect((await person.put(c.path(), c.body)).status).toBe(c.putStatus);
    c.readBack((await person.get(c.path())).body);
    expect((await person.delete(c.path())).status).toBe(204);
    expect((await person.get(c.path())).status).toBe(404);
    expect((await person.delete(c.path())).status).toBe(404);
  });

  it('outside the amendment window nothing changes: RULE_OUTSIDE_AMENDMENT_WINDOW', async () => {
    const saved = s.clock.now();
    s.clock.set(Date.parse('2028-02-01T12:00:00Z'));
    try {
      const late = await s.as(user);
      expect(
        await late.put(`/individuals/dividends-income/uk/${nino}/2025-26`, { ukDividends: 1 }),
      ).toMatchObject({ status: 400, body: { code: 'RULE_OUTSIDE_AMENDMENT_WINDOW' } });
    } finally {
      s.clock.set(saved);
    }
  });
});

describe('agents', () => {
  let agent: ApiClient;
  beforeAll(async () => {
    agent = await s.as(SEEDED.agent);
  });
  const C = SEEDED.agentClients;

  it('a supporting agent is refused savings, dividends, pensions and Gift Aid', async () => {
    const n = C.supporting.nino;
    for (const call of [
      () => agent.get(`/individuals/savings-income/uk-accounts/${n}`),
      () => agent.post(`/individuals/savings-income/uk-accounts/${n}`, { accountName: 'X' }),
      () => agent.put(`/individuals/dividends-income/uk/${n}/2025-26`, { ukDividends: 1 }),
      () => agent.get(`/individuals/reliefs/pensions/${n}/2025-26`),
      () => agent.delete(`/individuals/reliefs/charitable-giving/${n}/2025-26`),
    ]) {
      expect(await call()).toMatchObject({
        status: 403,
        body: { code: 'CLIENT_OR_AGENT_NOT_AUTHORISED' },
      });
    }
  });

  it('a main agent sends a client’s dividends', async () => {
    const path = `/individuals/dividends-income/uk/${C.mainSelfEmployed.nino}/2025-26`;
    expect((await agent.put(path, { ukDividends: 300 })).status).toBe(200);
    expect((await agent.get(path)).body).toEqual({ ukDividends: 300 });
  });
});
