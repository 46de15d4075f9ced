import { type HmrcCase, NINO_FIRST, REPOS, bad, err, withValue } from './case-types';

/** Self Employment Business 5.0 annual submission: create or amend, retrieve, delete. */
const PUT3 =
  'it/test/v5/createAmendAnnualSubmission/def3/Def3_CreateAmendAnnualSubmissionControllerHipISpec.scala';
const PUT4 =
  'it/test/v5/createAmendAnnualSubmission/def4/Def4_CreateAmendAnnualSubmissionControllerHipISpec.scala';
const PUT3_V =
  'test/v5/createAmendAnnualSubmission/def3/Def3_CreateAmendAnnualSubmissionValidatorSpec.scala';
const FACTORY_V =
  'test/v5/createAmendAnnualSubmission/CreateAmendAnnualSubmissionValidatorFactorySpec.scala';
const GET3 =
  'it/test/v5/retrieveAnnualSubmission/def3/Def3_RetrieveAnnualSubmissionControllerHipISpec.scala';
const DELETE =
  'it/test/v5/deleteAnnualSubmission/def1/DeleteAnnualSubmissionControllerHipISpec.scala';

const src = (file: string, test: string, note?: string) => ({
  repo: REPOS.se,
  file,
  test,
  ...(note ? { note } : {}),
});

const path = (nino: string, id: string, ty: string) =>
  `/individuals/business/self-employment/${nino}/${id}/annual/${ty}`;
const put = (nino: string, id: string, ty: string, body: unknown) => ({
  endpoint: 'se-annual-put' as const,
  method: 'PUT' as const,
  path: path(nino, id, ty),
  body,
});
const get = (nino: string, id: string, ty: string) => ({
  endpoint: 'se-annual-get' as const,
  method: 'GET' as const,
  path: path(nino, id, ty),
});
const del = (nino: string, id: string, ty: string) => ({
  endpoint: 'se-annual-delete' as const,
  method: 'DELETE' as const,
  path: path(nino, id, ty),
});

/** [SE test/v5/createAmendAnnualSubmission/def3/request/Def3_CreateAmend_StructuredBuildingAllowanceFixture.scala] */
const building = {
  amount: 3000.3,
  firstYear: { qualifyingDate: '2020-01-01', qualifyingAmountExpenditure: 3000.4 },
  building: { name: 'house name', number: 'house number', postcode: 'GF49JH' },
};
/** [SE test/v5/createAmendAnnualSubmission/def3/request/Def3_CreateAmendAnnualSubmissionFixture.scala] */
const body = {
  adjustments: {
    includedNonTaxableProfits: 1.12,
    basisAdjustment: 2.12,
    accountingAdjustment: 4.12,
    outstandingBusinessIncome: 6.12,
    balancingChargeBpra: 7.12,
    balancingChargeOther: 8.12,
    goodsAndServicesOwnUse: 9.12,
  },
  allowances: {
    annualInvestmentAllowance: 1.12,
    capitalAllowanceMainPool: 2.12,
    capitalAllowanceSpecialRatePool: 3.12,
    businessPremisesRenovationAllowance: 5.12,
    enhancedCapitalAllowance: 6.12,
    allowanceOnSales: 7.12,
    capitalAllowanceSingleAssetPool: 8.12,
    zeroEmissionsCarAllowance: 11.12,
    structuredBuildingAllowance: [building],
    enhancedStructuredBuildingAllowance: [building],
  },
  nonFinancials: {
    businessDetailsChangedRecently: true,
    class4NicsExemptionReason: 'non-resident',
  },
};
const withBuilding = (pointer: string, value: unknown) =>
  withValue(body, '/allowances/structuredBuildingAllowance', [withValue(building, pointer, value)]);

