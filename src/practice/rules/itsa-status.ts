import { type ItsaStatusDetail, type TaxpayerRecord } from '../state/model';
import { type TaxYear, taxYearFromLabel, taxYearOf, taxYearStart } from '../tax/tax-year';

/**
 * The ITSA status decisions for a tax year, oldest first. Every year from the year the customer
 * signed up to MTD to the current one has a status [SAID ITSA_Status_retrieve.yaml]: one recorded
 * for the year, or otherwise the quarterly default Practice HMRC gives its customers (MTD
 * Voluntary, "Sign up - return available"). Years before sign-up have none; future years only
 * what has been recorded.
 */
export function itsaStatusDetails(
  taxpayer: TaxpayerRecord,
  taxYear: TaxYear,
  today: string,
): ItsaStatusDetail[] {
  const recorded = taxpayer.itsaStatusDetails?.[taxYear.label];
  if (recorded && recorded.length > 0) return [...recorded];
  const status = taxpayer.itsaStatus[taxYear.label];
  const start = taxYearFromLabel(taxpayer.mtdStartTaxYear);
  const current = taxYearOf(today);
  if (
    status === undefined &&
    (taxYear.startYear < start.startYear || taxYear.startYear > current.startYear)
  )
    return [];
  return [
    {
      submittedOn: Date.parse(`${taxYearStart(taxYear)}T00:00:00.000Z`),
      status: status ?? 'MTD Voluntary',
      statusReason: 'Sign up - return available',
    },
  ];
}
