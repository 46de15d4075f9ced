import type { HmrcCategory } from './category';

/**
 * UK property fields of the cumulative summary (reference §5.5; [PB]
 * `schemas/uk_property_cumulative_summary_create_and_amend/def1/request.json`). Property fields
 * have no disallowable twins: record only the allowable part. The hints are ours.
 */

const income = (
  field: string,
  name: string,
  hint: string,
  countsTowardsConsolidatedThreshold: boolean,
): HmrcCategory => ({
  id: `ukp.${field}`,
  reportable: true,
  kind: 'uk-property',
  direction: 'income',
  hmrcSection: 'ukProperty.income',
  hmrcField: field,
  disallowableField: null,
  name,
  hint,
  sign: 'non-negative',
  consolidation: null,
  countsTowardsConsolidatedThreshold,
});

const expense = (
  field: string,
  name: string,
  hint: string,
  // residentialFinancialCost, …CarriedForward and rentARoom.amountClaimed are ≥ 0 and are still
  // sent beside consolidatedExpenses (reference §3.5, §5.5).
  special = false,
): HmrcCategory => ({
  id: `ukp.${field}`,
  reportable: true,
  kind: 'uk-property',
  direction: 'expense',
  hmrcSection: 'ukProperty.expenses',
  hmrcField: field,
  disallowableField: null,
  name,
  hint,
  sign: special ? 'non-negative' : 'any',
  consolidation: special ? 'separate' : 'folded',
  countsTowardsConsolidatedThreshold: false,
});

export const UK_PROPERTY_CATEGORIES: readonly HmrcCategory[] = [
  income(
    'periodAmount',
    'Rents',
    'Rent from your tenants. Not ground rents, rent charges or rent-a-room income.',
    true,
  ),
  income(
    'premiumsOfLeaseGrant',
    'Lease premiums',
    'Premiums and other lump sums you receive for granting a lease.',
    true,
  ),
  income(
    'reversePremiums',
    'Reverse premiums',
    'A payment you receive as an incentive to take on a lease.',
    true,
  ),
  income(
    'otherIncome',
    'Other property income',
    'Other letting income, such as charges to tenants for services you provide.',
    true,
  ),
  income(
    'taxDeducted',
    'Tax already taken off rents',
    'Tax a letting agent or tenant deducted from rent before paying you.',
    false,
  ),
  income(
    'rentARoom.rentsReceived',
    'Rent-a-room rents',
    'Rent for furnished rooms in your own home under the Rent a Room scheme.',
    true,
  ),
  expense(
    'premisesRunningCosts',
    'Rent, rates and insurance',
    'Ground rent, service charges, council tax, insurance and bills you pay for the property.',
  ),
  expense(
    'repairsAndMaintenance',
    'Repairs and maintenance',
    'Repairs that keep the property as it was, like fixing a boiler or repainting. Not improvements.',
  ),
  expense(
    'financialCosts',
    'Loan interest and finance costs',
    'Interest and fees on loans for non-residential lettings. For homes, use residential finance costs.',
  ),
  expense(
    'professionalFees',
    'Legal, management and professional fees',
    'Letting agent and management fees, accountants, and legal fees for lettings.',
  ),
  expense(
    'costOfServices',
    'Cost of services for tenants',
    'Services you provide to tenants, such as cleaning or gardening, including wages you pay.',
  ),
  expense('travelCosts', 'Travel', 'Car, van and travel costs of running your lettings.'),
  expense(
    'other',
    'Other property expenses',
    'Allowable letting costs that fit nowhere else, such as advertising for tenants.',
  ),
  expense(
    'residentialFinancialCost',
    'Residential finance costs',
    'Mortgage interest and loan fees for letting homes. Relief comes as a tax reduction, not an expense.',
    true,
  ),
  expense(
    'residentialFinancialCostsCarriedForward',
    'Residential finance costs brought forward',
    'Residential finance costs from earlier years that you have not yet had relief for.',
    true,
  ),
  expense(
    'rentARoom.amountClaimed',
    'Rent-a-room relief claimed',
    'The tax-free amount you claim under the Rent a Room scheme.',
    true,
  ),
  {
    id: 'ukp.consolidatedExpenses',
    reportable: true,
    kind: 'uk-property',
    direction: 'expense',
    hmrcSection: 'ukProperty.expenses',
    hmrcField: 'consolidatedExpenses',
    disallowableField: null,
    name: 'All expenses as one total',
    hint: 'One total of allowable expenses (finance costs and rent-a-room relief apart), if property income is under £90,000.',
    sign: 'any',
    consolidation: 'consolidated',
    countsTowardsConsolidatedThreshold: false,
  },
];
