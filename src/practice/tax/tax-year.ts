import { type IsoDate, isoDate } from './dates';

/**
 * A UK tax year runs 6 April to 5 April and is written `YYYY-YY` (e.g. 2025-26).
 * [reference §3.3; every OAS common/pathParameters.yaml]
 */
export interface TaxYear {
  /** The calendar year the tax year starts in: 2025 for 2025-26. */
  readonly startYear: number;
  /** `YYYY-YY`. */
  readonly label: string;
}

export type TaxYearParse =
  | { ok: true; taxYear: TaxYear }
  | { ok: false; error: 'FORMAT_TAX_YEAR' | 'RULE_TAX_YEAR_RANGE_INVALID' };

/**
 * The shape HMRC's validators accept: 2010-11 to 2098-99, both halves two digits from 10 to 99
 * (so 2009-10 and 2099-00 are FORMAT_TAX_YEAR). [hmrc/*-api app/.../resolvers/ResolveTaxYear.scala]
 */
const TAX_YEAR = /^20([1-9][0-9])-([1-9][0-9])$/;

/** Parses a path or query `taxYear`, telling a bad format from a span that is not one year. */
export function parseTaxYear(value: string): TaxYearParse {
  const m = TAX_YEAR.exec(value);
  if (!m) return { ok: false, error: 'FORMAT_TAX_YEAR' };
  const start = Number(m[1]);
  const end = Number(m[2]);
  // A tax year must span exactly one year: 2025-27 is well formed but invalid. [reference §3.3]
  if (end - start !== 1) return { ok: false, error: 'RULE_TAX_YEAR_RANGE_INVALID' };
  return { ok: true, taxYear: taxYearStarting(2000 + start) };
}

export function taxYearStarting(startYear: number): TaxYear {
  const end = String((startYear + 1) % 100).padStart(2, '0');
  return { startYear, label: `${startYear}-${end}` };
}

export function taxYearFromLabel(label: string): TaxYear {
  const parsed = parseTaxYear(label);
  if (!parsed.ok) throw new Error(`Not a tax year: ${label}`);
  return parsed.taxYear;
}

/** The tax year a date falls in. */
export function taxYearOf(date: IsoDate): TaxYear {
  const year = Number(date.slice(0, 4));
  return taxYearStarting(date >= isoDate(year, 4, 6) ? year : year - 1);
}

export function taxYearStart(ty: TaxYear): IsoDate {
  return isoDate(ty.startYear, 4, 6);
}

export function taxYearEnd(ty: TaxYear): IsoDate {
  return isoDate(ty.startYear + 1, 4, 5);
}

export function nextTaxYear(ty: TaxYear): TaxYear {
  return taxYearStarting(ty.startYear + 1);
}
