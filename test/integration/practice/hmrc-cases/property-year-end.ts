import { type HmrcCase, NINO_FIRST, REPOS, bad, err, withValue } from './case-types';

/**
 * Property Business 6.0 year-end and foreign property endpoints: UK and foreign annual
 * submissions and their delete, foreign property cumulative summaries, foreign property details.
 */
const UK_PUT =
  'it/test/v6/createAmendUkPropertyAnnualSubmission/def2/Def2_CreateAmendUkPropertyAnnualSubmissionISpec.scala';
const UK_GET =
  'it/test/v6/retrieveUkPropertyAnnualSubmission/def2/Def2_RetrieveUkPropertyAnnualSubmissionISpec.scala';
const F_PUT =
  'it/test/v6/createAmendForeignPropertyAnnualSubmission/def3/Def3_CreateAmendForeignPropertyAnnualSubmissionISpec.scala';
const F_GET =
  'it/test/v6/retrieveForeignPropertyAnnualSubmission/def3/Def3_RetrieveForeignPropertyAnnualSubmissionISpec.scala';
const DEL_V =
  'test/v6/deletePropertyAnnualSubmission/def1/Def1_DeletePropertyAnnualSubmissionValidatorSpec.scala';
const C_PUT =
  'it/test/v6/createAmendForeignPropertyCumulativePeriodSummary/def2/Def2_CreateAmendForeignPropertyCumulativePeriodSummaryISpec.scala';
const C_GET1 =
  'it/test/v6/retrieveForeignPropertyCumulativeSummary/def1/Def1_RetrieveForeignPropertyCumulativeSummaryISpec.scala';
const C_GET2 =
  'it/test/v6/retrieveForeignPropertyCumulativeSummary/def2/Def2_RetrieveForeignPropertyCumulativeSummaryISpec.scala';
const D_CREATE =
  'it/test/v6/createForeignPropertyDetails/def1/Def1_CreateForeignPropertyDetailsISpec.scala';
const D_CREATE_V =
  'test/v6/createForeignPropertyDetails/def1/Def1_CreateForeignPropertyDetailsValidatorSpec.scala';
const D_UPDATE =
  'it/test/v6/updateForeignPropertyDetails/def1/Def1_UpdateForeignPropertyDetailsISpec.scala';
const D_GET =
  'it/test/v6/RetrieveForeignPropertyDetails/def1/Def1_RetrieveForeignPropertyDetailsHipISpec.scala';

const src = (file: string, test: string, note?: string) => ({
  repo: REPOS.pb,
  file,
  test,
  ...(note ? { note } : {}),
});
const BASE = '/individuals/business/property';
const ID = '8e8b8450-dc1b-4360-8109-7067337b42cb';

const ukPut = (nino: string, id: string, ty: string, body: unknown) => ({
  endpoint: 'pb-uk-annual-put' as const,
  method: 'PUT' as const,
  path: `${BASE}/uk/${nino}/${id}/annual/${ty}`,
  body,
});
const ukGet = (nino: string, id: string, ty: string) => ({
  endpoint: 'pb-uk-annual-get' as const,
  method: 'GET' as const,
  path: `${BASE}/uk/${nino}/${id}/annual/${ty}`,
});
const fPut = (nino: string, id: string, ty: string, body: unknown) => ({
  endpoint: 'pb-foreign-annual-put' as const,
  method: 'PUT' as const,
  path: `${BASE}/foreign/${nino}/${id}/annual/${ty}`,
  body,
});
const fGet = (nino: string, id: string, ty: string, propertyId?: string) => ({
  endpoint: 'pb-foreign-annual-get' as const,
  method: 'GET' as const,
  path: `${BASE}/foreign/${nino}/${id}/annual/${ty}${propertyId ? `?propertyId=${propertyId}` : ''}`,
});
const del = (nino: string, id: string, ty: string) => ({
  endpoint: 'pb-annual-delete' as const,
  method: 'DELETE' as const,
  path: `${BASE}/${nino}/${id}/annual/${ty}`,
});
const cPut = (nino: string, id: string, ty: string, body: unknown) => ({
  endpoint: 'pb-foreign-cumulative-put' as const,
  method: 'PUT' as const,
  path: `${BASE}/foreign/${nino}/${id}/cumulative/${ty}`,
  body,
});
const cGet = (nino: string, id: string, ty: string, propertyId?: string) => ({
  endpoint: 'pb-foreign-cumulative-get' as const,
  method: 'GET' as const,
  path: `${BASE}/foreign/${nino}/${id}/cumulative/${ty}${propertyId ? `?propertyId=${propertyId}` : ''}`,
});
const dCreate = (nino: string, id: string, ty: string, body: unknown) => ({
  endpoint: 'pb-foreign-details-create' as const,
  method: 'POST' as const,
  path: `${BASE}/foreign/${nino}/${id}/details/${ty}`,
  body,
});
const dGet = (nino: string, id: string, ty: string, propertyId: string) => ({
  endpoint: 'pb-foreign-details-get' as const,
  method: 'GET' as const,
  path: `${BASE}/foreign/${nino}/${id}/details/${ty}?propertyId=${propertyId}`,
});
const dUpdate = (nino: string, propertyId: string, ty: string, body: unknown) => ({
  endpoint: 'pb-foreign-details-update' as const,
  method: 'PUT' as const,
  path: `${BASE}/foreign/${nino}/details/${propertyId}/${ty}`,
  body,
});

