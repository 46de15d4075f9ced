import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient, codeOf } from './helpers/contract-client';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';

/**
 * Every business income source as HMRC sees it: the ITSA status of each seeded person, updates
 * sent with or without dates as that status (or a latent source) requires, foreign property as a
 * third kind of business with its obligations, and the quarterly period type locked once the
 * year's first update is in. [reference §3.5, §5.1-§5.3; SAID ITSA_Status_retrieve.yaml; SE/PB
 * cumulative errors; BD quarterly_period_type_create_amend.yaml]
 */
let s: Session;
beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW, obligationFulfilmentDelayMs: 0 });
});
afterAll(async () => {
  await s.practice.stop();
});

const status = (nino: string, ty: string, query = '') =>
  `/individuals/person/itsa-status/${nino}/${ty}${query}`;
const seCumulative = (nino: string, id: string, ty = '2025-26') =>
  `/individuals/business/self-employment/${nino}/${id}/cumulative/${ty}`;

describe('Retrieve ITSA Status: one seeded person for each status', () => {
  it.each([
    ['Alice', 'MTD Mandated', SEEDED.individualA],
    ['Bilal', 'MTD Voluntary', SEEDED.individualB],
    ['Gwen (Scottish)', 'MTD Mandated', SEEDED.scottishTaxpayer],
    ['Harri', 'Annual', SEEDED.annualStatus],
    ['Isla', 'MTD Voluntary', SEEDED.ukAndForeignLandlord],
    ['Kit', 'No Status', SEEDED.itsaStatuses.noStatus],
    ['Lena', 'Digitally Exempt', SEEDED.itsaStatuses.digitallyExempt],
    ['Milo', 'Dormant', SEEDED.itsaStatuses.dormant],
    ['Nadia', 'MTD Exempt', SEEDED.itsaStatuses.mtdExempt],
  ])('%s: %s for 2026-27', async (_name, expected, user) => {
    const api = await s.as(user);
    const res = await api.get(status(user.nino, '2026-27'));
    expect(res.body).toEqual({
      itsaStatuses: [
        {
          taxYear: '2026-27',
          itsaStatusDetails: [
            { submittedOn: expect.any(String), status: expected, statusReason: expect.any(String) },
          ],
        },
      ],
    });
  });

  it('futureYears and history: every later year, and every decision for each', async () => {
    const alice = await s.as(SEEDED.individualA);
    const res = await alice.get(
      status(SEEDED.individualA.nino, '2025-26', '?futureYears=true&history=TRUE'),
    );
    expect(
      (
        res.body as { itsaStatuses: { taxYear: string; itsaStatusDetails: { status: string }[] }[] }
      ).itsaStatuses.map((y) => [y.taxYear, y.itsaStatusDetails.map((d) => d.status)]),
    ).toEqual([
      ['2025-26', ['MTD Voluntary']],
      ['2026-27', ['MTD Mandated']],
    ]);
  });

  it('before the MTD start year there is no status (404); bad flags are FORMAT_FUTURE_YEARS / FORMAT_HISTORY', async () => {
    const alice = await s.as(SEEDED.individualA);
    expect((await alice.get(status(SEEDED.individualA.nino, '2024-25'))).status).toBe(404);
    const bad = await alice.get(
      status(SEEDED.individualA.nino, '2025-26', '?futureYears=yes&history=1'),
    );
    expect(bad.body).toMatchObject({
      code: 'INVALID_REQUEST',
      errors: [{ code: 'FORMAT_FUTURE_YEARS' }, { code: 'FORMAT_HISTORY' }],
    });
  });

  it('a status set through the Test Support API is what Retrieve ITSA Status then gives', async () => {
    const u = s.practice.createIndividual({ businesses: [{ typeOfBusiness: 'self-employment' }] });
    const api = await s.as(u);
    const set = await api.post(
      `/individuals/self-assessment-test-support/itsa-status/${u.nino}/2026-27`,
      {
        itsaStatusDetails: [
          {
            submittedOn: '2026-04-06T09:00:00.000Z',
            status: 'MTD Voluntary',
            statusReason: 'MTD ITSA Opt-In',
          },
          {
            submittedOn: '2026-06-01T09:00:00.000Z',
            status: 'Annual',
            statusReason: 'MTD ITSA Opt-Out',
          },
        ],
      },
    );
    expect(set.status).toBe(204);
    const res = await api.get(status(u.nino as string, '2026-27', '?history=true'));
    expect(res.body).toMatchObject({
      itsaStatuses: [{ itsaStatusDetails: [{ status: 'MTD Voluntary' }, { status: 'Annual' }] }],
    });
  });
});

