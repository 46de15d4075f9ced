import { PROPERTY_ITEMISED_EXPENSES, SE_EXPENSE_FIELDS } from '../rules/cumulative-bodies';
import { FOREIGN_ITEMISED_EXPENSES } from '../rules/foreign-cumulative-body';
import {
  type AnnualRecord,
  type BusinessRecord,
  type CumulativeRecord,
  type PenceTree,
} from '../state/model';
import { type BusinessFigures } from './business-figures-shape';
import { amount, entries, flag, subtree, sumOf, text } from './pence-tree';

/** The amounts of every building allowance entry in a list. */
function buildingAllowances(allowances: PenceTree | undefined): number {
  return ['structuredBuildingAllowance', 'enhancedStructuredBuildingAllowance']
    .flatMap((list) => entries(allowances, list))
    .reduce((t, e) => t + amount(e, 'amount'), 0);
}

/** Every allowance amount directly under `allowances`, building allowances included. */
function allAllowances(allowances: PenceTree | undefined): number {
  const direct = Object.values(allowances ?? {}).reduce<number>(
    (t, v) => t + (typeof v === 'number' ? v : 0),
    0,
  );
  return direct + buildingAllowances(allowances);
}

/**
 * The self-employment annual figures: additions (balancing charges, goods taken for own use,
 * income not yet included, accounting adjustments), deductions (profits not taxable, every
 * capital allowance, the trading income allowance), the basis period adjustment either way,
 * and Class 4 NIC's exemption and adjustment. Transition profits are taxed separately by HMRC
 * and are not modelled here. [SE schemas/createAmendAnnualSubmission/def3|def4/request.json;
 * reference §5.4]
 */
function seAnnual(annual: AnnualRecord | undefined): Partial<BusinessFigures> {
  const a = annual?.body;
  if (!a) return {};
  const adj = subtree(a, 'adjustments');
  const allowances = subtree(a, 'allowances');
  return {
    additions: sumOf(adj, [
      'accountingAdjustment',
      'outstandingBusinessIncome',
      'balancingChargeBpra',
      'balancingChargeOther',
      'goodsAndServicesOwnUse',
    ]),
    deductions: amount(adj, 'includedNonTaxableProfits') + allAllowances(allowances),
    accountingAdjustments: amount(adj, 'basisAdjustment'),
    class4Exempt: text(a, 'nonFinancials', 'class4NicsExemptionReason') !== undefined,
    class4Adjustment: amount(adj, 'adjustmentToProfitsForClass4'),
  };
}

/** UK or foreign property annual figures for one holder (the business or one foreign entry). */
function propertyAnnual(holder: PenceTree | undefined): Partial<BusinessFigures> {
  if (!holder) return {};
  return {
    additions: sumOf(subtree(holder, 'adjustments'), [
      'balancingCharge',
      'privateUseAdjustment',
      'businessPremisesRenovationAllowanceBalancingCharges',
    ]),
    deductions: allAllowances(subtree(holder, 'allowances')),
  };
}

const add = (a: number | undefined, b: number | undefined) => (a ?? 0) + (b ?? 0);

/**
 * The country of a foreign property entry: 2025-26 entries name it, later ones name a property
 * whose country the business's property details give.
 */
export function foreignCountryOf(business: BusinessRecord, entry: PenceTree): string {
  return (
    text(entry, 'countryCode') ??
    business.foreignProperties?.find((p) => p.propertyId === text(entry, 'propertyId'))
      ?.countryCode ??
    'ZZZ'
  );
}

/**
 * Foreign property figures, one set per country (HMRC's calculation reports foreign property by
 * country): 2025-26 entries name their country, later ones a property whose country the
 * business's property details give. [PB foreign_property_cumulative_summary_create_and_amend/
 * def1|def2/request.json; IC schemas/retrieve/def3/calculation/foreignPropertyIncome.json]
 */
function foreignFigures(
  business: BusinessRecord,
  record: CumulativeRecord,
  annual: AnnualRecord | undefined,
): BusinessFigures[] {
  const countryOf = (entry: PenceTree) => foreignCountryOf(business, entry);
  const byCountry = new Map<string, BusinessFigures>();
  const figuresFor = (country: string): BusinessFigures => {
    const existing = byCountry.get(country);
    if (existing) return existing;
    const fresh: BusinessFigures = {
      businessId: business.businessId,
      type: 'foreign-property',
      name: 'Foreign property',
      countryCode: country,
      income: 0,
      expenses: 0,
      disallowable: 0,
      taxDeducted: 0,
      financeCosts: 0,
      foreignTax: { paid: 0, claimed: false },
    };
    byCountry.set(country, fresh);
    return fresh;
  };
  for (const entry of entries(record.amounts, 'foreignProperty')) {
    const f = figuresFor(countryOf(entry));
    const income = subtree(entry, 'income');
    const expenses = subtree(entry, 'expenses');
    f.income +=
      amount(income, 'rentIncome', 'rentAmount') +
      sumOf(income, ['premiumsOfLeaseGrant', 'otherPropertyIncome']);
    f.expenses +=
      amount(expenses, 'consolidatedExpenses') + sumOf(expenses, FOREIGN_ITEMISED_EXPENSES);
    f.financeCosts += sumOf(expenses, [
      'residentialFinancialCost',
      'broughtFwdResidentialFinancialCost',
    ]);
    // UK tax paid on this income (special withholding tax) counts as tax already deducted.
    f.taxDeducted += amount(income, 'specialWithholdingTaxOrUkTaxPaid');
    f.foreignTax = {
      paid: (f.foreignTax?.paid ?? 0) + amount(income, 'foreignTaxPaidOrDeducted'),
      claimed: (f.foreignTax?.claimed ?? false) || flag(income, 'foreignTaxCreditRelief') === true,
    };
  }
  for (const entry of entries(annual?.body, 'foreignProperty')) {
    const f = figuresFor(countryOf(entry));
    const extra = propertyAnnual(entry);
    f.additions = add(f.additions, extra.additions);
    f.deductions = add(f.deductions, extra.deductions);
  }
  return [...byCountry.values()];
}

/**
 * Reads a business's year (cumulative summary and annual submission) as the calculation's
 * figures. Self-employment: income is turnover + other; allowable profit adds disallowable
 * expenses back. UK property: all rent and receipts (including rent-a-room) less expenses
 * (including the rent-a-room amount claimed); residential finance costs are a tax reduction,
 * not an expense. Foreign property: per country, with the foreign tax paid. [reference §5.4-§5.5]
 */
export function businessFigures(
  business: BusinessRecord,
  record: CumulativeRecord,
  annual?: AnnualRecord,
): BusinessFigures[] {
  const a = record.amounts;
  if (business.typeOfBusiness === 'self-employment') {
    const expenses = subtree(a, 'periodExpenses');
    return [
      {
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
        ...seAnnual(annual),
      },
    ];
  }
  if (business.typeOfBusiness === 'uk-property') {
    const income = subtree(a, 'ukProperty', 'income');
    const expenses = subtree(a, 'ukProperty', 'expenses');
    return [
      {
        businessId: business.businessId,
        type: 'uk-property',
        name: 'UK property',
        income:
          sumOf(income, [
            'periodAmount',
            'premiumsOfLeaseGrant',
            'reversePremiums',
            'otherIncome',
          ]) + amount(income, 'rentARoom', 'rentsReceived'),
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
        ...propertyAnnual(subtree(annual?.body, 'ukProperty')),
      },
    ];
  }
  if (business.typeOfBusiness === 'foreign-property')
    return foreignFigures(business, record, annual);
  return [];
}
