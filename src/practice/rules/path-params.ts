import { E, type MtdError } from '../http/mtd-errors';
import { BUSINESS_ID_PATTERN, NINO_PATTERN } from '../state/test-users';
import { type TaxYear, parseTaxYear } from '../tax/tax-year';

/**
 * The NINO shapes HMRC's API validators let through to the MTD ID lookup: two prefix letters
 * from HMRC's allowed pairs (never BG, GB, KN, NK, NT, TN or ZZ), six digits, then a suffix
 * A-D, a space, or nothing. Anything else is 400 FORMAT_NINO before authorisation.
 * [hmrc/self-employment-business-api app/api/controllers/validators/resolvers/ResolveNino.scala,
 * app/api/services/MtdIdLookupService.scala; same file in every ITSA API repository]
 */
const NINO_PREFIX =
  /^(?:[ACEHJLMOPRSWXY][A-CEGHJ-NPR-TW-Z]|B[A-CEHJ-NPR-TW-Z]|G[ACEGHJ-NPR-TW-Z]|[KT][A-CEGHJ-MPR-TW-Z]|N[A-CEGHJL-NPR-SW-Z]|Z[A-CEGHJ-NPR-TW-Y])[0-9]{6}[A-D ]?$/;
const NEVER_ISSUED_PREFIXES = ['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ'];

/** Whether a path NINO passes HMRC's format check (it may still belong to no one). */
export function isNinoFormat(value: string): boolean {
  return NINO_PREFIX.test(value) && !NEVER_ISSUED_PREFIXES.some((p) => value.startsWith(p));
}

/**
 * Path parameter checks shared by the APIs. They collect errors rather than stop at the first,
 * because HMRC's validators report every bad parameter at once. [reference §3.3]
 */
export class ParamErrors {
  readonly errors: MtdError[] = [];

  add(error: MtdError): void {
    this.errors.push(error);
  }

  businessId(value: string): void {
    if (!BUSINESS_ID_PATTERN.test(value)) this.add(E.formatBusinessId);
  }

  /**
   * Parses a tax year; `minimum`/`maximum` (start years) give RULE_TAX_YEAR_NOT_SUPPORTED, e.g.
   * the cumulative endpoints start at 2025-26. [SE/PB common/pathParameters.yaml taxYearFrom2025]
   */
  taxYear(value: string, minimum?: number, maximum?: number): TaxYear | undefined {
    const result = checkTaxYear(value, minimum, maximum);
    if ('error' in result) {
      this.add(result.error);
      return undefined;
    }
    return result.taxYear;
  }
}

/** A tax year parameter checked on its own: its one error, or the tax year. */
export function checkTaxYear(
  value: string,
  minimum?: number,
  maximum?: number,
): { taxYear: TaxYear } | { error: MtdError } {
  const parsed = parseTaxYear(value);
  if (!parsed.ok) {
    return {
      error: parsed.error === 'FORMAT_TAX_YEAR' ? E.formatTaxYear : E.ruleTaxYearRangeInvalid,
    };
  }
  const start = parsed.taxYear.startYear;
  if ((minimum !== undefined && start < minimum) || (maximum !== undefined && start > maximum)) {
    return { error: E.ruleTaxYearNotSupported };
  }
  return { taxYear: parsed.taxYear };
}

/** A NINO HMRC could have issued (used when creating practice people, not to check requests). */
export function isNino(value: string): boolean {
  return NINO_PATTERN.test(value);
}
