import { type MtdError, rule } from '../http/mtd-errors';
import { type BsasBusinessType } from '../state/return-model';
import { isIsoDate } from '../tax/dates';
import {
  type FieldSpec,
  MONEY,
  type ObjectSpec,
  type ParsedBody,
  decimalToPence,
  flagAt,
  listAt,
  objectAt,
  textAt,
} from './body-shape';
import { checkCountryCode } from './country-codes';

/**
 * Business Source Adjustable Summary 7.0: the trigger body, the accounting adjustment bodies of
 * the three business types, and their rules. Error codes and messages are the API's own.
 * [BSAS common/errors.yaml]
 */
export const BSAS_ERRORS = {
  formatStartDate: rule('FORMAT_START_DATE', 'The provided Start date is invalid'),
  formatEndDate: rule('FORMAT_END_DATE', 'The provided End date is invalid'),
  formatTypeOfBusiness: rule('FORMAT_TYPE_OF_BUSINESS', 'The provided type of business is invalid'),
  formatBusinessId: rule('FORMAT_BUSINESS_ID', 'The supplied business ID is invalid'),
  formatCalculationId: rule('FORMAT_CALCULATION_ID', 'The provided calculation ID is invalid'),
  invalidTaxYear: rule('INVALID_TAX_YEAR_PARAMETER', 'A tax year before 2023-24 was supplied'),
  endBeforeStart: rule(
    'RULE_END_DATE_BEFORE_START_DATE',
    'The supplied accounting period end date is before the start date',
  ),
  periodNotSupported: rule(
    'RULE_ACCOUNTING_PERIOD_NOT_SUPPORTED',
    'The specified accounting period is not supported, that is, the accounting period specified falls before the minimum tax year value',
  ),
  periodNotAligned: rule(
    'RULE_ACCOUNTING_PERIOD_NOT_ALIGNED',
    'The accounting period must be a complete tax year (6 April to 5 April of the following year)',
  ),
  periodNotEnded: rule(
    'RULE_ACCOUNTING_PERIOD_NOT_ENDED',
    'The supplied accounting period has not ended',
  ),
  obligationsNotMet: rule(
    'RULE_OBLIGATIONS_NOT_MET',
    'The obligations for the business have not been met',
  ),
  noAccountingPeriod: rule(
    'RULE_NO_ACCOUNTING_PERIOD',
    'The supplied accounting period does not exist',
  ),
  triggerNotFound: rule(
    'MATCHING_RESOURCE_NOT_FOUND',
    'A matching incomeSourceId record was not found, or the incomeSourceType provided does not relate to the incomeSourceId',
  ),
  typeOfBusinessIncorrect: rule(
    'RULE_TYPE_OF_BUSINESS_INCORRECT',
    'The calculation ID supplied relates to a different type of business',
  ),
  summaryInvalid: rule(
    'RULE_SUMMARY_STATUS_INVALID',
    'Periodic data has changed. Request a new summary',
  ),
  summarySuperseded: rule(
    'RULE_SUMMARY_STATUS_SUPERSEDED',
    'A newer summary calculation exists for this accounting period',
  ),
  alreadyAdjusted: rule(
    'RULE_ALREADY_ADJUSTED',
    'A summary may only be adjusted once. Request a new summary',
  ),
  resultingValueNotPermitted: rule(
    'RULE_RESULTING_VALUE_NOT_PERMITTED',
    'The adjustments provided would produce an unacceptable negative monetary value',
  ),
  bothExpenses: rule(
    'RULE_BOTH_EXPENSES_SUPPLIED',
    'Both expenses and consolidated expenses cannot be present at the same time',
  ),
  zeroAdjustmentsInvalid: rule(
    'RULE_ZERO_ADJUSTMENTS_INVALID',
    'Zero adjustments can only be set to true',
  ),
  bothAdjustments: rule(
    'RULE_BOTH_ADJUSTMENTS_SUPPLIED',
    'Both adjustments and zero adjustments must not be present at the same time',
  ),
  duplicateCountryCode: rule(
    'RULE_DUPLICATE_COUNTRY_CODE',
    'The same countryCode cannot be supplied multiple times',
  ),
  tradingAllowanceClaimed: rule(
    'RULE_TRADING_INCOME_ALLOWANCE_CLAIMED',
    'A claim for trading income allowance was made. Cannot also have expenses',
  ),
  propertyAllowanceClaimed: rule(
    'RULE_PROPERTY_INCOME_ALLOWANCE_CLAIMED',
    'A claim for property income allowance was made. Cannot also have expenses',
  ),
} as const;