const putRows = (file: string, ty: string, range: string): HmrcCase[] =>
  (
    [
      ['AA1123A', 'XAIS12345678910', ty, 'FORMAT_NINO'],
      ['{N}', 'XA***IS1', ty, 'FORMAT_BUSINESS_ID'],
      ['{N}', 'XAIS12345678910', 'NOT_TAX_YEAR', 'FORMAT_TAX_YEAR'],
      ['{N}', 'XAIS12345678910', range, 'RULE_TAX_YEAR_RANGE_INVALID'],
      ['{N}', 'XAIS12345678910', '2016-17', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    ] as const
  ).map(([nino, id, year, code]) => ({
    source: src(file, `validation fails with ${code} error`),
    ...put(nino, id, year, body),
    expect: bad(code),
  }));

export const SELF_EMPLOYMENT_ANNUAL_CASES: HmrcCase[] = [
  {
    source: src(PUT3, 'any valid request is made'),
    ...put('{N}', '{SE}', '2025-26', body),
    expect: 'passes',
  },
  ...putRows(PUT3, '2025-26', '2025-27'),
  {
    source: src(
      PUT3,
      'validation fails with RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED error (empty allowances)',
    ),
    ...put('{N}', '{SE}', '2025-26', withValue(body, '/allowances', {})),
    expect: bad(err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', ['/allowances'])),
  },
  {
    source: src(PUT3, 'validation fails with FORMAT_VALUE error'),
    ...put(
      '{N}',
      '{SE}',
      '2025-26',
      withValue(body, '/adjustments/includedNonTaxableProfits', 1.234),
    ),
    expect: bad(
      err(
        'FORMAT_VALUE',
        ['/adjustments/includedNonTaxableProfits'],
        'The value must be between 0 and 99999999999.99',
      ),
    ),
  },
  {
    source: src(PUT3, 'validation fails with RULE_BUILDING_NAME_NUMBER error'),
    ...put(
      '{N}',
      '{SE}',
      '2025-26',
      withValue(body, '/allowances/structuredBuildingAllowance', [
        withValue(withValue(building, '/building/name', undefined), '/building/number', undefined),
      ]),
    ),
    expect: bad(
      err('RULE_BUILDING_NAME_NUMBER', ['/allowances/structuredBuildingAllowance/0/building']),
    ),
  },
  {
    source: src(PUT3, 'validation fails with FORMAT_STRING error'),
    ...put('{N}', '{SE}', '2025-26', withBuilding('/building/postcode', 'X'.repeat(91))),
    expect: bad(
      err('FORMAT_STRING', ['/allowances/structuredBuildingAllowance/0/building/postcode']),
    ),
  },
  {
    source: src(PUT3, 'validation fails with RULE_BOTH_ALLOWANCES_SUPPLIED error'),
    ...put('{N}', '{SE}', '2025-26', withValue(body, '/allowances/tradingIncomeAllowance', 1.23)),
    expect: bad('RULE_BOTH_ALLOWANCES_SUPPLIED'),
  },
  {
    source: src(PUT3, 'validation fails with FORMAT_DATE error'),
    ...put('{N}', '{SE}', '2025-26', withBuilding('/firstYear/qualifyingDate', 'NOT-A-DATE')),
    expect: bad(
      err('FORMAT_DATE', ['/allowances/structuredBuildingAllowance/0/firstYear/qualifyingDate']),
    ),
  },
  {
    source: src(PUT3, 'validation fails with FORMAT_CLASS_4_EXEMPTION_REASON error'),
    ...put(
      '{N}',
      '{SE}',
      '2025-26',
      withValue(body, '/nonFinancials/class4NicsExemptionReason', 'not-a-valid-reason'),
    ),
    expect: bad('FORMAT_CLASS_4_EXEMPTION_REASON'),
  },
  {
    source: src(PUT3, 'validation fails with RULE_OVERLAP_RELIEF_USED_NOT_ALLOWED error'),
    ...put('{N}', '{SE}', '2025-26', withValue(body, '/adjustments/overlapReliefUsed', 200.12)),
    expect: bad(err('RULE_OVERLAP_RELIEF_USED_NOT_ALLOWED', ['/adjustments/overlapReliefUsed'])),
  },
  {
    source: src(PUT4, 'any valid request is made'),
    ...put('{N}', '{SE}', '2026-27', body),
    expect: 'passes',
  },
  ...putRows(PUT4, '2026-27', '2026-28'),
  {
    source: src(PUT3_V, 'only tradingIncomeAllowance is supplied'),
    ...put('{N}', '{SE}', '2025-26', { allowances: { tradingIncomeAllowance: 10.12 } }),
    expect: 'passes',
  },
  {
    source: src(PUT3_V, 'an empty body is submitted'),
    ...put('{N}', '{SE}', '2025-26', {}),
    expect: bad('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'),
  },
  {
    source: src(PUT3_V, 'an empty adjustments is submitted'),
    ...put('{N}', '{SE}', '2025-26', withValue(body, '/adjustments', {})),
    expect: bad(err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', ['/adjustments'])),
  },
  {
    source: src(PUT3_V, 'an empty nonFinancials is submitted'),
    ...put('{N}', '{SE}', '2025-26', withValue(body, '/nonFinancials', {})),
    expect: bad(
      err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', [
        '/nonFinancials/businessDetailsChangedRecently',
      ]),
    ),
  },
  ...(
    [
      ['a building without the mandatory postcode', '/building/postcode'],
      ['structuredBuildingAllowance without the mandatory amount field', '/amount'],
      ['a firstYear without the mandatory qualifyingDate field', '/firstYear/qualifyingDate'],
      [
        'a firstYear without the mandatory qualifyingAmountExpenditure field',
        '/firstYear/qualifyingAmountExpenditure',
      ],
    ] as const
  ).map(([name, pointer]): HmrcCase => ({
    source: src(PUT3_V, `structuredBuildingAllowance with ${name} is submitted`),
    ...put('{N}', '{SE}', '2025-26', withBuilding(pointer, undefined)),
    expect: bad(
      err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', [
        `/allowances/structuredBuildingAllowance/0${pointer}`,
      ]),
    ),
  })),
  {
    source: src(PUT3_V, 'an valid body with no transition profit value is submitted'),
    ...put(
      '{N}',
      '{SE}',
      '2025-26',
      withValue(body, '/adjustments/transitionProfitAccelerationAmount', 9.12),
    ),
    expect: bad('RULE_WRONG_TPA_AMOUNT_SUBMITTED'),
  },
  {
    source: src(
      PUT3_V,
      'the trading income allowance is capped at 1000',
      'ResolveParsedNumber(max = 1000) in Def3_CreateAmendAnnualSubmissionRulesValidator.scala',
    ),
    ...put('{N}', '{SE}', '2025-26', { allowances: { tradingIncomeAllowance: 1000.01 } }),
    expect: bad(
      err(
        'FORMAT_VALUE',
        ['/allowances/tradingIncomeAllowance'],
        'The value must be between 0 and 1000',
      ),
    ),
  },
  {
    source: src(
      FACTORY_V,
      'return the Validator for schema definition 1',
      'a 2023-24 body may still carry overlapReliefUsed',
    ),
    ...put('{N}', '{SE}', '2023-24', withValue(body, '/adjustments/overlapReliefUsed', 200.12)),
    expect: 'passes',
  },
  {
    source: src(
      FACTORY_V,
      'return the Validator for schema definition 4',
      'overlapReliefUsed is not in the 2026-27 model, so it is ignored',
    ),
    ...put('{N}', '{SE}', '2026-27', withValue(body, '/adjustments/overlapReliefUsed', 200.12)),
    expect: 'passes',
  },
  {
    source: src(GET3, 'any valid request is made'),
    ...get('{N}', '{SE}', '2025-26'),
    expect: 'passes',
  },
  ...(
    [
      ['AA123', 'XAIS12345678910', '2025-26', 'FORMAT_NINO'],
      ['{N}', '203100', '2025-26', 'FORMAT_BUSINESS_ID'],
      ['{N}', 'XAIS12345678910', 'NOT_TAX_YEAR', 'FORMAT_TAX_YEAR'],
      ['{N}', 'XAIS12345678910', '2020-22', 'RULE_TAX_YEAR_RANGE_INVALID'],
      ['{N}', 'XAIS12345678910', '2016-17', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    ] as const
  ).map(([nino, id, ty, code]): HmrcCase => ({
    source: src(GET3, `validation fails with ${code} error`),
    ...get(nino, id, ty),
    expect: bad(code),
  })),
  {
    source: src(
      GET3,
      'a bad business id and tax year together',
      `${NINO_FIRST}; the tax year alone picks the schema, so only it is reported`,
    ),
    ...get('{N}', '203100', '2016-17'),
    expect: bad('RULE_TAX_YEAR_NOT_SUPPORTED'),
  },
  {
    source: src(DELETE, 'any valid request is made'),
    ...del('{N}', '{SE}', '2025-26'),
    expect: 'passes',
  },
  ...(
    [
      ['Hippo', 'XAIS12345678910', '2025-26', 'FORMAT_NINO'],
      ['{N}', 'notABusinessId', '2025-26', 'FORMAT_BUSINESS_ID'],
      ['{N}', 'XAIS12345678910', 'NOT_TAX_YEAR', 'FORMAT_TAX_YEAR'],
      ['{N}', 'XAIS12345678910', '2016-17', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
      ['{N}', 'XAIS12345678910', '2025-27', 'RULE_TAX_YEAR_RANGE_INVALID'],
    ] as const
  ).map(([nino, id, ty, code]): HmrcCase => ({
    source: src(DELETE, `validation fails with ${code} error`),
    ...del(nino, id, ty),
    expect: bad(code),
  })),
  {
    source: src(
      DELETE,
      'a bad business id and tax year together',
      'Def1_DeleteAnnualSubmissionValidator.scala checks them together',
    ),
    ...del('{N}', 'notABusinessId', '2016-17'),
    expect: bad('FORMAT_BUSINESS_ID', 'RULE_TAX_YEAR_NOT_SUPPORTED'),
  },
];
