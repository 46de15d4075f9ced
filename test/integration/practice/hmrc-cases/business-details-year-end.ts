import { type Endpoint, type HmrcCase, NINO_FIRST, REPOS, bad, err, withValue } from './case-types';

/**
 * Business Details 2.0 year-end endpoints: accounting type, periods of account and the late
 * accounting date rule. The tax year that "has not ended" is the one containing the Practice
 * clock's reference date (2026-11-29): 2026-27.
 */
const AT_GET = 'it/test/v2/retrieveAccountingType/RetrieveAccountingTypeControllerISpec.scala';
const AT_GET_V = 'test/v2/retrieveAccountingType/RetrieveAccountingTypeValidatorSpec.scala';
const AT_PUT = 'it/test/v2/updateAccountingType/UpdateAccountingTypeControllerISpec.scala';
const AT_PUT_V = 'test/v2/updateAccountingType/UpdateAccountingTypeValidatorSpec.scala';
const POA_PUT =
  'it/test/v2/createUpdatePeriodsOfAccount/CreateUpdatePeriodsOfAccountControllerISpec.scala';
const POA_PUT_V =
  'test/v2/createUpdatePeriodsOfAccount/CreateUpdatePeriodsOfAccountValidatorSpec.scala';
const POA_GET = 'it/test/v2/retrievePeriodsOfAccount/RetrievePeriodsOfAccountControllerISpec.scala';
const POA_GET_V = 'test/v2/retrievePeriodsOfAccount/RetrievePeriodsOfAccountValidatorSpec.scala';
const LADR_GET =
  'it/test/v2/retrieveLateAccountingDateRule/RetrieveLateAccountingDateRuleControllerISpec.scala';
const LADR_GET_V =
  'test/v2/retrieveLateAccountingDateRule/RetrieveLateAccountingDateRuleValidatorSpec.scala';
const DISAPPLY =
  'it/test/v2/disapplyLateAccountingDateRule/DisapplyLateAccountingDateRuleControllerISpec.scala';
const DISAPPLY_V =
  'test/v2/disapplyLateAccountingDateRule/DisapplyLateAccountingDateRuleValidatorSpec.scala';
const WITHDRAW =
  'it/test/v2/withdrawLateAccountingDateRule/WithdrawLateAccountingDateRuleControllerISpec.scala';
const WITHDRAW_V =
  'test/v2/withdrawLateAccountingDateRule/WithdrawLateAccountingDateRuleValidatorSpec.scala';

const src = (file: string, test: string, note?: string) => ({
  repo: REPOS.bd,
  file,
  test,
  ...(note ? { note } : {}),
});

type Method = HmrcCase['method'];
const call =
  (endpoint: Endpoint, method: Method, suffix: string) =>
  (nino: string, id: string, ty: string, body?: unknown) => ({
    endpoint,
    method,
    path: `/individuals/business/details/${nino}/${id}/${ty}${suffix}`,
    ...(body !== undefined ? { body } : {}),
  });
const atGet = call('bd-accounting-type-get', 'GET', '/accounting-type');
const atPut = call('bd-accounting-type-put', 'PUT', '/accounting-type');
const poaGet = call('bd-periods-get', 'GET', '/periods-of-account');
const poaPut = call('bd-periods-put', 'PUT', '/periods-of-account');
const ladrGet = call('bd-ladr-get', 'GET', '/late-accounting-date-rule-election');
const disapply = call('bd-ladr-disapply', 'POST', '/late-accounting-date-rule-election/disapply');
const withdraw = call('bd-ladr-withdraw', 'DELETE', '/late-accounting-date-rule-election/withdraw');

const accrual = { accountingType: 'ACCRUAL' };
/** [BD test/v2/fixtures/CreateUpdatePeriodsOfAccountFixtures.scala validFullRequestBodyJson] */
const periods = {
  periodsOfAccount: true,
  periodsOfAccountDates: [
    { startDate: '2025-04-06', endDate: '2025-07-05' },
    { startDate: '2025-07-06', endDate: '2025-10-05' },
  ],
};
const withDates = (dates: { startDate: string; endDate: string }[]) =>
  withValue(periods, '/periodsOfAccountDates', dates);

