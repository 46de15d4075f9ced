import { type HmrcCase, NINO_FIRST, REPOS, bad, err, withValue } from './case-types';

/** Self Employment Business 5.0 cumulative period summary: PUT and GET. */
const ISPEC =
  'it/test/v5/createAmendCumulativePeriodSummary/def1/Def1_CreateAmendCumulativePeriodSummaryControllerHipISpec.scala';
const VSPEC =
  'test/v5/createAmendCumulativePeriodSummary/def1/Def1_CreateAmendCumulativePeriodSummaryValidatorSpec.scala';
const FSPEC =
  'test/v5/createAmendCumulativePeriodSummary/CreateAmendCumulativePeriodSummaryValidatorFactorySpec.scala';
const GSPEC =
  'it/test/v5/retrieveCumulativePeriodSummary/def1/Def1_RetrieveCumulativePeriodSummaryHipISpec.scala';

const put = (body: unknown, p: { nino?: string; id?: string; ty?: string } = {}) => ({
  endpoint: 'se-put' as const,
  method: 'PUT' as const,
  path: `/individuals/business/self-employment/${p.nino ?? '{N}'}/${p.id ?? '{SE}'}/cumulative/${p.ty ?? '2025-26'}`,
  body,
});

const expenses = (values: number[]) =>
  Object.fromEntries(
    [
      'costOfGoods',
      'paymentsToSubcontractors',
      'wagesAndStaffCosts',
      'carVanTravelExpenses',
      'premisesRunningCosts',
      'maintenanceCosts',
      'adminCosts',
      'businessEntertainmentCosts',
      'advertisingCosts',
      'interestOnBankOtherLoans',
      'financeCharges',
      'irrecoverableDebts',
      'professionalFees',
      'depreciation',
      'otherExpenses',
    ].map((f, i) => [f, values[i]]),
  );
const disallowable = (values: number[]) =>
  Object.fromEntries(Object.entries(expenses(values)).map(([k, v]) => [`${k}Disallowable`, v]));

/** The ISpec's request body (figures as HMRC's test has them). */
const ispecBody = (exp: number[], dis: number[]) => ({
  periodDates: { periodStartDate: '2025-07-24', periodEndDate: '2026-02-24' },
  periodIncome: { turnover: 1000.99, other: 2000.99, taxTakenOffTradingIncome: 3000.99 },
  periodExpenses: expenses(exp),
  periodDisallowableExpenses: disallowable(dis),
});
const ISPEC_EXP = [
  1000.99, 1000.99, 1000.99, 1000.99, -99999.99, -1000.99, 1000.99, 1000.99, 1000.99, -1000.99,
  -1000.99, -1000.99, -99999999999.99, -1000.99, 1000.99,
];
const ISPEC_DIS = [
  1000.99, 1000.99, 1000.99, 1000.99, -1000.99, -999.99, 1000.99, 1000.99, 1000.99, -1000.99,
  -9999.99, -1000.99, 10000.89, -99999999999.99, 1000.99,
];

/** The validator spec's full body. */
const vBody = {
  periodDates: { periodStartDate: '2025-08-24', periodEndDate: '2025-09-24' },
  periodIncome: { turnover: 1000.99, other: 1001.99, taxTakenOffTradingIncome: 1002.99 },
  periodExpenses: expenses([
    1003.99, 1004.99, -1005.99, -1006.99, -1007.99, -1008.99, -1009.99, -1010.99, -1011.99,
    -1012.99, -1013.99, -1014.99, -1015.99, -1016.99, -1017.99,
  ]),
  periodDisallowableExpenses: disallowable([
    1018.99, 1019.99, -1020.99, -1021.99, -1022.99, -1023.99, -1024.99, -1025.99, -1026.99,
    -1027.99, -1028.99, -1029.99, -1030.99, -1031.99, -1032.99,
  ]),
};
const without = (...keys: string[]) => {
  const b: Record<string, unknown> = structuredClone(vBody);
  for (const k of keys) delete b[k];
  return b;
};
const MINIMUM_FIELDS =
  'You must provide information for at least 2 of periodDates, periodIncome, and expenses ' +
  '(periodExpenses and/or periodDisallowableExpenses). Zero values can be submitted when ' +
  'there is no income or expenses';
