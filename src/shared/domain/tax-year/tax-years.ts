import { mustParse, toIsoDate, type IsoDate } from './calendar-dates';

/** `2025-26`: the UK tax year 6 April 2025 – 5 April 2026 (reference §3.3). */
export type TaxYear = string;

export type TaxYearParseResult =
  | { ok: true; taxYear: TaxYear; startYear: number }
  | { ok: false; code: 'FORMAT_TAX_YEAR' | 'RULE_TAX_YEAR_RANGE_INVALID'; message: string };

/** Validates `YYYY-YY` with a one-year span (reference §3.3: `2025-27` is RULE_TAX_YEAR_RANGE_INVALID). */
export function parseTaxYear(text: string): TaxYearParseResult {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) {
    return {
      ok: false,
      code: 'FORMAT_TAX_YEAR',
      message: 'A tax year is written like 2025-26.',
    };
  }
  const startYear = Number(match[1]);
  if ((startYear + 1) % 100 !== Number(match[2])) {
    return {
      ok: false,
      code: 'RULE_TAX_YEAR_RANGE_INVALID',
      message: `A tax year covers one year: did you mean ${taxYearFromStartYear(startYear)}?`,
    };
  }
  return { ok: true, taxYear: text, startYear };
}

export function isTaxYear(text: string): boolean {
  return parseTaxYear(text).ok;
}

export function taxYearFromStartYear(startYear: number): TaxYear {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

export function taxYearStartYear(taxYear: TaxYear): number {
  const parsed = parseTaxYear(taxYear);
  if (!parsed.ok) throw new RangeError(`Not a tax year: ${taxYear}`);
  return parsed.startYear;
}

/** The tax year (6 April – 5 April) a date falls in. */
export function taxYearOf(date: IsoDate): TaxYear {
  const { year, month, day } = mustParse(date);
  const beforeSixthApril = month < 4 || (month === 4 && day < 6);
  return taxYearFromStartYear(beforeSixthApril ? year - 1 : year);
}

export function taxYearStart(taxYear: TaxYear): IsoDate {
  return toIsoDate(taxYearStartYear(taxYear), 4, 6);
}

export function taxYearEnd(taxYear: TaxYear): IsoDate {
  return toIsoDate(taxYearStartYear(taxYear) + 1, 4, 5);
}

export function nextTaxYear(taxYear: TaxYear): TaxYear {
  return taxYearFromStartYear(taxYearStartYear(taxYear) + 1);
}

export function previousTaxYear(taxYear: TaxYear): TaxYear {
  return taxYearFromStartYear(taxYearStartYear(taxYear) - 1);
}

/** Compares tax years by their start. */
export function compareTaxYears(a: TaxYear, b: TaxYear): number {
  return taxYearStartYear(a) - taxYearStartYear(b);
}
