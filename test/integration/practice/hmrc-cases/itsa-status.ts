import { type HmrcCase, NINO_FIRST, REPOS, bad } from './case-types';

/** Self Assessment Individual Details 2.0: Retrieve ITSA Status. */
const ISPEC =
  'it/test/v2/endpoints/RetrieveItsaStatus/def1/Def1_RetrieveItsaStatusControllerISpec.scala';
const V = 'test/v2/retrieveItsaStatus/def1/Def1_RetrieveItsaStatusValidatorSpec.scala';

const src = (file: string, test: string, note?: string) => ({
  repo: REPOS.said,
  file,
  test,
  ...(note ? { note } : {}),
});
const status = (nino: string, ty: string, futureYears?: string, history?: string) => {
  const query = [
    ...(futureYears !== undefined ? [`futureYears=${futureYears}`] : []),
    ...(history !== undefined ? [`history=${history}`] : []),
  ].join('&');
  return {
    endpoint: 'itsa-status' as const,
    method: 'GET' as const,
    path: `/individuals/person/itsa-status/${nino}/${ty}${query ? `?${query}` : ''}`,
  };
};

export const ITSA_STATUS_CASES: HmrcCase[] = [
  {
    source: src(ISPEC, 'any valid request is made'),
    ...status('{N}', '2023-24', 'true', 'true'),
    expect: 'passes',
  },
  ...(
    [
      ['AA1123A', '2023-24', 'true', 'true', 'FORMAT_NINO'],
      ['{N}', '20199', 'true', 'true', 'FORMAT_TAX_YEAR'],
      ['{N}', '2023-24', 'A', 'true', 'FORMAT_FUTURE_YEARS'],
      ['{N}', '2023-24', 'true', 'B', 'FORMAT_HISTORY'],
    ] as const
  ).map(([nino, ty, future, history, code]): HmrcCase => ({
    source: src(ISPEC, `validation fails with ${code} error`),
    ...status(nino, ty, future, history),
    expect: bad(code),
  })),
  {
    source: src(
      V,
      'return no errors when the flags are given in any letter case',
      "Scala's toBooleanOption",
    ),
    ...status('{N}', '2025-26', 'TRUE', 'False'),
    expect: 'passes',
  },
  {
    source: src(V, 'a tax year range of more than one year'),
    ...status('{N}', '2023-25'),
    expect: bad('RULE_TAX_YEAR_RANGE_INVALID'),
  },
  {
    source: src(
      V,
      'multiple invalid fields',
      `${NINO_FIRST}; with a good NINO the other three come together`,
    ),
    ...status('{N}', 'invalid', 'yes', 'no'),
    expect: bad('FORMAT_FUTURE_YEARS', 'FORMAT_HISTORY', 'FORMAT_TAX_YEAR'),
  },
];