const rows = (
  file: string,
  make: (nino: string, id: string, ty: string) => Omit<HmrcCase, 'source' | 'expect'>,
  list: readonly (readonly [string, string, string, string])[],
): HmrcCase[] =>
  list.map(([nino, id, ty, code]) => ({
    source: src(file, `validation fails with ${code} error`),
    ...make(nino, id, ty),
    expect: bad(code),
  }));

// UK property annual (def2). [PB Def2_CreateAmendUkPropertyAnnualSubmissionISpec.scala validRequestBodyJson]
const sba = (amount: number, date: string, spent: number, building: Record<string, string>) => ({
  amount,
  firstYear: { qualifyingDate: date, qualifyingAmountExpenditure: spent },
  building,
});
const uk = (o: {
  figures?: number[];
  sba?: ReturnType<typeof sba>;
  esba?: ReturnType<typeof sba>;
  extra?: Record<string, unknown>;
  withoutPrivateUse?: boolean;
}) => {
  const [aia, bpra, other, replacing, zeca, charge, privateUse, bpraCharges] = o.figures ?? [
    2000.5, 2000.7, 2000.8, 2000.9, 3000.2, 2000.2, 2000.3, 2000.4,
  ];
  return {
    ukProperty: {
      allowances: {
        ...o.extra,
        annualInvestmentAllowance: aia,
        businessPremisesRenovationAllowance: bpra,
        otherCapitalAllowance: other,
        costOfReplacingDomesticItems: replacing,
        structuredBuildingAllowance: [
          o.sba ?? sba(3000.3, '2020-01-01', 3000.4, { name: 'house name', postcode: 'GF49JH' }),
        ],
        enhancedStructuredBuildingAllowance: [
          o.esba ??
            sba(3000.5, '2020-01-01', 3000.6, { number: 'house number', postcode: 'GF49JH' }),
        ],
        zeroEmissionsCarAllowance: zeca,
      },
      adjustments: {
        balancingCharge: charge,
        ...(o.withoutPrivateUse ? {} : { privateUseAdjustment: privateUse }),
        businessPremisesRenovationAllowanceBalancingCharges: bpraCharges,
        nonResidentLandlord: true,
        rentARoom: { jointlyLet: true },
      },
    },
  };
};
const ukValuePaths = [
  '/ukProperty/adjustments/balancingCharge',
  '/ukProperty/adjustments/privateUseAdjustment',
  '/ukProperty/adjustments/businessPremisesRenovationAllowanceBalancingCharges',
  '/ukProperty/allowances/annualInvestmentAllowance',
  '/ukProperty/allowances/businessPremisesRenovationAllowance',
  '/ukProperty/allowances/otherCapitalAllowance',
  '/ukProperty/allowances/costOfReplacingDomesticItems',
  '/ukProperty/allowances/zeroEmissionsCarAllowance',
  '/ukProperty/allowances/structuredBuildingAllowance/0/firstYear/qualifyingAmountExpenditure',
  '/ukProperty/allowances/structuredBuildingAllowance/0/amount',
  '/ukProperty/allowances/enhancedStructuredBuildingAllowance/0/firstYear/qualifyingAmountExpenditure',
  '/ukProperty/allowances/enhancedStructuredBuildingAllowance/0/amount',
];
const ukStringPaths = [
  '/ukProperty/allowances/structuredBuildingAllowance/0/building/name',
  '/ukProperty/allowances/structuredBuildingAllowance/0/building/postcode',
  '/ukProperty/allowances/enhancedStructuredBuildingAllowance/0/building/number',
  '/ukProperty/allowances/enhancedStructuredBuildingAllowance/0/building/postcode',
];
const ukDatePaths = [
  '/ukProperty/allowances/structuredBuildingAllowance/0/firstYear/qualifyingDate',
  '/ukProperty/allowances/enhancedStructuredBuildingAllowance/0/firstYear/qualifyingDate',
];
const ukValid = uk({});
const ukBadValues = uk({
  figures: [
    2000.563543, 2000.74536, 2000.824352, 2000.9064532, 3000.236456, 2000.2653, 2000.264523,
    2000.43456,
  ],
  sba: sba(3000.303645, '2020-01-01', 3000.423452, { name: 'house name', postcode: 'GF49JH' }),
  esba: sba(3000.53456, '2020-01-01', 3000.65643, { number: 'house number', postcode: 'GF49JH' }),
});

