import type { BusinessKind } from '@shared/domain/business-kinds';
import { isBusinessKind } from '@shared/domain/business-kinds';
import {
  previousTaxYear,
  type IsoDate,
  type PeriodBasis,
  type PeriodType,
  type TaxYear,
} from '@shared/domain/tax-year';
import type { LedgerContext } from './ledger-context';
import {
  checkCommencement,
  checkCountry,
  checkHmrcId,
  checkName,
  checkPropertyId,
  checkTaxYear,
} from './business-checks';
import { ledgerError, invalidInput, notFound } from './ledger-error';

export interface Business {
  id: number;
  kind: BusinessKind;
  name: string;
  /** HMRC's id from List All Businesses; null until the business is linked. */
  hmrcBusinessId: string | null;
  commencementDate: IsoDate | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Foreign property only: where it is and how HMRC knows it (see ForeignPropertyPlace). */
  foreign?: ForeignPropertyPlace;
}

/**
 * A foreign property (migration 0011): HMRC keeps one foreign property business per person and
 * wants figures per country (2025-26) or per property (2026-27 on), so each property is kept as
 * its own business under the one linked to HMRC (`parentId`; null for that one itself).
 */
export interface ForeignPropertyPlace {
  parentId: number | null;
  /** ISO 3166-1 alpha-3, HMRC's `countryCode`; null until the person says. */
  countryCode: string | null;
  /** HMRC's property id (Foreign Property Details), needed from 2026-27. */
  hmrcPropertyId: string | null;
  /** Foreign tax credit relief claimed on the foreign tax paid on this property's income. */
  foreignTaxCreditRelief: boolean;
}

export interface NewBusiness {
  kind: BusinessKind;
  name: string;
  hmrcBusinessId?: string | null;
  commencementDate?: IsoDate | null;
  /** Foreign property only. */
  countryCode?: string | null;
}

export type BusinessPatch = Partial<
  Pick<NewBusiness, 'name' | 'hmrcBusinessId' | 'commencementDate' | 'countryCode'>
> & { hmrcPropertyId?: string | null; foreignTaxCreditRelief?: boolean };

export interface BusinessYearSettings {
  businessId: number;
  taxYear: TaxYear;
  /** The period type in force this year (set this year, or carried from an earlier year). */
  periodType: PeriodType;
  /** Whether periodType was set for this year itself rather than carried forward. */
  periodTypeSetThisYear: boolean;
  /** Calendar periods in their first year: Q1 starts 6 April (reference §5.2). */
  firstCalendarYear: boolean;
  consolidatedExpenses: boolean;
  basis: PeriodBasis;
}

export interface BusinessesService {
  create(input: NewBusiness): Business;
  update(id: number, patch: BusinessPatch): Business;
  archive(id: number): Business;
  unarchive(id: number): Business;
  get(id: number): Business;
  list(options?: { includeArchived?: boolean }): Business[];
  findByHmrcId(hmrcBusinessId: string): Business | null;
  /**
   * For the profiles capability: a property from HMRC's Foreign Property Details, kept under the
   * foreign property business: matched by its property id, else the one property here in that
   * country without an id, else added.
   */
  upsertForeignPlace(
    rootId: number,
    place: { hmrcPropertyId: string; name: string; countryCode: string },
  ): Business;
  /** The foreign property business linked to HMRC and every property kept under it. */
  foreignPropertyGroup(id: number): Business[];
  /** For the profiles capability: create or refresh a business from HMRC's Business Details. */
  upsertFromHmrc(input: NewBusiness & { hmrcBusinessId: string }): Business;
  setYearSettings(
    id: number,
    taxYear: TaxYear,
    settings: { periodType?: PeriodType | null; consolidatedExpenses?: boolean },
  ): BusinessYearSettings;
  yearSettings(id: number, taxYear: TaxYear): BusinessYearSettings;
  periodBasis(id: number, taxYear: TaxYear): PeriodBasis;
}

interface BusinessRow {
  id: number;
  kind: BusinessKind;
  name: string;
  hmrc_business_id: string | null;
  commencement_date: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  parent_id: number | null;
  country_code: string | null;
  hmrc_property_id: string | null;
  foreign_tax_credit_relief: number;
}

const toBusiness = (r: BusinessRow): Business => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  hmrcBusinessId: r.hmrc_business_id,
  commencementDate: r.commencement_date,
  archivedAt: r.archived_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  ...(r.kind === 'foreign-property'
    ? {
        foreign: {
          parentId: r.parent_id,
          countryCode: r.country_code,
          hmrcPropertyId: r.hmrc_property_id,
          foreignTaxCreditRelief: r.foreign_tax_credit_relief === 1,
        },
      }
    : {}),
});

