import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, codeOf, errorCodesOf } from './helpers/contract-client';
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
const ie = (query = '') => `/obligations/details/${A.nino}/income-and-expenditure${query}`;
type Details = {
  periodStartDate: string;
  periodEndDate: string;
  dueDate: string;
  status: string;
  receivedDate?: string;
}[];
type IE = {
  obligations: { typeOfBusiness: string; businessId: string; obligationDetails: Details }[];
};

describe('Income and expenditure obligations (Obligations 3.0) [reference §5.2]', () => {
  it('derives 2025-26 from the submissions: fulfilled, due on the 5th, received dates set', async () => {
    const res = await alice.get(
      ie(
        `?typeOfBusiness=self-employment&businessId=${A.selfEmploymentId}&fromDate=2025-04-06&toDate=2026-04-05`,
      ),
    );
    expect(res.status).toBe(200);
    expect((res.body as IE).obligations).toEqual([
      {
        typeOfBusiness: 'self-employment',
        businessId: A.selfEmploymentId,
        obligationDetails: [
          {
            periodStartDate: '2025-04-06',
            periodEndDate: '2025-07-05',
            dueDate: '2025-08-05',
            receivedDate: '2025-07-28',
            status: 'fulfilled',
          },
          {
            periodStartDate: '2025-04-06',
            periodEndDate: '2025-10-05',
            dueDate: '2025-11-05',
            receivedDate: '2025-10-30',
            status: 'fulfilled',
          },
          {
            periodStartDate: '2025-04-06',
            periodEndDate: '2026-01-05',
            dueDate: '2026-02-05',
            receivedDate: '2026-01-29',
            status: 'fulfilled',
          },
          {
            periodStartDate: '2025-04-06',
            periodEndDate: '2026-04-05',
            dueDate: '2026-05-05',
            receivedDate: '2026-04-20',
            status: 'fulfilled',
          },
        ],
      },
    ]);
  });

  it('2026-27: due on the 7th; Q1 fulfilled, later quarters open', async () => {
    const res = await alice.get(
      ie(
        `?typeOfBusiness=self-employment&businessId=${A.selfEmploymentId}&fromDate=2026-04-06&toDate=2027-04-05`,
      ),
    );
    const details = (res.body as IE).obligations[0]?.obligationDetails as Details;
    expect(details.map((d) => [d.periodEndDate, d.dueDate, d.status])).toEqual([
      ['2026-07-05', '2026-08-07', 'fulfilled'],
      ['2026-10-05', '2026-11-07', 'open'],
      ['2027-01-05', '2027-02-07', 'open'],
      ['2027-04-05', '2027-05-07', 'open'],
    ]);
  });

  it('a catch-up update fulfils every obligation its end date reaches', async () => {
    const u = s.practice.createIndividual({
      businesses: [{ typeOfBusiness: 'self-employment', commencementDate: '2012-01-01' }],
    });
    const api = await s.as(u);
    const id = u.businesses?.[0]?.businessId as string;
    await api.put(`/individuals/business/self-employment/${u.nino}/${id}/cumulative/2026-27`, {
      periodDates: { periodStartDate: '2026-04-06', periodEndDate: '2026-10-05' },
      periodIncome: { turnover: 100 },
    });
    const year = `/obligations/details/${u.nino}/income-and-expenditure?fromDate=2026-04-06&toDate=2027-04-05`;
    // HMRC may take up to an hour to show an obligation fulfilled. [reference §5.2]
    const before = (await api.get(year)).body as IE;
    expect(before.obligations[0]?.obligationDetails.map((d) => d.status)).toEqual([
      'open',
      'open',
      'open',
      'open',
    ]);
    s.clock.advance(60 * 60_000);
    const res = await api.get(year);
    const details = (res.body as IE).obligations[0]?.obligationDetails as Details;
    expect(details.slice(0, 2).map((d) => [d.status, d.receivedDate])).toEqual([
      ['fulfilled', '2026-11-29'],
      ['fulfilled', '2026-11-29'],
    ]);
    expect(details[2]?.status).toBe('open');
  });

  it('calendar quarters in their first year start on 6 April; deadlines do not change', async () => {
    const bilal = await s.as(SEEDED.individualB);
    const res = await bilal.get(
      `/obligations/details/${SEEDED.individualB.nino}/income-and-expenditure?fromDate=2026-04-06&toDate=2027-04-05`,
    );
    const obligations = (res.body as IE).obligations;
    expect(obligations).toHaveLength(2);
    expect(
      obligations[0]?.obligationDetails.map((d) => [d.periodStartDate, d.periodEndDate, d.dueDate]),
    ).toEqual([
      ['2026-04-06', '2026-06-30', '2026-08-07'],
      ['2026-04-06', '2026-09-30', '2026-11-07'],
      ['2026-04-06', '2026-12-31', '2027-02-07'],
      ['2026-04-06', '2027-03-31', '2027-05-07'],
    ]);
  });

  it('status=open returns only open obligations', async () => {
    const res = await alice.get(ie('?status=open'));
    const all = (res.body as IE).obligations.flatMap((o) => o.obligationDetails);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((d) => d.status === 'open')).toBe(true);
  });

  it.each([
    ['?typeOfBusiness=partnership', ['FORMAT_TYPE_OF_BUSINESS']],
    ['?typeOfBusiness=self-employment&businessId=123', ['FORMAT_BUSINESS_ID']],
    ['?businessId=XAIS10000000001', ['MISSING_TYPE_OF_BUSINESS']],
    ['?fromDate=2026-4-6&toDate=2027-04-05', ['FORMAT_FROM_DATE']],
    ['?fromDate=2026-04-06&toDate=tomorrow', ['FORMAT_TO_DATE']],
    ['?fromDate=2026-04-06', ['MISSING_TO_DATE']],
    ['?toDate=2026-04-06', ['MISSING_FROM_DATE']],
    ['?fromDate=2026-04-06&toDate=2026-04-05', ['RANGE_TO_DATE_BEFORE_FROM_DATE']],
    ['?fromDate=2025-04-06&toDate=2026-04-08', ['RULE_DATE_RANGE_INVALID']],
    ['?fromDate=2018-04-05&toDate=2018-05-05', ['RULE_FROM_DATE_NOT_SUPPORTED']],
    ['?status=late', ['FORMAT_STATUS']],
    ['?status=late&typeOfBusiness=x', ['FORMAT_STATUS', 'FORMAT_TYPE_OF_BUSINESS']],
  ])('%s -> 400 %j', async (query, codes) => {
    const res = await alice.get(ie(query));
    expect(res.status).toBe(400);
    expect(errorCodesOf(res.body).sort()).toEqual([...codes].sort());
  });

  // HMRC filters its answer by business id and reports an empty result as NO_OBLIGATIONS_FOUND.
  // [OB RetrievePeriodicObligationsControllerISpec.scala "no selected businessId is found within
  // the response object"]
  it("nothing matching, or someone else's business -> 404 NO_OBLIGATIONS_FOUND", async () => {
    expect(await alice.get(ie('?fromDate=2019-04-06&toDate=2020-04-05'))).toMatchObject({
      status: 404,
      body: { code: 'NO_OBLIGATIONS_FOUND' },
    });
    expect(
      await alice.get(ie('?typeOfBusiness=self-employment&businessId=XAIS20000000001')),
    ).toMatchObject({
      status: 404,
      body: { code: 'NO_OBLIGATIONS_FOUND' },
    });
  });

  it.each([
    ['INSOLVENT_TRADER', 400, 'RULE_INSOLVENT_TRADER'],
    ['NOT_FOUND', 404, 'MATCHING_RESOURCE_NOT_FOUND'],
    ['NO_OBLIGATIONS_FOUND', 404, 'NO_OBLIGATIONS_FOUND'],
  ])('Gov-Test-Scenario %s -> %i %s', async (scenario, status, code) => {
    const res = await alice.get(ie(), { scenario });
    expect(res.status).toBe(status);
    expect(codeOf(res.body)).toBe(code);
  });
});

