import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, errorCodesOf } from './helpers/contract-client';
import { linkUser, tokenRequest } from './helpers/grant-journey';
import { REFERENCE_NOW, type Session, startSession } from './helpers/practice-session';

let s: Session;
let appToken: string;
beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW });
  const res = await tokenRequest(s.practice.baseUrl, {
    client_id: 'ledgerlink-practice',
    client_secret: 'practice-secret-not-confidential',
    grant_type: 'client_credentials',
  });
  appToken = res.body.access_token as string;
});
afterAll(async () => {
  await s.practice.stop();
});

describe('Create Test User API shape (application-restricted)', () => {
  it('creates an individual who can sign in, then a test business via the Test Support API', async () => {
    const app = new ApiClient(s.practice.baseUrl, appToken);
    const created = await app.post('/create-test-user/individuals', {
      serviceNames: ['mtd-income-tax'],
    });
    expect(created.status).toBe(201);
    const user = created.body as { userId: string; password: string; nino: string };
    expect(user.nino).toMatch(/^[A-Z]{2}\d{6}[A-D]$/);
    const tokens = await linkUser(s.practice.baseUrl, user);
    const api = new ApiClient(s.practice.baseUrl, tokens.access_token);
    const business = await api.post(
      `/individuals/self-assessment-test-support/business/${user.nino}`,
      {
        typeOfBusiness: 'self-employment',
        tradingName: 'Test Trading',
        firstAccountingPeriodStartDate: '2026-04-06',
        firstAccountingPeriodEndDate: '2027-04-05',
        accountingType: 'CASH',
        commencementDate: '2020-04-06',
        businessAddressLineOne: '1 Test Street',
        businessAddressPostcode: 'TE1 1ST',
        businessAddressCountryCode: 'GB',
      },
    );
    expect(business.status).toBe(201);
    const id = (business.body as { businessId: string }).businessId;
    expect(id).toMatch(/^X[A-Z0-9]{1}IS[0-9]{11}$/);
    const list = await api.get(`/individuals/business/details/${user.nino}/list`);
    expect(list.body).toEqual({
      listOfBusinesses: [
        { typeOfBusiness: 'self-employment', businessId: id, tradingName: 'Test Trading' },
      ],
    });
    expect(
      (await api.delete(`/individuals/self-assessment-test-support/business/${user.nino}/${id}`))
        .status,
    ).toBe(204);
    expect(
      (await api.delete(`/individuals/self-assessment-test-support/business/${user.nino}/${id}`))
        .status,
    ).toBe(404);
  });

  it('creates an agent; a user token cannot use the application-restricted endpoint', async () => {
    const app = new ApiClient(s.practice.baseUrl, appToken);
    const agent = await app.post('/create-test-user/agents', { serviceNames: ['agent-services'] });
    expect(agent.status).toBe(201);
    expect(agent.body).toMatchObject({
      userId: expect.stringMatching(/^3\d{11}$/),
      arn: expect.any(String),
    });
    const userApi = await s.as(s.practice.createIndividual());
    expect(await userApi.post('/create-test-user/agents', { serviceNames: [] })).toMatchObject({
      status: 401,
      body: { code: 'INCORRECT_ACCESS_TOKEN_TYPE' },
    });
  });

  it('practice-only: POST /practice/individuals and POST /practice/agents/{userId}/clients', async () => {
    const app = new ApiClient(s.practice.baseUrl, appToken);
    const res = await app.post('/practice/individuals', {
      name: 'Priya Patel',
      businesses: [
        { typeOfBusiness: 'uk-property' },
        {
          typeOfBusiness: 'self-employment',
          tradingName: 'PP Design',
          quarterlyPeriodType: 'calendar',
        },
      ],
    });
    expect(res.status).toBe(201);
    const priya = res.body as { nino: string; businesses: { quarterlyPeriodType: string }[] };
    expect(priya.businesses.map((b) => b.quarterlyPeriodType)).toEqual(['standard', 'calendar']);
    const agent = s.practice.createAgent({ name: 'New Agent' });
    expect(
      (
        await app.post(`/practice/agents/${agent.userId}/clients`, {
          nino: priya.nino,
          relationship: 'supporting',
        })
      ).status,
    ).toBe(204);
    expect(s.practice.testUsers.find((u) => u.userId === agent.userId)?.clients?.[0]).toMatchObject(
      { nino: priya.nino, relationship: 'supporting' },
    );
  });
});

describe('Test Support API validation [TS business_create.yaml]', () => {
  let api: ApiClient;
  let nino: string;
  beforeAll(async () => {
    const u = s.practice.createIndividual({ businesses: [{ typeOfBusiness: 'uk-property' }] });
    nino = u.nino as string;
    api = await s.as(u);
  });
  const create = (body: unknown) =>
    api.post(`/individuals/self-assessment-test-support/business/${nino}`, body);

  it.each([
    [{ typeOfBusiness: 'partnership' }, ['FORMAT_TYPE_OF_BUSINESS']],
    [
      { typeOfBusiness: 'self-employment' },
      ['RULE_MISSING_BUSINESS_ADDRESS', 'RULE_MISSING_TRADING_NAME'],
    ],
    [{ typeOfBusiness: 'uk-property' }, ['RULE_PROPERTY_BUSINESS_ADDED']],
    [
      { typeOfBusiness: 'foreign-property', tradingName: 'x', businessAddressLineOne: 'y' },
      ['RULE_UNEXPECTED_BUSINESS_ADDRESS', 'RULE_UNEXPECTED_TRADING_NAME'],
    ],
    [
      { typeOfBusiness: 'foreign-property', commencementDate: '2030-01-01' },
      ['RULE_COMMENCEMENT_DATE_NOT_SUPPORTED'],
    ],
    [
      { typeOfBusiness: 'foreign-property', firstAccountingPeriodStartDate: '2026-04-06' },
      ['MISSING_FIRST_ACCOUNTING_PERIOD_END_DATE'],
    ],
    [
      {
        typeOfBusiness: 'foreign-property',
        firstAccountingPeriodStartDate: '2026-04-01',
        firstAccountingPeriodEndDate: '2027-03-31',
      },
      ['RULE_FIRST_ACCOUNTING_DATE_RANGE_INVALID'],
    ],
    [{ typeOfBusiness: 'foreign-property', accountingType: 'BARTER' }, ['FORMAT_ACCOUNTING_TYPE']],
    [{}, ['RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED']],
  ])('%j -> %j', async (body, codes) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(errorCodesOf(res.body).sort()).toEqual([...codes].sort());
  });

  it('creates a foreign property business (201)', async () => {
    expect(
      (await create({ typeOfBusiness: 'foreign-property', accountingType: 'ACCRUALS' })).status,
    ).toBe(201);
  });

  it('ITSA status validation', async () => {
    const path = `/individuals/self-assessment-test-support/itsa-status/${nino}/2026-27`;
    const bad = await api.post(path, {
      itsaStatusDetails: [
        { submittedOn: '2026-04-01', status: 'Sometimes', statusReason: 'Complex' },
      ],
    });
    expect(errorCodesOf(bad.body).sort()).toEqual(['FORMAT_STATUS', 'FORMAT_SUBMITTED_ON']);
    const dup = {
      submittedOn: '2026-04-01T00:00:00.000Z',
      status: 'Annual',
      statusReason: 'Complex',
    };
    expect(errorCodesOf((await api.post(path, { itsaStatusDetails: [dup, dup] })).body)).toEqual([
      'DUPLICATE_SUBMITTED_ON',
    ]);
  });
});