const ukAnnual: HmrcCase[] = [
  {
    source: src(UK_PUT, 'any valid request is made with a Tax Year Specific tax year'),
    ...ukPut('{N}', '{PB}', '2025-26', ukValid),
    expect: 'passes',
  },
  {
    source: src(UK_PUT, 'all field validations fail on the request body'),
    ...ukPut(
      '{N}',
      '{PB}',
      '2025-26',
      uk({
        figures: [
          2000.545678, 2000.756789, 2000.5678908, 2000.956789, 3000.4567892, 2000.678902,
          2000.3456789, 2000.45678,
        ],
        sba: sba(3000.3678, '202456780-01-01', 3000.456789, {
          name: 'house name*',
          postcode: 'GF49JH*',
        }),
        esba: sba(3000.534567, '24568020-01-01', 3000.6456789, {
          number: 'house number*',
          postcode: 'GF49JH*',
        }),
      }),
    ),
    expect: bad(
      err('FORMAT_DATE', ukDatePaths),
      err('FORMAT_STRING', ukStringPaths),
      err('FORMAT_VALUE', ukValuePaths),
    ),
  },
  ...rows(UK_PUT, (n, i, t) => ukPut(n, i, t, ukValid), [
    ['AA1123A', 'XAIS12345678910', '2025-26', 'FORMAT_NINO'],
    ['{N}', 'XAIS12345678910', '202362-23', 'FORMAT_TAX_YEAR'],
    ['{N}', 'XAIS1234dfxgchjbn5678910', '2025-26', 'FORMAT_BUSINESS_ID'],
    ['{N}', 'XAIS12345678910', '2025-28', 'RULE_TAX_YEAR_RANGE_INVALID'],
  ]),
  {
    source: src(UK_PUT, 'validation fails with RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED error'),
    ...ukPut('{N}', 'XAIS12345678910', '2025-26', {}),
    expect: bad('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'),
  },
  {
    source: src(UK_PUT, 'validation fails with FORMAT_VALUE error'),
    ...ukPut('{N}', 'XAIS12345678910', '2025-26', ukBadValues),
    expect: bad(
      err('FORMAT_VALUE', ukValuePaths, 'The value must be between 0 and 99999999999.99'),
    ),
  },
  {
    source: src(UK_PUT, 'validation fails with FORMAT_DATE error'),
    ...ukPut(
      '{N}',
      'XAIS12345678910',
      '2025-26',
      uk({
        sba: sba(3000.3, '2034620-01-01', 3000.4, { name: 'house name', postcode: 'GF49JH' }),
        esba: sba(3000.5, '2031420-01-01', 3000.6, { number: 'house number', postcode: 'GF49JH' }),
      }),
    ),
    expect: bad(err('FORMAT_DATE', ukDatePaths, 'The supplied date format is not valid')),
  },
  {
    source: src(UK_PUT, 'validation fails with FORMAT_STRING error'),
    ...ukPut(
      '{N}',
      'XAIS12345678910',
      '2025-26',
      uk({
        sba: sba(3000.3, '2020-01-01', 3000.4, { name: 'house name*', postcode: 'GF49JH*' }),
        esba: sba(3000.5, '2020-01-01', 3000.6, { number: 'house number*', postcode: 'GF49JH*' }),
      }),
    ),
    expect: bad(err('FORMAT_STRING', ukStringPaths, 'The supplied string format is not valid')),
  },
  {
    source: src(UK_PUT, 'validation fails with RULE_BUILDING_NAME_NUMBER error'),
    ...ukPut(
      '{N}',
      'XAIS12345678910',
      '2025-26',
      uk({
        sba: sba(3000.3, '2020-01-01', 3000.4, { postcode: 'GF49JH' }),
        esba: sba(3000.5, '2020-01-01', 3000.6, { postcode: 'GF49JH' }),
      }),
    ),
    expect: bad(
      err('RULE_BUILDING_NAME_NUMBER', [
        '/ukProperty/allowances/structuredBuildingAllowance/0/building',
        '/ukProperty/allowances/enhancedStructuredBuildingAllowance/0/building',
      ]),
    ),
  },
  {
    source: src(UK_PUT, 'validation fails with RULE_BOTH_ALLOWANCES_SUPPLIED error'),
    ...ukPut(
      '{N}',
      'XAIS12345678910',
      '2025-26',
      uk({ extra: { propertyIncomeAllowance: 1000 }, withoutPrivateUse: true }),
    ),
    expect: bad(
      err(
        'RULE_BOTH_ALLOWANCES_SUPPLIED',
        ['/ukProperty/allowances'],
        'Both allowances and property allowances must not be present at the same time',
      ),
    ),
  },
  {
    source: src(
      UK_PUT,
      'the property income allowance is capped at 1000',
      'ResolveParsedNumber(max = 1000.00) in Def2_CreateAmendUkPropertyAnnualSubmissionRulesValidator.scala',
    ),
    ...ukPut('{N}', '{PB}', '2025-26', {
      ukProperty: { allowances: { propertyIncomeAllowance: 1000.01 } },
    }),
    expect: bad(
      err(
        'FORMAT_VALUE',
        ['/ukProperty/allowances/propertyIncomeAllowance'],
        'The value must be between 0 and 1000.0',
      ),
    ),
  },
  {
    source: src(UK_GET, 'any valid request is made'),
    ...ukGet('{N}', '{PB}', '2022-23'),
    expect: 'passes',
  },
  ...rows(UK_GET, (n, i, t) => ukGet(n, i, t), [
    ['AA123', 'XAIS12345678910', '2022-23', 'FORMAT_NINO'],
    ['{N}', 'XAIS12345678910', '2020', 'FORMAT_TAX_YEAR'],
    ['{N}', '203100', '2022-23', 'FORMAT_BUSINESS_ID'],
    ['{N}', 'XAIS12345678910', '2020-23', 'RULE_TAX_YEAR_RANGE_INVALID'],
    ['{N}', 'XAIS12345678910', '2019-20', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
  ]),
];

// Foreign property annual (def3, 2026-27). [PB Def3_CreateAmendForeignPropertyAnnualSubmissionISpec.scala]
const foreignEntry = {
  propertyId: ID,
  adjustments: { privateUseAdjustment: 1.25, balancingCharge: 2.25 },
  allowances: {
    annualInvestmentAllowance: 1.25,
    costOfReplacingDomesticItems: 2.25,
    otherCapitalAllowance: 4.25,
    zeroEmissionsCarAllowance: 6.25,
    structuredBuildingAllowance: [
      sba(3000.3, '2020-01-01', 3000.4, {
        name: 'house name',
        number: 'house number',
        postcode: 'GF49JH',
      }),
    ],
  },
};
const foreign = (entry: unknown) => ({ foreignProperty: [entry] });
const sbaBase = '/foreignProperty/0/allowances/structuredBuildingAllowance/0';

const foreignAnnual: HmrcCase[] = [
  {
    source: src(F_PUT, 'any valid request is made'),
    ...fPut('{N}', '{FP}', '2026-27', foreign(foreignEntry)),
    expect: 'passes',
  },
  {
    source: src(F_PUT, 'field type validations fail on the request body'),
    ...fPut(
      '{N}',
      '{FP}',
      '2026-27',
      foreign({
        propertyId: ID,
        adjustments: { privateUseAdjustment: 'OK', balancingCharge: 'OK' },
        allowances: {
          annualInvestmentAllowance: 'OK',
          costOfReplacingDomesticItems: 2.25,
          otherCapitalAllowance: 4.25,
          zeroEmissionsCarAllowance: 6.25,
          structuredBuildingAllowance: [
            {
              amount: 3000.3,
              firstYear: { qualifyingDate: 1.25, qualifyingAmountExpenditure: 3000.4 },
              building: { name: 11, number: 44, postcode: 99 },
            },
          ],
        },
      }),
    ),
    expect: bad(
      err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', [
        '/foreignProperty/0/adjustments/balancingCharge',
        '/foreignProperty/0/adjustments/privateUseAdjustment',
        '/foreignProperty/0/allowances/annualInvestmentAllowance',
        `${sbaBase}/building/name`,
        `${sbaBase}/building/number`,
        `${sbaBase}/building/postcode`,
        `${sbaBase}/firstYear/qualifyingDate`,
      ]),
    ),
  },
  {
    source: src(F_PUT, 'field data validations fail on the request body'),
    ...fPut(
      '{N}',
      '{FP}',
      '2026-27',
      foreign({
        propertyId: ID,
        adjustments: { privateUseAdjustment: 123.456, balancingCharge: 123.456 },
        allowances: {
          annualInvestmentAllowance: 123.456,
          costOfReplacingDomesticItems: 2.25,
          otherCapitalAllowance: 4.25,
          zeroEmissionsCarAllowance: 6.25,
          structuredBuildingAllowance: [
            sba(3000.3, '9999-99-99', 3000.4, {
              name: 'x * 91',
              number: 'x * 91',
              postcode: 'x * 91',
            }),
          ],
        },
      }),
    ),
    expect: bad(
      err('FORMAT_DATE', [`${sbaBase}/firstYear/qualifyingDate`]),
      err('FORMAT_STRING', [
        `${sbaBase}/building/postcode`,
        `${sbaBase}/building/name`,
        `${sbaBase}/building/number`,
      ]),
      err('FORMAT_VALUE', [
        '/foreignProperty/0/adjustments/privateUseAdjustment',
        '/foreignProperty/0/adjustments/balancingCharge',
        '/foreignProperty/0/allowances/annualInvestmentAllowance',
      ]),
    ),
  },
  ...rows(F_PUT, (n, i, t) => fPut(n, i, t, foreign(foreignEntry)), [
    ['AA1123A', 'XAIS12345678910', '2026-27', 'FORMAT_NINO'],
    ['{N}', 'XAIS12345678910', '202362-23', 'FORMAT_TAX_YEAR'],
    ['{N}', 'XAIS1234dfxgchjbn5678910', '2026-27', 'FORMAT_BUSINESS_ID'],
    ['{N}', 'XAIS12345678910', '2021-24', 'RULE_TAX_YEAR_RANGE_INVALID'],
  ]),
  {
    source: src(F_PUT, 'validation fails with RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED error'),
    ...fPut('{N}', 'XAIS12345678910', '2026-27', {}),
    expect: bad('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'),
  },
  {
    source: src(F_PUT, 'validation fails with FORMAT_PROPERTY_ID error'),
    ...fPut(
      '{N}',
      'XAIS12345678910',
      '2026-27',
      foreign({
        propertyId: '1111',
        adjustments: { privateUseAdjustment: 1.25, balancingCharge: 2.25 },
      }),
    ),
    expect: bad(err('FORMAT_PROPERTY_ID', ['/foreignProperty/0/propertyId'])),
  },
  {
    source: src(F_PUT, 'validation fails with RULE_BOTH_ALLOWANCES_SUPPLIED error'),
    ...fPut(
      '{N}',
      'XAIS12345678910',
      '2026-27',
      foreign({
        propertyId: ID,
        allowances: {
          annualInvestmentAllowance: 1.25,
          costOfReplacingDomesticItems: 2.25,
          otherCapitalAllowance: 4.25,
          zeroEmissionsCarAllowance: 6.25,
          propertyIncomeAllowance: 5.25,
        },
      }),
    ),
    expect: bad(err('RULE_BOTH_ALLOWANCES_SUPPLIED', ['/foreignProperty/0/allowances'])),
  },
  {
    source: src(F_PUT, 'validation fails with RULE_BUILDING_NAME_NUMBER error'),
    ...fPut(
      '{N}',
      'XAIS12345678910',
      '2026-27',
      foreign({
        propertyId: ID,
        allowances: {
          structuredBuildingAllowance: [{ amount: 3000.3, building: { postcode: 'GF49JH' } }],
        },
      }),
    ),
    expect: bad(err('RULE_BUILDING_NAME_NUMBER', [`${sbaBase}/building`])),
  },
  {
    source: src(F_PUT, 'validation fails with RULE_DUPLICATE_PROPERTY_ID error'),
    ...fPut('{N}', 'XAIS12345678910', '2026-27', { foreignProperty: [foreignEntry, foreignEntry] }),
    expect: bad(
      err(
        'RULE_DUPLICATE_PROPERTY_ID',
        ['/foreignProperty/0/propertyId', '/foreignProperty/1/propertyId'],
        `The property ID '${ID}' is duplicated for multiple properties`,
      ),
    ),
  },
  {
    source: src(F_GET, 'any valid request is made'),
    ...fGet('{N}', '{FP}', '2026-27', ID),
    expect: 'passes',
  },
  ...(
    [
      ['AA123', 'XAIS12345678910', '2026-27', ID, 'FORMAT_NINO'],
      ['{N}', '203100', '2026-27', ID, 'FORMAT_BUSINESS_ID'],
      ['{N}', 'XAIS12345678910', '2026', ID, 'FORMAT_TAX_YEAR'],
      ['{N}', 'XAIS12345678910', '2026-27', '8e8b8450', 'FORMAT_PROPERTY_ID'],
      ['{N}', 'XAIS12345678910', '2026-28', ID, 'RULE_TAX_YEAR_RANGE_INVALID'],
      ['{N}', 'XAIS12345678910', '2019-20', ID, 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    ] as const
  ).map(([nino, id, ty, pid, code]): HmrcCase => ({
    source: src(F_GET, `validation fails with ${code} error`),
    ...fGet(nino, id, ty, pid),
    expect: bad(code),
  })),
  {
    source: src(DEL_V, 'passed a valid request'),
    ...del('{N}', '{PB}', '2025-26'),
    expect: 'passes',
  },
  {
    source: src(DEL_V, 'passed the minimum supported taxYear'),
    ...del('{N}', '{FP}', '2021-22'),
    expect: 'passes',
  },
  {
    source: src(DEL_V, 'passed an invalid nino'),
    ...del('invalid nino', '{PB}', '2025-26'),
    expect: bad('FORMAT_NINO'),
  },
  {
    source: src(DEL_V, 'passed an incorrectly formatted taxYear'),
    ...del('{N}', '{PB}', '202324'),
    expect: bad('FORMAT_TAX_YEAR'),
  },
  {
    source: src(DEL_V, 'passed an incorrectly formatted businessId'),
    ...del('{N}', 'invalid business id', '2025-26'),
    expect: bad('FORMAT_BUSINESS_ID'),
  },
  {
    source: src(DEL_V, 'passed a taxYear immediately before the minimum supported'),
    ...del('{N}', '{PB}', '2020-21'),
    expect: bad('RULE_TAX_YEAR_NOT_SUPPORTED'),
  },
  {
    source: src(DEL_V, 'passed a taxYear spanning an invalid tax year range'),
    ...del('{N}', '{PB}', '2020-22'),
    expect: bad('RULE_TAX_YEAR_RANGE_INVALID'),
  },
  {
    source: src(
      DEL_V,
      'the request has multiple issues (path parameters)',
      `${NINO_FIRST}; with a good NINO the other two come together`,
    ),
    ...del('{N}', 'invalid', 'invalid'),
    expect: bad('FORMAT_BUSINESS_ID', 'FORMAT_TAX_YEAR'),
  },
];

