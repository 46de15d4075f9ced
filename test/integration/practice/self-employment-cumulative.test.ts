import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type NewBusiness } from '../../../src/practice/server';
import { type ApiClient, codeOf, errorCodesOf } from './helpers/contract-client';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';

let s: Session;
beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW });
});
afterAll(async () => {
  await s.practice.stop();
});

/** A fresh sole trader, signed in, so each test owns its data. */
async function soleTrader(
  business: Partial<NewBusiness> = {},
): Promise<{ api: ApiClient; path: (ty?: string) => string; nino: string; businessId: string }> {
  const user = s.practice.createIndividual({
    mtdStartTaxYear: '2025-26',
    businesses: [
      {
        typeOfBusiness: 'self-employment',
        tradingName: 'Test Trade',
        commencementDate: '2015-01-01',
        ...business,
      },
    ],
  });
  const api = await s.as(user);
  const nino = user.nino as string;
  const businessId = user.businesses?.[0]?.businessId as string;
  return {
    api,
    nino,
    businessId,
    path: (ty = '2026-27') =>
      `/individuals/business/self-employment/${nino}/${businessId}/cumulative/${ty}`,
  };
}

function body(from: string, to: string, extra: Record<string, unknown> = {}) {
  return {
    periodDates: { periodStartDate: from, periodEndDate: to },
    periodIncome: { turnover: 15000.5, other: 0 },
    periodExpenses: { costOfGoods: 2000, adminCosts: 150.25 },
    ...extra,
  };
}

describe('PUT cumulative period summary: success and idempotency [reference §3.5, §5.3]', () => {
  it('stores a year-to-date update (204) and GET returns what was stored', async () => {
    const t = await soleTrader();
    const b = body('2026-04-06', '2026-10-05', {
      periodDisallowableExpenses: { adminCostsDisallowable: 20.1 },
    });
    const put = await t.api.put(t.path(), b);
    expect(put.status).toBe(204);
    expect(put.text).toBe('');
    const get = await t.api.get(t.path());
    expect(get.status).toBe(200);
    expect(get.body).toEqual(b);
  });

  it('is idempotent: the same body twice gives 204 both times and the same stored state', async () => {
    const t = await soleTrader();
    const b = body('2026-04-06', '2026-07-05');
    expect((await t.api.put(t.path(), b)).status).toBe(204);
    const first = (await t.api.get(t.path())).body;
    expect((await t.api.put(t.path(), b)).status).toBe(204);
    expect((await t.api.get(t.path())).body).toEqual(first);
  });

  it('replaces the previous update (corrections go into the next update)', async () => {
    const t = await soleTrader();
    await t.api.put(t.path(), body('2026-04-06', '2026-07-05'));
    const next = body('2026-04-06', '2026-10-05', {
      periodExpenses: { consolidatedExpenses: 999.99 },
    });
    expect((await t.api.put(t.path(), next)).status).toBe(204);
    expect((await t.api.get(t.path())).body).toEqual(next);
  });

  it('accepts more frequent (monthly) updates that end before a quarter end', async () => {
    const t = await soleTrader();
    expect((await t.api.put(t.path(), body('2026-04-06', '2026-10-31'))).status).toBe(204);
  });

  it('accepts the 2025-26 year too (the first cumulative year)', async () => {
    const t = await soleTrader();
    expect((await t.api.put(t.path('2025-26'), body('2025-04-06', '2026-04-05'))).status).toBe(204);
  });
});

