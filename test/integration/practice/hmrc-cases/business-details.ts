import { type HmrcCase, NINO_FIRST, REPOS, bad, err } from './case-types';

/** Business Details 2.0: list, retrieve, create or amend quarterly period type. */
const LIST = 'it/test/v2/listAllBusinesses/ListAllBusinessesControllerISpec.scala';
const LIST_V = 'test/v2/listAllBusinesses/ListAllBusinessDetailsValidatorFactorySpec.scala';
const RETRIEVE = 'it/test/v2/retrieveBusinessDetails/RetrieveBusinessDetailsControllerISpec.scala';
const RETRIEVE_V =
  'test/v2/retrieveBusinessDetails/RetrieveBusinessDetailsValidatorFactorySpec.scala';
const QPT =
  'it/test/v2/createAmendQuarterlyPeriodType/def1/Def1_CreateAmendQuarterlyPeriodTypeControllerISpec.scala';
const QPT_V =
  'test/v2/createAmendQuarterlyPeriodType/def1/Def1_CreateAmendQuarterlyPeriodTypeValidatorSpec.scala';

const list = (nino: string) => ({
  endpoint: 'bd-list' as const,
  method: 'GET' as const,
  path: `/individuals/business/details/${nino}/list`,
});
const retrieve = (nino: string, id: string) => ({
  endpoint: 'bd-retrieve' as const,
  method: 'GET' as const,
  path: `/individuals/business/details/${nino}/${id}`,
});
const periodType = (nino: string, id: string, ty: string, body: unknown) => ({
  endpoint: 'bd-period-type' as const,
  method: 'PUT' as const,
  path: `/individuals/business/details/${nino}/${id}/${ty}`,
  body,
});
const standard = { quarterlyPeriodType: 'standard' };
const src = (file: string, test: string, note?: string) => ({
  repo: REPOS.bd,
  file,
  test,
  ...(note ? { note } : {}),
});

export const BUSINESS_DETAILS_CASES: HmrcCase[] = [
  { source: src(LIST, 'any valid request is made'), ...list('{N}'), expect: 'passes' },
  {
    source: src(LIST, 'validation fails with FORMAT_NINO error'),
    ...list('AA1123A'),
    expect: bad('FORMAT_NINO'),
  },
  {
    source: src(LIST, 'validation fails with MATCHING_RESOURCE_NOT_FOUND error (an empty NINO)'),
    ...list(''),
    expect: { status: 404, errors: [err('MATCHING_RESOURCE_NOT_FOUND')] },
  },
  { source: src(LIST_V, 'passed an invalid nino'), ...list('A12344A'), expect: bad('FORMAT_NINO') },
  {
    source: src(RETRIEVE, 'any valid request is made and a single business data is returned'),
    ...retrieve('{N}', 'XAIS12345678901'),
    expect: 'passes',
  },
  {
    source: src(RETRIEVE, 'validation fails with FORMAT_NINO error'),
    ...retrieve('AA1123A', 'X0IS123456789012'),
    expect: bad('FORMAT_NINO'),
  },
  {
    source: src(
      RETRIEVE,
      'validation fails with MATCHING_RESOURCE_NOT_FOUND error (an empty NINO)',
    ),
    ...retrieve('', 'X0IS123456789012'),
    expect: { status: 404, errors: [err('MATCHING_RESOURCE_NOT_FOUND')] },
  },
  {
    source: src(RETRIEVE, 'validation fails with FORMAT_BUSINESS_ID error'),
    ...retrieve('{N}', 'X2'),
    expect: bad('FORMAT_BUSINESS_ID'),
  },
  {
    source: src(RETRIEVE_V, 'passed an invalid business id'),
    ...retrieve('{N}', 'invalid'),
    expect: bad('FORMAT_BUSINESS_ID'),
  },
  {
    source: src(RETRIEVE_V, 'passed multiple invalid fields', NINO_FIRST),
    ...retrieve('invalid', 'invalid'),
    expect: bad('FORMAT_NINO'),
  },
  {
    source: src(QPT, 'any valid request is made'),
    ...periodType('{N}', 'X0IS12345678901', '2023-24', standard),
    expect: 'passes',
  },
  {
    source: src(QPT, 'validation fails with FORMAT_NINO error'),
    ...periodType('AA1123A', 'XAIS12345678910', '2022-23', standard),
    expect: bad('FORMAT_NINO'),
  },
  {
    source: src(QPT, 'validation fails with FORMAT_BUSINESS_ID error'),
    ...periodType('{N}', 'invalid', '2022-23', standard),
    expect: bad('FORMAT_BUSINESS_ID'),
  },
  {
    source: src(QPT, 'validation fails with FORMAT_TAX_YEAR error'),
    ...periodType('{N}', 'XAIS12345678910', 'invalid', standard),
    expect: bad('FORMAT_TAX_YEAR'),
  },
  {
    source: src(QPT, 'validation fails with RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED error'),
    ...periodType('{N}', 'XAIS12345678910', '2022-23', {}),
    expect: bad('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'),
  },
  {
    source: src(QPT_V, 'passed a request body with an invalidly formatted quarterlyPeriodType'),
    ...periodType('{N}', 'X0IS12345678901', '2023-24', { quarterlyPeriodType: true }),
    expect: bad(err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', ['/quarterlyPeriodType'])),
  },
  {
    source: src(QPT_V, 'passed a request body with a non-enum value for quarterlyPeriodType'),
    ...periodType('{N}', 'X0IS12345678901', '2023-24', { quarterlyPeriodType: 'Standard' }),
    expect: bad(err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', ['/quarterlyPeriodType'])),
  },
  {
    source: src(
      QPT_V,
      'passed multiple invalid fields',
      `${NINO_FIRST}; with a good NINO the other three come together`,
    ),
    ...periodType('{N}', 'invalid', 'invalid', {}),
    expect: bad('FORMAT_BUSINESS_ID', 'FORMAT_TAX_YEAR', 'RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'),
  },
];
