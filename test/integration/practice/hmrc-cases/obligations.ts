import { type HmrcCase, NINO_FIRST, REPOS, bad } from './case-types';

/** Obligations 3.0: income and expenditure (periodic) and final declaration (crystallisation). */
const PERIODIC = 'it/test/v3/retrievePeriodic/RetrievePeriodicObligationsControllerISpec.scala';
const PERIODIC_V = 'test/v3/retrievePeriodic/RetrievePeriodicObligationsValidatorFactorySpec.scala';
const RANGE = 'test/v3/controllers/validators/resolvers/ObligationsDateRangeSupportSpec.scala';
const FINAL =
  'it/test/v3/retrieveCrystallisation/RetrieveCrystallisationObligationsControllerISpec.scala';
const FINAL_V =
  'test/v3/retrieveCrystallisation/RetrieveCrystallisationObligationsValidatorFactorySpec.scala';

/** A query parameter set to undefined is left out of the request. */
type Query = {
  nino?: string | undefined;
  typeOfBusiness?: string | undefined;
  businessId?: string | undefined;
  fromDate?: string | undefined;
  toDate?: string | undefined;
  status?: string | undefined;
};
const income = (q: Query) => {
  const params = new URLSearchParams();
  for (const k of ['typeOfBusiness', 'businessId', 'fromDate', 'toDate', 'status'] as const) {
    const v = q[k];
    if (v !== undefined) params.set(k, v);
  }
  const qs = params.toString();
  return {
    endpoint: 'ob-income' as const,
    method: 'GET' as const,
    path: `/obligations/details/${q.nino ?? '{N}'}/income-and-expenditure${qs ? `?${qs}` : ''}`,
  };
};
const all = (q: Partial<Query>): Query => ({
  typeOfBusiness: 'self-employment',
  businessId: 'XAIS12345678901',
  fromDate: '2019-01-01',
  toDate: '2019-06-06',
  status: 'open',
  ...q,
});
const finalDeclaration = (nino: string, taxYear?: string, status?: string) => {
  const params = new URLSearchParams();
  if (taxYear !== undefined) params.set('taxYear', taxYear);
  if (status !== undefined) params.set('status', status);
  const qs = params.toString();
  return {
    endpoint: 'ob-final' as const,
    method: 'GET' as const,
    path: `/obligations/details/${nino}/crystallisation${qs ? `?${qs}` : ''}`,
  };
};
const src = (file: string, test: string, note?: string) => ({
  repo: REPOS.ob,
  file,
  test,
  ...(note ? { note } : {}),
});
const range = (test: string, fromDate: string, toDate: string, ...codes: string[]): HmrcCase => ({
  source: src(RANGE, test, 'The date range is sent as fromDate and toDate on the endpoint'),
  ...income({ fromDate, toDate }),
  expect: codes.length === 0 ? 'passes' : bad(...codes),
});

