import { E, type MtdError, rule } from '../http/mtd-errors';
import { type TypeOfBusiness } from '../state/model';
import { type TypeOfClaim, type TypeOfLoss } from '../state/return-model';
import { type TaxYear, parseTaxYear } from '../tax/tax-year';
import {
  type FieldSpec,
  MONEY,
  type ObjectSpec,
  type ParsedBody,
  checkAmounts,
  objectAt,
  textAt,
} from './body-shape';

/**
 * Individual Losses: the 7.0 "Losses and Claims" body with its rules, and the 6.0 brought
 * forward loss and loss claim bodies, types and errors.
 */

/** [IL app/shared/models/errors/CommonMtdErrors.scala, app/common/errors/LossesApiCommonErrors.scala] */
export const LOSS_ERRORS = {
  formatLossId: rule('FORMAT_LOSS_ID', 'The provided loss ID is invalid'),
  formatClaimId: rule('FORMAT_CLAIM_ID', 'The provided claim ID is invalid'),
  formatTypeOfLoss: rule('FORMAT_TYPE_OF_LOSS', 'The provided type of loss is invalid'),
  formatTypeOfClaim: rule('FORMAT_TYPE_OF_CLAIM', 'The provided type of claim is invalid'),
  formatTaxYearClaimedFor: rule('FORMAT_TAX_YEAR', 'The provided tax year claimed for is invalid'),
  formatPreferenceOrder: rule(
    'FORMAT_PREFERENCE_ORDER',
    'The provided preference order is invalid',
  ),
  taxYearForVersion: rule(
    'RULE_TAX_YEAR_FOR_VERSION_NOT_SUPPORTED',
    'This version of the API supports tax years up to, and including, 2025-26. For tax years 2026–27 onwards, a new version is in development',
  ),
  taxYearNotEnded: rule('RULE_TAX_YEAR_NOT_ENDED', 'The specified tax year has not yet ended'),
  missingPreferenceOrder: rule(
    'RULE_MISSING_PREFERENCE_ORDER',
    'Preference order is required when both previousYearGeneralIncome and currentYearGeneralIncome are submitted',
  ),
  preferenceOrderNotAllowed: rule(
    'RULE_PREFERENCE_ORDER_NOT_ALLOWED',
    'Preference order must not be provided unless both previousYearGeneralIncome and currentYearGeneralIncome are submitted',
  ),
  carryForwardAndTerminal: rule(
    'RULE_CARRY_FORWARD_AND_TERMINAL_LOSS_NOT_ALLOWED',
    'Carry forward loss claims cannot be submitted with terminal loss claims',
  ),
  carryBackClaim: rule(
    'RULE_CARRY_BACK_CLAIM',
    'Carry back claim type is not valid for property income sources',
  ),
  duplicateLoss: rule('RULE_DUPLICATE_SUBMISSION', 'Submission already exists'),
  duplicateClaim: rule('RULE_DUPLICATE_SUBMISSION', 'This claim matches a previous submission'),
  deleteAfterFinalDeclaration: rule(
    'RULE_DELETE_AFTER_FINAL_DECLARATION',
    'This loss cannot be deleted after final declaration',
  ),
  typeOfClaimInvalid: rule(
    'RULE_TYPE_OF_CLAIM_INVALID',
    'The claim type selected is not available for this type of loss',
  ),
  csfhlNotSupported: rule(
    'RULE_CSFHL_CLAIM_NOT_SUPPORTED',
    'carry-sideways-fhl claim for income sources foreign-property-fhl-eea and uk-property-fhl will not be supported from tax year 25/26',
  ),
  claimTypeNotChanged: rule('RULE_NO_CHANGE', 'This claim matches a previous submission'),
  lossAmountNotChanged: rule('RULE_NO_CHANGE', 'The brought forward loss amount has not changed'),
  periodNotEnded: rule(
    'RULE_ACCOUNTING_PERIOD_NOT_ENDED',
    'The accounting period has not yet ended',
  ),
  noAccountingPeriod: rule(
    'RULE_NO_ACCOUNTING_PERIOD',
    'For the year of the claim there is no accounting period',
  ),
  invalidSequenceStart: rule('RULE_INVALID_SEQUENCE_START', 'The sequence does not begin with 1'),
  sequenceOrderBroken: rule('RULE_SEQUENCE_ORDER_BROKEN', 'The sequence is not continuous'),
  lossClaimsMissing: rule(
    'RULE_LOSS_CLAIMS_MISSING',
    'One or more loss claims missing from this request',
  ),
  bflNotSupportedForFhl: rule(
    'RULE_BFL_NOT_SUPPORTED_FOR_FHL_PROPERTIES',
    'Brought forward losses for income sources uk-property-fhl and foreign-property-fhl-eea are not supported from tax year 25/26',
  ),
} as const;

