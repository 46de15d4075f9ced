import { type HmrcCase, NINO_FIRST, REPOS, bad } from './case-types';

/** Individual Calculations 8.0: trigger, list, retrieve, submit final declaration. */
const TRIGGER = 'it/test/v8/triggerCalculation/TriggerCalculationControllerISpec.scala';
const TRIGGER_V = 'test/v8/triggerCalculation/def1/Def1_TriggerCalculationValidatorSpec.scala';
const LIST = (def: 1 | 2 | 3) =>
  def === 1
    ? 'it/test/v8/listCalculations/def1/ListCalculationsControllerHipISpec.scala'
    : `it/test/v8/listCalculations/def${def}/ListCalculationsControllerISpec.scala`;
const LIST_V = (def: 1 | 2) =>
  `test/v8/listCalculations/def${def}/Def${def}_ListCalculationsValidatorSpec.scala`;
const RETRIEVE = (def: 1 | 2 | 3 | 4) =>
  `it/test/v8/retrieveCalculation/def${def}/Def${def}_RetrieveCalculationControllerHipISpec.scala`;
const SUBMIT = 'it/test/v8/submitFinalDeclaration/def1/Def1_SubmitFinalDeclarationISpec.scala';
const SUBMIT_V =
  'test/v8/submitFinalDeclaration/def1/Def1_SubmitFinalDeclarationValidatorSpec.scala';
const ID = 'f2fb30e5-4ab6-4a29-b3c1-c7264259ff1c';

const base = (nino: string, ty: string) =>
  `/individuals/calculations/${nino}/self-assessment/${ty}`;
const trigger = (nino: string, ty: string, type: string) => ({
  endpoint: 'ic-trigger' as const,
  method: 'POST' as const,
  path: `${base(nino, ty)}/trigger/${type}`,
});
const list = (nino: string, ty: string, type?: string) => ({
  endpoint: 'ic-list' as const,
  method: 'GET' as const,
  path: `${base(nino, ty)}${type ? `?calculationType=${type}` : ''}`,
});
const retrieve = (nino: string, ty: string, id: string) => ({
  endpoint: 'ic-retrieve' as const,
  method: 'GET' as const,
  path: `${base(nino, ty)}/${encodeURIComponent(id)}`,
});
const submit = (nino: string, ty: string, id: string, type: string) => ({
  endpoint: 'ic-submit' as const,
  method: 'POST' as const,
  path: `${base(nino, ty)}/${encodeURIComponent(id)}/${type}`,
});
const src = (file: string, test: string, note?: string) => ({
  repo: REPOS.ic,
  file,
  test,
  ...(note ? { note } : {}),
});
const validation = (file: string, code: string) => src(file, `validation fails with ${code} error`);

