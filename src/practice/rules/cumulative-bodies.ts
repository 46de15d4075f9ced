import { E, type MtdError, rule } from '../http/mtd-errors';
import { isIsoDate } from '../tax/dates';
import {
  type AmountRange,
  type FieldSpec,
  MONEY,
  type ObjectSpec,
  type ParsedBody,
  checkAmounts,
  objectAt,
  textAt,
} from './body-shape';

/**
 * The cumulative period summary bodies, field for field from HMRC's request models and schemas:
 * SE `schemas/createAmendCumulativePeriodSummary/request.json` (hmrc/self-employment-business-api
 * app/v5/createAmendCumulativePeriodSummary/def1/model/request/*.scala) and PB
 * `schemas/uk_property_cumulative_summary_create_and_amend/def1/request.json`
 * (hmrc/property-business-api app/v6/createAmendUkPropertyCumulativeSummary/def1/model/request/*.scala).
 * [reference §3.5]
 */
export const SE_EXPENSE_FIELDS = [
  'costOfGoods',
  'paymentsToSubcontractors',
  'wagesAndStaffCosts',
  'carVanTravelExpenses',
  'premisesRunningCosts',
  'maintenanceCosts',
  'adminCosts',
  'businessEntertainmentCosts',
  'advertisingCosts',
  'interestOnBankOtherLoans',
  'financeCharges',
  'irrecoverableDebts',
  'professionalFees',
  'depreciation',
  'otherExpenses',
] as const;

const FORMAT_START_DATE: MtdError = {
  code: 'FORMAT_START_DATE',
  message: 'The provided Start date is invalid',
};
const FORMAT_END_DATE: MtdError = {
  code: 'FORMAT_END_DATE',
  message: 'The provided End date is invalid',
};
const FORMAT_FROM_DATE: MtdError = {
  code: 'FORMAT_FROM_DATE',
  message: 'The provided From date is invalid',
};
const FORMAT_TO_DATE: MtdError = {
  code: 'FORMAT_TO_DATE',
  message: 'The provided To date is invalid',
};
const BOTH_EXPENSES = rule(
  'RULE_BOTH_EXPENSES_SUPPLIED',
  'Both expenses and consolidatedExpenses can not be present at the same time',
);
const MISSING_SUBMISSION_DATES = rule(
  'RULE_MISSING_SUBMISSION_DATES',
  'Submission start/end date not provided',
);

const money = (names: readonly string[]): Record<string, FieldSpec> =>
  Object.fromEntries(names.map((n) => [n, MONEY]));

export const SE_CUMULATIVE_SPEC: ObjectSpec = {
  kind: 'object',
  fields: {
    periodDates: {
      kind: 'object',
      fields: { periodStartDate: { kind: 'string' }, periodEndDate: { kind: 'string' } },
      required: ['periodStartDate', 'periodEndDate'],
    },
    periodIncome: {
      kind: 'object',
      fields: money(['turnover', 'other', 'taxTakenOffTradingIncome']),
    },
    periodExpenses: {
      kind: 'object',
      fields: money(['consolidatedExpenses', ...SE_EXPENSE_FIELDS]),
    },
    periodDisallowableExpenses: {
      kind: 'object',
      fields: money(SE_EXPENSE_FIELDS.map((f) => `${f}Disallowable`)),
    },
  },
};

export const PROPERTY_ITEMISED_EXPENSES = [
  'premisesRunningCosts',
  'repairsAndMaintenance',
  'financialCosts',
  'professionalFees',
  'costOfServices',
  'other',
  'travelCosts',
] as const;

export const UK_PROPERTY_CUMULATIVE_SPEC: ObjectSpec = {
  kind: 'object',
  fields: {
    fromDate: { kind: 'string' },
    toDate: { kind: 'string' },
    ukProperty: {
      kind: 'object',
      fields: {
        income: {
          kind: 'object',
          fields: {
            ...money([
              'premiumsOfLeaseGrant',
              'reversePremiums',
              'periodAmount',
              'taxDeducted',
              'otherIncome',
            ]),
            rentARoom: { kind: 'object', fields: money(['rentsReceived']) },
          },
        },
        expenses: {
          kind: 'object',
          fields: {
            ...money([
              'premisesRunningCosts',
              'repairsAndMaintenance',
              'financialCosts',
              'professionalFees',
              'costOfServices',
              'other',
              'residentialFinancialCost',
              'travelCosts',
              'residentialFinancialCostsCarriedForward',
            ]),
            rentARoom: { kind: 'object', fields: money(['amountClaimed']) },
            consolidatedExpenses: MONEY,
          },
        },
      },
    },
  },
  required: ['ukProperty'],
};

