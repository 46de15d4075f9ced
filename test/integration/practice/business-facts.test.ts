import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, codeOf, errorCodesOf } from './helpers/contract-client';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';

/**
 * Business facts for a year from Business Details 2.0: accounting type (cash or accruals, which
 * supporting agents may not see or change), periods of account, and the late accounting date
 * rule (disapply after the year has ended, for accounts made up to 31 March-4 April; an election
 * lasts five years). [BD accounting_type.yaml, periods_of_account.yaml, *_late_accounting_date_rule.yaml;
 * conf/application.conf supporting-agent-endpoints]
 */
let s: Session;
let agent: ApiClient;
beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW });
  agent = await s.as(SEEDED.agent);
});
afterAll(async () => {
  await s.practice.stop();
});

const bd = (nino: string, id: string, ty: string, rest: string) =>
  `/individuals/business/details/${nino}/${id}/${ty}/${rest}`;

describe('accounting type', () => {
  const C = SEEDED.agentClients;

  it('a main agent reads and changes it; the type is kept per tax year', async () => {
    const path = bd(C.mainLandlord.nino, C.mainLandlord.businessId, '2026-27', 'accounting-type');
    expect((await agent.get(path)).body).toEqual({ accountingType: 'CASH' });
    expect((await agent.put(path, { accountingType: 'ACCRUAL' })).status).toBe(204);
    expect((await agent.get(path)).body).toEqual({ accountingType: 'ACCRUAL' });
    const earlier = bd(
      C.mainLandlord.nino,
      C.mainLandlord.businessId,
      '2025-26',
      'accounting-type',
    );
    expect((await agent.get(earlier)).body).toEqual({ accountingType: 'CASH' });
  });

  it('a supporting agent may neither read nor change it: 403 CLIENT_OR_AGENT_NOT_AUTHORISED', async () => {
    const path = bd(C.supporting.nino, C.supporting.businessId, '2026-27', 'accounting-type');
    expect(await agent.get(path)).toMatchObject({
      status: 403,
      body: { code: 'CLIENT_OR_AGENT_NOT_AUTHORISED' },
    });
    expect(await agent.put(path, { accountingType: 'CASH' })).toMatchObject({ status: 403 });
    // The same agent may still read the business itself, which supporting agents can.
    expect(
      (await agent.get(`/individuals/business/details/${C.supporting.nino}/list`)).status,
    ).toBe(200);
  });

  it('outside the amendment window it cannot change: RULE_OUTSIDE_AMENDMENT_WINDOW', async () => {
    const saved = s.clock.now();
    // 2024-25's window closes on 31 January 2027.
    s.clock.set(Date.parse('2027-02-01T12:00:00Z'));
    try {
      const late = await s.as(SEEDED.agent);
      const path = bd(C.mainLandlord.nino, C.mainLandlord.businessId, '2024-25', 'accounting-type');
      expect(await late.put(path, { accountingType: 'ACCRUAL' })).toMatchObject({
        status: 400,
        body: { code: 'RULE_OUTSIDE_AMENDMENT_WINDOW' },
      });
    } finally {
      s.clock.set(saved);
    }
  });

  it('a property business on the cash basis with more than £150,000 of income gets a calculation warning', async () => {
    const u = s.practice.createIndividual({
      businesses: [{ typeOfBusiness: 'uk-property', commencementDate: '2010-01-01' }],
    });
    const api = await s.as(u);
    const id = u.businesses?.[0]?.businessId as string;
    const put = await api.put(
      `/individuals/business/property/uk/${u.nino}/${id}/cumulative/2026-27`,
      {
        fromDate: '2026-04-06',
        toDate: '2026-10-05',
        ukProperty: { income: { periodAmount: 160_000 } },
      },
    );
    expect(put.status).toBe(204);
    const calcs = `/individuals/calculations/${u.nino}/self-assessment/2026-27`;
    const trigger = await api.post(`${calcs}/trigger/in-year`);
    s.clock.advance(60_000);
    const doc = await api.get(
      `${calcs}/${(trigger.body as { calculationId: string }).calculationId}`,
    );
    expect((doc.body as { messages: { warnings: { id: string }[] } }).messages.warnings).toEqual([
      expect.objectContaining({ id: 'PRACTICE-CASH-BASIS' }),
    ]);
    expect(
      (
        await api.put(bd(u.nino as string, id, '2026-27', 'accounting-type'), {
          accountingType: 'ACCRUAL',
        })
      ).status,
    ).toBe(204);
    const again = await api.post(`${calcs}/trigger/in-year`);
    s.clock.advance(60_000);
    const fixed = await api.get(
      `${calcs}/${(again.body as { calculationId: string }).calculationId}`,
    );
    expect(fixed.body).not.toHaveProperty('messages.warnings');
  });
});

