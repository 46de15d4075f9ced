import { ApiError } from '../http/mtd-errors';
import { type DateRange } from '../rules/cumulative-bodies';
import { checkCumulativeRules } from '../rules/cumulative-rules';
import {
  type BusinessRecord,
  type CumulativeRecord,
  type PenceTree,
  type TaxpayerRecord,
} from '../state/model';
import { ukDate } from '../tax/dates';
import { sameTree } from '../tax/pence-tree';
import { type TaxYear } from '../tax/tax-year';

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

/**
 * The stateful half of a cumulative PUT, the same for self-employment and UK property once the
 * body has passed its shape and value checks: HMRC's cumulative rules against what is stored,
 * then the save. Throws the rule HMRC would answer with. [reference §3.6, §5.3]
 */
export function acceptCumulative(input: {
  taxpayer: TaxpayerRecord;
  business: BusinessRecord;
  taxYear: TaxYear;
  dates: DateRange;
  /** The body's figures (known fields only) as integer pence. */
  amounts: PenceTree;
  now: number;
}): void {
  const { taxpayer, business, taxYear, dates, now } = input;
  const broken = checkCumulativeRules({
    taxpayer,
    business,
    taxYear,
    dates,
    existing: business.cumulative[taxYear.label],
    today: ukDate(now),
  });
  if (broken) throw new ApiError(400, [broken]);
  saveCumulative(
    business,
    taxYear.label,
    {
      ...(dates.from !== undefined ? { fromDate: dates.from } : {}),
      ...(dates.to !== undefined ? { toDate: dates.to } : {}),
      amounts: input.amounts,
    },
    now,
  );
}