export function createBusinessesService(ctx: LedgerContext): BusinessesService {
  const { db } = ctx;
  const byId = db.prepare('SELECT * FROM businesses WHERE id = ?');
  const byHmrcId = db.prepare('SELECT * FROM businesses WHERE hmrc_business_id = ?');
  const periodTypeAsOf = db.prepare(
    `SELECT period_type FROM business_years
     WHERE business_id = ? AND tax_year <= ? AND period_type IS NOT NULL
     ORDER BY tax_year DESC LIMIT 1`,
  );
  const yearRow = db.prepare('SELECT * FROM business_years WHERE business_id = ? AND tax_year = ?');

  const get = (id: number): Business => {
    const row = byId.get(id) as BusinessRow | undefined;
    if (!row) throw notFound('business', id);
    return toBusiness(row);
  };

  const refuseDuplicateHmrcId = (hmrcId: string | null, exceptId?: number) => {
    if (!hmrcId) return;
    const other = byHmrcId.get(hmrcId) as BusinessRow | undefined;
    if (other && other.id !== exceptId) {
      throw ledgerError(
        'INVALID_INPUT',
        `HMRC business ${hmrcId} is already linked to “${other.name}”.`,
        'Link each HMRC business to one business here.',
        { fields: [{ path: 'hmrcBusinessId', message: 'Already linked to another business.' }] },
      );
    }
  };

  const effectiveType = (id: number, taxYear: TaxYear): PeriodType =>
    (periodTypeAsOf.get(id, taxYear) as { period_type: PeriodType } | undefined)?.period_type ??
    'standard';

  const service: BusinessesService = {
    create(input) {
      if (!isBusinessKind(input.kind)) {
        throw invalidInput('kind', 'Choose self-employment, UK property or foreign property.');
      }
      const name = checkName(input.name);
      const hmrcId = checkHmrcId(input.hmrcBusinessId);
      const commencement = checkCommencement(input.commencementDate);
      const foreign = input.kind === 'foreign-property';
      const country = foreign ? checkCountry(input.countryCode) : null;
      return ctx.write(() => {
        refuseDuplicateHmrcId(hmrcId);
        // A second foreign property goes under the first: HMRC has one such business.
        const parent = foreign && !hmrcId ? foreignRoot() : null;
        const now = ctx.now();
        const { lastInsertRowid } = db
          .prepare(
            `INSERT INTO businesses (kind, name, hmrc_business_id, commencement_date, created_at, updated_at, parent_id, country_code)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(input.kind, name, hmrcId, commencement, now, now, parent?.id ?? null, country);
        const created = get(Number(lastInsertRowid));
        ctx.log.record('business', created.id, 'create', null, created);
        return created;
      });
    },

    update(id, patch) {
      return ctx.write(() => {
        const before = get(id);
        const name = patch.name === undefined ? before.name : checkName(patch.name);
        const hmrcId =
          patch.hmrcBusinessId === undefined
            ? before.hmrcBusinessId
            : checkHmrcId(patch.hmrcBusinessId);
        const commencement =
          patch.commencementDate === undefined
            ? before.commencementDate
            : checkCommencement(patch.commencementDate);
        refuseDuplicateHmrcId(hmrcId, id);
        const place = before.foreign;
        if (!place && (patch.countryCode || patch.hmrcPropertyId || patch.foreignTaxCreditRelief))
          throw invalidInput('kind', 'Only a foreign property has a country.');
        const country =
          patch.countryCode === undefined
            ? (place?.countryCode ?? null)
            : checkCountry(patch.countryCode);
        const propertyId =
          patch.hmrcPropertyId === undefined
            ? (place?.hmrcPropertyId ?? null)
            : checkPropertyId(patch.hmrcPropertyId);
        const relief = patch.foreignTaxCreditRelief ?? place?.foreignTaxCreditRelief ?? false;
        db.prepare(
          `UPDATE businesses SET name = ?, hmrc_business_id = ?, commencement_date = ?, updated_at = ?,
             country_code = ?, hmrc_property_id = ?, foreign_tax_credit_relief = ? WHERE id = ?`,
        ).run(name, hmrcId, commencement, ctx.now(), country, propertyId, relief ? 1 : 0, id);
        const after = get(id);
        ctx.log.record('business', id, 'update', before, after);
        return after;
      });
    },

    archive(id) {
      return setArchived(id, true);
    },
    unarchive(id) {
      return setArchived(id, false);
    },
    get,

    list(options = {}) {
      const rows = db
        .prepare(
          `SELECT * FROM businesses ${options.includeArchived ? '' : 'WHERE archived_at IS NULL'} ORDER BY kind, name, id`,
        )
        .all() as BusinessRow[];
      return rows.map(toBusiness);
    },

    findByHmrcId(hmrcBusinessId) {
      const row = byHmrcId.get(hmrcBusinessId) as BusinessRow | undefined;
      return row ? toBusiness(row) : null;
    },

    upsertForeignPlace(rootId, place) {
      const propertyId = checkPropertyId(place.hmrcPropertyId);
      const country = checkCountry(place.countryCode);
      const group = service.foreignPropertyGroup(rootId);
      const known = group.find((b) => b.foreign?.hmrcPropertyId === propertyId);
      if (known) return known;
      const sameCountry = group.filter(
        (b) => b.foreign?.countryCode === country && !b.foreign.hmrcPropertyId,
      );
      if (sameCountry.length === 1)
        return service.update(sameCountry[0]!.id, { hmrcPropertyId: propertyId });
      return ctx.write(() => {
        const now = ctx.now();
        const { lastInsertRowid } = db
          .prepare(
            `INSERT INTO businesses (kind, name, created_at, updated_at, parent_id, country_code, hmrc_property_id)
             VALUES ('foreign-property', ?, ?, ?, ?, ?, ?)`,
          )
          .run(checkName(place.name), now, now, rootId, country, propertyId);
        const created = get(Number(lastInsertRowid));
        ctx.log.record('business', created.id, 'create', null, created);
        return created;
      });
    },

    foreignPropertyGroup(id) {
      const business = get(id);
      const rootId = business.foreign?.parentId ?? business.id;
      const rows = db
        .prepare(
          'SELECT * FROM businesses WHERE (id = ? OR parent_id = ?) AND archived_at IS NULL ORDER BY id',
        )
        .all(rootId, rootId) as BusinessRow[];
      return rows.map(toBusiness);
    },

    upsertFromHmrc(input) {
      const existing = service.findByHmrcId(checkHmrcId(input.hmrcBusinessId) ?? '');
      if (!existing && input.kind === 'foreign-property') {
        // Foreign properties kept before the link belong to HMRC's one foreign property business.
        const root = foreignRoot();
        if (root) return service.update(root.id, { hmrcBusinessId: input.hmrcBusinessId });
      }
      if (!existing) return service.create(input);
      if (existing.kind !== input.kind) {
        throw invalidInput(
          'kind',
          `HMRC says ${input.hmrcBusinessId} is ${input.kind}, but it is kept here as ${existing.kind}.`,
        );
      }
      const patch: BusinessPatch = {};
      if (input.name.trim() && input.name.trim() !== existing.name) patch.name = input.name;
      if (
        input.commencementDate !== undefined &&
        input.commencementDate !== existing.commencementDate
      ) {
        patch.commencementDate = input.commencementDate;
      }
      return Object.keys(patch).length ? service.update(existing.id, patch) : existing;
    },

    setYearSettings(id, taxYear, settings) {
      checkTaxYear(taxYear);
      return ctx.write(() => {
        get(id);
        const before = service.yearSettings(id, taxYear);
        const row = yearRow.get(id, taxYear) as
          { period_type: PeriodType | null; consolidated_expenses: number } | undefined;
        const periodType =
          settings.periodType === undefined ? (row?.period_type ?? null) : settings.periodType;
        const consolidated =
          settings.consolidatedExpenses === undefined
            ? (row?.consolidated_expenses ?? 0)
            : settings.consolidatedExpenses
              ? 1
              : 0;
        db.prepare(
          `INSERT INTO business_years (business_id, tax_year, period_type, consolidated_expenses, updated_at)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (business_id, tax_year) DO UPDATE SET
             period_type = excluded.period_type,
             consolidated_expenses = excluded.consolidated_expenses,
             updated_at = excluded.updated_at`,
        ).run(id, taxYear, periodType, consolidated, ctx.now());
        const after = service.yearSettings(id, taxYear);
        ctx.log.record('business-year', `${id}/${taxYear}`, 'update', before, after);
        return after;
      });
    },

    yearSettings(id, taxYear) {
      checkTaxYear(taxYear);
      const row = yearRow.get(id, taxYear) as
        { period_type: PeriodType | null; consolidated_expenses: number } | undefined;
      const periodType = effectiveType(id, taxYear);
      const firstCalendarYear =
        periodType === 'calendar' && effectiveType(id, previousTaxYear(taxYear)) === 'standard';
      return {
        businessId: id,
        taxYear,
        periodType,
        periodTypeSetThisYear: row?.period_type != null,
        firstCalendarYear,
        consolidatedExpenses: row?.consolidated_expenses === 1,
        basis: firstCalendarYear ? { type: periodType, firstCalendarYear } : { type: periodType },
      };
    },

    periodBasis(id, taxYear) {
      return service.yearSettings(id, taxYear).basis;
    },
  };

  /** The foreign property business the others go under (the one linked to HMRC, or the first). */
  function foreignRoot(): Business | null {
    const row = db
      .prepare(
        `SELECT * FROM businesses WHERE kind = 'foreign-property' AND parent_id IS NULL
         ORDER BY hmrc_business_id IS NULL, id LIMIT 1`,
      )
      .get() as BusinessRow | undefined;
    return row ? toBusiness(row) : null;
  }

  function setArchived(id: number, archived: boolean): Business {
    return ctx.write(() => {
      const before = get(id);
      db.prepare('UPDATE businesses SET archived_at = ?, updated_at = ? WHERE id = ?').run(
        archived ? ctx.now() : null,
        ctx.now(),
        id,
      );
      const after = get(id);
      ctx.log.record('business', id, archived ? 'archive' : 'unarchive', before, after);
      return after;
    });
  }

  return service;
}