const triggerRows = (heading: string, amendYear: string): HmrcCase[] => [
  {
    source: src(TRIGGER, `${heading}: a valid request is made with an 'in-year' calculation type`),
    ...trigger('{N}', amendYear === '2017-18' ? '2017-18' : '2024-25', 'in-year'),
    expect: 'passes',
  },
  {
    source: src(
      TRIGGER,
      `${heading}: a valid request is made with an 'intent-to-finalise' calculation type`,
    ),
    ...trigger('{N}', amendYear === '2017-18' ? '2017-18' : '2024-25', 'intent-to-finalise'),
    expect: 'passes',
  },
  ...(
    [
      ['AA1123A', '2017-18', 'in-year', 'FORMAT_NINO'],
      ['{N}', '20177', 'in-year', 'FORMAT_TAX_YEAR'],
      ['{N}', '2015-16', 'in-year', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
      ['{N}', amendYear, 'intent-to-amend', 'RULE_CALCULATION_TYPE_NOT_ALLOWED'],
      ['{N}', '2020-22', 'in-year', 'RULE_TAX_YEAR_RANGE_INVALID'],
    ] as const
  ).map(([nino, ty, type, code]): HmrcCase => ({
    source: src(TRIGGER, `${heading}: validation fails with ${code} error`),
    ...trigger(nino, ty, type),
    expect: bad(code),
  })),
];

export const CALCULATIONS_CASES: HmrcCase[] = [
  ...triggerRows('for a pre 23-24 tax year', '2017-18'),
  ...triggerRows('for a 2024-25 or 2025-26 tax year', '2024-25'),
  ...(['in-year', 'intent-to-finalise', 'intent-to-amend'] as const).map((type): HmrcCase => ({
    source: src(
      TRIGGER,
      `for a post 2025-26 tax year: a valid request is made with an '${type}' calculation type`,
    ),
    ...trigger('{N}', '2026-27', type),
    expect: 'passes',
  })),
  ...(
    [
      ['AA1123A', '2017-18', 'FORMAT_NINO'],
      ['{N}', '20177', 'FORMAT_TAX_YEAR'],
      ['{N}', '2015-16', 'RULE_TAX_YEAR_NOT_SUPPORTED'],
      ['{N}', '2020-22', 'RULE_TAX_YEAR_RANGE_INVALID'],
    ] as const
  ).map(([nino, ty, code]): HmrcCase => ({
    source: src(TRIGGER, `for a post 2025-26 tax year: validation fails with ${code} error`),
    ...trigger(nino, ty, 'in-year'),
    expect: bad(code),
  })),
  {
    source: src(TRIGGER_V, 'a tax year with a range higher than 1 is supplied'),
    ...trigger('{N}', '2019-21', 'in-year'),
    expect: bad('RULE_TAX_YEAR_RANGE_INVALID'),
  },
  {
    source: src(TRIGGER_V, 'an invalid final declaration is supplied'),
    ...trigger('{N}', '2017-18', 'incorrect-calc-type'),
    expect: bad('FORMAT_CALCULATION_TYPE'),
  },
  {
    source: src(TRIGGER_V, 'multiple invalid parameters are provided', NINO_FIRST),
    ...trigger('not-a-nino', '2017-18', 'incorrect-calc-type'),
    expect: bad('FORMAT_NINO'),
  },
  // List
  {
    source: src(LIST(1), 'valid request is made with a tax year'),
    ...list('{N}', '2018-19'),
    expect: 'passes',
  },
  ...(
    [
      [1, 'AA1123A', '2017-18', undefined, 'FORMAT_NINO'],
      [1, '{N}', '20177', undefined, 'FORMAT_TAX_YEAR'],
      [1, '{N}', '2015-16', undefined, 'RULE_TAX_YEAR_NOT_SUPPORTED'],
      [1, '{N}', '2020-22', undefined, 'RULE_TAX_YEAR_RANGE_INVALID'],
      [1, '{N}', '2017-18', 'invalid-calc-type', 'FORMAT_CALCULATION_TYPE'],
      [1, '{N}', '2017-18', 'in-year', 'RULE_CALCULATION_TYPE_NOT_ALLOWED'],
      [2, 'AA1123A', '2024-25', undefined, 'FORMAT_NINO'],
      [2, '{N}', '20177', undefined, 'FORMAT_TAX_YEAR'],
      [2, '{N}', '2015-16', undefined, 'RULE_TAX_YEAR_NOT_SUPPORTED'],
      [2, '{N}', '2020-22', undefined, 'RULE_TAX_YEAR_RANGE_INVALID'],
      [2, '{N}', '2024-25', 'invalid-calc-type', 'FORMAT_CALCULATION_TYPE'],
      [3, 'AA1123A', '2017-18', undefined, 'FORMAT_NINO'],
      [3, '{N}', '20177', undefined, 'FORMAT_TAX_YEAR'],
      [3, '{N}', '2015-16', undefined, 'RULE_TAX_YEAR_NOT_SUPPORTED'],
      [3, '{N}', '2020-22', undefined, 'RULE_TAX_YEAR_RANGE_INVALID'],
      [3, '{N}', '2017-18', 'invalid-calc-type', 'FORMAT_CALCULATION_TYPE'],
    ] as const
  ).map(([def, nino, ty, type, code]): HmrcCase => ({
    source: validation(LIST(def), code),
    ...list(nino, ty, type),
    expect: bad(code),
  })),
  {
    source: src(LIST(2), 'valid request is made with a tax year'),
    ...list('{N}', '2024-25'),
    expect: 'passes',
  },
  {
    source: src(LIST(3), 'valid request is made with a tax year'),
    ...list('{N}', '2025-26'),
    expect: 'passes',
  },
  {
    source: src(
      LIST_V(2),
      'a recognised-but-not-allowed calculation type is supplied',
      'Sent for 2024-25, the years this validator serves',
    ),
    ...list('{N}', '2024-25', 'intent-to-amend'),
    expect: bad('RULE_CALCULATION_TYPE_NOT_ALLOWED'),
  },
  {
    source: src(
      LIST_V(2),
      'a valid request is supplied with a tax year',
      'Sent for 2024-25 with in-year',
    ),
    ...list('{N}', '2024-25', 'in-year'),
    expect: 'passes',
  },
  {
    source: src(LIST_V(1), 'multiple invalid parameters are provided', NINO_FIRST),
    ...list('not-a-nino', '2017-19'),
    expect: bad('FORMAT_NINO'),
  },
  // Retrieve
  ...([1, 2, 3, 4] as const).flatMap((def): HmrcCase[] => [
    ...(
      [
        ['AA1123A', '2018-19', ID, 'FORMAT_NINO'],
        ['{N}', '20177', ID, 'FORMAT_TAX_YEAR'],
        ['{N}', '2016-17', ID, 'RULE_TAX_YEAR_NOT_SUPPORTED'],
        ['{N}', '2020-22', ID, 'RULE_TAX_YEAR_RANGE_INVALID'],
        ['{N}', '2017-18', 'bad id', 'FORMAT_CALCULATION_ID'],
      ] as const
    ).map(([nino, ty, id, code]): HmrcCase => ({
      source: validation(RETRIEVE(def), code),
      ...retrieve(nino, ty, id),
      expect: bad(code),
    })),
    {
      source: src(RETRIEVE(def), 'a valid request is made'),
      ...retrieve('{N}', ['2018-19', '2024-25', '2025-26', '2026-27'][def - 1] as string, ID),
      expect: 'passes',
    },
  ]),
  // Submit final declaration
  {
    source: src(SUBMIT, 'a valid request is made pre tax year 2025-26'),
    ...submit('{N}', '2023-24', ID, 'final-declaration'),
    expect: 'passes',
  },
  {
    source: src(SUBMIT, 'a valid request is made for Final Declaration post tax year 2025-26'),
    ...submit('{N}', '2025-26', ID, 'final-declaration'),
    expect: 'passes',
  },
  {
    source: src(SUBMIT, 'a valid request is made for Confirm Amendment post tax year 2025-26'),
    ...submit('{N}', '2025-26', ID, 'confirm-amendment'),
    expect: 'passes',
  },
  ...(
    [
      ['AA1123A', '2018-19', ID, 'final-declaration', 'FORMAT_NINO'],
      ['{N}', '201number77', ID, 'final-declaration', 'FORMAT_TAX_YEAR'],
      ['{N}', '2020-22', ID, 'final-declaration', 'RULE_TAX_YEAR_RANGE_INVALID'],
      ['{N}', '2017-18', 'bad id', 'final-declaration', 'FORMAT_CALCULATION_ID'],
      ['{N}', '2017-18', ID, 'invalid-calculation-type', 'FORMAT_CALCULATION_TYPE'],
      ['{N}', '2017-18', ID, 'confirm-amendment', 'RULE_SUBMISSION_FAILED'],
    ] as const
  ).map(([nino, ty, id, type, code]): HmrcCase => ({
    source: validation(SUBMIT, code),
    ...submit(nino, ty, id, type),
    expect: bad(code),
  })),
  {
    source: src(SUBMIT_V, 'a valid request is supplied with final-declaration CalculationType'),
    ...submit('{N}', '2017-18', ID, 'final-declaration'),
    expect: 'passes',
  },
  {
    source: src(SUBMIT_V, 'an invalid tax year range is supplied'),
    ...submit('{N}', '2017-19', ID, 'final-declaration'),
    expect: bad('RULE_TAX_YEAR_RANGE_INVALID'),
  },
  {
    source: src(
      SUBMIT_V,
      'multiple invalid parameters are provided',
      `${NINO_FIRST}; with a good NINO: FORMAT_CALCULATION_ID`,
    ),
    ...submit('{N}', '2017-18', 'bad id', 'final-declaration'),
    expect: bad('FORMAT_CALCULATION_ID'),
  },
];