describe('updates with or without dates', () => {
  const withDates = {
    periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2026-04-05' },
    periodIncome: { turnover: 24_500, other: 0 },
  };
  const withoutDates = {
    periodIncome: { turnover: 24_500, other: 0 },
    periodExpenses: { consolidatedExpenses: 3000 },
  };

  it('an "annual" customer: with dates -> RULE_START_AND_END_DATE_NOT_ALLOWED; without -> 204; no quarterly obligations', async () => {
    const H = SEEDED.annualStatus;
    const harri = await s.as(H);
    expect(codeOf((await harri.put(seCumulative(H.nino, H.businessId), withDates)).body)).toBe(
      'RULE_START_AND_END_DATE_NOT_ALLOWED',
    );
    expect((await harri.put(seCumulative(H.nino, H.businessId), withoutDates)).status).toBe(204);
    const back = await harri.get(seCumulative(H.nino, H.businessId));
    expect(back.body).toMatchObject({
      periodDates: { periodStartDate: '2025-04-06', periodEndDate: '2026-04-05' },
    });
    expect(
      codeOf(
        (await harri.get(`/obligations/details/${H.nino}/income-and-expenditure?status=open`)).body,
      ),
    ).toBe('NO_OBLIGATIONS_FOUND');
    // The final declaration is still due.
    expect(
      (await harri.get(`/obligations/details/${H.nino}/crystallisation?taxYear=2025-26`)).body,
    ).toMatchObject({
      obligations: [{ dueDate: '2027-01-31', status: 'open' }],
    });
  });

  it('a quarterly customer without dates -> RULE_MISSING_SUBMISSION_DATES', async () => {
    const A = SEEDED.individualA;
    const alice = await s.as(A);
    expect(
      codeOf(
        (await alice.put(seCumulative(A.nino, A.selfEmploymentId, '2026-27'), withoutDates)).body,
      ),
    ).toBe('RULE_MISSING_SUBMISSION_DATES');
  });

  it('a latent new business reports without dates; its established sister business with them', async () => {
    const J = SEEDED.latentSource;
    const jude = await s.as(J);
    const details = await jude.get(`/individuals/business/details/${J.nino}/${J.newBusinessId}`);
    expect(details.body).toMatchObject({
      latencyDetails: {
        taxYear1: '2026-27',
        latencyIndicator1: 'A',
        taxYear2: '2027-28',
        latencyIndicator2: 'A',
      },
    });
    const latent = seCumulative(J.nino, J.newBusinessId, '2026-27');
    const dated = {
      periodDates: { periodStartDate: '2026-05-01', periodEndDate: '2026-10-05' },
      periodIncome: { turnover: 4200 },
    };
    expect(codeOf((await jude.put(latent, dated)).body)).toBe(
      'RULE_START_AND_END_DATE_NOT_ALLOWED',
    );
    expect(
      (
        await jude.put(latent, {
          periodIncome: { turnover: 4200 },
          periodExpenses: { consolidatedExpenses: 900 },
        })
      ).status,
    ).toBe(204);
    const obligations = await jude.get(
      `/obligations/details/${J.nino}/income-and-expenditure?status=open`,
    );
    const ids = (obligations.body as { obligations: { businessId: string }[] }).obligations.map(
      (o) => o.businessId,
    );
    expect(ids).toEqual([J.establishedBusinessId]);
  });
});

