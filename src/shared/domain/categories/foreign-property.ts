import type { HmrcCategory } from './category';

/**
 * Foreign property fields of the cumulative summary ([PB]
 * `schemas/foreign_property_cumulative_summary_create_and_amend/def1|def2/request.json`, the
 * same fields per country in 2025-26 and per property from 2026-27; reference §3.5). Like UK
 * property, no disallowable twins: record only the allowable part. Foreign tax paid is recorded
 * here too, in pounds; whether foreign tax credit relief is claimed on it is a setting of the
 * property. The names and hints are ours.
 */

const income = (
  field: string,
  name: string,
  hint: string,
  countsTowardsConsolidatedThreshold: boolean,
): HmrcCategory => ({
  id: `fp.${field}`,
  reportable: true,
  kind: 'foreign-property',
  direction: 'income',
  hmrcSection: 'foreignProperty.income',
  hmrcField: field,
  disallowableField: null,
  name,
  hint,
  sign: 'non-negative',
  consolidation: null,
  countsTowardsConsolidatedThreshold,
});

const expense = (field: string, name: string, hint: string, special = false): HmrcCategory => ({
  id: `fp.${field}`,
  reportable: true,
  kind: 'foreign-property',
  direction: 'expense',
  hmrcSection: 'foreignProperty.expenses',
  hmrcField: field,
  disallowableField: null,
  name,
  hint,
  // Residential finance costs are ≥ 0 and still sent beside consolidatedExpenses ([PB] def1/def2).
  sign: special ? 'non-negative' : 'any',
  consolidation: special ? 'separate' : 'folded',
  countsTowardsConsolidatedThreshold: false,
});

export const FOREIGN_PROPERTY_CATEGORIES: readonly HmrcCategory[] = [
  income(
    'rentIncome.rentAmount',
    'Foreign rents',
    'Rent from tenants of a property abroad, in pounds.',
    true,
  ),
  income(
    'premiumsOfLeaseGrant',
    'Foreign lease premiums',
    'Premiums and other lump sums for granting a lease of a property abroad.',
    true,
  ),
  income(
    'otherPropertyIncome',
    'Other foreign property income',
    'Other letting income from a property abroad, such as service charges to tenants.',
    true,
  ),
  income(
    'foreignTaxPaidOrDeducted',
    'Foreign tax paid',
    'Tax paid abroad on this property’s income. You may be able to claim foreign tax credit relief on it.',
    false,
  ),
  income(
    'specialWithholdingTaxOrUkTaxPaid',
    'Special withholding tax or UK tax paid',
    'Special withholding tax, or UK tax taken off this foreign income.',
    false,
  ),
  expense(
    'premisesRunningCosts',
    'Rent, rates and insurance (abroad)',
    'Ground rent, local property taxes, insurance and bills you pay for the property abroad.',
  ),
  expense(
    'repairsAndMaintenance',
    'Repairs and maintenance (abroad)',
    'Repairs that keep the property abroad as it was. Not improvements.',
  ),
  expense(
    'financialCosts',
    'Loan interest and finance costs (abroad)',
    'Interest and fees on loans for non-residential lettings abroad. For homes, use residential finance costs.',
  ),
  expense(
    'professionalFees',
    'Legal, management and professional fees (abroad)',
    'Letting agents abroad, accountants and legal fees for the lettings.',
  ),
  expense('travelCosts', 'Travel (abroad)', 'Travel costs of running your lettings abroad.'),
  expense(
    'costOfServices',
    'Cost of services for tenants (abroad)',
    'Services you provide to tenants abroad, such as cleaning, including wages you pay.',
  ),
  expense(
    'other',
    'Other foreign property expenses',
    'Allowable letting costs abroad that fit nowhere else.',
  ),
  expense(
    'residentialFinancialCost',
    'Residential finance costs (abroad)',
    'Mortgage interest and loan fees for letting homes abroad. Relief comes as a tax reduction, not an expense.',
    true,
  ),
  expense(
    'broughtFwdResidentialFinancialCost',
    'Residential finance costs brought forward (abroad)',
    'Residential finance costs for foreign lettings from earlier years not yet relieved.',
    true,
  ),
  {
    id: 'fp.consolidatedExpenses',
    reportable: true,
    kind: 'foreign-property',
    direction: 'expense',
    hmrcSection: 'foreignProperty.expenses',
    hmrcField: 'consolidatedExpenses',
    disallowableField: null,
    name: 'All foreign property expenses as one total',
    hint: 'One total of allowable expenses (residential finance costs apart), if property income is under £90,000.',
    sign: 'any',
    consolidation: 'consolidated',
    countsTowardsConsolidatedThreshold: false,
  },
];