// Foreign property cumulative summary (def2, 2026-27). [PB Def2_CreateAmendForeignPropertyCumulativePeriodSummaryISpec.scala]
const cEntry = (propertyId: string, premisesRunningCosts = 3123.21) => ({
  propertyId,
  expenses: { premisesRunningCosts },
});
const cBody = (...entries: unknown[]) => ({
  fromDate: '2026-04-06',
  toDate: '2026-07-05',
  foreignProperty: entries,
});
const cValid = cBody(cEntry(ID));

const foreignCumulative: HmrcCase[] = [
  {
    source: src(C_PUT, 'any valid request is made'),
    ...cPut('{N}', '{FP}', '2026-27', cValid),
    expect: 'passes',
  },
  ...rows(C_PUT, (n, i, t) => cPut(n, i, t, cValid), [
    ['AA1123A', 'XAIS12345678910', '2026-27', 'FORMAT_NINO'],
    ['{N}', 'XA***IS1', '2026-27', 'FORMAT_BUSINESS_ID'],
    ['{N}', 'XAIS12345678910', '20256', 'FORMAT_TAX_YEAR'],
    ['{N}', 'XAIS12345678910', '2026-28', 'RULE_TAX_YEAR_RANGE_INVALID'],
    ['{N}', 'XAIS12345678910', '2024-25', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
  ]),
  {
    source: src(C_PUT, 'validation fails with FORMAT_VALUE error'),
    ...cPut('{N}', 'XAIS12345678910', '2026-27', cBody(cEntry(ID, 1.234))),
    expect: bad(
      err(
        'FORMAT_VALUE',
        ['/foreignProperty/0/expenses/premisesRunningCosts'],
        'The value must be between -99999999999.99 and 99999999999.99',
      ),
    ),
  },
  {
    source: src(C_PUT, 'validation fails with RULE_BOTH_EXPENSES_SUPPLIED error'),
    ...cPut(
      '{N}',
      'XAIS12345678910',
      '2026-27',
      cBody({
        propertyId: ID,
        expenses: { premisesRunningCosts: 3123.21, consolidatedExpenses: 1.23 },
      }),
    ),
    expect: bad(err('RULE_BOTH_EXPENSES_SUPPLIED', ['/foreignProperty/0/expenses'])),
  },
  {
    source: src(C_PUT, 'validation fails with RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED error'),
    ...cPut('{N}', 'XAIS12345678910', '2026-27', {}),
    expect: bad('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'),
  },
  {
    source: src(C_PUT, 'validation fails with FORMAT_FROM_DATE error'),
    ...cPut('{N}', 'XAIS12345678910', '2026-27', withValue(cValid, '/fromDate', 'XX')),
    expect: bad('FORMAT_FROM_DATE'),
  },
  {
    source: src(C_PUT, 'validation fails with FORMAT_TO_DATE error'),
    ...cPut('{N}', 'XAIS12345678910', '2026-27', withValue(cValid, '/toDate', 'XX')),
    expect: bad('FORMAT_TO_DATE'),
  },
  {
    source: src(
      C_PUT,
      'validation fails with RULE_MISSING_SUBMISSION_DATES error for a missing fromDate',
    ),
    ...cPut('{N}', 'XAIS12345678910', '2026-27', withValue(cValid, '/fromDate', undefined)),
    expect: bad('RULE_MISSING_SUBMISSION_DATES'),
  },
  {
    source: src(
      C_PUT,
      'validation fails with RULE_MISSING_SUBMISSION_DATES error for a missing toDate',
    ),
    ...cPut('{N}', 'XAIS12345678910', '2026-27', withValue(cValid, '/toDate', undefined)),
    expect: bad('RULE_MISSING_SUBMISSION_DATES'),
  },
  {
    source: src(C_PUT, 'validation fails with RULE_TO_DATE_BEFORE_FROM_DATE error'),
    ...cPut('{N}', 'XAIS12345678910', '2026-27', withValue(cValid, '/toDate', '1999-01-01')),
    expect: bad('RULE_TO_DATE_BEFORE_FROM_DATE'),
  },
  {
    source: src(C_PUT, 'validation fails with FORMAT_PROPERTY_ID error'),
    ...cPut('{N}', 'XAIS12345678910', '2026-27', cBody(cEntry('Not-a-uuid'))),
    expect: bad(err('FORMAT_PROPERTY_ID', ['/foreignProperty/0/propertyId'])),
  },
  {
    source: src(C_PUT, 'validation fails with RULE_DUPLICATE_PROPERTY_ID error'),
    ...cPut('{N}', 'XAIS12345678910', '2026-27', cBody(cEntry(ID), cEntry(ID))),
    expect: bad(
      err('RULE_DUPLICATE_PROPERTY_ID', [
        '/foreignProperty/0/propertyId',
        '/foreignProperty/1/propertyId',
      ]),
    ),
  },
  {
    source: src(
      C_PUT,
      'a 2025-26 entry is per country',
      'def1: RULE_COUNTRY_CODE for a code HMRC does not permit, FORMAT_COUNTRY_CODE for one not 3 long',
    ),
    ...cPut('{N}', '{FP}', '2025-26', {
      fromDate: '2025-04-06',
      toDate: '2025-07-05',
      foreignProperty: [
        { countryCode: 'ABC', expenses: { premisesRunningCosts: 1 } },
        { countryCode: 'FRANCE', expenses: { premisesRunningCosts: 1 } },
      ],
    }),
    expect: bad(
      err('FORMAT_COUNTRY_CODE', ['/foreignProperty/1/countryCode']),
      err('RULE_COUNTRY_CODE', ['/foreignProperty/0/countryCode']),
    ),
  },
  {
    source: src(C_GET2, 'successful request is made'),
    ...cGet('{N}', '{FP}', '2026-27', ID),
    expect: 'passes',
  },
  ...(
    [
      ['AA1123A', 'XAIS12345678910', '2026-27', ID, 'FORMAT_NINO'],
      ['{N}', 'XAIS12345678910', 'BAD_TAX_YEAR', ID, 'FORMAT_TAX_YEAR'],
      ['{N}', 'XAIS12345678910', '2026-27', 'BAD_PROPERTY_ID', 'FORMAT_PROPERTY_ID'],
      ['{N}', 'XAIS12345678910', '2025-27', ID, 'RULE_TAX_YEAR_RANGE_INVALID'],
      ['{N}', 'XAIS12345678910', '2024-25', ID, 'RULE_TAX_YEAR_NOT_SUPPORTED'],
      ['{N}', 'BAD_BUSINESS_ID', '2026-27', ID, 'FORMAT_BUSINESS_ID'],
    ] as const
  ).map(([nino, id, ty, pid, code]): HmrcCase => ({
    source: src(C_GET2, `validation fails with ${code} error`),
    ...cGet(nino, id, ty, pid),
    expect: bad(code),
  })),
  ...rows(C_GET1, (n, i, t) => cGet(n, i, t), [
    ['AA1123A', 'XAIS12345678910', '2025-26', 'FORMAT_NINO'],
    ['{N}', 'XAIS12345678910', 'BAD_TAX_YEAR', 'FORMAT_TAX_YEAR'],
    ['{N}', 'XAIS12345678910', '2025-27', 'RULE_TAX_YEAR_RANGE_INVALID'],
    ['{N}', 'XAIS12345678910', '2024-25', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
    ['{N}', 'BAD_BUSINESS_ID', '2025-26', 'FORMAT_BUSINESS_ID'],
  ]),
];

// Foreign property details (2026-27 on). [PB Def1_CreateForeignPropertyDetailsISpec.scala requestBody]
const details = {
  propertyName: 'Bob & Bobby Co',
  countryCode: 'FRA',
  endDate: '2026-08-24',
  endReason: 'no-longer-renting-property-out',
};
const update = {
  propertyName: 'Bob & Bobby Co',
  endDate: '2026-08-24',
  endReason: 'no-longer-renting-property-out',
};
const bodyRows = (
  file: string,
  make: (body: unknown) => Omit<HmrcCase, 'source' | 'expect'>,
  base: Record<string, unknown>,
  list: readonly (readonly [pointer: string, value: unknown, code: string, name?: string])[],
): HmrcCase[] =>
  list.map(([pointer, value, code, name]) => ({
    source: src(file, `validation fails with ${code} error${name ? ` ${name}` : ''}`),
    ...make(withValue(base, pointer, value)),
    expect: bad(code),
  }));

const foreignDetails: HmrcCase[] = [
  {
    source: src(D_CREATE, 'any valid request is made'),
    ...dCreate('{N}', '{FP}', '2026-27', details),
    expect: 'passes',
  },
  ...rows(D_CREATE, (n, i, t) => dCreate(n, i, t, details), [
    ['AA1123A', 'XAIS12345678910', '2026-27', 'FORMAT_NINO'],
    ['{N}', 'XAIS12345678910', '2020', 'FORMAT_TAX_YEAR'],
    ['{N}', '203100', '2026-27', 'FORMAT_BUSINESS_ID'],
    ['{N}', 'XAIS12345678910', '2026-28', 'RULE_TAX_YEAR_RANGE_INVALID'],
    ['{N}', 'XAIS12345678910', '2025-26', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
  ]),
  ...bodyRows(D_CREATE, (b) => dCreate('{N}', 'XAIS12345678910', '2026-27', b), details, [
    ['/propertyName', '', 'FORMAT_PROPERTY_NAME'],
    ['/countryCode', 'FRANCE', 'FORMAT_COUNTRY_CODE'],
    ['/endDate', '24-08-2026', 'FORMAT_END_DATE'],
    ['/endReason', 'invalid', 'FORMAT_END_REASON'],
    ['/countryCode', 'ABC', 'RULE_COUNTRY_CODE'],
    ['/endDate', '2026-03-31', 'RULE_END_DATE_BEFORE_TAX_YEAR_START'],
    ['/endDate', '2027-05-24', 'RULE_END_DATE_AFTER_TAX_YEAR_END'],
    ['/endDate', undefined, 'RULE_MISSING_END_DETAILS', 'for missing end date'],
    ['/endReason', undefined, 'RULE_MISSING_END_DETAILS', 'for missing end reason'],
  ]),
  {
    source: src(D_CREATE, 'validation fails with RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED error'),
    ...dCreate('{N}', 'XAIS12345678910', '2026-27', {}),
    expect: bad('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'),
  },
  {
    source: src(D_CREATE_V, "passed a request with no 'endDate' and 'endReason'"),
    ...dCreate('{N}', '{FP}', '2026-27', { propertyName: 'Bob & Bobby Co', countryCode: 'FRA' }),
    expect: 'passes',
  },
  {
    source: src(D_CREATE_V, 'passed a body without country code'),
    ...dCreate('{N}', '{FP}', '2026-27', { propertyName: 'Bob & Bobby Co' }),
    expect: bad(err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', ['/countryCode'])),
  },
  {
    source: src(
      D_CREATE_V,
      'passed a body with an invalidly formatted propertyName and missing end details',
    ),
    ...dCreate('{N}', '{FP}', '2026-27', {
      propertyName: '',
      countryCode: 'FRA',
      endDate: '2026-08-24',
    }),
    expect: bad('FORMAT_PROPERTY_NAME', 'RULE_MISSING_END_DETAILS'),
  },
  {
    source: src(D_UPDATE, 'any valid request is made'),
    ...dUpdate('{N}', ID, '2026-27', update),
    expect: 'passes',
  },
  ...rows(D_UPDATE, (n, pid, t) => dUpdate(n, pid, t, update), [
    ['AA1123A', ID, '2026-27', 'FORMAT_NINO'],
    ['{N}', ID, '20267', 'FORMAT_TAX_YEAR'],
    ['{N}', '8e8-db-60-89-706733*', '2026-27', 'FORMAT_PROPERTY_ID'],
    ['{N}', ID, '2026-28', 'RULE_TAX_YEAR_RANGE_INVALID'],
    ['{N}', ID, '2025-26', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
  ]),
  ...bodyRows(D_UPDATE, (b) => dUpdate('{N}', ID, '2026-27', b), update, [
    ['/propertyName', '', 'FORMAT_PROPERTY_NAME'],
    ['/endDate', '24-08-2026', 'FORMAT_END_DATE'],
    ['/endReason', 'invalid', 'FORMAT_END_REASON'],
    ['/endDate', '2026-03-31', 'RULE_END_DATE_BEFORE_TAX_YEAR_START'],
    ['/endDate', '2027-05-24', 'RULE_END_DATE_AFTER_TAX_YEAR_END'],
    ['/endDate', undefined, 'RULE_MISSING_END_DETAILS', 'for missing end date'],
    ['/endReason', undefined, 'RULE_MISSING_END_DETAILS', 'for missing end reason'],
  ]),
  {
    source: src(D_UPDATE, 'validation fails with RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED error'),
    ...dUpdate('{N}', ID, '2026-27', {}),
    expect: bad('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'),
  },
  {
    source: src(D_GET, 'successful request is made'),
    ...dGet('{N}', '{FP}', '2026-27', ID),
    expect: 'passes',
  },
  ...(
    [
      ['AA1123A', 'XAIS12345678910', '2026-27', ID, 'FORMAT_NINO'],
      ['{N}', 'BAD_BUSINESS_ID', '2026-27', ID, 'FORMAT_BUSINESS_ID'],
      ['{N}', 'XAIS12345678910', 'BAD_TAX_YEAR', ID, 'FORMAT_TAX_YEAR'],
      ['{N}', 'XAIS12345678910', '2026-27', 'BAD_PROPERTY_ID', 'FORMAT_PROPERTY_ID'],
      ['{N}', 'XAIS12345678910', '2025-26', ID, 'RULE_TAX_YEAR_NOT_SUPPORTED'],
      ['{N}', 'XAIS12345678910', '2026-28', ID, 'RULE_TAX_YEAR_RANGE_INVALID'],
    ] as const
  ).map(([nino, id, ty, pid, code]): HmrcCase => ({
    source: src(D_GET, `validation fails with ${code} error`),
    ...dGet(nino, id, ty, pid),
    expect: bad(code),
  })),
];

export const PROPERTY_YEAR_END_CASES: HmrcCase[] = [
  ...ukAnnual,
  ...foreignAnnual,
  ...foreignCumulative,
  ...foreignDetails,
];