/** Losses and Claims (7.0) is for 2026-27 onwards. [IL app/v7/lossesAndClaims/package.scala minimumTaxYear = TaxYear.ending(2027)] */
export const LOSSES_7_FROM = 2026;
/**
 * 6.0: brought forward losses from 2018-19, loss claims from 2019-20, both up to 2025-26, later
 * years RULE_TAX_YEAR_FOR_VERSION_NOT_SUPPORTED. [IL app/v6/bfLosses/common/package.scala,
 * app/v6/lossClaims/common/package.scala minimumTaxYear, maximumTaxYear = TaxYear.ending(2026)]
 */
export const BFL_YEARS = { min: 2018, max: 2025 };
export const CLAIM_YEARS = { min: 2019, max: 2025 };

/** [IL app/v7/lossesAndClaims/commons/PreferenceOrderEnum.scala] */
const PREFERENCE_ORDER = ['carry-sideways', 'carry-back'];

const money = (names: readonly string[]): Record<string, FieldSpec> =>
  Object.fromEntries(names.map((n) => [n, MONEY]));

/** [IL app/v7/lossesAndClaims/createAmend/request/*.scala] */
export const LOSSES_AND_CLAIMS_SPEC: ObjectSpec = {
  kind: 'object',
  fields: {
    claims: {
      kind: 'object',
      fields: {
        carryBack: {
          kind: 'object',
          fields: money(['previousYearGeneralIncome', 'earlyYearLosses', 'terminalLosses']),
        },
        carrySideways: { kind: 'object', fields: money(['currentYearGeneralIncome']) },
        preferenceOrder: { kind: 'object', fields: { applyFirst: { kind: 'string' } } },
        carryForward: {
          kind: 'object',
          fields: money(['currentYearLosses', 'previousYearsLosses']),
        },
      },
    },
    losses: { kind: 'object', fields: money(['broughtForwardLosses']) },
  },
};

const PREFERENCE_PATH = ['/claims/preferenceOrder'];

/** The amounts of the 7.0 body, in HMRC's order. [IL app/v7/lossesAndClaims/createAmend/request/CreateAmendLossesAndClaimsValidator.scala doubleValuedPath] */
const LOSSES_AND_CLAIMS_AMOUNTS = [
  '/claims/carryBack/previousYearGeneralIncome',
  '/claims/carryBack/earlyYearLosses',
  '/claims/carryBack/terminalLosses',
  '/claims/carrySideways/currentYearGeneralIncome',
  '/claims/carryForward/currentYearLosses',
  '/claims/carryForward/previousYearsLosses',
  '/losses/broughtForwardLosses',
];

/**
 * HMRC's first look at a 7.0 body, before the NINO, business id and tax year: none of its
 * fields present is RULE_INCORRECT_OR_EMPTY_BODY_SUBMITTED with every path; an amount that is
 * not a number (or numeric string) is FORMAT_VALUE at its path; claims that do not read
 * (e.g. a preference order that is not one of HMRC's) are FORMAT_PREFERENCE_ORDER.
 * [IL app/v7/lossesAndClaims/createAmend/request/CreateAmendLossesAndClaimsValidator.scala
 * validateRequestBody; test/v7/.../CreateAmendLossesAndClaimsValidatorFactorySpec.scala]
 */
