import { E, type MtdError } from '../http/mtd-errors';
import { BUSINESS_ID_PATTERN, NINO_PATTERN } from '../state/test-users';
import { type TaxYear, parseTaxYear } from '../tax/tax-year';

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
    const parsed = parseTaxYear(value);
    if (!parsed.ok) {
      this.add(parsed.error === 'FORMAT_TAX_YEAR' ? E.formatTaxYear : E.ruleTaxYearRangeInvalid);
      return undefined;
    }
    const start = parsed.taxYear.startYear;
    if ((minimum !== undefined && start < minimum) || (maximum !== undefined && start > maximum)) {
      this.add(E.ruleTaxYearNotSupported);
      return undefined;
    }
    return parsed.taxYear;
  }
}

export function isNino(value: string): boolean {
  return NINO_PATTERN.test(value);
}
