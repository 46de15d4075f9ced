import { hmrcAmountToPence, penceToHmrcAmount, type Pence } from '@shared/domain/money';
import type { IsoDate } from '@shared/domain/tax-year';
import {
  UK_PROPERTY_ITEMISED_EXPENSE_FIELDS,
  type UkPropertyCumulativeBody,
  type UkPropertyCumulativeResponse,
  type UkPropertyItemisedExpenseField,
} from '../schemas/uk-property';

/**
 * A UK property business's year-to-date totals in integer pence, keyed by HMRC's field names
 * (reference §5.5).
 */
export interface UkPropertyCumulativeTotals {
  /** Left out for customers who report annually or whose income source is latent. */
  period?: { start: IsoDate; end: IsoDate } | undefined;
  income: {
    periodAmount: Pence;
    premiumsOfLeaseGrant: Pence;
    reversePremiums: Pence;
    otherIncome: Pence;
    taxDeducted: Pence;
  };
  expenses:
    | {
        kind: 'itemised';
        /** Missing fields are sent as 0. */
        amounts: Partial<Record<UkPropertyItemisedExpenseField, Pence>>;
      }
    | { kind: 'consolidated'; total: Pence };
  /** Residential finance costs: reported beside either kind of expenses (reference §3.5). */
  residentialFinancialCost?: Pence | undefined;
  residentialFinancialCostsCarriedForward?: Pence | undefined;
  /** Only when the landlord uses Rent a Room relief. */
  rentARoom?: { rentsReceived: Pence; amountClaimed: Pence } | undefined;
}

/**
 * Totals in pence → the exact JSON body of the UK property cumulative PUT [PB
 * schemas/uk_property_cumulative_summary_create_and_amend/def1/request.json]. Every income
 * field and every itemised expense field is sent, zeros included.
 */
export function ukPropertyCumulativeBody(
  totals: UkPropertyCumulativeTotals,
): UkPropertyCumulativeBody {
  const money = penceToHmrcAmount;
  const { income, expenses } = totals;
  const extra = {
    ...(totals.residentialFinancialCost !== undefined
      ? { residentialFinancialCost: money(totals.residentialFinancialCost) }
      : {}),
    ...(totals.residentialFinancialCostsCarriedForward !== undefined
      ? {
          residentialFinancialCostsCarriedForward: money(
            totals.residentialFinancialCostsCarriedForward,
          ),
        }
      : {}),
    ...(totals.rentARoom
      ? { rentARoom: { amountClaimed: money(totals.rentARoom.amountClaimed) } }
      : {}),
  };
  return {
    ...(totals.period ? { fromDate: totals.period.start, toDate: totals.period.end } : {}),
    ukProperty: {
      income: {
        premiumsOfLeaseGrant: money(income.premiumsOfLeaseGrant),
        reversePremiums: money(income.reversePremiums),
        periodAmount: money(income.periodAmount),
        taxDeducted: money(income.taxDeducted),
        otherIncome: money(income.otherIncome),
        ...(totals.rentARoom
          ? { rentARoom: { rentsReceived: money(totals.rentARoom.rentsReceived) } }
          : {}),
      },
      expenses:
        expenses.kind === 'consolidated'
          ? { consolidatedExpenses: money(expenses.total), ...extra }
          : {
              ...Object.fromEntries(
                UK_PROPERTY_ITEMISED_EXPENSE_FIELDS.map((f) => [
                  f,
                  money(expenses.amounts[f] ?? 0),
                ]),
              ),
              ...extra,
            },
    },
  };
}

/** HMRC's stored summary (GET) or a body → totals in pence, to compare with the ledger. */
export function ukPropertyTotalsFromHmrc(
  summary: UkPropertyCumulativeBody | UkPropertyCumulativeResponse,
): UkPropertyCumulativeTotals {
  const pence = (n: number | undefined) => (n === undefined ? 0 : hmrcAmountToPence(n));
  const income = summary.ukProperty.income ?? {};
  const expenses = summary.ukProperty.expenses ?? {};
  const rentARoom = income.rentARoom || expenses.rentARoom;
  return {
    ...(summary.fromDate && summary.toDate
      ? { period: { start: summary.fromDate, end: summary.toDate } }
      : {}),
    income: {
      periodAmount: pence(income.periodAmount),
      premiumsOfLeaseGrant: pence(income.premiumsOfLeaseGrant),
      reversePremiums: pence(income.reversePremiums),
      otherIncome: pence(income.otherIncome),
      taxDeducted: pence(income.taxDeducted),
    },
    expenses:
      expenses.consolidatedExpenses !== undefined
        ? { kind: 'consolidated', total: pence(expenses.consolidatedExpenses) }
        : {
            kind: 'itemised',
            amounts: Object.fromEntries(
              UK_PROPERTY_ITEMISED_EXPENSE_FIELDS.filter((f) => expenses[f] !== undefined).map(
                (f) => [f, pence(expenses[f])],
              ),
            ),
          },
    ...(expenses.residentialFinancialCost !== undefined
      ? { residentialFinancialCost: pence(expenses.residentialFinancialCost) }
      : {}),
    ...(expenses.residentialFinancialCostsCarriedForward !== undefined
      ? {
          residentialFinancialCostsCarriedForward: pence(
            expenses.residentialFinancialCostsCarriedForward,
          ),
        }
      : {}),
    ...(rentARoom
      ? {
          rentARoom: {
            rentsReceived: pence(income.rentARoom?.rentsReceived),
            amountClaimed: pence(expenses.rentARoom?.amountClaimed),
          },
        }
      : {}),
  };
}
