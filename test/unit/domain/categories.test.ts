import { describe, expect, it } from 'vitest';
import {
  ALL_CATEGORIES,
  CONSOLIDATED_EXPENSES_THRESHOLD_PENCE,
  allowsDisallowable,
  categoriesForKind,
  categoryFitsKind,
  consolidatedExpensesAllowed,
  consolidatedThresholdIncome,
  fieldValuePence,
  foldIntoConsolidated,
  getCategory,
  hmrcPath,
  type FieldAmount,
  type HmrcCategory,
} from '@shared/domain/categories';

const fields = (kind: 'self-employment' | 'uk-property', direction: 'income' | 'expense') =>
  categoriesForKind(kind)
    .filter((c) => c.direction === direction)
    .map((c) => c.hmrcField);

const hmrc = (id: string) => getCategory(id) as HmrcCategory;

describe('HMRC categories (reference §5.4, §5.5)', () => {
  it('has every self-employment income field', () => {
    expect(fields('self-employment', 'income')).toEqual([
      'turnover',
      'other',
      'taxTakenOffTradingIncome',
    ]);
  });

  it('has the fifteen self-employment expenses, each with its Disallowable twin, and consolidated', () => {
    const expenses = categoriesForKind('self-employment').filter((c) => c.direction === 'expense');
    const itemised = expenses.filter((c) => c.consolidation === 'folded');
    expect(itemised.map((c) => c.hmrcField)).toEqual([
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
    ]);
    for (const c of itemised) expect(c.disallowableField).toBe(`${c.hmrcField}Disallowable`);
    expect(expenses.map((c) => c.hmrcField)).toContain('consolidatedExpenses');
    expect(allowsDisallowable(hmrc('se.consolidatedExpenses'))).toBe(false);
  });

  it('has the UK property income and expense fields with nested paths', () => {
    expect(fields('uk-property', 'income')).toEqual([
      'periodAmount',
      'premiumsOfLeaseGrant',
      'reversePremiums',
      'otherIncome',
      'taxDeducted',
      'rentARoom.rentsReceived',
    ]);
    expect(fields('uk-property', 'expense')).toEqual([
      'premisesRunningCosts',
      'repairsAndMaintenance',
      'financialCosts',
      'professionalFees',
      'costOfServices',
      'travelCosts',
      'other',
      'residentialFinancialCost',
      'residentialFinancialCostsCarriedForward',
      'rentARoom.amountClaimed',
      'consolidatedExpenses',
    ]);
    expect(hmrcPath(hmrc('ukp.rentARoom.amountClaimed'))).toBe(
      'ukProperty.expenses.rentARoom.amountClaimed',
    );
    expect(allowsDisallowable(hmrc('ukp.repairsAndMaintenance'))).toBe(false);
  });

  it('follows HMRC sign rules: income never negative, most expenses may be', () => {
    for (const c of ALL_CATEGORIES) {
      if (!c.reportable) continue;
      if (c.direction === 'income') expect(c.sign, c.id).toBe('non-negative');
    }
    expect(hmrc('se.costOfGoods').sign).toBe('any');
    expect(hmrc('ukp.residentialFinancialCost').sign).toBe('non-negative');
    expect(hmrc('ukp.rentARoom.amountClaimed').sign).toBe('non-negative');
  });

  it('gives each category a unique stable id, a name and a one-line hint', () => {
    const ids = ALL_CATEGORIES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of ALL_CATEGORIES) {
      expect(c.name.length, c.id).toBeGreaterThan(3);
      expect(c.hint.length, c.id).toBeGreaterThan(20);
      expect(c.hint.length, c.id).toBeLessThan(130);
      expect(c.hint, c.id).not.toContain('\n');
    }
  });

  it('turns bank amounts into field values: money out is a positive expense', () => {
    expect(fieldValuePence(hmrc('se.costOfGoods'), -1250)).toBe(1250);
    expect(fieldValuePence(hmrc('se.costOfGoods'), 300)).toBe(-300); // a refund
    expect(fieldValuePence(hmrc('se.turnover'), 5000)).toBe(5000);
    expect(fieldValuePence(hmrc('se.costOfGoods'), 0)).toBe(0);
  });

  it('lets excluded categories sit on any business, and HMRC ones only on their kind', () => {
    expect(categoryFitsKind(getCategory('excluded.personal')!, 'uk-property')).toBe(true);
    expect(categoryFitsKind(hmrc('se.turnover'), 'uk-property')).toBe(false);
  });
});

describe('consolidated expenses (reference §5.4)', () => {
  it('is allowed only below £90,000', () => {
    expect(CONSOLIDATED_EXPENSES_THRESHOLD_PENCE).toBe(90_000_00);
    expect(consolidatedExpensesAllowed(89_999_99)).toBe(true);
    expect(consolidatedExpensesAllowed(90_000_00)).toBe(false);
  });

  it('tests turnover for self-employment and gross rents for property', () => {
    const totals = new Map<string, FieldAmount>([
      ['se.turnover', { valuePence: 50_000_00, disallowablePence: 0 }],
      ['se.other', { valuePence: 45_000_00, disallowablePence: 0 }],
      ['ukp.periodAmount', { valuePence: 80_000_00, disallowablePence: 0 }],
      ['ukp.rentARoom.rentsReceived', { valuePence: 5_000_00, disallowablePence: 0 }],
      ['ukp.taxDeducted', { valuePence: 9_000_00, disallowablePence: 0 }],
    ]);
    expect(consolidatedThresholdIncome('self-employment', totals)).toBe(50_000_00);
    expect(consolidatedThresholdIncome('uk-property', totals)).toBe(85_000_00);
  });

  it('folds allowable expenses into one total and keeps property finance costs separate', () => {
    const totals = new Map<string, FieldAmount>([
      ['se.costOfGoods', { valuePence: 1000_00, disallowablePence: 0 }],
      ['se.carVanTravelExpenses', { valuePence: 500_00, disallowablePence: 200_00 }],
      ['se.consolidatedExpenses', { valuePence: 25_00, disallowablePence: 0 }],
      ['ukp.repairsAndMaintenance', { valuePence: 300_00, disallowablePence: 0 }],
      ['ukp.residentialFinancialCost', { valuePence: 700_00, disallowablePence: 0 }],
    ]);
    expect(foldIntoConsolidated('self-employment', totals).consolidatedPence).toBe(1325_00);
    const property = foldIntoConsolidated('uk-property', totals);
    expect(property.consolidatedPence).toBe(300_00);
    expect(property.separate.get('ukp.residentialFinancialCost')).toBe(700_00);
  });
});