export const OBLIGATIONS_CASES: HmrcCase[] = [
  {
    source: src(PERIODIC, 'a request with one object with one obligationDetail is made'),
    ...income(all({})),
    expect: 'passes',
  },
  {
    source: src(PERIODIC, 'fromDate is missing'),
    ...income(all({ fromDate: undefined })),
    expect: bad('MISSING_FROM_DATE'),
  },
  {
    source: src(PERIODIC, 'toDate is missing'),
    ...income(all({ toDate: undefined })),
    expect: bad('MISSING_TO_DATE'),
  },
  {
    source: src(PERIODIC, 'typeOfBusiness is missing while there is an businessId'),
    ...income(all({ typeOfBusiness: undefined })),
    expect: bad('MISSING_TYPE_OF_BUSINESS'),
  },
  ...(
    [
      [{ nino: 'AA1' }, 'FORMAT_NINO'],
      [{ businessId: 'XAI' }, 'FORMAT_BUSINESS_ID'],
      [{ fromDate: '2019-01' }, 'FORMAT_FROM_DATE'],
      [{ toDate: '2019-06' }, 'FORMAT_TO_DATE'],
      [{ status: 'Closed' }, 'FORMAT_STATUS'],
      [{ typeOfBusiness: 'do-not-use' }, 'FORMAT_TYPE_OF_BUSINESS'],
      [{ fromDate: '2019-06-06', toDate: '2019-01-01' }, 'RANGE_TO_DATE_BEFORE_FROM_DATE'],
      [{ fromDate: '2017-01-01', toDate: '2018-01-01' }, 'RULE_FROM_DATE_NOT_SUPPORTED'],
      [{ fromDate: '2019-01-01', toDate: '2020-06-06' }, 'RULE_DATE_RANGE_INVALID'],
    ] as [Partial<Query>, string][]
  ).map(([q, code]): HmrcCase => ({
    source: src(PERIODIC, `validation fails with ${code} error`),
    ...income(all(q)),
    expect: bad(code),
  })),
  // Validator factory spec
  {
    source: src(PERIODIC_V, 'all fields are supplied'),
    ...income(all({ fromDate: '2019-01-01', toDate: '2019-12-30' })),
    expect: 'passes',
  },
  {
    source: src(PERIODIC_V, 'only an Open status and no other fields are supplied'),
    ...income({ status: 'open' }),
    expect: 'passes',
  },
  {
    source: src(PERIODIC_V, 'only a Fulfilled status and no other fields are supplied'),
    ...income({ status: 'fulfilled' }),
    expect: 'passes',
  },
  { source: src(PERIODIC_V, 'no fields are supplied'), ...income({}), expect: 'passes' },
  {
    source: src(PERIODIC_V, 'the fromDate is missing while toDate is provided'),
    ...income(all({ fromDate: undefined, toDate: '2019-12-30' })),
    expect: bad('MISSING_FROM_DATE'),
  },
  {
    source: src(PERIODIC_V, 'the toDate is missing while fromDate is provided'),
    ...income(all({ toDate: undefined })),
    expect: bad('MISSING_TO_DATE'),
  },
  {
    source: src(PERIODIC_V, 'the businessType is missing when a businessId is provided'),
    ...income(all({ typeOfBusiness: undefined, toDate: '2019-12-30' })),
    expect: bad('MISSING_TYPE_OF_BUSINESS'),
  },
  {
    source: src(PERIODIC_V, 'the toDate is later than 2100'),
    ...income(all({ fromDate: '2099-12-24', toDate: '2100-07-01' })),
    expect: bad('FORMAT_TO_DATE'),
  },
  ...(
    [
      [{ nino: 'notANino' }, 'FORMAT_NINO'],
      [{ typeOfBusiness: 'notABusinessType' }, 'FORMAT_TYPE_OF_BUSINESS'],
      [{ businessId: 'notABusinessId' }, 'FORMAT_BUSINESS_ID'],
      [{ fromDate: 'notADate' }, 'FORMAT_FROM_DATE'],
      [{ fromDate: '2019-12-30', toDate: 'notADate' }, 'FORMAT_TO_DATE'],
      [{ fromDate: '2017-01-01', toDate: '2018-01-01' }, 'RULE_FROM_DATE_NOT_SUPPORTED'],
      [{ fromDate: '2019-01-01', toDate: '2018-01-01' }, 'RANGE_TO_DATE_BEFORE_FROM_DATE'],
      [{ fromDate: '2020-01-01', toDate: '2020-01-01' }, 'RULE_DATE_RANGE_INVALID'],
      [{ fromDate: '2018-12-12', toDate: '2020-04-05' }, 'RULE_DATE_RANGE_INVALID'],
      [{ status: 'notAStatus', toDate: '2019-12-30' }, 'FORMAT_STATUS'],
    ] as [Partial<Query>, string][]
  ).map(([q, code]): HmrcCase => ({
    source: src(PERIODIC_V, `return ${code} error (${JSON.stringify(q)})`),
    ...income(all({ toDate: '2019-12-30', ...q })),
    expect: bad(code),
  })),
  {
    source: src(
      PERIODIC_V,
      'request supplied has multiple errors',
      `${NINO_FIRST}; with a good NINO the other five come together`,
    ),
    ...income({
      typeOfBusiness: 'bad',
      businessId: 'bad',
      fromDate: 'bad',
      toDate: 'bad',
      status: 'bad',
    }),
    expect: bad(
      'FORMAT_BUSINESS_ID',
      'FORMAT_FROM_DATE',
      'FORMAT_STATUS',
      'FORMAT_TO_DATE',
      'FORMAT_TYPE_OF_BUSINESS',
    ),
  },
  // The date range rules
  range('the date range is valid', '2019-01-01', '2020-01-01'),
  range(
    'the to date is before the from date',
    '2019-01-02',
    '2019-01-01',
    'RANGE_TO_DATE_BEFORE_FROM_DATE',
  ),
  range(
    'the number of days spanned is a single day',
    '2020-01-01',
    '2020-01-01',
    'RULE_DATE_RANGE_INVALID',
  ),
  range('the number of days spanned is two days', '2020-01-01', '2020-01-02'),
  range(
    'the from date is before the minimum',
    '2018-04-05',
    '2019-01-01',
    'RULE_FROM_DATE_NOT_SUPPORTED',
  ),
  range('the from date is equal to the minimum', '2018-04-06', '2019-01-01'),
  range('the from date is after the maximum', '2099-12-01', '2100-01-01', 'FORMAT_TO_DATE'),
  range('the from date is equal to the maximum', '2099-12-01', '2099-12-31'),
  range(
    'the number of days spanned is too large',
    '2020-01-01',
    '2021-01-01',
    'RULE_DATE_RANGE_INVALID',
  ),
  range('the number of days spanned is at maximum', '2020-01-01', '2020-12-31'),
  range(
    'multiple errors are detected',
    '2000-01-01',
    '1999-01-01',
    'RANGE_TO_DATE_BEFORE_FROM_DATE',
    'RULE_FROM_DATE_NOT_SUPPORTED',
  ),
  // Final declaration obligations
  {
    source: src(FINAL, 'any valid request is made'),
    ...finalDeclaration('{N}', '2017-18'),
    expect: 'passes',
  },
  ...(
    [
      ['AA1123A', '2017-18', 'FORMAT_NINO'],
      ['{N}', '20177', 'FORMAT_TAX_YEAR'],
      ['{N}', '2016-17', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
      ['{N}', '2017-19', 'RULE_TAX_YEAR_RANGE_INVALID'],
    ] as const
  ).map(([nino, ty, code]): HmrcCase => ({
    source: src(FINAL, `validation fails with ${code} error`),
    ...finalDeclaration(nino, ty),
    expect: bad(code),
  })),
  {
    source: src(FINAL_V, 'a valid request is supplied'),
    ...finalDeclaration('{N}', '2018-19', 'open'),
    expect: 'passes',
  },
  {
    source: src(FINAL_V, 'a valid request is supplied with no optional values'),
    ...finalDeclaration('{N}'),
    expect: 'passes',
  },
  {
    source: src(FINAL_V, 'a valid request is supplied with the earliest possible taxYear'),
    ...finalDeclaration('{N}', '2017-18'),
    expect: 'passes',
  },
  ...(
    [
      ['A12344A', '2018-19', 'open', 'FORMAT_NINO'],
      ['{N}', '201-20', 'open', 'FORMAT_TAX_YEAR'],
      ['{N}', '2016-17', 'open', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
      ['{N}', '2018-20', 'open', 'RULE_TAX_YEAR_RANGE_INVALID'],
      ['{N}', '2018-19', 'notAStatus', 'FORMAT_STATUS'],
    ] as const
  ).map(([nino, ty, status, code]): HmrcCase => ({
    source: src(FINAL_V, `return ${code} error`),
    ...finalDeclaration(nino, ty, status),
    expect: bad(code),
  })),
];