/** [BSAS schemas/definitions.json typeOfBusinessWithFHL, typeOfBusiness] */
export const BSAS_TYPES_WITH_FHL = [
  'self-employment',
  'uk-property-fhl',
  'uk-property',
  'foreign-property-fhl-eea',
  'foreign-property',
] as const;
export const FHL_TYPES: readonly string[] = ['uk-property-fhl', 'foreign-property-fhl-eea'];

/**
 * The earliest tax year an accounting period can be assigned to: 2019-20 for self-employment
 * and UK property, 2021-22 for foreign property. [BSAS schemas/trigger/def2/request.json
 * accountingPeriod.description]
 */
export const EARLIEST_PERIOD_END: Record<string, string> = {
  'self-employment': '2020-04-05',
  'uk-property': '2020-04-05',
  'uk-property-fhl': '2020-04-05',
  'foreign-property': '2022-04-05',
  'foreign-property-fhl-eea': '2022-04-05',
};

export const TRIGGER_SPEC: ObjectSpec = {
  kind: 'object',
  fields: {
    accountingPeriod: {
      kind: 'object',
      fields: { startDate: { kind: 'string' }, endDate: { kind: 'string' } },
      required: ['startDate', 'endDate'],
    },
    typeOfBusiness: { kind: 'string' },
    businessId: { kind: 'string' },
  },
  required: ['accountingPeriod', 'typeOfBusiness', 'businessId'],
};

/** Format checks on a trigger body read with TRIGGER_SPEC, all reported together. [BSAS bsas_trigger.yaml 400 errors] */
export function checkTriggerFormats(body: ParsedBody, businessIdPattern: RegExp): MtdError[] {
  const errors: MtdError[] = [];
  const start = textAt(body, 'accountingPeriod', 'startDate') ?? '';
  const end = textAt(body, 'accountingPeriod', 'endDate') ?? '';
  // Real dates within HMRC's range: 1890-05-23 and 2101-05-20 are format errors.
  // [BSAS test/v7/bsas/trigger/def1/Def1_TriggerBsasValidatorSpec.scala "min start date", "max end date"]
  const inRange = (d: string) => isIsoDate(d) && d >= '1900-01-01' && d <= '2099-12-31';
  if (!inRange(start)) errors.push(BSAS_ERRORS.formatStartDate);
  if (!inRange(end)) errors.push(BSAS_ERRORS.formatEndDate);
  const type = textAt(body, 'typeOfBusiness') ?? '';
  if (!(BSAS_TYPES_WITH_FHL as readonly string[]).includes(type))
    errors.push(BSAS_ERRORS.formatTypeOfBusiness);
  if (!businessIdPattern.test(textAt(body, 'businessId') ?? ''))
    errors.push(BSAS_ERRORS.formatBusinessId);
  return errors;
}

