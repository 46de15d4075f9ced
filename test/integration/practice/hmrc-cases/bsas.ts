import { type HmrcCase, REPOS, bad, err } from './case-types';

/**
 * Business Source Adjustable Summary 7.0: Trigger a Business Source Adjustable Summary, the
 * call the app's Accounting adjustments screen makes first. HMRC's validator spec (def1, the
 * 2026 version, which checks the period is a whole tax year), with its bodies as they are: the
 * Gov-Test-Scenario answers before any business is looked up.
 */
const V = 'test/v7/bsas/trigger/def1/Def1_TriggerBsasValidatorSpec.scala';

const src = (test: string) => ({ repo: REPOS.bsas, file: V, test });

const trigger = (
  nino: string,
  body: unknown,
): Pick<HmrcCase, 'endpoint' | 'method' | 'path' | 'body'> => ({
  endpoint: 'bsas-trigger',
  method: 'POST',
  path: `/individuals/self-assessment/adjustable-summary/${nino}/trigger`,
  body,
});

/** HMRC's `triggerBsasRequestJson` with its defaults. */
const body = ({
  startDate = '2021-04-06',
  endDate = '2022-04-05',
  typeOfBusiness = 'self-employment',
  businessId = 'XAIS12345678901',
} = {}) => ({ accountingPeriod: { startDate, endDate }, typeOfBusiness, businessId });

export const BSAS_CASES: HmrcCase[] = [
  ...(
    [
      ['self-employment', '2019-04-06', '2020-04-05'],
      ['uk-property-fhl', '2019-04-06', '2020-04-05'],
      ['uk-property', '2019-04-06', '2020-04-05'],
      ['foreign-property-fhl-eea', '2021-04-06', '2022-04-05'],
      ['foreign-property', '2021-04-06', '2022-04-05'],
    ] as const
  ).map(([typeOfBusiness, startDate, endDate]): HmrcCase => ({
    source: src(`return the parsed domain object when ${typeOfBusiness} is supplied`),
    ...trigger('{N}', body({ typeOfBusiness, startDate, endDate })),
    expect: 'passes',
  })),
  {
    source: src('return NinoFormatError when the nino is invalid'),
    ...trigger('not-a-nino', body()),
    expect: bad('FORMAT_NINO'),
  },
  ...(
    [
      ['the start date format is incorrect', { startDate: '06-05-2019' }, 'FORMAT_START_DATE'],
      [
        'the start date is before the min start date',
        { startDate: '1890-05-23' },
        'FORMAT_START_DATE',
      ],
      ['the end date format is incorrect', { endDate: '06-05-2020' }, 'FORMAT_END_DATE'],
      ['the end date is after the max end date', { endDate: '2101-05-20' }, 'FORMAT_END_DATE'],
      [
        'an incorrect business type is given',
        { typeOfBusiness: 'not-a-type-of-business' },
        'FORMAT_TYPE_OF_BUSINESS',
      ],
      [
        'a business id is provided with wrong formatting',
        { businessId: 'not-a-business-id' },
        'FORMAT_BUSINESS_ID',
      ],
      [
        'the end date is before the start date',
        { startDate: '2022-05-07' },
        'RULE_END_DATE_BEFORE_START_DATE',
      ],
      [
        'the accounting period does not align to a complete tax year',
        { startDate: '2021-04-07' },
        'RULE_ACCOUNTING_PERIOD_NOT_ALIGNED',
      ],
    ] as const
  ).map(([when, change, code]): HmrcCase => ({
    source: src(`return ${code} when ${when}`),
    ...trigger('{N}', body(change)),
    expect: bad(code),
  })),
  {
    source: src('return a RuleIncorrectOrEmptyBodyError when an empty body is submitted'),
    ...trigger('{N}', {}),
    expect: bad('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED'),
  },
  {
    source: src('return a RuleIncorrectOrEmptyBodyError when mandatory fields are missing'),
    ...trigger('{N}', { accountingPeriod: { endDate: '2022-04-05' } }),
    expect: bad(
      err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', [
        '/accountingPeriod/startDate',
        '/businessId',
        '/typeOfBusiness',
      ]),
    ),
  },
  ...(
    [
      ['self-employment', '2018-04-06', '2019-04-05'],
      ['uk-property-fhl', '2018-04-06', '2019-04-05'],
      ['uk-property', '2018-04-06', '2019-04-05'],
      ['foreign-property-fhl-eea', '2020-04-06', '2021-04-05'],
      ['foreign-property', '2020-04-06', '2021-04-05'],
    ] as const
  ).map(([typeOfBusiness, startDate, endDate]): HmrcCase => ({
    source: src(
      `return a RuleAccountingPeriodNotSupportedError when the accounting period is before the minimum tax year and typeOfBusiness is ${typeOfBusiness}`,
    ),
    ...trigger('{N}', body({ typeOfBusiness, startDate, endDate })),
    expect: bad('RULE_ACCOUNTING_PERIOD_NOT_SUPPORTED'),
  })),
  {
    source: src('return multiple errors when the request body has multiple issues'),
    ...trigger('{N}', body({ typeOfBusiness: '', businessId: '' })),
    expect: bad('FORMAT_BUSINESS_ID', 'FORMAT_TYPE_OF_BUSINESS'),
  },
];
