import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, codeOf } from './helpers/contract-client';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';

let s: Session;
let alice: ApiClient;
beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW });
  alice = await s.as(SEEDED.individualA);
});
afterAll(async () => {
  await s.practice.stop();
});

const A = SEEDED.individualA;
const list = (nino: string = A.nino) => `/individuals/business/details/${nino}/list`;

describe('Business Details 2.0 [reference §3.4]', () => {
  it('lists the businesses with HMRC-format ids', async () => {
    const res = await alice.get(list());
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      listOfBusinesses: [
        {
          typeOfBusiness: 'self-employment',
          businessId: A.selfEmploymentId,
          tradingName: 'Ashworth Joinery',
        },
        { typeOfBusiness: 'uk-property', businessId: A.ukPropertyId },
      ],
    });
    for (const b of (res.body as { listOfBusinesses: { businessId: string }[] }).listOfBusinesses) {
      expect(b.businessId).toMatch(/^X[A-Z0-9]{1}IS[0-9]{11}$/);
    }
  });

  it('retrieves one business; unknown -> 404 NO_BUSINESS_FOUND; bad id -> FORMAT_BUSINESS_ID', async () => {
    const res = await alice.get(`/individuals/business/details/${A.nino}/${A.selfEmploymentId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      businessId: A.selfEmploymentId,
      typeOfBusiness: 'self-employment',
      commencementDate: '2016-09-01',
    });
    expect(
      await alice.get(`/individuals/business/details/${A.nino}/XAIS99999999999`),
    ).toMatchObject({ status: 404, body: { code: 'NO_BUSINESS_FOUND' } });
    expect(await alice.get(`/individuals/business/details/${A.nino}/nope`)).toMatchObject({
      status: 400,
      body: { code: 'FORMAT_BUSINESS_ID' },
    });
  });

  it.each([
    ['PROPERTY', 'uk-property'],
    ['FOREIGN_PROPERTY', 'foreign-property'],
    ['UNSPECIFIED', 'property-unspecified'],
  ])('list with Gov-Test-Scenario %s', async (scenario, type) => {
    const res = await alice.get(list(), { scenario });
    expect(
      (res.body as { listOfBusinesses: { typeOfBusiness: string }[] }).listOfBusinesses[0]
        ?.typeOfBusiness,
    ).toBe(type);
  });

  it('list NOT_FOUND, and a person with no businesses -> 404 MATCHING_RESOURCE_NOT_FOUND', async () => {
    expect(codeOf((await alice.get(list(), { scenario: 'NOT_FOUND' })).body)).toBe(
      'MATCHING_RESOURCE_NOT_FOUND',
    );
    const nobody = s.practice.createIndividual({});
    const api = await s.as(nobody);
    expect(await api.get(list(nobody.nino))).toMatchObject({
      status: 404,
      body: { code: 'MATCHING_RESOURCE_NOT_FOUND' },
    });
  });

  describe('create and amend quarterly period type', () => {
    let api: ApiClient;
    let nino: string;
    let id: string;
    beforeAll(async () => {
      const u = s.practice.createIndividual({
        businesses: [{ typeOfBusiness: 'self-employment', commencementDate: '2015-01-01' }],
      });
      nino = u.nino as string;
      id = u.businesses?.[0]?.businessId as string;
      api = await s.as(u);
    });
    const qpt = (ty = '2026-27', bid?: string) =>
      `/individuals/business/details/${nino}/${bid ?? id}/${ty}`;

    it('switches to calendar quarters for the current year, visible in retrieve and obligations', async () => {
      expect((await api.put(qpt(), { quarterlyPeriodType: 'calendar' })).status).toBe(204);
      const details = await api.get(`/individuals/business/details/${nino}/${id}`);
      expect(details.body).toMatchObject({
        quarterlyTypeChoice: { quarterlyPeriodType: 'calendar', taxYearOfChoice: '2026-27' },
      });
      const obligations = await api.get(
        `/obligations/details/${nino}/income-and-expenditure?fromDate=2026-04-06&toDate=2027-04-05`,
      );
      const ends = (
        obligations.body as {
          obligations: {
            obligationDetails: { periodStartDate: string; periodEndDate: string }[];
          }[];
        }
      ).obligations[0]?.obligationDetails;
      expect(ends?.map((o) => `${o.periodStartDate}..${o.periodEndDate}`)).toEqual([
        '2026-04-06..2026-06-30',
        '2026-04-06..2026-09-30',
        '2026-04-06..2026-12-31',
        '2026-04-06..2027-03-31',
      ]);
    });

    it('only the current tax year -> 422 RULE_REQUEST_CANNOT_BE_FULFILLED', async () => {
      expect(await api.put(qpt('2025-26'), { quarterlyPeriodType: 'calendar' })).toMatchObject({
        status: 422,
        body: { code: 'RULE_REQUEST_CANNOT_BE_FULFILLED' },
      });
    });

    it('locked after the first update of the year -> RULE_BUSINESS_ID_STATE_CONFLICT', async () => {
      const put = await api.put(
        `/individuals/business/self-employment/${nino}/${id}/cumulative/2026-27`,
        {
          periodDates: { periodStartDate: '2026-04-06', periodEndDate: '2026-06-30' },
          periodIncome: { turnover: 1 },
        },
      );
      expect(put.status).toBe(204);
      expect(await api.put(qpt(), { quarterlyPeriodType: 'standard' })).toMatchObject({
        status: 400,
        body: { code: 'RULE_BUSINESS_ID_STATE_CONFLICT' },
      });
    });

    it('unknown business -> 404 RULE_BUSINESS_ID_NOT_FOUND; bad body -> RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', async () => {
      expect(
        await api.put(qpt('2026-27', 'XAIS99999999999'), { quarterlyPeriodType: 'calendar' }),
      ).toMatchObject({ status: 404, body: { code: 'RULE_BUSINESS_ID_NOT_FOUND' } });
      expect(codeOf((await api.put(qpt(), { quarterlyPeriodType: 'monthly' })).body)).toBe(
        'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED',
      );
      expect(
        codeOf((await api.put(qpt('2026-28'), { quarterlyPeriodType: 'calendar' })).body),
      ).toBe('RULE_TAX_YEAR_RANGE_INVALID');
    });

    it.each([
      ['BUSINESS_ID_NOT_FOUND', 404, 'RULE_BUSINESS_ID_NOT_FOUND'],
      ['BUSINESS_ID_STATE_CONFLICT', 400, 'RULE_BUSINESS_ID_STATE_CONFLICT'],
      ['QUARTERLY_PERIOD_UPDATING', 400, 'RULE_QUARTERLY_PERIOD_UPDATING'],
    ])('Gov-Test-Scenario %s -> %i %s', async (scenario, status, code) => {
      const res = await api.put(qpt(), { quarterlyPeriodType: 'calendar' }, { scenario });
      expect(res.status).toBe(status);
      expect(codeOf(res.body)).toBe(code);
    });
  });
});