/** Self-employment adjustment fields. [BSAS schemas/submit_self_employment_accounting_adjustments/adjustment_definitions.json] */
export const SE_ADJUSTABLE = {
  income: ['turnover', 'other'],
  expenses: [
    'costOfGoods',
    'paymentsToSubcontractors',
    'wagesAndStaffCosts',
    'carVanTravelExpenses',
    'premisesRunningCosts',
    'maintenanceCosts',
    'adminCosts',
    'interestOnBankOtherLoans',
    'financeCharges',
    'irrecoverableDebts',
    'professionalFees',
    'depreciation',
    'otherExpenses',
    'advertisingCosts',
    'businessEntertainmentCosts',
    'consolidatedExpenses',
  ],
  additions: [
    'costOfGoodsDisallowable',
    'paymentsToSubcontractorsDisallowable',
    'wagesAndStaffCostsDisallowable',
    'carVanTravelExpensesDisallowable',
    'premisesRunningCostsDisallowable',
    'maintenanceCostsDisallowable',
    'adminCostsDisallowable',
    'interestOnBankOtherLoansDisallowable',
    'financeChargesDisallowable',
    'irrecoverableDebtsDisallowable',
    'professionalFeesDisallowable',
    'depreciationDisallowable',
    'otherExpensesDisallowable',
    'advertisingCostsDisallowable',
    'businessEntertainmentCostsDisallowable',
  ],
} as const;

/** Property adjustment fields (UK; foreign has no reverse premiums). [BSAS schemas/submit_uk_property_accounting_adjustments/def3/request.json, submit_foreign_property_accounting_adjustments/def3/request.json] */
export const PROPERTY_ADJUSTABLE = {
  income: ['totalRentsReceived', 'premiumsOfLeaseGrant', 'reversePremiums', 'otherPropertyIncome'],
  expenses: [
    'consolidatedExpenses',
    'premisesRunningCosts',
    'repairsAndMaintenance',
    'financialCosts',
    'professionalFees',
    'costOfServices',
    'residentialFinancialCost',
    'other',
    'travelCosts',
  ],
} as const;
export const FOREIGN_INCOME = ['totalRentsReceived', 'premiumsOfLeaseGrant', 'otherPropertyIncome'];

const money = (names: readonly string[]): Record<string, FieldSpec> =>
  Object.fromEntries(names.map((n) => [n, MONEY]));

const propertySection = (income: readonly string[]): Record<string, FieldSpec> => ({
  income: { kind: 'object', fields: money(income) },
  expenses: { kind: 'object', fields: money(PROPERTY_ADJUSTABLE.expenses) },
});

/** The adjustment body of each business type (TY 2025-26 on). */
export const ADJUSTMENT_SPECS: Record<BsasBusinessType, ObjectSpec> = {
  // [BSAS schemas/submit_self_employment_accounting_adjustments/def2/request.json]
  'self-employment': {
    kind: 'object',
    fields: {
      income: { kind: 'object', fields: money(SE_ADJUSTABLE.income) },
      expenses: { kind: 'object', fields: money(SE_ADJUSTABLE.expenses) },
      additions: { kind: 'object', fields: money(SE_ADJUSTABLE.additions) },
      zeroAdjustments: { kind: 'boolean' },
    },
  },
  // [BSAS schemas/submit_uk_property_accounting_adjustments/def3/request.json]
  'uk-property': {
    kind: 'object',
    fields: {
      ukProperty: {
        kind: 'object',
        fields: {
          ...propertySection(PROPERTY_ADJUSTABLE.income),
          zeroAdjustments: { kind: 'boolean' },
        },
      },
    },
  },
  // [BSAS schemas/submit_foreign_property_accounting_adjustments/def3/request.json]
  'foreign-property': {
    kind: 'object',
    fields: {
      foreignProperty: {
        kind: 'object',
        fields: {
          countryLevelDetail: {
            kind: 'array',
            items: {
              kind: 'object',
              fields: { countryCode: { kind: 'string' }, ...propertySection(FOREIGN_INCOME) },
              required: ['countryCode'],
            },
          },
          zeroAdjustments: { kind: 'boolean' },
        },
      },
    },
  },
};

const MAX = 9_999_999_999_999n;

/**
 * An adjustment is a non-zero amount between -99999999999.99 and 99999999999.99 with at most
 * two decimal places. [BSAS common/errors.yaml formatValue "(but cannot be 0 or 0.00)";
 * adjustment_definitions.json minimum/maximum/multipleOf]
 */