describe('PUT cumulative: path and body validation [reference §3.3, §3.6]', () => {
  let t: Awaited<ReturnType<typeof soleTrader>>;
  beforeAll(async () => {
    t = await soleTrader();
  });

  it.each([
    ['2024-25', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    ['2025-27', 'RULE_TAX_YEAR_RANGE_INVALID'],
    ['2025', 'FORMAT_TAX_YEAR'],
  ])('tax year %s -> 400 %s', async (ty, code) => {
    const res = await t.api.put(t.path(ty), body('2026-04-06', '2026-07-05'));
    expect(res.status).toBe(400);
    expect(codeOf(res.body)).toBe(code);
  });

  it('FORMAT_NINO comes first, alone', async () => {
    const res = await t.api.put(
      `/individuals/business/self-employment/NOTANINO/XAIS1/cumulative/2025`,
      body('2026-04-06', '2026-07-05'),
    );
    expect(res).toMatchObject({ status: 400, body: { code: 'FORMAT_NINO' } });
  });

  // HMRC picks the request schema from the tax year first, so a bad tax year comes alone; the
  // business id and the body are then checked together. [SE
  // CreateAmendCumulativePeriodSummaryValidatorFactory.scala]
  it('a bad tax year is reported alone; business id and body errors together', async () => {
    const alone = await t.api.put(
      `/individuals/business/self-employment/${t.nino}/XAIS1/cumulative/2025`,
      body('2026-04-06', '2026-07-05'),
    );
    expect(alone).toMatchObject({ status: 400, body: { code: 'FORMAT_TAX_YEAR' } });
    const res = await t.api.put(
      `/individuals/business/self-employment/${t.nino}/XAIS1/cumulative/2026-27`,
      { periodDates: { periodStartDate: '2026-04-06' }, periodIncome: { turnover: 1 } },
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_REQUEST', message: 'Invalid request' });
    expect(errorCodesOf(res.body)).toEqual([
      'FORMAT_BUSINESS_ID',
      'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED',
    ]);
  });

  it('FORMAT_VALUE names every bad field as a JSON pointer; two ranges give two errors', async () => {
    const res = await t.api.put(
      t.path(),
      body('2026-04-06', '2026-07-05', {
        periodIncome: { turnover: -1, other: 1.234 },
        periodExpenses: { costOfGoods: 100_000_000_000 },
      }),
    );
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'INVALID_REQUEST',
      message: 'Invalid request',
      errors: [
        {
          code: 'FORMAT_VALUE',
          message: 'The value must be between 0 and 99999999999.99',
          // HMRC checks other before turnover. [SE Def1_CreateAmendCumulativePeriodSummaryRulesValidator.scala]
          paths: ['/periodIncome/other', '/periodIncome/turnover'],
        },
        {
          code: 'FORMAT_VALUE',
          message: 'The value must be between -99999999999.99 and 99999999999.99',
          paths: ['/periodExpenses/costOfGoods'],
        },
      ],
    });
  });

  it('a single error is not wrapped and carries its paths', async () => {
    const res = await t.api.put(
      t.path(),
      body('2026-04-06', '2026-07-05', { periodIncome: { turnover: 10.001 } }),
    );
    expect(res.body).toEqual({
      code: 'FORMAT_VALUE',
      message: 'The value must be between 0 and 99999999999.99',
      paths: ['/periodIncome/turnover'],
    });
  });

  it.each([
    ['an empty object', {}, undefined],
    [
      'an object holding only unknown fields',
      body('2026-04-06', '2026-07-05', { periodIncome: { bonus: 1 } }),
      ['/periodIncome'],
    ],
    [
      'a string that is not an amount',
      body('2026-04-06', '2026-07-05', { periodIncome: { turnover: '100x' } }),
      ['/periodIncome/turnover'],
    ],
    [
      'dates alone (HMRC wants two of dates, income and expenses)',
      { periodDates: { periodStartDate: '2026-04-06', periodEndDate: '2026-07-05' } },
      undefined,
    ],
    [
      'an empty nested object',
      body('2026-04-06', '2026-07-05', { periodExpenses: {} }),
      ['/periodExpenses'],
    ],
    [
      'a missing end date',
      { periodDates: { periodStartDate: '2026-04-06' }, periodIncome: { turnover: 1 } },
      ['/periodDates/periodEndDate'],
    ],
  ])('%s -> RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', async (_name, b, paths) => {
    const res = await t.api.put(t.path(), b);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED',
      ...(paths ? { paths } : {}),
    });
  });

  it('no body at all -> RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', async () => {
    const res = await t.api.call({ method: 'PUT', path: t.path() });
    expect(res).toMatchObject({
      status: 400,
      body: { code: 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED' },
    });
  });

  it('itemised and consolidated expenses together -> RULE_BOTH_EXPENSES_SUPPLIED', async () => {
    const res = await t.api.put(
      t.path(),
      body('2026-04-06', '2026-07-05', {
        periodExpenses: { consolidatedExpenses: 10, costOfGoods: 5 },
      }),
    );
    expect(res.body).toEqual({
      code: 'RULE_BOTH_EXPENSES_SUPPLIED',
      message: expect.any(String),
    });
  });

  // HMRC ignores fields it does not know, and reads amounts given as numeric strings.
  // [SE ResolveNonEmptyJsonObject.scala (not the strict resolver); Def1_..ValidatorSpec.scala]
  it('unknown fields are ignored (and not stored); numeric strings are amounts', async () => {
    const t = await soleTrader();
    const res = await t.api.put(
      t.path(),
      body('2026-04-06', '2026-07-05', {
        periodIncome: { turnover: '100.50', bonus: 1 },
        periodExtras: { tips: 5 },
      }),
    );
    expect(res.status).toBe(204);
    expect((await t.api.get(t.path())).body).toEqual({
      periodDates: { periodStartDate: '2026-04-06', periodEndDate: '2026-07-05' },
      periodIncome: { turnover: 100.5 },
      periodExpenses: { costOfGoods: 2000, adminCosts: 150.25 },
    });
  });

  it('end before start -> RULE_END_DATE_BEFORE_START_DATE', async () => {
    const res = await t.api.put(t.path(), body('2026-07-05', '2026-04-06'));
    expect(res).toMatchObject({ status: 400, body: { code: 'RULE_END_DATE_BEFORE_START_DATE' } });
  });

  it('impossible dates -> FORMAT_START_DATE / FORMAT_END_DATE', async () => {
    const res = await t.api.put(t.path(), body('2026-02-30', '2026-13-01'));
    expect(errorCodesOf(res.body).sort()).toEqual(['FORMAT_END_DATE', 'FORMAT_START_DATE']);
  });

  it('a property business id on the self-employment endpoint -> 404', async () => {
    const res = await t.api.put(
      `/individuals/business/self-employment/${SEEDED.individualA.nino}/${SEEDED.individualA.ukPropertyId}/cumulative/2026-27`,
      body('2026-04-06', '2026-07-05'),
    );
    expect(res).toMatchObject({ status: 403, body: { code: 'CLIENT_OR_AGENT_NOT_AUTHORISED' } });
    const alice = await s.as(SEEDED.individualA);
    const own = await alice.put(
      `/individuals/business/self-employment/${SEEDED.individualA.nino}/${SEEDED.individualA.ukPropertyId}/cumulative/2026-27`,
      body('2026-04-06', '2026-07-05'),
    );
    expect(own).toMatchObject({ status: 404, body: { code: 'MATCHING_RESOURCE_NOT_FOUND' } });
  });
});

