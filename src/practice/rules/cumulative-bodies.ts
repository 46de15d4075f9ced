import { type MtdError, rule } from '../http/mtd-errors';
import { isIsoDate } from '../tax/dates';
import { type FieldSpec, checkShape, checkValues, money } from './body-shape';

/**
 * The cumulative period summary bodies, field for field from HMRC's schemas:
 * SE `schemas/createAmendCumulativePeriodSummary/request.json` and PB
 * `schemas/uk_property_cumulative_summary_create_and_amend/def1/request.json`. [reference §3.5]
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

const fields = (names: readonly string[], signed: boolean): Record<string, FieldSpec> =>
  Object.fromEntries(names.map((n) => [n, money(signed)]));

export const SE_CUMULATIVE_SPEC: FieldSpec & { kind: 'object' } = {
  kind: 'object',
  fields: {
    periodDates: {
      kind: 'object',
      fields: {
        periodStartDate: { kind: 'date', formatError: FORMAT_START_DATE },
        periodEndDate: { kind: 'date', formatError: FORMAT_END_DATE },
      },
      required: ['periodStartDate', 'periodEndDate'],
    },
    periodIncome: {
      kind: 'object',
      fields: fields(['turnover', 'other', 'taxTakenOffTradingIncome'], false),
    },
    periodExpenses: {
      kind: 'object',
      fields: fields(['consolidatedExpenses', ...SE_EXPENSE_FIELDS], true),
    },
    periodDisallowableExpenses: {
      kind: 'object',
      fields: fields(
        SE_EXPENSE_FIELDS.map((f) => `${f}Disallowable`),
        true,
      ),
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

export const UK_PROPERTY_CUMULATIVE_SPEC: FieldSpec & { kind: 'object' } = {
  kind: 'object',
  fields: {
    fromDate: { kind: 'date', formatError: FORMAT_FROM_DATE },
    toDate: { kind: 'date', formatError: FORMAT_TO_DATE },
    ukProperty: {
      kind: 'object',
      fields: {
        income: {
          kind: 'object',
          fields: {
            ...fields(
              [
                'premiumsOfLeaseGrant',
                'reversePremiums',
                'periodAmount',
                'taxDeducted',
                'otherIncome',
              ],
              false,
            ),
            rentARoom: { kind: 'object', fields: fields(['rentsReceived'], false) },
          },
        },
        expenses: {
          kind: 'object',
          fields: {
            ...fields(PROPERTY_ITEMISED_EXPENSES, true),
            ...fields(
              ['residentialFinancialCost', 'residentialFinancialCostsCarriedForward'],
              false,
            ),
            rentARoom: { kind: 'object', fields: fields(['amountClaimed'], false) },
            consolidatedExpenses: money(true),
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

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | undefined =>
  typeof v === 'object' && v !== null ? (v as Obj) : undefined;

export function seDates(body: Obj): DateRange {
  const d = obj(body.periodDates);
  return {
    from: d?.periodStartDate as string | undefined,
    to: d?.periodEndDate as string | undefined,
  };
}

export function propertyDates(body: Obj): DateRange {
  return { from: body.fromDate as string | undefined, to: body.toDate as string | undefined };
}

/** Phase 2 for self-employment: values, then the body's own rules. [SE create_amend_cumulative_period_summary.yaml] */
export function checkSeValues(body: Obj): MtdError[] {
  const errors = checkValues(body, SE_CUMULATIVE_SPEC);
  const expenses = obj(body.periodExpenses);
  if (expenses && 'consolidatedExpenses' in expenses && Object.keys(expenses).length > 1) {
    errors.push({
      ...rule(
        'RULE_BOTH_EXPENSES_SUPPLIED',
        'Both expenses and consolidatedExpenses can not be present at the same time',
      ),
      paths: ['/periodExpenses'],
    });
  }
  const { from, to } = seDates(body);
  if (isIsoDate(from) && isIsoDate(to) && to < from) {
    errors.push(
      rule(
        'RULE_END_DATE_BEFORE_START_DATE',
        'The supplied accounting period end date is before the start date',
      ),
    );
  }
  return errors;
}

/**
 * Phase 2 for UK property. consolidatedExpenses may sit only beside residentialFinancialCost,
 * residentialFinancialCostsCarriedForward and rentARoom. [reference §3.5; PB request.json]
 */
export function checkPropertyValues(body: Obj): MtdError[] {
  const errors = checkValues(body, UK_PROPERTY_CUMULATIVE_SPEC);
  const expenses = obj(obj(body.ukProperty)?.expenses);
  if (expenses && 'consolidatedExpenses' in expenses) {
    const itemised = PROPERTY_ITEMISED_EXPENSES.filter((f) => f in expenses);
    if (itemised.length > 0) {
      errors.push({
        ...rule(
          'RULE_BOTH_EXPENSES_SUPPLIED',
          'Both expenses and consolidatedExpenses can not be present at the same time',
        ),
        paths: ['/ukProperty/expenses'],
      });
    }
  }
  const { from, to } = propertyDates(body);
  if (isIsoDate(from) && isIsoDate(to) && to < from) {
    errors.push(
      rule('RULE_TO_DATE_BEFORE_FROM_DATE', 'The To date cannot be earlier than the From date'),
    );
  }
  return errors;
}

export function checkSeShape(body: unknown): MtdError[] {
  return checkShape(body, SE_CUMULATIVE_SPEC);
}

export function checkPropertyShape(body: unknown): MtdError[] {
  return checkShape(body, UK_PROPERTY_CUMULATIVE_SPEC);
}
