import {
  entryFigureKey,
  entryRuleFor,
  type AnnualField,
  type AnnualFigures,
  type AnnualKindDefinition,
} from '@shared/domain/annual-fields';
import type { AnnualCheckContext, AnnualIssue } from '@shared/domain/annual-payload';
import { compareTaxYears, type TaxYear } from '@shared/domain/tax-year';
import type { AnnualEntryView } from '@shared/ipc/channels/year-end-annual';
import type { Ledger } from '../../ledger';
import { flattenBody } from '../../review/flatten-body';
import { FIRST_PER_PROPERTY_TAX_YEAR } from '../../review/foreign-property-places';

/**
 * The entries of a foreign property annual submission: HMRC takes the adjustments and
 * allowances per country for 2025-26 and per property (its HMRC property id) from 2026-27
 * [PB foreign_property_annual_submission_create_and_amend def2 / def3]. Each of the person's
 * foreign properties is a business row under the one linked to HMRC (migration 0011), so an
 * entry is one property from 2026-27, and the properties in one country for 2025-26.
 */
export interface AnnualEntries {
  entries: (AnnualEntryView & { ledgerExpensesPence: number })[];
  /** Properties that cannot have an entry yet: no country (2025-26) or no HMRC property id. */
  unplaced: string[];
}

export function foreignAnnualEntries(
  ledger: Pick<Ledger, 'businesses' | 'totals'>,
  rootId: number,
  taxYear: TaxYear,
): AnnualEntries {
  const perProperty = compareTaxYears(taxYear, FIRST_PER_PROPERTY_TAX_YEAR) >= 0;
  const byKey = new Map<string, { names: string[]; country: string; expenses: number }>();
  const unplaced: string[] = [];
  for (const place of ledger.businesses.foreignPropertyGroup(rootId)) {
    const key = perProperty ? place.foreign?.hmrcPropertyId : place.foreign?.countryCode;
    const totals = ledger.totals.placeYearToDate(place.id, taxYear);
    if (!key || key.includes('/')) {
      // The business linked to HMRC is often no property itself: named only if it has records.
      if (place.foreign?.parentId || totals.records.count > 0) unplaced.push(place.name);
      continue;
    }
    const entry = byKey.get(key) ?? {
      names: [],
      country: place.foreign?.countryCode ?? '',
      expenses: 0,
    };
    entry.names.push(place.name);
    entry.expenses += totals.consolidated.chosen
      ? totals.consolidated.consolidatedPence
      : totals.expensesPence;
    byKey.set(key, entry);
  }
  return {
    entries: [...byKey].map(([key, e]) => ({
      key,
      label: perProperty
        ? `${e.names.join(', ')}${e.country ? ` (${e.country})` : ''}`
        : `${key}: ${e.names.join(', ')}`,
      places: e.names.map((n) => n.slice(0, 200)),
      ledgerExpensesPence: e.expenses,
    })),
    unplaced,
  };
}

/** Expenses per entry (country or property id) in a foreign property cumulative body. */
export function cumulativeExpensesByEntry(body: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [path, value] of flattenBody(body)) {
    const match = /^foreignProperty\.([^.]+)\.expenses\./.exec(path);
    if (!match || value.kind !== 'money') continue;
    out[match[1]!] = (out[match[1]!] ?? 0) + value.pence;
  }
  return out;
}

/** Each entry's name and expenses (ledger; HMRC's copy when known) for the checks. */
export function entriesContext(
  places: AnnualEntries,
  held: Record<string, number> | undefined,
): NonNullable<AnnualCheckContext['entries']> {
  return Object.fromEntries(
    places.entries.map((e) => [
      e.key,
      {
        label: e.label,
        ledgerExpensesPence: e.ledgerExpensesPence,
        ...(held ? { cumulativeExpensesPence: held[e.key] ?? 0 } : {}),
      },
    ]),
  );
}

/** Figures for a country or property id none of the person's properties has this year. */
export function unknownEntries(
  def: AnnualKindDefinition,
  places: AnnualEntries,
  figures: AnnualFigures,
  taxYear: string,
): AnnualIssue[] {
  const keyField = entryRuleFor(def, taxYear)?.keyField;
  return [...new Set(Object.keys(figures).map((k) => k.split('/')[0]!))]
    .filter((entry) => !places.entries.some((e) => e.key === entry))
    .map((entry) => ({
      code: 'FOREIGN_PROPERTY_UNKNOWN_ENTRY',
      hmrcRule: false,
      message: `Figures are entered for ${keyField === 'propertyId' ? 'property ID' : 'country'} “${entry.slice(0, 60)}”, which none of your foreign properties has for ${taxYear}.`,
      action: 'Clear those figures, or give the property that country or ID under Businesses.',
    }));
}

/** The review's lines: every field of every entry (known, or in either column), named by it. */
export function entrySlots(
  def: AnnualKindDefinition,
  places: AnnualEntries,
  keys: readonly string[],
): { f: AnnualField; key: string; label: string; hmrcField: string }[] {
  const entries = new Set([
    ...places.entries.map((e) => e.key),
    ...keys.map((k) => k.split('/')[0]!),
  ]);
  return [...entries].flatMap((entry) => {
    const label = places.entries.find((e) => e.key === entry)?.label ?? entry;
    return def.fields.map((f) => ({
      f,
      key: entryFigureKey(entry, f.key),
      label: `${label}: ${f.label}`,
      hmrcField: `${def.root}[${entry}].${f.hmrcPath.join('.')}`,
    }));
  });
}
