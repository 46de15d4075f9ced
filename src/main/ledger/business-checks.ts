import { validateBusinessId } from '@shared/domain/business-id';
import { isIsoDate, isTaxYear } from '@shared/domain/tax-year';
import { invalidInput } from './ledger-error';

/**
 * A business's fields as the ledger accepts them: each check returns the value to store, or
 * refuses it with the field and a plain reason (shown next to that field).
 */

/** ISO 3166-1 alpha-3, as HMRC's `countryCode` [PB common definitions]. */
export function checkCountry(code: string | null | undefined): string | null {
  if (code === null || code === undefined || code.trim() === '') return null;
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(upper))
    throw invalidInput(
      'countryCode',
      'Give the country as its three-letter code, like FRA or ESP.',
    );
  return upper;
}

/** HMRC's property id from Foreign Property Details [PB common/queryParameters.yaml propertyId]. */
export function checkPropertyId(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const id = value.trim().toLowerCase();
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id))
    throw invalidInput(
      'hmrcPropertyId',
      'HMRC’s property ID looks like 8-4-4-4-12 letters and digits.',
    );
  return id;
}

export function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw invalidInput('name', 'Give the business a name.');
  if (trimmed.length > 200)
    throw invalidInput('name', 'The name is too long (200 characters at most).');
  return trimmed;
}

export function checkHmrcId(id: string | null | undefined): string | null {
  if (id === null || id === undefined || id.trim() === '') return null;
  const result = validateBusinessId(id);
  if (!result.ok) throw invalidInput('hmrcBusinessId', result.message);
  return result.businessId;
}

export function checkCommencement(date: string | null | undefined): string | null {
  if (date === null || date === undefined) return null;
  if (!isIsoDate(date))
    throw invalidInput('commencementDate', 'The start date is not a valid date.');
  return date;
}

export function checkTaxYear(taxYear: string): void {
  if (!isTaxYear(taxYear)) throw invalidInput('taxYear', 'A tax year is written like 2025-26.');
}
