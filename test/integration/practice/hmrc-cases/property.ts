import { type HmrcCase, NINO_FIRST, REPOS, bad, err, withValue } from './case-types';

/** Property Business 6.0, UK property cumulative summary: PUT and GET. */
const ISPEC =
  'it/test/v6/createAmendUkPropertyCumulativeSummary/def1/Def1_CreateAmendUkPropertyCumulativeSummaryISpec.scala';
const VSPEC =
  'test/v6/createAmendUkPropertyCumulativeSummary/def1/Def1_CreateAmendUkPropertyCumulativeSummaryValidatorSpec.scala';
const GSPEC =
  'it/test/v6/retrieveUkPropertyCumulativeSummary/def1/Def1_RetrieveUkPropertyCumulativeSummaryISpec.scala';

const put = (body: unknown, p: { nino?: string; id?: string; ty?: string } = {}) => ({
  endpoint: 'pb-put' as const,
  method: 'PUT' as const,
  path: `/individuals/business/property/uk/${p.nino ?? '{N}'}/${p.id ?? '{PB}'}/cumulative/${p.ty ?? '2025-26'}`,
  body,
});

/** The request body both of HMRC's specs start from. */
const full = {
  fromDate: '2023-04-01',
  toDate: '2024-04-01',
  ukProperty: {
    income: {
      premiumsOfLeaseGrant: 42.12,
      reversePremiums: 84.31,
      periodAmount: 9884.93,
      taxDeducted: 842.99,
      otherIncome: 31.44,
      rentARoom: { rentsReceived: 947.66 },
    },
    expenses: {
      premisesRunningCosts: 1500.5,
      repairsAndMaintenance: 1200.75,
      financialCosts: 2000.0,
      professionalFees: 500.0,
      costOfServices: 300.25,
      other: 100.5,
      residentialFinancialCost: 9000.1,
      travelCosts: 400.0,
      residentialFinancialCostsCarriedForward: 300.13,
      rentARoom: { amountClaimed: 860.88 },
    },
  },
};
const consolidated = {
  ...full,
  ukProperty: {
    income: full.ukProperty.income,
    expenses: {
      residentialFinancialCost: 9000.1,
      residentialFinancialCostsCarriedForward: 300.13,
      rentARoom: { amountClaimed: 860.88 },
      consolidatedExpenses: -988.18,
    },
  },
};

const NEGATIVE = [
  '/ukProperty/expenses/premisesRunningCosts',
  '/ukProperty/expenses/repairsAndMaintenance',
  '/ukProperty/expenses/financialCosts',
  '/ukProperty/expenses/professionalFees',
  '/ukProperty/expenses/costOfServices',
  '/ukProperty/expenses/other',
  '/ukProperty/expenses/travelCosts',
];
const ZERO_OR_MORE = [
  '/ukProperty/income/premiumsOfLeaseGrant',
  '/ukProperty/income/reversePremiums',
  '/ukProperty/income/periodAmount',
  '/ukProperty/income/taxDeducted',
  '/ukProperty/income/otherIncome',
  '/ukProperty/income/rentARoom/rentsReceived',
  '/ukProperty/expenses/residentialFinancialCost',
  '/ukProperty/expenses/residentialFinancialCostsCarriedForward',
  '/ukProperty/expenses/rentARoom/amountClaimed',
];
const ZERO_MAX = 'The value must be between 0 and 99999999999.99';
const NEG_MAX = 'The value must be between -99999999999.99 and 99999999999.99';

const i = (test: string) => ({ repo: REPOS.pb, file: ISPEC, test });
const v = (test: string, note?: string) => ({
  repo: REPOS.pb,
  file: VSPEC,
  test,
  ...(note ? { note } : {}),
});

const allInvalid = [...NEGATIVE, ...ZERO_OR_MORE].reduce<unknown>(
  (b, p) => withValue(b, p, 1.987654321),
  { ...full, fromDate: '2023-456780-01', toDate: '2024-9876540-01' },
);
const invalidStrings = withValue(
  withValue(full, '/ukProperty/income/rentARoom/rentsReceived', '947.66*'),
  '/ukProperty/expenses/rentARoom/amountClaimed',
  '860.88*',
);