describe('Final declaration (crystallisation) obligations', () => {
  it('one per tax year, due 31 January; 2025-26 open until declared', async () => {
    const res = await alice.get(`/obligations/details/${A.nino}/crystallisation`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      obligations: [
        {
          periodStartDate: '2025-04-06',
          periodEndDate: '2026-04-05',
          dueDate: '2027-01-31',
          status: 'open',
        },
        {
          periodStartDate: '2026-04-06',
          periodEndDate: '2027-04-05',
          dueDate: '2028-01-31',
          status: 'open',
        },
      ],
    });
  });

  it('filters by taxYear and status; validates them', async () => {
    const one = await alice.get(`/obligations/details/${A.nino}/crystallisation?taxYear=2025-26`);
    expect((one.body as { obligations: unknown[] }).obligations).toHaveLength(1);
    expect(
      codeOf(
        (await alice.get(`/obligations/details/${A.nino}/crystallisation?taxYear=2016-17`)).body,
      ),
    ).toBe('RULE_TAX_YEAR_NOT_SUPPORTED');
    expect(
      codeOf(
        (await alice.get(`/obligations/details/${A.nino}/crystallisation?taxYear=2025-27`)).body,
      ),
    ).toBe('RULE_TAX_YEAR_RANGE_INVALID');
    expect(
      codeOf(
        (await alice.get(`/obligations/details/${A.nino}/crystallisation?status=fulfilled`)).body,
      ),
    ).toBe('NO_OBLIGATIONS_FOUND');
  });
});