export function lossesAndClaimsBodyFirst(body: unknown): MtdError[] {
  const at = (path: string): unknown => {
    let v: unknown = body;
    for (const key of path.split('/').slice(1)) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return undefined;
      v = (v as Record<string, unknown>)[key];
    }
    return v === null ? undefined : v;
  };
  const all = [...LOSSES_AND_CLAIMS_AMOUNTS, ...PREFERENCE_PATH];
  if (all.every((p) => at(p) === undefined)) return [{ ...E.ruleIncorrectOrEmptyBody, paths: all }];
  const notNumbers = LOSSES_AND_CLAIMS_AMOUNTS.filter((p) => {
    const v = at(p);
    return !(
      v === undefined ||
      typeof v === 'number' ||
      (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))
    );
  });
  if (notNumbers.length > 0)
    return [
      {
        code: 'FORMAT_VALUE',
        message: 'The value must be between 0 and 99999999999.99',
        paths: notNumbers,
      },
    ];
  const applyFirst = at('/claims/preferenceOrder/applyFirst');
  if (applyFirst !== undefined && !PREFERENCE_ORDER.includes(applyFirst as string))
    return [{ ...LOSS_ERRORS.formatPreferenceOrder, paths: PREFERENCE_PATH }];
  return [];
}

/** [IL app/v7/lossesAndClaims/createAmend/request/CreateAmendLossesAndClaimsValidator.scala validateClaims] */
export function checkLossesAndClaims(body: ParsedBody): MtdError[] {
  const errors: MtdError[] = [];
  const claims = objectAt(body, 'claims');
  if (claims) {
    errors.push(
      ...checkAmounts(body, [
        ['/claims/carryBack/previousYearGeneralIncome', 'zero-or-more'],
        ['/claims/carryBack/earlyYearLosses', 'zero-or-more'],
        ['/claims/carryBack/terminalLosses', 'zero-or-more'],
        ['/claims/carrySideways/currentYearGeneralIncome', 'zero-or-more'],
        ['/claims/carryForward/currentYearLosses', 'zero-or-more'],
        ['/claims/carryForward/previousYearsLosses', 'zero-or-more'],
      ]),
    );
    const applyFirst = textAt(claims, 'preferenceOrder', 'applyFirst');
    if (applyFirst !== undefined && !PREFERENCE_ORDER.includes(applyFirst))
      errors.push({ ...LOSS_ERRORS.formatPreferenceOrder, paths: PREFERENCE_PATH });
    const required =
      textAt(claims, 'carryBack', 'previousYearGeneralIncome') !== undefined &&
      textAt(claims, 'carrySideways', 'currentYearGeneralIncome') !== undefined;
    if (required && applyFirst === undefined)
      errors.push({ ...LOSS_ERRORS.missingPreferenceOrder, paths: PREFERENCE_PATH });
    if (!required && applyFirst !== undefined)
      errors.push({ ...LOSS_ERRORS.preferenceOrderNotAllowed, paths: PREFERENCE_PATH });
    if (
      textAt(claims, 'carryBack', 'terminalLosses') !== undefined &&
      objectAt(claims, 'carryForward') !== undefined
    )
      errors.push({
        ...LOSS_ERRORS.carryForwardAndTerminal,
        paths: ['/claims/carryBack/terminalLosses', '/claims/carryForward'],
      });
  }
  errors.push(...checkAmounts(body, [['/losses/broughtForwardLosses', 'zero-or-more']]));
  return errors;
}

/** [IL app/v6/bfLosses/common/domain/TypeOfLoss.scala] */
export const BFL_TYPES_OF_LOSS: readonly TypeOfLoss[] = [
  'self-employment',
  'self-employment-class4',
  'uk-property-fhl',
  'uk-property',
  'foreign-property-fhl-eea',
  'foreign-property',
];
/** [IL app/v6/lossClaims/common/models/TypeOfLoss.scala] */
export const CLAIM_TYPES_OF_LOSS = ['self-employment', 'uk-property', 'foreign-property'] as const;
/** [IL app/v6/lossClaims/common/models/TypeOfClaim.scala] */
export const TYPES_OF_CLAIM: readonly TypeOfClaim[] = [
  'carry-forward',
  'carry-sideways',
  'carry-sideways-fhl',
  'carry-forward-to-carry-sideways',
];