export const PROPERTY_CASES: HmrcCase[] = [
  // Controller integration spec
  { source: i('any valid request is made'), ...put(full), expect: 'passes' },
  {
    source: i('all field validations fail on the request body'),
    ...put(allInvalid),
    expect: bad(
      'FORMAT_FROM_DATE',
      'FORMAT_TO_DATE',
      err('FORMAT_VALUE', NEGATIVE, NEG_MAX),
      err('FORMAT_VALUE', ZERO_OR_MORE, ZERO_MAX),
    ),
  },
  ...(
    [
      ['AA1123A', '{PB}', '2025-26', 'FORMAT_NINO'],
      ['{N}', 'XA***IS1', '2025-26', 'FORMAT_BUSINESS_ID'],
      ['{N}', '{PB}', '20256', 'FORMAT_TAX_YEAR'],
      ['{N}', '{PB}', '2025-27', 'RULE_TAX_YEAR_RANGE_INVALID'],
      ['{N}', '{PB}', '2024-25', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    ] as const
  ).map(([nino, id, ty, code]): HmrcCase => ({
    source: i(`validation fails with ${code} error`),
    ...put(full, { nino, id, ty }),
    expect: bad(code),
  })),
  {
    source: i('validation fails with FORMAT_FROM_DATE error'),
    ...put({ ...full, fromDate: 'XX' }),
    expect: bad('FORMAT_FROM_DATE'),
  },
  {
    source: i('validation fails with FORMAT_TO_DATE error'),
    ...put({ ...full, toDate: 'XX' }),
    expect: bad('FORMAT_TO_DATE'),
  },
  {
    source: i('validation fails with RULE_MISSING_SUBMISSION_DATES error for a missing fromDate'),
    ...put(withValue(full, '/fromDate', undefined)),
    expect: bad('RULE_MISSING_SUBMISSION_DATES'),
  },
  {
    source: i('validation fails with RULE_MISSING_SUBMISSION_DATES error for a missing toDate'),
    ...put(withValue(full, '/toDate', undefined)),
    expect: bad('RULE_MISSING_SUBMISSION_DATES'),
  },
  {
    source: i('validation fails with RULE_TO_DATE_BEFORE_FROM_DATE error'),
    ...put({ ...full, toDate: '1999-01-01' }),
    expect: bad('RULE_TO_DATE_BEFORE_FROM_DATE'),
  },
  {
    source: i('validation fails with RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED error'),
    ...put(invalidStrings),
    expect: bad(
      err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', [
        '/ukProperty/expenses/rentARoom/amountClaimed',
        '/ukProperty/income/rentARoom/rentsReceived',
      ]),
    ),
  },
  // Validator spec
  { source: v('passed a valid request'), ...put(full), expect: 'passes' },
  {
    source: v('passed a valid request with a consolidated'),
    ...put(consolidated),
    expect: 'passes',
  },
  {
    source: v("passed a request with no 'from' and 'to' dates"),
    ...put({ ukProperty: full.ukProperty }),
    expect: 'passes',
  },
  {
    source: v('passed an invalid nino'),
    ...put(full, { nino: 'invalid' }),
    expect: bad('FORMAT_NINO'),
  },
  {
    source: v('passed an incorrectly formatted taxYear'),
    ...put(full, { ty: '202324' }),
    expect: bad('FORMAT_TAX_YEAR'),
  },
  {
    source: v('passed an incorrectly formatted businessId'),
    ...put(full, { id: 'invalid' }),
    expect: bad('FORMAT_BUSINESS_ID'),
  },
  {
    source: v('passed a taxYear spanning an invalid tax year range'),
    ...put(full, { ty: '2020-22' }),
    expect: bad('RULE_TAX_YEAR_RANGE_INVALID'),
  },
  {
    source: v('passed an empty body'),
    ...put({}),
    expect: bad('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'),
  },
  ...['/ukProperty', '/ukProperty/income', '/ukProperty/expenses'].map((path): HmrcCase => ({
    source: v(`passed a body with an empty object for ${path}`),
    ...put(withValue(full, path, {})),
    expect: bad(err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', [path])),
  })),
  {
    source: v('passed a body with an empty object except for an additional (non-schema) property'),
    ...put(withValue(full, '/ukProperty', { badField: 100 })),
    expect: bad(err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', ['/ukProperty'])),
  },
  {
    source: v('passed a body with an invalidly formatted fromDate'),
    ...put({ ...full, fromDate: 'invalid' }),
    expect: bad('FORMAT_FROM_DATE'),
  },
  {
    source: v('passed a body with an invalidly formatted toDate'),
    ...put({ ...full, toDate: 'invalid' }),
    expect: bad('FORMAT_TO_DATE'),
  },
  {
    source: v('passed a body with a fromDate that precedes the minimum'),
    ...put({ ...full, fromDate: '1569-10-01' }),
    expect: bad('FORMAT_FROM_DATE'),
  },
  {
    source: v('passed a body with a toDate after maximum'),
    ...put({ ...full, toDate: '3490-10-01' }),
    expect: bad('FORMAT_TO_DATE'),
  },
  {
    source: v('passed a body with a toDate that precedes the fromDate'),
    ...put({ ...full, fromDate: '2090-10-01' }),
    expect: bad('RULE_TO_DATE_BEFORE_FROM_DATE'),
  },
  {
    source: v('passed a body with a missing fromDate'),
    ...put(withValue(full, '/fromDate', undefined)),
    expect: bad('RULE_MISSING_SUBMISSION_DATES'),
  },
  {
    source: v('passed a body with a missing toDate'),
    ...put(withValue(full, '/toDate', undefined)),
    expect: bad('RULE_MISSING_SUBMISSION_DATES'),
  },
  ...ZERO_OR_MORE.map((path): HmrcCase => ({
    source: v(
      `passed a body with a (non-consolidated expenses) field containing an invalid value: ${path}`,
    ),
    ...put(withValue(full, path, 123.456)),
    expect: bad(err('FORMAT_VALUE', [path], ZERO_MAX)),
  })),
  ...NEGATIVE.map((path): HmrcCase => ({
    source: v(
      `passed a body with a (non-consolidated expenses) field containing an invalid value: ${path}`,
    ),
    ...put(withValue(full, path, 123.456)),
    expect: bad(err('FORMAT_VALUE', [path], NEG_MAX)),
  })),
  {
    source: v('passed a body with multiple invalid fields'),
    ...put(
      [
        '/ukProperty/expenses/travelCosts',
        '/ukProperty/expenses/other',
        '/ukProperty/expenses/costOfServices',
      ].reduce<unknown>((b, p) => withValue(b, p, 123.456), full),
    ),
    expect: bad(
      err(
        'FORMAT_VALUE',
        [
          '/ukProperty/expenses/costOfServices',
          '/ukProperty/expenses/other',
          '/ukProperty/expenses/travelCosts',
        ],
        NEG_MAX,
      ),
    ),
  },
  {
    source: v('passed a body with both consolidated and separate expenses provided'),
    ...put(withValue(full, '/ukProperty/expenses/consolidatedExpenses', 123.45)),
    expect: bad(err('RULE_BOTH_EXPENSES_SUPPLIED', ['/ukProperty/expenses'])),
  },
  {
    source: v('the request has multiple issues (path parameters)', NINO_FIRST),
    ...put(full, { nino: 'invalid', id: 'invalid', ty: 'invalid' }),
    expect: bad('FORMAT_NINO'),
  },
  {
    source: v('passed a body with an invalidly formatted toDate and a missing fromDate'),
    ...put(withValue({ ...full, toDate: '2024' }, '/fromDate', undefined)),
    expect: bad('FORMAT_TO_DATE', 'RULE_MISSING_SUBMISSION_DATES'),
  },
  {
    source: v('passed a body with an invalidly formatted fromDate and a missing toDate'),
    ...put(withValue({ ...full, fromDate: '2024' }, '/toDate', undefined)),
    expect: bad('FORMAT_FROM_DATE', 'RULE_MISSING_SUBMISSION_DATES'),
  },
  // Retrieve controller integration spec
  ...(
    [
      ['AA1123A', 'XAIS12345678910', '2025-26', 'FORMAT_NINO'],
      ['{N}', 'XAIS12345678910', 'BAD_TAX_YEAR', 'FORMAT_TAX_YEAR'],
      ['{N}', 'XAIS12345678910', '2025-27', 'RULE_TAX_YEAR_RANGE_INVALID'],
      ['{N}', 'XAIS12345678910', '2024-25', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
      ['{N}', 'BAD_BUSINESS_ID', '2025-26', 'FORMAT_BUSINESS_ID'],
    ] as const
  ).map(([nino, id, ty, code]): HmrcCase => ({
    source: { repo: REPOS.pb, file: GSPEC, test: `validation fails with ${code} error` },
    endpoint: 'pb-get',
    method: 'GET',
    path: `/individuals/business/property/uk/${nino}/${id}/cumulative/${ty}`,
    expect: bad(code),
  })),
  {
    source: { repo: REPOS.pb, file: GSPEC, test: 'successful request is made' },
    endpoint: 'pb-get',
    method: 'GET',
    path: '/individuals/business/property/uk/{N}/XAIS12345678910/cumulative/2025-26',
    expect: 'passes',
  },
];
