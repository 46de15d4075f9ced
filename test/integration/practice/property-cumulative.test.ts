import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, codeOf } from './helpers/contract-client';
import { REFERENCE_NOW, type Session, startSession } from './helpers/practice-session';

let s: Session;
let api: ApiClient;
let nino: string;
let propertyId: string;
let seId: string;
beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW });
  const user = s.practice.createIndividual({
    businesses: [
      { typeOfBusiness: 'uk-property', commencementDate: '2010-01-01' },
      {
        typeOfBusiness: 'self-employment',
        tradingName: 'Side line',
        commencementDate: '2010-01-01',
      },
    ],
  });
  nino = user.nino as string;
  propertyId = user.businesses?.[0]?.businessId as string;
  seId = user.businesses?.[1]?.businessId as string;
  api = await s.as(user);
});
afterAll(async () => {
  await s.practice.stop();
});

const path = (id = propertyId, ty = '2026-27') =>
  `/individuals/business/property/uk/${nino}/${id}/cumulative/${ty}`;

describe('UK property cumulative summary (Property Business 6.0) [reference §3.5]', () => {
  it('stores an update and GET returns it with submittedOn', async () => {
    const body = {
      fromDate: '2026-04-06',
      toDate: '2026-07-05',
      ukProperty: {
        income: { periodAmount: 4500.5, otherIncome: 0, rentARoom: { rentsReceived: 100 } },
        expenses: {
          premisesRunningCosts: 300,
          repairsAndMaintenance: -20.5,
          residentialFinancialCost: 800,
          rentARoom: { amountClaimed: 50 },
        },
      },
    };
    expect((await api.put(path(), body)).status).toBe(204);
    const get = await api.get(path());
    expect(get.status).toBe(200);
    expect(get.body).toEqual({
      ...body,
      submittedOn: expect.stringMatching(/^2026-11-29T\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
  });

  it('is idempotent: a retry keeps the same stored state, submittedOn included', async () => {
    const body = {
      fromDate: '2026-04-06',
      toDate: '2026-10-05',
      ukProperty: { income: { periodAmount: 9000 }, expenses: { consolidatedExpenses: 700 } },
    };
    expect((await api.put(path(), body)).status).toBe(204);
    const first = (await api.get(path())).body;
    s.clock.advance(1000);
    expect((await api.put(path(), body)).status).toBe(204);
    expect((await api.get(path())).body).toEqual(first);
  });

  it('consolidatedExpenses may sit beside finance costs and rent-a-room only', async () => {
    const ok = {
      fromDate: '2026-04-06',
      toDate: '2026-10-05',
      ukProperty: {
        expenses: {
          consolidatedExpenses: 1,
          residentialFinancialCost: 2,
          rentARoom: { amountClaimed: 3 },
        },
      },
    };
    expect((await api.put(path(), ok)).status).toBe(204);
    const both = { ...ok, ukProperty: { expenses: { consolidatedExpenses: 1, other: 2 } } };
    expect((await api.put(path(), both)).body).toMatchObject({
      code: 'RULE_BOTH_EXPENSES_SUPPLIED',
      paths: ['/ukProperty/expenses'],
    });
  });

  it('toDate before fromDate -> RULE_TO_DATE_BEFORE_FROM_DATE', async () => {
    const res = await api.put(path(), {
      fromDate: '2026-07-05',
      toDate: '2026-04-06',
      ukProperty: { income: { periodAmount: 1 } },
    });
    expect(res).toMatchObject({ status: 400, body: { code: 'RULE_TO_DATE_BEFORE_FROM_DATE' } });
  });

  it('bad dates -> FORMAT_FROM_DATE / FORMAT_TO_DATE', async () => {
    const res = await api.put(path(), {
      fromDate: '06/04/2026',
      toDate: '2026-07-05',
      ukProperty: { income: { periodAmount: 1 } },
    });
    expect(codeOf(res.body)).toBe('FORMAT_FROM_DATE');
  });

  it('ukProperty is required -> RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', async () => {
    const res = await api.put(path(), { fromDate: '2026-04-06', toDate: '2026-07-05' });
    expect(res.body).toMatchObject({
      code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED',
      paths: ['/ukProperty'],
    });
  });

  it('negative income -> FORMAT_VALUE with the path', async () => {
    const res = await api.put(path(), {
      fromDate: '2026-04-06',
      toDate: '2026-07-05',
      ukProperty: { income: { periodAmount: -5 } },
    });
    expect(res.body).toMatchObject({
      code: 'FORMAT_VALUE',
      paths: ['/ukProperty/income/periodAmount'],
    });
  });

  it('a self-employment business id -> RULE_TYPE_OF_BUSINESS_INCORRECT (PUT and GET)', async () => {
    const body = {
      fromDate: '2026-04-06',
      toDate: '2026-07-05',
      ukProperty: { income: { periodAmount: 1 } },
    };
    expect(await api.put(path(seId), body)).toMatchObject({
      status: 400,
      body: { code: 'RULE_TYPE_OF_BUSINESS_INCORRECT' },
    });
    expect(await api.get(path(seId))).toMatchObject({
      status: 400,
      body: { code: 'RULE_TYPE_OF_BUSINESS_INCORRECT' },
    });
  });

  it('an unknown business id -> 404 MATCHING_RESOURCE_NOT_FOUND', async () => {
    expect(await api.get(path('XPIS99999999999'))).toMatchObject({
      status: 404,
      body: { code: 'MATCHING_RESOURCE_NOT_FOUND' },
    });
  });

  it('shares the cumulative rules: early, start alignment, backwards', async () => {
    const b = (from: string, to: string) => ({
      fromDate: from,
      toDate: to,
      ukProperty: { income: { periodAmount: 1 } },
    });
    expect(codeOf((await api.put(path(), b('2026-04-06', '2027-04-05'))).body)).toBe(
      'RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED',
    );
    expect(codeOf((await api.put(path(), b('2026-05-01', '2026-07-05'))).body)).toBe(
      'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    );
    expect(codeOf((await api.put(path(), b('2026-04-06', '2026-07-05'))).body)).toBe(
      'RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS',
    );
  });

  it.each([
    ['UK_PROPERTY_CONSOLIDATED', 200, undefined],
    ['UK_PROPERTY_FULL_EXPENSES', 200, undefined],
    ['FOREIGN_PROPERTY', 400, 'RULE_TYPE_OF_BUSINESS_INCORRECT'],
    ['NOT_FOUND', 404, 'MATCHING_RESOURCE_NOT_FOUND'],
    ['TAX_YEAR_NOT_SUPPORTED', 400, 'RULE_TAX_YEAR_NOT_SUPPORTED'],
  ])('GET with Gov-Test-Scenario %s -> %i', async (scenario, status, code) => {
    const res = await api.get(path(), { scenario });
    expect(res.status).toBe(status);
    if (code) expect(codeOf(res.body)).toBe(code);
  });

  it('PUT has no BOTH_EXPENSES_SUPPLIED scenario (it is not in the property spec)', async () => {
    const res = await api.put(
      path(),
      { fromDate: '2026-04-06', toDate: '2026-11-05', ukProperty: { income: { periodAmount: 1 } } },
      { scenario: 'BOTH_EXPENSES_SUPPLIED' },
    );
    expect(codeOf(res.body)).toBe('RULE_INCORRECT_GOV_TEST_SCENARIO');
  });
});
