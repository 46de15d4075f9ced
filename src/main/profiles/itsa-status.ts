import {
  explainItsaStatus,
  isItsaStatus,
  itsaStatusFor,
  type ItsaStatusRecord,
} from '@shared/domain/itsa-status';
import { previousTaxYear, taxYearOf, type IsoDate } from '@shared/domain/tax-year';
import type { ItsaStatusView } from '@shared/ipc/channels/profiles';
import { isHmrcError } from '../hmrc/errors/hmrc-error';
import type { HmrcAccountClient } from '../hmrc/hmrc-service';

export type ItsaStatusClient = Pick<HmrcAccountClient, 'individualDetails'>;

/**
 * The ITSA statuses HMRC holds for last tax year and every later year it knows, in one call
 * (Retrieve ITSA Status with futureYears [SAID ITSA_Status_retrieve.yaml]): last year for the
 * year end, this year for the quarterly updates. Without `history` HMRC sends the decision in
 * force only; the last one is taken in case it sends more. HMRC's 404 means no status is held
 * (an empty answer); any other failure is thrown like every other HMRC failure.
 */
export async function fetchItsaStatuses(
  client: ItsaStatusClient,
  nino: string,
  today: IsoDate,
): Promise<ItsaStatusRecord[]> {
  let data;
  try {
    const from = previousTaxYear(taxYearOf(today));
    data = (await client.individualDetails.itsaStatus(nino, from, { futureYears: 'true' })).data;
  } catch (error) {
    if (isHmrcError(error) && error.status === 404) return [];
    throw error;
  }
  const records: ItsaStatusRecord[] = [];
  for (const year of data.itsaStatuses ?? []) {
    const current = year.itsaStatusDetails?.at(-1);
    if (!year.taxYear || !current?.status) continue;
    records.push({
      taxYear: year.taxYear,
      status: current.status,
      ...(current.statusReason ? { statusReason: current.statusReason } : {}),
      ...(current.submittedOn ? { submittedOn: current.submittedOn } : {}),
    });
  }
  return records;
}

/**
 * Statuses read back from the registry's JSON: kept only when still well-formed, so a file
 * written by another build can never put an unknown status on screen.
 */
export function keptItsaStatuses(value: unknown): ItsaStatusRecord[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const kept: ItsaStatusRecord[] = [];
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const r = item as Record<string, unknown>;
    if (typeof r.taxYear !== 'string' || !/^\d{4}-\d{2}$/.test(r.taxYear)) continue;
    if (typeof r.status !== 'string' || !isItsaStatus(r.status)) continue;
    kept.push({
      taxYear: r.taxYear,
      status: r.status,
      ...(typeof r.statusReason === 'string' ? { statusReason: r.statusReason.slice(0, 200) } : {}),
      ...(typeof r.submittedOn === 'string' ? { submittedOn: r.submittedOn.slice(0, 40) } : {}),
    });
  }
  return kept;
}

/** One tax year's status as windows see it: HMRC's words, and what they mean. */
export function itsaStatusView(
  records: readonly ItsaStatusRecord[] | undefined,
  taxYear: string,
  checkedAt: string | undefined,
): ItsaStatusView {
  const record = itsaStatusFor(records, taxYear);
  // Checked, and HMRC holds nothing for the year: say so rather than "not checked".
  const explained =
    record || checkedAt === undefined
      ? explainItsaStatus(record?.status)
      : explainItsaStatus('No Status');
  return {
    taxYear,
    ...(record ? { status: record.status } : {}),
    ...(record?.statusReason ? { statusReason: record.statusReason } : {}),
    ...(checkedAt ? { checkedAt } : {}),
    ...explained,
  };
}
