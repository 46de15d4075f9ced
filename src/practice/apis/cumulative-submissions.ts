import { type BusinessRecord, type CumulativeRecord, type PenceTree } from '../state/model';
import { sameTree } from '../tax/pence-tree';

/**
 * Stores a cumulative summary. Each update replaces the previous one for the year [reference
 * §5.3]; an identical resubmission changes nothing, so a client retrying after a lost response
 * gets the same stored state (and 204 again).
 */
export function saveCumulative(
  business: BusinessRecord,
  taxYear: string,
  update: { fromDate?: string; toDate?: string; amounts: PenceTree },
  now: number,
): CumulativeRecord {
  const existing = business.cumulative[taxYear];
  if (
    existing &&
    existing.fromDate === update.fromDate &&
    existing.toDate === update.toDate &&
    sameTree(existing.amounts, update.amounts)
  ) {
    return existing;
  }
  const record: CumulativeRecord = {
    amounts: update.amounts,
    submittedAt: now,
    history: [
      ...(existing?.history ?? []),
      ...(update.toDate ? [{ toDate: update.toDate, receivedAt: now }] : []),
    ],
  };
  if (update.fromDate) record.fromDate = update.fromDate;
  if (update.toDate) record.toDate = update.toDate;
  business.cumulative[taxYear] = record;
  return record;
}
