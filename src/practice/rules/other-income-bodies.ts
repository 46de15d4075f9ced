import { type MtdError, rule } from '../http/mtd-errors';
import { type TaxYear } from '../tax/tax-year';
import {
  type FieldSpec,
  MONEY,
  type ObjectSpec,
  type ParsedBody,
  checkAmounts,
  objectAt,
  textAt,
  textsAt,
} from './body-shape';

/**
 * Request bodies of Savings Income 2.0, Dividends Income 2.0 and Reliefs 3.0 (pensions and
 * charitable giving), field for field as HMRC's request models read them, with their rules.
 */

const money = (names: readonly string[]): Record<string, FieldSpec> =>
  Object.fromEntries(names.map((n) => [n, MONEY]));

const zeroOrMore = (paths: readonly string[]) => paths.map((p) => [p, 'zero-or-more'] as const);

/** [SI app/v2/addUkSavingsAccount/def1/Def1_AddUkSavingsAccountRulesValidator.scala accountNameRegex] */
export const ACCOUNT_NAME = /^[A-Za-z0-9 &'()*,\-./@£]{1,32}$/;

export const SAVINGS_ERRORS = {
  formatAccountName: rule('FORMAT_ACCOUNT_NAME', 'The provided account name is invalid'),
  formatSavingsAccountId: rule(
    'FORMAT_SAVINGS_ACCOUNT_ID',
    'The format of the supplied savings account ID is not valid',
  ),
  maximumAccounts: rule(
    'RULE_MAXIMUM_SAVINGS_ACCOUNTS_LIMIT',
    'The 1000 savings account limit exceeded',
  ),
  duplicateAccountName: rule(
    'RULE_DUPLICATE_ACCOUNT_NAME',
    'Duplicate account name given for supplied NINO',
  ),
} as const;

/** Add a UK Savings Account and Update a UK Savings Account name. [SI Def1_AddUkSavingsAccountRequestBody.scala] */
export const ACCOUNT_NAME_SPEC: ObjectSpec = {
  kind: 'object',
  fields: { accountName: { kind: 'string' } },
  required: ['accountName'],
};

export function checkAccountName(body: ParsedBody): MtdError[] {
  const name = textAt(body, 'accountName') ?? '';
  return ACCOUNT_NAME.test(name)
    ? []
    : [{ ...SAVINGS_ERRORS.formatAccountName, paths: ['/accountName'] }];
}

/** [SI app/v2/createAmendUkSavingsAnnualSummary/def1/model/request/Def1_CreateAmendUkSavingsAnnualSummaryRequestBody.scala] */
export const SAVINGS_ANNUAL_SPEC: ObjectSpec = {
  kind: 'object',
  fields: money(['taxedUkInterest', 'untaxedUkInterest']),
};

/** [SI Def1_CreateAmendUkSavingsAnnualRulesValidator.scala] */
export function checkSavingsAnnual(body: ParsedBody): MtdError[] {
  return checkAmounts(body, zeroOrMore(['/taxedUkInterest', '/untaxedUkInterest']));
}

/** [DI app/v2/models/request/createAmendUkDividendsIncomeAnnualSummary; schemas/uk_dividends_amend_request.json] */
export const UK_DIVIDENDS_SPEC: ObjectSpec = {
  kind: 'object',
  fields: money(['ukDividends', 'otherUkDividends']),
};

/** [DI app/v2/controllers/CreateAmendUkDividendsIncomeAnnualSummaryRulesValidator.scala] */
export function checkUkDividends(body: ParsedBody): MtdError[] {
  return checkAmounts(body, zeroOrMore(['/ukDividends', '/otherUkDividends']));
}

const PENSION_FIELDS = [
  'regularPensionContributions',
  'oneOffPensionContributionsPaid',
  'retirementAnnuityPayments',
  'paymentToEmployersSchemeNoTaxRelief',
  'overseasPensionSchemeContributions',
] as const;

/** [RL app/v3/pensionReliefs/createAmend/def1/model/request/CreateAmendPensionsReliefsBody.scala, PensionReliefs.scala] */
export const PENSION_RELIEFS_SPEC: ObjectSpec = {
  kind: 'object',
  fields: { pensionReliefs: { kind: 'object', fields: money(PENSION_FIELDS) } },
  required: ['pensionReliefs'],
};

/** [RL Def1_CreateAmendPensionsReliefsValidator.scala Def1_CreateAmendPensionReliefsValidator] */
export function checkPensionReliefs(body: ParsedBody): MtdError[] {
  return checkAmounts(body, zeroOrMore(PENSION_FIELDS.map((f) => `/pensionReliefs/${f}`)));
}

/**
 * Charitable giving has two schemas: def1 up to 2024-25 (with non-UK charities), def2 from
 * 2025-26 (without). [RL app/v3/charitableGiving/createAmend/CreateAndAmendCharitableGivingReliefsSchema.scala]
 */
export function charitableGivingDef(taxYear: TaxYear): 1 | 2 {
  return taxYear.startYear >= 2025 ? 2 : 1;
}

const NON_UK_CHARITIES: FieldSpec = {
  kind: 'object',
  fields: { charityNames: { kind: 'strings' }, totalAmount: MONEY },
  required: ['totalAmount'],
};

const GIFT_AID_AMOUNTS = [
  'totalAmount',
  'oneOffAmount',
  'amountTreatedAsPreviousTaxYear',
  'amountTreatedAsSpecifiedTaxYear',
] as const;

/** [RL def1|def2/model/request/Def*_GiftAidPayments.scala, Def*_Gifts.scala, Def1_NonUkCharities.scala] */
export function charitableGivingSpec(def: 1 | 2): ObjectSpec {
  const nonUk: Record<string, FieldSpec> = def === 1 ? { nonUkCharities: NON_UK_CHARITIES } : {};
  return {
    kind: 'object',
    fields: {
      giftAidPayments: { kind: 'object', fields: { ...nonUk, ...money(GIFT_AID_AMOUNTS) } },
      gifts: {
        kind: 'object',
        fields: { ...nonUk, ...money(['landAndBuildings', 'sharesOrSecurities']) },
      },
    },
  };
}

/** [RL common/errors.yaml; app/common/ReliefsApiErrors.scala] */
export const CHARITY_ERRORS = {
  giftAidNonUkWithoutNames: rule(
    'RULE_GIFT_AID_NON_UK_AMOUNT_WITHOUT_NAMES',
    'Non-UK charity Gift Aid amount supplied without the non-UK Gift Aid charity names',
  ),
  giftsNonUkWithoutNames: rule(
    'RULE_GIFTS_NON_UK_AMOUNT_WITHOUT_NAMES',
    'Non-UK gifts amount supplied without non-UK gifts charity names',
  ),
  formatString: rule(
    'FORMAT_STRING',
    'One or more strings have been added with the incorrect format',
  ),
} as const;

/** [RL Def1_CreateAndAmendCharitableGivingReliefsRulesValidator.scala charityNamesRegex] */
const CHARITY_NAME = /^[A-Za-z0-9 &'()*,\-./@£]{1,75}$/;

/**
 * Non-UK charities: their names, each in HMRC's format, and required when the amount is above
 * zero. [RL Def1_CreateAndAmendCharitableGivingReliefsRulesValidator.scala validate(nonUkCharities)]
 */
function checkNonUk(
  body: ParsedBody,
  at: 'giftAidPayments' | 'gifts',
  missing: MtdError,
): MtdError[] {
  const nonUk = objectAt(body, at, 'nonUkCharities');
  if (!nonUk) return [];
  const errors: MtdError[] = [];
  const names = textsAt(nonUk, 'charityNames');
  names?.forEach((name, i) => {
    if (!CHARITY_NAME.test(name))
      errors.push({
        ...CHARITY_ERRORS.formatString,
        paths: [`/${at}/nonUkCharities/charityNames/${i}`],
      });
  });
  const amount = Number(textAt(nonUk, 'totalAmount') ?? '0');
  if (amount > 0 && (names === undefined || names.length === 0)) errors.push(missing);
  return errors;
}

/** [RL Def1|Def2_CreateAndAmendCharitableGivingReliefsRulesValidator.scala] */
export function checkCharitableGiving(body: ParsedBody, def: 1 | 2): MtdError[] {
  const giftAidPaths = [
    ...(def === 1 ? ['/giftAidPayments/nonUkCharities/totalAmount'] : []),
    ...GIFT_AID_AMOUNTS.map((f) => `/giftAidPayments/${f}`),
  ];
  const giftPaths = [
    ...(def === 1 ? ['/gifts/nonUkCharities/totalAmount'] : []),
    '/gifts/landAndBuildings',
    '/gifts/sharesOrSecurities',
  ];
  return [
    ...checkAmounts(body, zeroOrMore(giftAidPaths)),
    ...(def === 1
      ? checkNonUk(body, 'giftAidPayments', CHARITY_ERRORS.giftAidNonUkWithoutNames)
      : []),
    ...checkAmounts(body, zeroOrMore(giftPaths)),
    ...(def === 1 ? checkNonUk(body, 'gifts', CHARITY_ERRORS.giftsNonUkWithoutNames) : []),
  ];
}