describe('periods of account (self-employment only)', () => {
  const G = SEEDED.scottishTaxpayer;
  let gwen: ApiClient;
  beforeAll(async () => {
    gwen = await s.as(G);
  });

  it('are declared and read back; none declared is 404', async () => {
    const path = bd(G.nino, G.businessId, '2025-26', 'periods-of-account');
    expect((await gwen.get(path)).status).toBe(404);
    const body = {
      periodsOfAccount: true,
      periodsOfAccountDates: [{ startDate: '2025-04-01', endDate: '2026-03-31' }],
    };
    expect((await gwen.put(path, body)).status).toBe(204);
    expect((await gwen.get(path)).body).toEqual({ submittedOn: expect.any(String), ...body });
  });

  it('a property business id is 404; a period beyond the tax year is RULE_END_DATE', async () => {
    const I = SEEDED.ukAndForeignLandlord;
    const isla = await s.as(I);
    expect(
      (
        await isla.put(bd(I.nino, I.ukPropertyId, '2025-26', 'periods-of-account'), {
          periodsOfAccount: false,
        })
      ).status,
    ).toBe(404);
    const res = await gwen.put(bd(G.nino, G.businessId, '2025-26', 'periods-of-account'), {
      periodsOfAccount: true,
      periodsOfAccountDates: [{ startDate: '2025-04-01', endDate: '2026-04-30' }],
    });
    expect(res.body).toMatchObject({
      code: 'RULE_END_DATE',
      paths: ['/periodsOfAccountDates/0/endDate'],
    });
  });
});

describe('late accounting date rule', () => {
  const G = SEEDED.scottishTaxpayer;
  const A = SEEDED.individualA;
  const ladr = (nino: string, id: string, ty: string, action = '') =>
    bd(nino, id, ty, `late-accounting-date-rule-election${action}`);

  it('Gwen (accounts to 31 March) disapplies it for 2025-26; the election covers five years', async () => {
    const gwen = await s.as(G);
    expect((await gwen.get(ladr(G.nino, G.businessId, '2025-26'))).body).toEqual({
      disapply: false,
      eligible: true,
    });
    expect((await gwen.post(ladr(G.nino, G.businessId, '2025-26', '/disapply'))).status).toBe(204);
    expect((await gwen.get(ladr(G.nino, G.businessId, '2027-28'))).body).toEqual({
      disapply: true,
      eligible: true,
      taxYearOfElection: '2025-26',
      taxYearElectionExpires: '2029-30',
    });
  });

  it('not before the year has ended, unless temporal checks are suspended; then a later change is refused', async () => {
    const gwen = await s.as(G);
    const later = ladr(G.nino, G.businessId, '2026-27', '/disapply');
    expect(codeOf((await gwen.post(later)).body)).toBe('RULE_TAX_YEAR_NOT_ENDED');
    expect(
      await gwen.post(later, undefined, { headers: { 'suspend-temporal-validations': 'true' } }),
    ).toMatchObject({ status: 422, body: { code: 'RULE_ELECTION_PERIOD_NOT_EXPIRED' } });
    expect((await gwen.delete(ladr(G.nino, G.businessId, '2025-26', '/withdraw'))).status).toBe(
      204,
    );
    expect((await gwen.get(ladr(G.nino, G.businessId, '2025-26'))).body).toMatchObject({
      disapply: false,
    });
  });

  it("Alice's joinery has no accounting date in the window; a property business is not self-employment", async () => {
    const alice = await s.as(A);
    expect(
      await alice.post(ladr(A.nino, A.selfEmploymentId, '2025-26', '/disapply')),
    ).toMatchObject({
      status: 422,
      body: { code: 'RULE_NO_ACCOUNTING_DATE_FOUND' },
    });
    expect(await alice.post(ladr(A.nino, A.ukPropertyId, '2025-26', '/disapply'))).toMatchObject({
      status: 422,
      body: { code: 'RULE_TYPE_OF_BUSINESS_INCORRECT' },
    });
    const bad = await alice.post(ladr(A.nino, 'XAIS1234', '2023-24', '/disapply'));
    expect(errorCodesOf(bad.body)).toEqual(['FORMAT_BUSINESS_ID', 'RULE_TAX_YEAR_NOT_SUPPORTED']);
  });
});