describe('foreign property: a third kind of business', () => {
  const I = SEEDED.ukAndForeignLandlord;
  let isla: ApiClient;
  beforeAll(async () => {
    isla = await s.as(I);
  });

  it('is listed by Business Details, has quarterly obligations, and its 2026-27 properties are recorded', async () => {
    const list = await isla.get(`/individuals/business/details/${I.nino}/list`);
    expect(list.body).toEqual({
      listOfBusinesses: [
        { typeOfBusiness: 'uk-property', businessId: I.ukPropertyId },
        { typeOfBusiness: 'foreign-property', businessId: I.foreignPropertyId },
      ],
    });
    const obligations = await isla.get(
      `/obligations/details/${I.nino}/income-and-expenditure?typeOfBusiness=foreign-property&businessId=${I.foreignPropertyId}&fromDate=2026-04-06&toDate=2027-04-05`,
    );
    expect(obligations.body).toMatchObject({
      obligations: [
        {
          typeOfBusiness: 'foreign-property',
          obligationDetails: [
            { periodEndDate: '2026-07-05', status: 'fulfilled' },
            { periodEndDate: '2026-10-05', status: 'open' },
            { periodEndDate: '2027-01-05', status: 'open' },
            { periodEndDate: '2027-04-05', status: 'open' },
          ],
        },
      ],
    });
    const properties = await isla.get(
      `/individuals/business/property/foreign/${I.nino}/${I.foreignPropertyId}/details/2026-27`,
    );
    expect(properties.body).toMatchObject({
      foreignPropertyDetails: [
        { propertyId: I.propertyIds.france, countryCode: 'FRA' },
        { propertyId: I.propertyIds.spain, countryCode: 'ESP' },
      ],
    });
  });

  it('Q2 2026-27 by property id fulfils the foreign obligation; an id not recorded -> RULE_PROPERTY_ID_MISMATCH', async () => {
    const path = `/individuals/business/property/foreign/${I.nino}/${I.foreignPropertyId}/cumulative/2026-27`;
    const body = (ids: string[]) => ({
      fromDate: '2026-04-06',
      toDate: '2026-10-05',
      foreignProperty: ids.map((propertyId) => ({
        propertyId,
        income: {
          rentIncome: { rentAmount: 5200 },
          foreignTaxCreditRelief: true,
          foreignTaxPaidOrDeducted: 780,
        },
        expenses: { premisesRunningCosts: 410 },
      })),
    });
    expect(
      codeOf((await isla.put(path, body(['9b2c1d0e-8f7a-4b6c-9d5e-4f3a2b1c0d9e']))).body),
    ).toBe('RULE_PROPERTY_ID_MISMATCH');
    expect((await isla.put(path, body([I.propertyIds.france, I.propertyIds.spain]))).status).toBe(
      204,
    );
    const one = await isla.get(`${path}?propertyId=${I.propertyIds.spain}`);
    expect((one.body as { foreignProperty: unknown[] }).foreignProperty).toHaveLength(1);
    const obligations = await isla.get(
      `/obligations/details/${I.nino}/income-and-expenditure?typeOfBusiness=foreign-property&businessId=${I.foreignPropertyId}&fromDate=2026-04-06&toDate=2027-04-05`,
    );
    const q2 = (
      obligations.body as { obligations: { obligationDetails: { periodEndDate: string }[] }[] }
    ).obligations[0]?.obligationDetails.find((o) => o.periodEndDate === '2026-10-05');
    expect(q2).toMatchObject({ status: 'fulfilled', receivedDate: '2026-11-29' });
  });

  it('a UK property id on the foreign endpoints: RULE_TYPE_OF_BUSINESS_INCORRECT', async () => {
    const res = await isla.get(
      `/individuals/business/property/foreign/${I.nino}/${I.ukPropertyId}/cumulative/2025-26`,
    );
    expect(res).toMatchObject({ status: 400, body: { code: 'RULE_TYPE_OF_BUSINESS_INCORRECT' } });
  });
});

describe('the quarterly period type is locked once the year has an update', () => {
  it('Alice (2026-27 Q1 sent): a change is refused with RULE_BUSINESS_ID_STATE_CONFLICT and Business Details still shows the type in force', async () => {
    const A = SEEDED.individualA;
    const alice = await s.as(A);
    const res = await alice.put(
      `/individuals/business/details/${A.nino}/${A.selfEmploymentId}/2026-27`,
      {
        quarterlyPeriodType: 'calendar',
      },
    );
    expect(res).toMatchObject({ status: 400, body: { code: 'RULE_BUSINESS_ID_STATE_CONFLICT' } });
    const details = await alice.get(
      `/individuals/business/details/${A.nino}/${A.selfEmploymentId}`,
    );
    expect(details.body).not.toHaveProperty('quarterlyTypeChoice');
    // Her property business has no 2026-27 update yet: it may still change.
    expect(
      (
        await alice.put(`/individuals/business/details/${A.nino}/${A.ukPropertyId}/2026-27`, {
          quarterlyPeriodType: 'calendar',
        })
      ).status,
    ).toBe(204);
    expect(
      (await alice.get(`/individuals/business/details/${A.nino}/${A.ukPropertyId}`)).body,
    ).toMatchObject({
      quarterlyTypeChoice: { quarterlyPeriodType: 'calendar', taxYearOfChoice: '2026-27' },
    });
  });
});