describe('PUT cumulative: business rules, stateful [SE create_amend_cumulative_period_summary.yaml]', () => {
  it('start must be 6 April for standard quarters', async () => {
    const t = await soleTrader();
    const res = await t.api.put(t.path(), body('2026-04-01', '2026-07-05'));
    expect(res).toMatchObject({
      status: 400,
      body: { code: 'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE' },
    });
  });

  it('calendar quarters: 1 April, except in the first calendar year (6 April)', async () => {
    const t = await soleTrader({
      quarterlyPeriodType: 'calendar',
      periodTypeFromTaxYear: '2026-27',
    });
    expect((await t.api.put(t.path(), body('2026-04-01', '2026-06-30'))).body).toMatchObject({
      code: 'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    });
    expect((await t.api.put(t.path(), body('2026-04-06', '2026-06-30'))).status).toBe(204);
    const older = await soleTrader({
      quarterlyPeriodType: 'calendar',
      periodTypeFromTaxYear: '2025-26',
    });
    expect((await older.api.put(older.path(), body('2026-04-01', '2026-09-30'))).status).toBe(204);
  });

  it('end date after the reporting year -> RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE', async () => {
    const t = await soleTrader({
      quarterlyPeriodType: 'calendar',
      periodTypeFromTaxYear: '2025-26',
    });
    // 2025-26 is this business's first calendar year, so it starts on 6 April and ends on 31 March.
    const res = await t.api.put(t.path('2025-26'), body('2025-04-06', '2026-04-05'));
    expect(res).toMatchObject({
      status: 400,
      body: { code: 'RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE' },
    });
  });

  it('a business that started in the year must start its updates on its commencement date', async () => {
    const t = await soleTrader({ commencementDate: '2026-06-01' });
    const res = await t.api.put(t.path(), body('2026-04-06', '2026-07-05'));
    expect(res).toMatchObject({
      status: 400,
      body: { code: 'RULE_START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE' },
    });
    expect((await t.api.put(t.path(), body('2026-06-01', '2026-07-05'))).status).toBe(204);
  });

  it('more than 10 days before the period end -> RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED', async () => {
    const t = await soleTrader();
    const res = await t.api.put(t.path(), body('2026-04-06', '2027-01-05'));
    expect(res).toMatchObject({
      status: 400,
      body: { code: 'RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED' },
    });
  });

  it('within 10 days an advance update is allowed, but only up to the period end', async () => {
    // Sign in after moving the clock: a token issued "earlier" would have expired.
    s.clock.set(Date.parse('2026-12-28T12:00:00Z'));
    const t = await soleTrader();
    try {
      const early = await t.api.put(t.path(), body('2026-04-06', '2026-12-31'));
      expect(early).toMatchObject({
        status: 400,
        body: { code: 'RULE_ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE' },
      });
      expect((await t.api.put(t.path(), body('2026-04-06', '2027-01-05'))).status).toBe(204);
    } finally {
      s.clock.set(Date.parse(REFERENCE_NOW));
    }
  });

  it('the end date cannot move backwards', async () => {
    const t = await soleTrader();
    expect((await t.api.put(t.path(), body('2026-04-06', '2026-10-05'))).status).toBe(204);
    const res = await t.api.put(t.path(), body('2026-04-06', '2026-07-05'));
    expect(res).toMatchObject({
      status: 400,
      body: { code: 'RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS' },
    });
  });

  it('a quarterly customer must send dates -> RULE_MISSING_SUBMISSION_DATES', async () => {
    const t = await soleTrader();
    const res = await t.api.put(t.path(), {
      periodIncome: { turnover: 10 },
      periodExpenses: { costOfGoods: 1 },
    });
    expect(res).toMatchObject({ status: 400, body: { code: 'RULE_MISSING_SUBMISSION_DATES' } });
  });

  it('an annual customer must not send dates -> RULE_START_AND_END_DATE_NOT_ALLOWED; without dates it is accepted', async () => {
    const t = await soleTrader();
    const status = await t.api.post(
      `/individuals/self-assessment-test-support/itsa-status/${t.nino}/2026-27`,
      {
        itsaStatusDetails: [
          {
            submittedOn: '2026-04-01T09:00:00.000Z',
            status: 'Annual',
            statusReason: 'Sign up - return available',
          },
        ],
      },
    );
    expect(status.status).toBe(204);
    expect((await t.api.put(t.path(), body('2026-04-06', '2026-07-05'))).body).toMatchObject({
      code: 'RULE_START_AND_END_DATE_NOT_ALLOWED',
    });
    const noDates = { periodIncome: { turnover: 10 }, periodExpenses: { costOfGoods: 1 } };
    expect((await t.api.put(t.path(), noDates)).status).toBe(204);
    expect((await t.api.get(t.path())).body).toMatchObject({
      periodDates: { periodStartDate: '2026-04-06', periodEndDate: '2027-04-05' },
    });
  });

  it('after the amendment window -> RULE_OUTSIDE_AMENDMENT_WINDOW', async () => {
    s.clock.set(Date.parse('2028-02-01T12:00:00Z'));
    const t = await soleTrader();
    try {
      const res = await t.api.put(t.path('2025-26'), body('2025-04-06', '2026-04-05'));
      expect(res).toMatchObject({ status: 400, body: { code: 'RULE_OUTSIDE_AMENDMENT_WINDOW' } });
    } finally {
      s.clock.set(Date.parse(REFERENCE_NOW));
    }
  });
});

describe('Gov-Test-Scenario on the cumulative endpoints [reference §3.8]', () => {
  let t: Awaited<ReturnType<typeof soleTrader>>;
  beforeAll(async () => {
    t = await soleTrader();
  });

  it.each([
    ['NOT_FOUND', 404, 'MATCHING_RESOURCE_NOT_FOUND'],
    ['TAX_YEAR_NOT_SUPPORTED', 400, 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    ['BOTH_EXPENSES_SUPPLIED', 400, 'RULE_BOTH_EXPENSES_SUPPLIED'],
    [
      'START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE',
      400,
      'RULE_START_DATE_NOT_ALIGNED_TO_COMMENCEMENT_DATE',
    ],
    [
      'END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
      400,
      'RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    ],
    ['MISSING_SUBMISSION_DATES', 400, 'RULE_MISSING_SUBMISSION_DATES'],
    ['START_AND_END_DATE_NOT_ALLOWED', 400, 'RULE_START_AND_END_DATE_NOT_ALLOWED'],
    ['EARLY_DATA_SUBMISSION_NOT_ACCEPTED', 400, 'RULE_EARLY_DATA_SUBMISSION_NOT_ACCEPTED'],
    ['OUTSIDE_AMENDMENT_WINDOW', 400, 'RULE_OUTSIDE_AMENDMENT_WINDOW'],
    [
      'ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE',
      400,
      'RULE_ADVANCE_SUBMISSION_REQUIRES_PERIOD_END_DATE',
    ],
    [
      'SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS',
      400,
      'RULE_SUBMISSION_END_DATE_CANNOT_MOVE_BACKWARDS',
    ],
    [
      'START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
      400,
      'RULE_START_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
    ],
    ['NO_SUCH_SCENARIO', 400, 'RULE_INCORRECT_GOV_TEST_SCENARIO'],
  ])('PUT with %s -> %i %s', async (scenario, status, code) => {
    const res = await t.api.put(t.path(), body('2026-04-06', '2026-07-05'), { scenario });
    expect(res.status).toBe(status);
    expect(codeOf(res.body)).toBe(code);
  });

  it('STATEFUL is the real behaviour', async () => {
    expect(
      (await t.api.put(t.path(), body('2026-04-06', '2026-07-05'), { scenario: 'STATEFUL' }))
        .status,
    ).toBe(204);
  });

  it('scenarios apply after request validation (a bad body is still a bad body)', async () => {
    const res = await t.api.put(t.path(), {}, { scenario: 'NOT_FOUND' });
    expect(codeOf(res.body)).toBe('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED');
  });

  it('GET: CONSOLIDATED_EXPENSES and NOT_FOUND', async () => {
    const consolidated = await t.api.get(t.path(), { scenario: 'CONSOLIDATED_EXPENSES' });
    expect(consolidated.status).toBe(200);
    expect(consolidated.body).toMatchObject({
      periodExpenses: { consolidatedExpenses: expect.any(Number) },
    });
    expect(await t.api.get(t.path(), { scenario: 'NOT_FOUND' })).toMatchObject({
      status: 404,
      body: { code: 'MATCHING_RESOURCE_NOT_FOUND' },
    });
  });

  it('GET with nothing stored -> 404 MATCHING_RESOURCE_NOT_FOUND', async () => {
    const fresh = await soleTrader();
    expect(await fresh.api.get(fresh.path())).toMatchObject({
      status: 404,
      body: { code: 'MATCHING_RESOURCE_NOT_FOUND' },
    });
  });
});