function checkAdjustment(text: string, path: string): MtdError | undefined {
  const pence = decimalToPence(text);
  if (pence !== undefined && pence !== 0n && pence >= -MAX && pence <= MAX) return undefined;
  return {
    code: 'FORMAT_VALUE',
    message:
      'The value must be between -99999999999.99 and 99999999999.99 (but cannot be 0 or 0.00)',
    paths: [path],
  };
}

function checkSection(
  section: ParsedBody | undefined,
  at: string,
  groups: Record<string, readonly string[]>,
): MtdError[] {
  if (!section) return [];
  const errors: MtdError[] = [];
  for (const [group, fields] of Object.entries(groups)) {
    for (const field of fields) {
      const text = textAt(section, group, field);
      if (text === undefined) continue;
      const e = checkAdjustment(text, `${at}/${group}/${field}`);
      if (e) errors.push(e);
    }
  }
  const expenses = objectAt(section, 'expenses');
  // Consolidated expenses stand instead of the itemised ones; residential finance costs may go
  // with either. [BSAS common/errors.yaml ruleBothExpensesSupplied; def3 request.json]
  if (
    expenses &&
    textAt(expenses, 'consolidatedExpenses') !== undefined &&
    Object.keys(expenses).some(
      (k) => k !== 'consolidatedExpenses' && k !== 'residentialFinancialCost',
    )
  )
    errors.push({ ...BSAS_ERRORS.bothExpenses, paths: [`${at}/expenses`] });
  return errors;
}

/**
 * `zeroAdjustments` says "no adjustment at all" and can only be true; it cannot come with any
 * adjustment. [BSAS common/errors.yaml ruleZeroAdjustmentsInvalid, ruleBothAdjustmentsSupplied]
 */
function checkZero(holder: ParsedBody | undefined, at: string, others: string[]): MtdError[] {
  const zero = holder ? flagAt(holder, 'zeroAdjustments') : undefined;
  if (zero === undefined || !holder) return [];
  if (zero === false)
    return [{ ...BSAS_ERRORS.zeroAdjustmentsInvalid, paths: [`${at}/zeroAdjustments`] }];
  return others.some((k) => holder[k] !== undefined)
    ? [{ ...BSAS_ERRORS.bothAdjustments, paths: [at === '' ? '/' : at] }]
    : [];
}

/** The rules of an adjustment body, after it was read with its type's spec. */
export function checkAdjustments(type: BsasBusinessType, body: ParsedBody): MtdError[] {
  if (type === 'self-employment') {
    return [
      ...checkSection(body, '', SE_ADJUSTABLE),
      ...checkZero(body, '', ['income', 'expenses', 'additions']),
    ];
  }
  if (type === 'uk-property') {
    const uk = objectAt(body, 'ukProperty');
    return [
      ...checkSection(uk, '/ukProperty', PROPERTY_ADJUSTABLE),
      ...checkZero(uk, '/ukProperty', ['income', 'expenses']),
    ];
  }
  const foreign = objectAt(body, 'foreignProperty');
  const errors: MtdError[] = [];
  const seen = new Set<string>();
  (listAt(body, 'foreignProperty', 'countryLevelDetail') ?? []).forEach((entry, i) => {
    const at = `/foreignProperty/countryLevelDetail/${i}`;
    const code = textAt(entry, 'countryCode') ?? '';
    const bad = checkCountryCode(code, `${at}/countryCode`);
    if (bad) errors.push(bad);
    if (seen.has(code))
      errors.push({ ...BSAS_ERRORS.duplicateCountryCode, paths: [`${at}/countryCode`] });
    seen.add(code);
    errors.push(
      ...checkSection(entry, at, {
        income: FOREIGN_INCOME,
        expenses: PROPERTY_ADJUSTABLE.expenses,
      }),
    );
  });
  errors.push(...checkZero(foreign, '/foreignProperty', ['countryLevelDetail']));
  return errors;
}