const minimum = bad(err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', undefined, MINIMUM_FIELDS));

const i = (test: string) => ({ repo: REPOS.se, file: ISPEC, test });
const v = (test: string, note?: string) => ({
  repo: REPOS.se,
  file: VSPEC,
  test,
  ...(note ? { note } : {}),
});
const ZERO_MAX = 'The value must be between 0 and 99999999999.99';
const NEG_MAX = 'The value must be between -99999999999.99 and 99999999999.99';

export const SELF_EMPLOYMENT_CASES: HmrcCase[] = [
  // Controller integration spec
  {
    source: i('return a 204 status code given a valid request'),
    ...put(ispecBody(ISPEC_EXP, ISPEC_DIS)),
    expect: 'passes',
  },
  {
    source: i('given an invalid NINO'),
    ...put(ispecBody(ISPEC_EXP, ISPEC_DIS), { nino: 'INVALID_NINO' }),
    expect: bad('FORMAT_NINO'),
  },
  {
    source: i('given an invalid business id'),
    ...put(ispecBody(ISPEC_EXP, ISPEC_DIS), { id: 'INVALID_BUSINESSID' }),
    expect: bad('FORMAT_BUSINESS_ID'),
  },
  {
    source: i('given an invalid Start date'),
    ...put({
      periodDates: { periodStartDate: '202019-08-24', periodEndDate: '2019-08-24' },
      periodIncome: { turnover: 1000.99, other: 2000.99, taxTakenOffTradingIncome: 3000.99 },
    }),
    expect: bad('FORMAT_START_DATE'),
  },
  {
    source: i('given an invalid End date'),
    ...put({
      periodDates: { periodStartDate: '2025-08-24', periodEndDate: '20119-08-24' },
      periodIncome: { turnover: 1000.99, other: 1000.99 },
    }),
    expect: bad('FORMAT_END_DATE'),
  },
  {
    source: i('given an end date which is before the provided start date'),
    ...put({
      periodDates: { periodStartDate: '2019-08-24', periodEndDate: '2019-06-24' },
      periodIncome: { turnover: 1000.99, other: 1000.99 },
    }),
    expect: bad('RULE_END_DATE_BEFORE_START_DATE'),
  },
  {
    source: i('given a single invalid amount'),
    ...put(
      withValue(
        ispecBody(ISPEC_EXP, ISPEC_DIS),
        '/periodDisallowableExpenses/professionalFeesDisallowable',
        -1000000000000.99,
      ),
    ),
    expect: bad(
      err('FORMAT_VALUE', ['/periodDisallowableExpenses/professionalFeesDisallowable'], NEG_MAX),
    ),
  },
  {
    source: i('multiple invalid amounts are provided'),
    ...put(
      // HMRC's -999999999999999.99 and -100000000000000.99 cannot be written exactly as
      // JavaScript numbers; these are as far out of range and exact.
      [
        ['/periodExpenses/premisesRunningCosts', -999999999999999.5],
        ['/periodExpenses/financeCharges', -100000000000000.5],
        ['/periodDisallowableExpenses/adminCostsDisallowable', 1000000000000.99],
        ['/periodDisallowableExpenses/professionalFeesDisallowable', -1000000000000.99],
      ].reduce<unknown>(
        (b, [p, x]) => withValue(b, p as string, x),
        ispecBody(ISPEC_EXP, ISPEC_DIS),
      ),
    ),
    expect: bad(
      err(
        'FORMAT_VALUE',
        [
          '/periodExpenses/premisesRunningCosts',
          '/periodExpenses/financeCharges',
          '/periodDisallowableExpenses/adminCostsDisallowable',
          '/periodDisallowableExpenses/professionalFeesDisallowable',
        ],
        NEG_MAX,
      ),
    ),
  },
  {
    source: i('given an empty body'),
    ...put({}),
    expect: bad('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'),
  },
  {
    source: i('given a body missing mandatory fields'),
    ...put({ periodDates: { periodEndDate: '2019-08-24' } }),
    expect: bad(err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', ['/periodDates/periodStartDate'])),
  },
  // Validator spec
  { source: v('given a valid request'), ...put(vBody), expect: 'passes' },
  {
    source: v('given a valid request with consolidated expenses (an amount as a string)'),
    ...put({
      ...without('periodDisallowableExpenses'),
      periodExpenses: { consolidatedExpenses: '999999999.99' },
    }),
    expect: 'passes',
  },
  {
    source: v('given a valid request a body containing only period dates and period incomes'),
    ...put(without('periodExpenses', 'periodDisallowableExpenses')),
    expect: 'passes',
  },
  {
    source: v('given a valid request a body without period disallowable expenses'),
    ...put(without('periodDisallowableExpenses')),
    expect: 'passes',
  },
  {
    source: v('given a valid request a body without period allowable expenses'),
    ...put(without('periodExpenses')),
    expect: 'passes',
  },
  {
    source: v('given a valid request body without period Dates'),
    ...put(without('periodDates')),
    expect: 'passes',
  },
  {
    source: v('given an invalid nino'),
    ...put(vBody, { nino: 'invalid' }),
    expect: bad('FORMAT_NINO'),
  },
  {
    source: v('given an invalid business id'),
    ...put(vBody, { id: 'invalid' }),
    expect: bad('FORMAT_BUSINESS_ID'),
  },
  {
    source: v('given an empty body'),
    ...put({}),
    expect: bad('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'),
  },
  {
    source: v('given a request a body containing only period dates'),
    ...put(without('periodIncome', 'periodExpenses', 'periodDisallowableExpenses')),
    expect: minimum,
  },
  {
    source: v('given a request a body containing only income'),
    ...put(without('periodDates', 'periodExpenses', 'periodDisallowableExpenses')),
    expect: minimum,
  },
  {
    source: v(
      'given a request a body containing only expenses (periodExpenses and periodDisallowableExpenses)',
    ),
    ...put(without('periodDates', 'periodIncome')),
    expect: minimum,
  },
  {
    source: v('given a request where expenses are empty'),
    ...put({ ...without('periodIncome'), periodExpenses: {}, periodDisallowableExpenses: {} }),
    expect: bad(
      err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', [
        '/periodExpenses',
        '/periodDisallowableExpenses',
      ]),
    ),
  },
  ...[
    '/periodIncome/turnover',
    '/periodIncome/other',
    '/periodIncome/taxTakenOffTradingIncome',
  ].map((path): HmrcCase => ({
    source: v(`given an invalid value for ${path} with a zero minimum`),
    ...put(withValue(vBody, path, 123.456)),
    expect: bad(err('FORMAT_VALUE', [path], ZERO_MAX)),
  })),
  ...[
    '/periodExpenses/adminCosts',
    '/periodExpenses/advertisingCosts',
    '/periodExpenses/businessEntertainmentCosts',
    '/periodExpenses/carVanTravelExpenses',
    '/periodExpenses/costOfGoods',
    '/periodExpenses/paymentsToSubcontractors',
    '/periodExpenses/wagesAndStaffCosts',
    '/periodDisallowableExpenses/adminCostsDisallowable',
    '/periodDisallowableExpenses/advertisingCostsDisallowable',
    '/periodDisallowableExpenses/businessEntertainmentCostsDisallowable',
    '/periodDisallowableExpenses/carVanTravelExpensesDisallowable',
    '/periodDisallowableExpenses/costOfGoodsDisallowable',
    '/periodDisallowableExpenses/otherExpensesDisallowable',
    '/periodDisallowableExpenses/paymentsToSubcontractorsDisallowable',
    '/periodDisallowableExpenses/professionalFeesDisallowable',
    '/periodDisallowableExpenses/wagesAndStaffCostsDisallowable',
  ].map((path): HmrcCase => ({
    source: v(`given an invalid value for ${path} with a negative minimum`),
    ...put(withValue(vBody, path, 123.456)),
    expect: bad(err('FORMAT_VALUE', [path], NEG_MAX)),
  })),
  {
    source: v('given a body with an invalid periodStartDate'),
    ...put(withValue(vBody, '/periodDates/periodStartDate', '2019-08-025')),
    expect: bad('FORMAT_START_DATE'),
  },
  {
    source: v('given a body with an invalid periodEndDate'),
    ...put(withValue(vBody, '/periodDates/periodEndDate', '2019-08-025')),
    expect: bad('FORMAT_END_DATE'),
  },
  {
    source: v('given a body with a period end date before period start date'),
    ...put({
      ...vBody,
      periodDates: { periodStartDate: '2020-08-25', periodEndDate: '2019-08-24' },
    }),
    expect: bad('RULE_END_DATE_BEFORE_START_DATE'),
  },
  {
    source: v('given a body with invalid periodStartDate and periodEndDate'),
    ...put({ ...vBody, periodDates: { periodStartDate: 'invalid', periodEndDate: 'invalid' } }),
    expect: bad('FORMAT_END_DATE', 'FORMAT_START_DATE'),
  },
  {
    source: v('given a body with a missing periodStartDate'),
    ...put(withValue(vBody, '/periodDates/periodStartDate', undefined)),
    expect: bad(err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', ['/periodDates/periodStartDate'])),
  },
  {
    source: v('given a body with a missing periodEndDate'),
    ...put(withValue(vBody, '/periodDates/periodEndDate', undefined)),
    expect: bad(err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', ['/periodDates/periodEndDate'])),
  },
  {
    source: v('given a body with expenses and consolidated expenses'),
    ...put(withValue(vBody, '/periodExpenses/consolidatedExpenses', 1000.99)),
    expect: bad('RULE_BOTH_EXPENSES_SUPPLIED'),
  },
  {
    source: v('given a body with disallowable expenses and consolidated expenses'),
    ...put({ ...vBody, periodExpenses: { consolidatedExpenses: 1000.99 } }),
    expect: bad('RULE_BOTH_EXPENSES_SUPPLIED'),
  },
  {
    source: v('given a body with allowable expenses and consolidated expenses'),
    ...put(
      withValue(
        without('periodDisallowableExpenses'),
        '/periodExpenses/consolidatedExpenses',
        1000.99,
      ),
    ),
    expect: bad('RULE_BOTH_EXPENSES_SUPPLIED'),
  },
  {
    source: v('return multiple errors when invalid parameters are supplied', NINO_FIRST),
    ...put(vBody, { nino: 'invalid', id: 'invalid' }),
    expect: bad('FORMAT_NINO'),
  },
  // Validator factory spec: the tax year picks the schema before anything else is looked at.
  {
    source: {
      repo: REPOS.se,
      file: FSPEC,
      test: 'tax year before 25-26: given tax year 24-25 year return error',
      note: 'The factory answers with the tax year error alone; the empty objects in the body are never looked at',
    },
    ...put(
      {
        periodDates: { periodStartDate: '2024-08-24', periodEndDate: '2025-08-24' },
        periodIncome: {},
        periodExpenses: {},
        periodDisallowableExpenses: {},
      },
      { ty: '2024-25' },
    ),
    expect: bad('RULE_TAX_YEAR_NOT_SUPPORTED'),
  },
  // Retrieve controller integration spec
  ...(
    [
      ['AA123', 'XAIS12345678910', '2025-26', 'FORMAT_NINO'],
      ['{N}', '203100', '2025-26', 'FORMAT_BUSINESS_ID'],
      ['{N}', 'XAIS12345678910', 'NOT_TAX_YEAR', 'FORMAT_TAX_YEAR'],
      ['{N}', 'XAIS12345678910', '2025-27', 'RULE_TAX_YEAR_RANGE_INVALID'],
      ['{N}', 'XAIS12345678910', '2021-22', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    ] as const
  ).map(([nino, id, ty, code]): HmrcCase => ({
    source: { repo: REPOS.se, file: GSPEC, test: `validation fails with ${code} error` },
    endpoint: 'se-get',
    method: 'GET',
    path: `/individuals/business/self-employment/${nino}/${id}/cumulative/${ty}`,
    expect: bad(code),
  })),
  {
    source: { repo: REPOS.se, file: GSPEC, test: 'return a 200 status code given a valid request' },
    endpoint: 'se-get',
    method: 'GET',
    path: '/individuals/business/self-employment/{N}/XAIS12345678910/cumulative/2025-26',
    expect: 'passes',
  },
];
