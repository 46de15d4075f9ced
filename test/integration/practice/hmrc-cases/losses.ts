import { type HmrcCase, REPOS, bad, err, withValue } from './case-types';

/**
 * Individual Losses 7.0: Create or Amend Losses and Claims (one resource per business and tax
 * year from 2026-27), the call the app's Losses screen makes for those years. HMRC's validator
 * spec runs with temporal validation off; these send HMRC's switch that lifts it, except the
 * case about a year that has not ended.
 */
const V =
  'test/v7/lossesAndClaims/createAmend/CreateAmendLossesAndClaimsValidatorFactorySpec.scala';
const ISPEC = 'it/test/v7/lossesAndClaims/CreateAmendLossesAndClaimsControllerISpec.scala';

const src = (file: string, test: string, note?: string) => ({
  repo: REPOS.il,
  file,
  test,
  ...(note ? { note } : {}),
});

const SUSPEND = { 'suspend-temporal-validations': 'true' };

const put = (nino: string, businessId: string, ty: string, body: unknown, suspend = true) => ({
  endpoint: 'il-losses-claims-put' as const,
  method: 'PUT' as const,
  path: `/individuals/losses/${nino}/businesses/${businessId}/loss-claims/${ty}`,
  body,
  ...(suspend ? { headers: SUSPEND } : {}),
});

/** HMRC's `defaultRequestJson`: every claim, the preference order and a loss brought forward. */
const FULL = {
  claims: {
    carryBack: { previousYearGeneralIncome: 5000.99, earlyYearLosses: 5000.99 },
    carrySideways: { currentYearGeneralIncome: 5000.99 },
    preferenceOrder: { applyFirst: 'carry-sideways' },
    carryForward: { currentYearLosses: 5000.99, previousYearsLosses: 5000.99 },
  },
  losses: { broughtForwardLosses: 5000.99 },
};

const PREFERENCE = ['/claims/preferenceOrder'];

export const LOSSES_CASES: HmrcCase[] = [
  {
    source: src(ISPEC, 'return a 204 status code when any valid request is made'),
    ...put('{N}', '{SE}', '2026-27', FULL),
    expect: 'passes',
  },
  {
    source: src(V, 'return NinoFormatError'),
    ...put('validNino', '{SE}', '2026-27', FULL),
    expect: bad('FORMAT_NINO'),
  },
  {
    source: src(V, 'return BusinessIdFormatError'),
    ...put('{N}', 'invalidBusinessId', '2026-27', FULL),
    expect: bad('FORMAT_BUSINESS_ID'),
  },
  {
    source: src(V, 'return RuleTaxYearNotSupportedError'),
    ...put('{N}', '{SE}', '2025-26', FULL),
    expect: bad('RULE_TAX_YEAR_NOT_SUPPORTED'),
  },
  {
    source: src(V, 'return RuleTaxYearRangeInvalid'),
    ...put('{N}', '{SE}', '2025-27', FULL),
    expect: bad('RULE_TAX_YEAR_RANGE_INVALID'),
  },
  {
    source: src(V, 'return RuleTaxYearNotEndedError', 'temporal validation on: no switch sent'),
    ...put('{N}', '{SE}', '2026-27', FULL, false),
    expect: bad('RULE_TAX_YEAR_NOT_ENDED'),
  },
  {
    source: src(V, 'return ValueFormatError'),
    ...put(
      '{N}',
      '{SE}',
      '2026-27',
      withValue(
        withValue(FULL, '/claims/carryBack/previousYearGeneralIncome', 'something'),
        '/claims/carrySideways/currentYearGeneralIncome',
        'something',
      ),
    ),
    expect: bad(
      err('FORMAT_VALUE', [
        '/claims/carryBack/previousYearGeneralIncome',
        '/claims/carrySideways/currentYearGeneralIncome',
      ]),
    ),
  },
  {
    source: src(V, 'return RulePreferenceOrderNotAllowed'),
    ...put('{N}', '{SE}', '2026-27', {
      claims: {
        preferenceOrder: { applyFirst: 'carry-sideways' },
        carryForward: { currentYearLosses: 5000.99, previousYearsLosses: 5000.99 },
      },
      losses: { broughtForwardLosses: 5000.99 },
    }),
    expect: bad(err('RULE_PREFERENCE_ORDER_NOT_ALLOWED', PREFERENCE)),
  },
  {
    source: src(V, 'return RuleMissingPreferenceOrder'),
    ...put('{N}', '{SE}', '2026-27', withValue(FULL, '/claims/preferenceOrder', undefined)),
    expect: bad(err('RULE_MISSING_PREFERENCE_ORDER', PREFERENCE)),
  },
  {
    source: src(V, 'return FormatPreferenceOrder'),
    ...put(
      '{N}',
      '{SE}',
      '2026-27',
      withValue(FULL, '/claims/preferenceOrder/applyFirst', 'somthing'),
    ),
    expect: bad(err('FORMAT_PREFERENCE_ORDER', PREFERENCE)),
  },
  {
    source: src(V, 'return RuleCarryForwardAndTerminalLossNotAllowed'),
    ...put('{N}', '{SE}', '2026-27', withValue(FULL, '/claims/carryBack/terminalLosses', 5000.99)),
    expect: bad(
      err('RULE_CARRY_FORWARD_AND_TERMINAL_LOSS_NOT_ALLOWED', [
        '/claims/carryBack/terminalLosses',
        '/claims/carryForward',
      ]),
    ),
  },
  {
    source: src(V, 'return RuleIncorrectOrEmptyBodyError'),
    ...put('{N}', '{SE}', '2025-26', {}),
    expect: bad(
      err('RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED', [
        '/claims/carryBack/previousYearGeneralIncome',
        '/claims/carryBack/earlyYearLosses',
        '/claims/carryBack/terminalLosses',
        '/claims/carrySideways/currentYearGeneralIncome',
        '/claims/carryForward/currentYearLosses',
        '/claims/carryForward/previousYearsLosses',
        '/losses/broughtForwardLosses',
        '/claims/preferenceOrder',
      ]),
    ),
  },
];
