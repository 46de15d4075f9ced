import { ApiError, E, type MtdError } from '../http/mtd-errors';
import { type BusinessRecord, type TaxpayerRecord, type TypeOfBusiness } from '../state/model';
import { type IsoDate } from '../tax/dates';
import { amendmentWindowEnd } from '../tax/periods';
import { type TaxYear } from '../tax/tax-year';

/**
 * The business named in the path, or HMRC's 404 for it: MATCHING_RESOURCE_NOT_FOUND unless the
 * endpoint documents another code. `types` limits the kinds of business the endpoint serves
 * (HMRC answers 404 for the others unless `wrongType` gives the endpoint's own error).
 */
export function businessOf(
  taxpayer: TaxpayerRecord,
  businessId: string,
  options: {
    types?: readonly TypeOfBusiness[];
    notFound?: MtdError;
    wrongType?: { status: number; error: MtdError };
  } = {},
): BusinessRecord {
  const business = taxpayer.businesses.find((b) => b.businessId === businessId);
  if (!business) throw new ApiError(404, [options.notFound ?? E.notFound]);
  if (options.types && !options.types.includes(business.typeOfBusiness)) {
    const wrong = options.wrongType ?? { status: 404, error: options.notFound ?? E.notFound };
    throw new ApiError(wrong.status, [wrong.error]);
  }
  return business;
}

/**
 * After the amendment window (12 months after the 31 January filing date) nothing about a tax
 * year can be changed: RULE_OUTSIDE_AMENDMENT_WINDOW. [reference §5.7; every year-end endpoint's
 * errors table]
 */
export function outsideAmendmentWindow(taxYear: TaxYear, today: IsoDate): boolean {
  return today > amendmentWindowEnd(taxYear);
}

export const OUTSIDE_AMENDMENT_WINDOW: MtdError = {
  code: 'RULE_OUTSIDE_AMENDMENT_WINDOW',
  message: 'You are outside the amendment window',
};