/** The business a type of loss belongs to. */
export function businessTypeOfLoss(type: TypeOfLoss): TypeOfBusiness {
  if (type.startsWith('self-employment')) return 'self-employment';
  return type.startsWith('uk-property') ? 'uk-property' : 'foreign-property';
}

/**
 * Which claims each type of loss allows: trading losses carry forward or sideways; property
 * losses carry sideways (the capital-allowance part, s120 ITA 2007) or forward to sideways.
 * [IL app/v6/lossClaims/create/def1/Def1_CreateLossClaimValidator.scala validateRule]
 */
export function claimAllowed(
  loss: (typeof CLAIM_TYPES_OF_LOSS)[number],
  claim: TypeOfClaim,
): boolean {
  if (loss === 'self-employment') return claim === 'carry-forward' || claim === 'carry-sideways';
  return claim !== 'carry-forward';
}

/** [IL 6.0 schemas/broughtForwardLosses/createBFLoss/create_request.json; Def1_CreateBFLossRequestBody] */
export const CREATE_BFL_SPEC: ObjectSpec = {
  kind: 'object',
  fields: {
    taxYearBroughtForwardFrom: { kind: 'string' },
    typeOfLoss: { kind: 'string' },
    businessId: { kind: 'string' },
    lossAmount: MONEY,
  },
  required: ['taxYearBroughtForwardFrom', 'typeOfLoss', 'businessId', 'lossAmount'],
};

/** [IL 6.0 schemas/lossClaims/createLossClaim/def1/request.json] */
export const CREATE_CLAIM_SPEC: ObjectSpec = {
  kind: 'object',
  fields: {
    taxYearClaimedFor: { kind: 'string' },
    typeOfLoss: { kind: 'string' },
    typeOfClaim: { kind: 'string' },
    businessId: { kind: 'string' },
  },
  required: ['taxYearClaimedFor', 'typeOfLoss', 'typeOfClaim', 'businessId'],
};

export const AMEND_TYPE_SPEC: ObjectSpec = {
  kind: 'object',
  fields: { typeOfClaim: { kind: 'string' } },
  required: ['typeOfClaim'],
};

/** [IL 6.0 schemas/lossClaims/amendLossClaimsOrder/def1/request.json] */
export const AMEND_ORDER_SPEC: ObjectSpec = {
  kind: 'object',
  fields: {
    typeOfClaim: { kind: 'string' },
    listOfLossClaims: {
      kind: 'array',
      items: {
        kind: 'object',
        fields: { claimId: { kind: 'string' }, sequence: { kind: 'integer' } },
        required: ['claimId', 'sequence'],
      },
    },
  },
  required: ['typeOfClaim', 'listOfLossClaims'],
};

/**
 * A 6.0 tax year with its minimum and maximum: RULE_TAX_YEAR_NOT_SUPPORTED below,
 * RULE_TAX_YEAR_FOR_VERSION_NOT_SUPPORTED above, each error carrying `path` when the year is
 * in the body. [IL app/shared/controllers/validators/resolvers/ResolveTaxYear.scala ResolveTaxYearMinMax]
 */
export function checkVersionYear(
  value: string,
  years: { min: number; max: number },
  options: { path?: string; formatError?: MtdError } = {},
): { taxYear: TaxYear } | { error: MtdError } {
  const withPath = (e: MtdError): MtdError => (options.path ? { ...e, paths: [options.path] } : e);
  const parsed = parseTaxYear(value);
  if (!parsed.ok) {
    return {
      error: withPath(
        parsed.error === 'FORMAT_TAX_YEAR'
          ? (options.formatError ?? E.formatTaxYear)
          : E.ruleTaxYearRangeInvalid,
      ),
    };
  }
  if (parsed.taxYear.startYear < years.min) return { error: withPath(E.ruleTaxYearNotSupported) };
  if (parsed.taxYear.startYear > years.max)
    return { error: withPath(LOSS_ERRORS.taxYearForVersion) };
  return { taxYear: parsed.taxYear };
}

/** [IL app/v6/bfLosses/common/resolvers/ResolveBFLossId.scala; lossClaims ResolveLossClaimId.scala] */
export const LOSS_OR_CLAIM_ID = /^[A-Za-z0-9]{15}$/;
