import { addPence, type Pence } from '@shared/domain/money';
import { compareTaxYears, type IsoDate, type TaxYear } from '@shared/domain/tax-year';
import type { ReviewIssue } from '@shared/ipc/channels/review';
import type { ForeignPropertyTotals } from '../hmrc/mappers/foreign-property-summary';
import {
  FOREIGN_PROPERTY_ITEMISED_EXPENSE_FIELDS,
  type ForeignPropertyItemisedExpenseField,
} from '../hmrc/schemas/foreign-property';
import type { Ledger, PeriodTotals } from '../ledger';

/**
 * HMRC wants a foreign property business's figures per country for 2025-26 and per property
 * (its `propertyId` from Foreign Property Details) from 2026-27 ([PB]
 * foreign_property_cumulative_summary_create_and_amend def1 / def2; reference §3.5). Each of the
 * person's foreign properties is a business kept under the one linked to HMRC (migration 0011);
 * this turns their figures into HMRC's entries: properties in one country added together
 * (2025-26), or one entry per property. Foreign tax credit relief is claimed for an entry when
 * it is claimed for any property in it.
 */
export const FIRST_PER_PROPERTY_TAX_YEAR: TaxYear = '2026-27';

export interface ForeignPropertyEntries {
  entries: ForeignPropertyTotals[];
  /** What stops the update: a property with figures but no country (or no HMRC property id). */
  problems: ReviewIssue[];
  /** Each entry's properties, by name, for the review. */
  places: { key: string; names: string[] }[];
}

export function foreignPropertyEntries(
  ledger: Pick<Ledger, 'businesses' | 'totals'>,
  rootId: number,
  taxYear: TaxYear,
  periodEnd: IsoDate,
): ForeignPropertyEntries {
  const perProperty = compareTaxYears(taxYear, FIRST_PER_PROPERTY_TAX_YEAR) >= 0;
  const groups = new Map<string, { names: string[]; totals: PeriodTotals[]; relief: boolean }>();
  const problems: ReviewIssue[] = [];
  for (const place of ledger.businesses.foreignPropertyGroup(rootId)) {
    const totals = ledger.totals.placeYearToDate(place.id, taxYear, periodEnd);
    const key = perProperty ? place.foreign?.hmrcPropertyId : place.foreign?.countryCode;
    if (!key) {
      if (totals.records.count === 0) continue;
      problems.push(
        perProperty
          ? {
              code: 'FOREIGN_PROPERTY_ID_MISSING',
              hmrcRule: false,
              message: `“${place.name}” has records, but no HMRC property ID: from 2026-27 HMRC takes foreign property figures per property.`,
              action:
                'Add the property at HMRC (Foreign Property Details), then check HMRC for your businesses on the Profiles screen, or enter its property ID under Businesses.',
            }
          : {
              code: 'FOREIGN_PROPERTY_COUNTRY_MISSING',
              hmrcRule: false,
              message: `“${place.name}” has records, but no country: HMRC takes foreign property figures per country.`,
              action: 'Choose its country under Records › Businesses, then review again.',
            },
      );
      continue;
    }
    const group = groups.get(key) ?? { names: [], totals: [], relief: false };
    group.names.push(place.name);
    group.totals.push(totals);
    group.relief ||= place.foreign?.foreignTaxCreditRelief === true;
    groups.set(key, group);
  }
  const entries = [...groups].map(([key, g]) =>
    entryOf(perProperty ? { propertyId: key } : { countryCode: key }, g.totals, g.relief),
  );
  if (entries.length === 0 && problems.length === 0) {
    problems.push({
      code: 'FOREIGN_PROPERTY_NO_PLACE',
      hmrcRule: false,
      message: perProperty
        ? 'HMRC needs at least one foreign property with its HMRC property ID.'
        : 'HMRC needs at least one country for your foreign property figures.',
      action: 'Give your foreign property its country under Records › Businesses.',
    });
  }
  return {
    entries,
    problems,
    places: [...groups].map(([key, g]) => ({ key, names: g.names })),
  };
}

function entryOf(
  key: ForeignPropertyTotals['key'],
  totals: readonly PeriodTotals[],
  relief: boolean,
): ForeignPropertyTotals {
  const sum = (field: string): Pence =>
    totals.reduce(
      (total, t) =>
        addPence(total, t.fields.find((f) => f.categoryId === `fp.${field}`)?.valuePence ?? 0),
      0,
    );
  const consolidated = totals[0]?.consolidated.chosen === true;
  const amounts: Partial<Record<ForeignPropertyItemisedExpenseField, Pence>> = {};
  for (const field of FOREIGN_PROPERTY_ITEMISED_EXPENSE_FIELDS) amounts[field] = sum(field);
  return {
    key,
    income: {
      rentAmount: sum('rentIncome.rentAmount'),
      premiumsOfLeaseGrant: sum('premiumsOfLeaseGrant'),
      otherPropertyIncome: sum('otherPropertyIncome'),
      foreignTaxPaidOrDeducted: sum('foreignTaxPaidOrDeducted'),
      foreignTaxCreditRelief: relief,
      specialWithholdingTaxOrUkTaxPaid: sum('specialWithholdingTaxOrUkTaxPaid'),
    },
    // Consolidated: the allowable lines folded with anything recorded as one total (§5.4).
    expenses: consolidated
      ? {
          kind: 'consolidated',
          total: totals.reduce((t, p) => addPence(t, p.consolidated.consolidatedPence), 0),
        }
      : { kind: 'itemised', amounts },
    residentialFinancialCost: sum('residentialFinancialCost'),
    broughtFwdResidentialFinancialCost: sum('broughtFwdResidentialFinancialCost'),
  };
}
