import { PROPERTY_ITEMISED_EXPENSES, SE_EXPENSE_FIELDS } from '../rules/cumulative-bodies';
import { type BusinessRecord, type CumulativeRecord } from '../state/model';
import { type BusinessFigures } from './estimate';
import { amount, subtree, sumOf } from './pence-tree';

/**
 * Reads a stored cumulative summary as the estimate's figures. Self-employment: income is
 * turnover + other; allowable profit adds disallowable expenses back. UK property: all rent
 * and receipts (including rent-a-room) less expenses (including the rent-a-room amount
 * claimed); residential finance costs are a tax reduction, not an expense. [reference §5.4-§5.5]
 */
export function businessFigures(
  business: BusinessRecord,
  record: CumulativeRecord,
): BusinessFigures | undefined {
  const a = record.amounts;
  if (business.typeOfBusiness === 'self-employment') {
    const expenses = subtree(a, 'periodExpenses');
    return {
      businessId: business.businessId,
      type: 'self-employment',
      ...(business.tradingName ? { name: business.tradingName } : {}),
      income: amount(a, 'periodIncome', 'turnover') + amount(a, 'periodIncome', 'other'),
      expenses: amount(expenses, 'consolidatedExpenses') + sumOf(expenses, SE_EXPENSE_FIELDS),
      disallowable: sumOf(
        subtree(a, 'periodDisallowableExpenses'),
        SE_EXPENSE_FIELDS.map((f) => `${f}Disallowable`),
      ),
      taxDeducted: amount(a, 'periodIncome', 'taxTakenOffTradingIncome'),
      financeCosts: 0,
    };
  }
  if (business.typeOfBusiness === 'uk-property') {
    const income = subtree(a, 'ukProperty', 'income');
    const expenses = subtree(a, 'ukProperty', 'expenses');
    return {
      businessId: business.businessId,
      type: 'uk-property',
      name: 'UK property',
      income:
        sumOf(income, ['periodAmount', 'premiumsOfLeaseGrant', 'reversePremiums', 'otherIncome']) +
        amount(income, 'rentARoom', 'rentsReceived'),
      expenses:
        amount(expenses, 'consolidatedExpenses') +
        sumOf(expenses, PROPERTY_ITEMISED_EXPENSES) +
        amount(expenses, 'rentARoom', 'amountClaimed'),
      disallowable: 0,
      taxDeducted: amount(income, 'taxDeducted'),
      financeCosts: sumOf(expenses, [
        'residentialFinancialCost',
        'residentialFinancialCostsCarriedForward',
      ]),
    };
  }
  return undefined;
}
