import { penceToHmrcAmount, type Pence } from '@shared/domain/money';
import type { IsoDate } from '@shared/domain/tax-year';
import {
  FOREIGN_PROPERTY_ITEMISED_EXPENSE_FIELDS,
  type ForeignPropertyCumulativeBody,
  type ForeignPropertyEntry,
  type ForeignPropertyItemisedExpenseField,
} from '../schemas/foreign-property';

/**
 * HMRC's foreign property fields with plain names [PB schemas/
 * foreign_property_cumulative_summary_create_and_amend/def2/request.json]; the names are ours.
 */
export const FOREIGN_PROPERTY_FIELD_NAMES = {
  rentAmount: 'Rents',
  premiumsOfLeaseGrant: 'Lease premiums',
  otherPropertyIncome: 'Other property income',
  foreignTaxPaidOrDeducted: 'Foreign tax paid on this income',
  specialWithholdingTaxOrUkTaxPaid: 'Special withholding tax or UK tax paid',
  premisesRunningCosts: 'Rent, rates, insurance and ground rents',
  repairsAndMaintenance: 'Repairs and maintenance',
  financialCosts: 'Loan interest and other financial costs (non-residential)',
  professionalFees: 'Legal, management and other professional fees',
  travelCosts: 'Travel costs',
  costOfServices: 'Cost of services provided, including wages',
  other: 'Other allowable property expenses',
  residentialFinancialCost: 'Residential finance costs (mortgage interest)',
  broughtFwdResidentialFinancialCost: 'Residential finance costs brought forward',
  consolidatedExpenses: 'Property expenses (one total)',
} as const;

/** One country's (2025-26) or one property's (2026-27 on) year-to-date figures in pence. */
export interface ForeignPropertyTotals {
  /** `{ propertyId }` from 2026-27 (Foreign Property Details), `{ countryCode }` before. */
  key: { propertyId: string } | { countryCode: string };
  income: {
    rentAmount: Pence;
    premiumsOfLeaseGrant: Pence;
    otherPropertyIncome: Pence;
    /** Foreign tax paid, and whether foreign tax credit relief is claimed on it. */
    foreignTaxPaidOrDeducted: Pence;
    foreignTaxCreditRelief: boolean;
    specialWithholdingTaxOrUkTaxPaid: Pence;
  };
  expenses:
    | { kind: 'itemised'; amounts: Partial<Record<ForeignPropertyItemisedExpenseField, Pence>> }
    | { kind: 'consolidated'; total: Pence };
  residentialFinancialCost?: Pence | undefined;
  broughtFwdResidentialFinancialCost?: Pence | undefined;
}

/**
 * Per-property (or per-country) totals → the exact body of the foreign property cumulative PUT.
 * One PUT carries every property of the business: HMRC replaces the whole summary. Income and
 * itemised expense fields are sent zeros included, as for UK property; the relief claim is sent
 * whenever foreign tax was paid (HMRC's field is about that tax). Dates are left out for
 * "annual" or latent customers (reference §3.5).
 */
export function foreignPropertyCumulativeBody(
  properties: readonly ForeignPropertyTotals[],
  period: { start: IsoDate; end: IsoDate } | undefined,
): ForeignPropertyCumulativeBody {
  const money = penceToHmrcAmount;
  const figuresOf = (p: ForeignPropertyTotals): Omit<ForeignPropertyEntry, 'propertyId'> => {
    const i = p.income;
    const e = p.expenses;
    const separate = {
      ...(p.residentialFinancialCost !== undefined
        ? { residentialFinancialCost: money(p.residentialFinancialCost) }
        : {}),
      ...(p.broughtFwdResidentialFinancialCost !== undefined
        ? { broughtFwdResidentialFinancialCost: money(p.broughtFwdResidentialFinancialCost) }
        : {}),
    };
    return {
      income: {
        rentIncome: { rentAmount: money(i.rentAmount) },
        premiumsOfLeaseGrant: money(i.premiumsOfLeaseGrant),
        otherPropertyIncome: money(i.otherPropertyIncome),
        foreignTaxPaidOrDeducted: money(i.foreignTaxPaidOrDeducted),
        specialWithholdingTaxOrUkTaxPaid: money(i.specialWithholdingTaxOrUkTaxPaid),
        ...(i.foreignTaxPaidOrDeducted > 0
          ? { foreignTaxCreditRelief: i.foreignTaxCreditRelief }
          : {}),
      },
      expenses:
        e.kind === 'consolidated'
          ? { consolidatedExpenses: money(e.total), ...separate }
          : {
              ...Object.fromEntries(
                FOREIGN_PROPERTY_ITEMISED_EXPENSE_FIELDS.map((f) => [f, money(e.amounts[f] ?? 0)]),
              ),
              ...separate,
            },
    };
  };
  const byProperty = properties.flatMap((p) =>
    'propertyId' in p.key ? [{ propertyId: p.key.propertyId, ...figuresOf(p) }] : [],
  );
  const byCountry = properties.flatMap((p) =>
    'countryCode' in p.key ? [{ countryCode: p.key.countryCode, ...figuresOf(p) }] : [],
  );
  // HMRC takes one or the other for a tax year (def1 by country, def2 by property).
  if (byProperty.length > 0 && byCountry.length > 0)
    throw new RangeError('Figures are either by property or by country for a tax year');
  return {
    ...(period ? { fromDate: period.start, toDate: period.end } : {}),
    foreignProperty: byProperty.length > 0 ? byProperty : byCountry,
  };
}