/** Rows of HMRC's ISpec tables: NINO, business id and tax year, and the one error expected. */
const paramRows = (
  file: string,
  make: (nino: string, id: string, ty: string) => Omit<HmrcCase, 'source' | 'expect'>,
  rows: [nino: string, id: string, ty: string, code: string][],
): HmrcCase[] =>
  rows.map(([nino, id, ty, code]) => ({
    source: src(file, `validation fails with ${code} error`),
    ...make(nino, id, ty),
    expect: bad(code),
  }));

const accountingType: HmrcCase[] = [
  {
    source: src(AT_GET, 'any valid request is made'),
    ...atGet('{N}', '{SE}', '2024-25'),
    expect: 'passes',
  },
  ...paramRows(AT_GET, (n, i, t) => atGet(n, i, t), [
    ['AA1123A', 'XAIS12345678910', '2024-25', 'FORMAT_NINO'],
    ['{N}', 'XAIS1234', '2024-25', 'FORMAT_BUSINESS_ID'],
    ['{N}', 'XAIS12345678910', 'invalid', 'FORMAT_TAX_YEAR'],
    ['{N}', 'XAIS12345678910', '2024-26', 'RULE_TAX_YEAR_RANGE_INVALID'],
  ]),
  {
    source: src(
      AT_GET_V,
      'given a valid request for taxYear 2017-18',
      'the retrieve has no minimum tax year',
    ),
    ...atGet('{N}', '{SE}', '2017-18'),
    expect: 'passes',
  },
  {
    source: src(
      AT_GET_V,
      'passed multiple invalid fields',
      `${NINO_FIRST}; with a good NINO the other two come together`,
    ),
    ...atGet('{N}', 'invalid', 'invalid'),
    expect: bad('FORMAT_BUSINESS_ID', 'FORMAT_TAX_YEAR'),
  },
  {
    source: src(AT_PUT, 'a valid request is made with a past tax year'),
    ...atPut('{N}', '{SE}', '2024-25', accrual),
    expect: 'passes',
  },
  {
    source: src(AT_PUT, 'a valid request is made with the current tax year'),
    ...atPut('{N}', '{SE}', '2026-27', accrual),
    expect: 'passes',
  },
  ...paramRows(AT_PUT, (n, i, t) => atPut(n, i, t, accrual), [
    ['AA1123A', 'XAIS12345678910', '2024-25', 'FORMAT_NINO'],
    ['{N}', 'invalid', '2024-25', 'FORMAT_BUSINESS_ID'],
    ['{N}', 'XAIS12345678910', 'invalid', 'FORMAT_TAX_YEAR'],
    ['{N}', 'XAIS12345678910', '2024-26', 'RULE_TAX_YEAR_RANGE_INVALID'],
    ['{N}', 'XAIS12345678910', '2023-24', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
  ]),
  {
    source: src(AT_PUT, 'validation fails with RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED error'),
    ...atPut('{N}', 'XAIS12345678910', '2024-25', {}),
    expect: bad('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'),
  },
  {
    source: src(AT_PUT_V, 'passed a request body with an invalidly formatted accountingType'),
    ...atPut('{N}', '{SE}', '2024-25', { accountingType: true }),
    expect: bad(err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', ['/accountingType'])),
  },
  {
    source: src(AT_PUT_V, 'passed a request body with a non-enum value for accountingType'),
    ...atPut('{N}', '{SE}', '2024-25', { accountingType: 'ACCRUALS' }),
    expect: bad(err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', ['/accountingType'])),
  },
  {
    source: src(
      AT_PUT_V,
      'passed multiple invalid fields',
      `${NINO_FIRST}; with a good NINO the other three come together`,
    ),
    ...atPut('{N}', 'invalid', 'invalid', {}),
    expect: bad('FORMAT_BUSINESS_ID', 'FORMAT_TAX_YEAR', 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'),
  },
];

const periodsOfAccount: HmrcCase[] = [
  {
    source: src(POA_PUT, 'any valid request is made'),
    ...poaPut('{N}', '{SE}', '2025-26', periods),
    expect: 'passes',
  },
  ...paramRows(POA_PUT, (n, i, t) => poaPut(n, i, t, periods), [
    ['AA1123A', 'X0IS12345678901', '2025-26', 'FORMAT_NINO'],
    ['{N}', 'X0IS12345678901', '2025', 'FORMAT_TAX_YEAR'],
    ['{N}', 'X0IS123', '2025-26', 'FORMAT_BUSINESS_ID'],
    ['{N}', 'X0IS12345678901', '2025-27', 'RULE_TAX_YEAR_RANGE_INVALID'],
    ['{N}', 'X0IS12345678901', '2023-24', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
  ]),
  {
    source: src(POA_PUT, 'validation fails with RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED error'),
    ...poaPut('{N}', 'X0IS12345678901', '2025-26', {}),
    expect: bad('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'),
  },
  {
    source: src(POA_PUT, 'validation fails with RULE_PERIODS_OVERLAP error'),
    ...poaPut(
      '{N}',
      'X0IS12345678901',
      '2025-26',
      withDates([
        { startDate: '2025-04-06', endDate: '2025-07-05' },
        { startDate: '2025-06-06', endDate: '2025-10-05' },
      ]),
    ),
    expect: bad(err('RULE_PERIODS_OVERLAP', ['/periodsOfAccountDates'])),
  },
  {
    source: src(POA_PUT, 'validation fails with INVALID_REQUEST error (every rule at once)'),
    ...poaPut('{N}', 'X0IS12345678901', '2025-26', {
      periodsOfAccount: false,
      periodsOfAccountDates: [
        { startDate: '2025', endDate: '2025' },
        { startDate: '2025-07-06', endDate: '2025-07-05' },
        { startDate: '2026-04-06', endDate: '2026-07-05' },
      ],
    }),
    expect: bad(
      err('FORMAT_END_DATE', ['/periodsOfAccountDates/0/endDate']),
      err('FORMAT_START_DATE', ['/periodsOfAccountDates/0/startDate']),
      err('RULE_END_DATE', ['/periodsOfAccountDates/2/endDate']),
      err('RULE_END_DATE_BEFORE_START_DATE', ['/periodsOfAccountDates/1']),
      'RULE_PERIODS_OF_ACCOUNT',
      err('RULE_START_DATE', ['/periodsOfAccountDates/2/startDate']),
    ),
  },
  {
    source: src(POA_PUT_V, 'a start date is before the start of the supplied tax year'),
    ...poaPut(
      '{N}',
      '{SE}',
      '2025-26',
      withDates([
        { startDate: '2025-03-29', endDate: '2025-07-05' },
        { startDate: '2025-07-06', endDate: '2025-10-05' },
      ]),
    ),
    expect: 'passes',
  },
  {
    source: src(
      POA_PUT_V,
      'a minimum valid request is provided with only periodsOfAccount set to false',
    ),
    ...poaPut('{N}', '{SE}', '2025-26', { periodsOfAccount: false }),
    expect: 'passes',
  },
  {
    source: src(POA_PUT_V, 'passed a body with an empty periodsOfAccountDates array'),
    ...poaPut('{N}', '{SE}', '2025-26', withDates([])),
    expect: bad(err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', ['/periodsOfAccountDates'])),
  },
  {
    source: src(POA_PUT_V, 'passed a body with a missing mandatory periodsOfAccount field'),
    ...poaPut('{N}', '{SE}', '2025-26', { periodsOfAccountDates: periods.periodsOfAccountDates }),
    expect: bad(err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', ['/periodsOfAccount'])),
  },
  ...['periodsOfAccount', 'periodsOfAccountDates'].map((field): HmrcCase => ({
    source: src(POA_PUT_V, `passed a body with an incorrect type for field ${field}`),
    ...poaPut('{N}', '{SE}', '2025-26', withValue(periods, `/${field}`, {})),
    expect: bad(err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', [`/${field}`])),
  })),
  {
    source: src(POA_PUT_V, 'passed a body with only periodsOfAccount set to true'),
    ...poaPut('{N}', '{SE}', '2025-26', { periodsOfAccount: true }),
    expect: bad('RULE_PERIODS_OF_ACCOUNT'),
  },
  {
    source: src(
      POA_PUT_V,
      'passed a body with periodsOfAccount set to false and periodsOfAccountDates',
    ),
    ...poaPut('{N}', '{SE}', '2025-26', withValue(periods, '/periodsOfAccount', false)),
    expect: bad('RULE_PERIODS_OF_ACCOUNT'),
  },
  {
    source: src(POA_PUT_V, 'passed a body with an incorrectly formatted start date'),
    ...poaPut('{N}', '{SE}', '2025-26', withDates([{ startDate: '2025', endDate: '2025-07-05' }])),
    expect: bad(err('FORMAT_START_DATE', ['/periodsOfAccountDates/0/startDate'])),
  },
  {
    source: src(POA_PUT_V, 'passed a body with an incorrectly formatted end date'),
    ...poaPut('{N}', '{SE}', '2025-26', withDates([{ startDate: '2025-04-06', endDate: '2025' }])),
    expect: bad(err('FORMAT_END_DATE', ['/periodsOfAccountDates/0/endDate'])),
  },
  {
    source: src(POA_PUT_V, 'passed a body with an endDate that is before startDate'),
    ...poaPut(
      '{N}',
      '{SE}',
      '2025-26',
      withDates([{ startDate: '2025-07-06', endDate: '2025-07-05' }]),
    ),
    expect: bad(err('RULE_END_DATE_BEFORE_START_DATE', ['/periodsOfAccountDates/0'])),
  },
  ...(
    [
      [
        'forward order',
        [
          ['2025-04-06', '2025-07-05'],
          ['2025-06-06', '2025-10-05'],
        ],
      ],
      [
        'reverse order',
        [
          ['2025-06-06', '2025-10-05'],
          ['2025-04-06', '2025-07-05'],
        ],
      ],
      [
        'same period',
        [
          ['2025-04-06', '2025-07-05'],
          ['2025-04-06', '2025-07-05'],
        ],
      ],
    ] as const
  ).map(([name, pairs]): HmrcCase => ({
    source: src(POA_PUT_V, `passed a body with overlapping periods (${name})`),
    ...poaPut(
      '{N}',
      '{SE}',
      '2025-26',
      withDates(pairs.map(([startDate, endDate]) => ({ startDate, endDate }))),
    ),
    expect: bad(err('RULE_PERIODS_OVERLAP', ['/periodsOfAccountDates'])),
  })),
  {
    source: src(
      POA_PUT_V,
      'passed a body with start and end dates outside the valid tax year bounds',
    ),
    ...poaPut(
      '{N}',
      '{SE}',
      '2025-26',
      withDates([{ startDate: '2026-04-06', endDate: '2026-04-06' }]),
    ),
    expect: bad(
      err('RULE_END_DATE', ['/periodsOfAccountDates/0/endDate']),
      err('RULE_START_DATE', ['/periodsOfAccountDates/0/startDate']),
    ),
  },
  {
    source: src(
      POA_PUT_V,
      'request supplied has multiple errors',
      `${NINO_FIRST}; with a good NINO the other two come together`,
    ),
    ...poaPut('{N}', 'X0IS', '20256', periods),
    expect: bad('FORMAT_BUSINESS_ID', 'FORMAT_TAX_YEAR'),
  },
  {
    source: src(POA_GET, 'any valid request is made and a single business data is returned'),
    ...poaGet('{N}', '{SE}', '2025-26'),
    expect: 'passes',
  },
  ...paramRows(POA_GET, (n, i, t) => poaGet(n, i, t), [
    ['AA1123A', 'XAIS12345678901', '2025-26', 'FORMAT_NINO'],
    ['{N}', 'X2', '2025-26', 'FORMAT_BUSINESS_ID'],
    ['{N}', 'XAIS12345678901', '2025-2026', 'FORMAT_TAX_YEAR'],
    ['{N}', 'XAIS12345678901', '2023-24', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    ['{N}', 'XAIS12345678901', '2025-27', 'RULE_TAX_YEAR_RANGE_INVALID'],
  ]),
  {
    source: src(
      POA_GET_V,
      'passed multiple invalid fields',
      `${NINO_FIRST}; with a good NINO the other two come together`,
    ),
    ...poaGet('{N}', 'invalid', 'invalid'),
    expect: bad('FORMAT_BUSINESS_ID', 'FORMAT_TAX_YEAR'),
  },
];

const noEnd = { 'suspend-temporal-validations': 'true' };

const lateAccountingDateRule: HmrcCase[] = [
  {
    source: src(LADR_GET, 'any valid request is made and a success response body is returned'),
    ...ladrGet('{N}', '{SE}', '2024-25'),
    expect: 'passes',
  },
  ...paramRows(LADR_GET, (n, i, t) => ladrGet(n, i, t), [
    ['AA1123A', 'XAIS12345678910', '2024-25', 'FORMAT_NINO'],
    ['{N}', 'invalid', '2024-25', 'FORMAT_BUSINESS_ID'],
    ['{N}', 'XAIS12345678910', 'invalid', 'FORMAT_TAX_YEAR'],
    ['{N}', 'XAIS12345678910', '2024-26', 'RULE_TAX_YEAR_RANGE_INVALID'],
  ]),
  {
    source: src(
      LADR_GET_V,
      'passed multiple invalid fields',
      `${NINO_FIRST}; with a good NINO the other two come together`,
    ),
    ...ladrGet('{N}', 'invalid', 'invalid'),
    expect: bad('FORMAT_BUSINESS_ID', 'FORMAT_TAX_YEAR'),
  },
  ...(
    [
      [DISAPPLY, DISAPPLY_V, disapply],
      [WITHDRAW, WITHDRAW_V, withdraw],
    ] as const
  ).flatMap(([file, validatorFile, make]): HmrcCase[] => [
    {
      source: src(
        file,
        'a valid request is made with a past tax year and suspendTemporalValidations is false',
      ),
      ...make('{N}', '{SE}', '2024-25'),
      expect: 'passes',
    },
    {
      source: src(
        file,
        'a valid request is made with the current tax year and suspendTemporalValidations is true',
      ),
      ...make('{N}', '{SE}', '2026-27'),
      headers: noEnd,
      expect: 'passes',
    },
    ...paramRows(file, (n, i, t) => make(n, i, t), [
      ['AA1123A', 'XAIS12345678910', '2024-25', 'FORMAT_NINO'],
      ['{N}', 'invalid', '2024-25', 'FORMAT_BUSINESS_ID'],
      ['{N}', 'XAIS12345678910', 'invalid', 'FORMAT_TAX_YEAR'],
      ['{N}', 'XAIS12345678910', '2026-27', 'RULE_TAX_YEAR_NOT_ENDED'],
      ['{N}', 'XAIS12345678910', '2024-26', 'RULE_TAX_YEAR_RANGE_INVALID'],
      ['{N}', 'XAIS12345678910', '2023-24', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    ]),
    {
      source: src(
        validatorFile,
        'passed multiple invalid fields',
        `${NINO_FIRST}; with a good NINO the other two come together`,
      ),
      ...make('{N}', 'invalid', 'invalid'),
      expect: bad('FORMAT_BUSINESS_ID', 'FORMAT_TAX_YEAR'),
    },
  ]),
];

export const BUSINESS_DETAILS_YEAR_END_CASES: HmrcCase[] = [
  ...accountingType,
  ...periodsOfAccount,
  ...lateAccountingDateRule,
];
