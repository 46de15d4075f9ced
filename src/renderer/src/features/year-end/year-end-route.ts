import { previousTaxYear, taxYearOf, ukDateOf } from '@shared/domain/tax-year';

/**
 * The year end's screens by id, each taking the profile and the tax year (and, for annual
 * figures, the business): `#/year-end/<screen>/<profileId>/<taxYear>[/<businessId>]`.
 */
export const YEAR_END_SCREENS = [
  'checklist',
  'correction',
  'annual',
  'business-facts',
  'calculation',
  'declaration',
  'amendment',
  'other-income',
  'losses',
  'adjustments',
] as const;
export type YearEndScreenId = (typeof YEAR_END_SCREENS)[number];

export interface YearEndRoute {
  screen: YearEndScreenId;
  profileId?: string;
  taxYear?: string;
  businessId?: number;
}

export function parseYearEndRoute(rest: string): YearEndRoute {
  const [screen = '', profileId, taxYear, business] = rest.split('/');
  const id = (YEAR_END_SCREENS as readonly string[]).includes(screen)
    ? (screen as YearEndScreenId)
    : 'checklist';
  const businessId = business && /^\d{1,9}$/.test(business) ? Number(business) : undefined;
  return {
    screen: id,
    ...(profileId && /^[0-9a-f-]{36}$/i.test(profileId) ? { profileId } : {}),
    ...(taxYear && /^\d{4}-\d{2}$/.test(taxYear) ? { taxYear } : {}),
    ...(businessId ? { businessId } : {}),
  };
}

/** The link to a year-end screen. */
export function yearEndHref(
  screen: YearEndScreenId,
  profileId: string,
  taxYear: string,
  businessId?: number,
): string {
  return `#/year-end/${screen}/${profileId}/${taxYear}${businessId ? `/${businessId}` : ''}`;
}

/** The year most people finish next: the tax year before today's. */
export const defaultYearEndTaxYear = (now: Date = new Date()): string =>
  previousTaxYear(taxYearOf(ukDateOf(now)));