export interface DateRange {
  from?: string | undefined;
  to?: string | undefined;
}

export function seDates(body: ParsedBody): DateRange {
  const from = textAt(body, 'periodDates', 'periodStartDate');
  const to = textAt(body, 'periodDates', 'periodEndDate');
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

export function propertyDates(body: ParsedBody): DateRange {
  const from = textAt(body, 'fromDate');
  const to = textAt(body, 'toDate');
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

/**
 * After the body reads cleanly, HMRC wants at least two of dates, income and expenses (allowable
 * or disallowable) before any other rule; zero values count. [SE app/v5/
 * createAmendCumulativePeriodSummary/def1/Def1_CreateAmendCumulativePeriodSummaryValidator.scala
 * validateMinimumFields]
 */
export function checkSeMinimumFields(body: ParsedBody): MtdError[] {
  const present = [
    body.periodDates !== undefined,
    body.periodIncome !== undefined,
    body.periodExpenses !== undefined || body.periodDisallowableExpenses !== undefined,
  ].filter(Boolean).length;
  if (present >= 2) return [];
  return [
    {
      ...E.ruleIncorrectOrEmptyBody,
      message:
        'You must provide information for at least 2 of periodDates, periodIncome, and expenses ' +
        '(periodExpenses and/or periodDisallowableExpenses). Zero values can be submitted when ' +
        'there is no income or expenses',
    },
  ];
}

/** HMRC's order of amount checks for self-employment, which orders FORMAT_VALUE's paths. */
const SE_AMOUNT_CHECKS: [string, AmountRange][] = [
  ...['other', 'turnover', 'taxTakenOffTradingIncome'].map((f): [string, AmountRange] => [
    `/periodIncome/${f}`,
    'zero-or-more',
  ]),
  ...[
    'consolidatedExpenses',
    'paymentsToSubcontractors',
    'wagesAndStaffCosts',
    'carVanTravelExpenses',
    'adminCosts',
    'businessEntertainmentCosts',
    'advertisingCosts',
    'costOfGoods',
    'premisesRunningCosts',
    'maintenanceCosts',
    'interestOnBankOtherLoans',
    'financeCharges',
    'irrecoverableDebts',
    'professionalFees',
    'depreciation',
    'otherExpenses',
  ].map((f): [string, AmountRange] => [`/periodExpenses/${f}`, 'may-be-negative']),
  ...[
    'paymentsToSubcontractors',
    'wagesAndStaffCosts',
    'carVanTravelExpenses',
    'adminCosts',
    'businessEntertainmentCosts',
    'advertisingCosts',
    'professionalFees',
    'otherExpenses',
    'costOfGoods',
    'premisesRunningCosts',
    'maintenanceCosts',
    'interestOnBankOtherLoans',
    'financeCharges',
    'irrecoverableDebts',
    'depreciation',
  ].map((f): [string, AmountRange] => [
    `/periodDisallowableExpenses/${f}Disallowable`,
    'may-be-negative',
  ]),
];

/**
 * The self-employment body's rules once it reads cleanly and has its minimum fields, all
 * reported together: dates (each must be a real date; then the end must not be before the
 * start), consolidated expenses alone (no itemised or disallowable expenses beside them), and
 * every amount in range with at most 2 decimal places. [SE app/v5/
 * createAmendCumulativePeriodSummary/def1/Def1_CreateAmendCumulativePeriodSummaryRulesValidator.scala]
 */
export function checkSeRules(body: ParsedBody): MtdError[] {
  const errors: MtdError[] = [];
  const { from, to } = seDates(body);
  if (from !== undefined && to !== undefined) {
    if (!isIsoDate(from)) errors.push(FORMAT_START_DATE);
    if (!isIsoDate(to)) errors.push(FORMAT_END_DATE);
    if (isIsoDate(from) && isIsoDate(to) && to < from) {
      errors.push(
        rule(
          'RULE_END_DATE_BEFORE_START_DATE',
          'The supplied accounting period end date is before the start date',
        ),
      );
    }
  }
  const allowable = objectAt(body, 'periodExpenses');
  if (allowable?.consolidatedExpenses !== undefined) {
    const itemised = Object.keys(allowable).some((k) => k !== 'consolidatedExpenses');
    if (itemised || body.periodDisallowableExpenses !== undefined) errors.push(BOTH_EXPENSES);
  }
  errors.push(...checkAmounts(body, SE_AMOUNT_CHECKS));
  return errors;
}

/** The earliest and latest dates HMRC's property validator accepts. [PB app/common/controllers/validators/resolvers/ResolveFromAndToDates.scala] */
const EARLIEST_DATE = '1900-01-01';
const LATEST_DATE = '2099-12-31';

/**
 * UK property dates as HMRC's API layer checks them: with both, each must be a real date, then
 * the to date must not be before the from date, then both must lie in 1900-2099; with only one,
 * its format and RULE_MISSING_SUBMISSION_DATES together. [PB app/common/utils/DateValidator.scala,
 * ResolveFromAndToDates.scala, app/shared/controllers/validators/resolvers/ResolveDateRange.scala]
 */
export function checkPropertyDates({ from, to }: DateRange): MtdError[] {
  if (from !== undefined && to !== undefined) {
    const formats = [
      ...(isIsoDate(from) ? [] : [FORMAT_FROM_DATE]),
      ...(isIsoDate(to) ? [] : [FORMAT_TO_DATE]),
    ];
    if (formats.length > 0) return formats;
    if (to < from) {
      return [
        rule('RULE_TO_DATE_BEFORE_FROM_DATE', 'The To date cannot be earlier than the From date'),
      ];
    }
    return [
      ...(from < EARLIEST_DATE || from > LATEST_DATE ? [FORMAT_FROM_DATE] : []),
      ...(to > LATEST_DATE || to < EARLIEST_DATE ? [FORMAT_TO_DATE] : []),
    ];
  }
  if (from !== undefined) {
    return [...(isIsoDate(from) ? [] : [FORMAT_FROM_DATE]), MISSING_SUBMISSION_DATES];
  }
  if (to !== undefined) {
    return [...(isIsoDate(to) ? [] : [FORMAT_TO_DATE]), MISSING_SUBMISSION_DATES];
  }
  return [];
}

/** HMRC's order of amount checks for UK property: the ones that may be negative first. */
const PROPERTY_AMOUNT_CHECKS: [string, AmountRange][] = [
  ...[...PROPERTY_ITEMISED_EXPENSES, 'consolidatedExpenses'].map((f): [string, AmountRange] => [
    `/ukProperty/expenses/${f}`,
    'may-be-negative',
  ]),
  ...[
    '/ukProperty/income/premiumsOfLeaseGrant',
    '/ukProperty/income/reversePremiums',
    '/ukProperty/income/periodAmount',
    '/ukProperty/income/taxDeducted',
    '/ukProperty/income/otherIncome',
    '/ukProperty/income/rentARoom/rentsReceived',
    '/ukProperty/expenses/residentialFinancialCost',
    '/ukProperty/expenses/residentialFinancialCostsCarriedForward',
    '/ukProperty/expenses/rentARoom/amountClaimed',
  ].map((p): [string, AmountRange] => [p, 'zero-or-more']),
];

/**
 * The UK property body's rules once it reads cleanly, all reported together: dates, amounts,
 * and consolidatedExpenses only beside residentialFinancialCost,
 * residentialFinancialCostsCarriedForward and rentARoom. [PB app/v6/
 * createAmendUkPropertyCumulativeSummary/def1/Def1_CreateUkPropertyCumulativeSummaryRulesValidator.scala]
 */
export function checkPropertyRules(body: ParsedBody): MtdError[] {
  const errors = [...checkPropertyDates(propertyDates(body))];
  errors.push(...checkAmounts(body, PROPERTY_AMOUNT_CHECKS));
  const expenses = objectAt(body, 'ukProperty', 'expenses');
  if (
    expenses?.consolidatedExpenses !== undefined &&
    PROPERTY_ITEMISED_EXPENSES.some((f) => expenses[f] !== undefined)
  ) {
    errors.push({ ...BOTH_EXPENSES, paths: ['/ukProperty/expenses'] });
  }
  return errors;
}
