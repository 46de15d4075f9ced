import { type BusinessRecord } from '../state/model';

export type AccountingType = 'CASH' | 'ACCRUAL';

/**
 * The accounting type in force for a business and tax year: the one updated for that year, or
 * the one the business was set up with (HMRC's older spelling ACCRUALS is its ACCRUAL).
 * [BD schemas/retrieveAccountingType/response.json; TS business_create.yaml accountingType]
 */
export function accountingTypeFor(business: BusinessRecord, taxYear: string): AccountingType {
  return (
    business.accountingTypes?.[taxYear] ??
    (business.accountingType === 'ACCRUALS' ? 'ACCRUAL' : 'CASH')
  );
}
