import {
  explainItsaStatus,
  itsaStatusFor,
  type ItsaStatusRecord,
} from '@shared/domain/itsa-status';
import { formatUkDate, type IsoDate } from '@shared/domain/tax-year';
import type { DatesRuleView } from '@shared/ipc/channels/review';
import type { LatencyYear } from '../profiles/hmrc-cache';

/**
 * Whether a cumulative update carries its dates (`periodDates` for self-employment,
 * `fromDate`/`toDate` for property). HMRC wants them from people who report quarterly and
 * refuses them (RULE_START_AND_END_DATE_NOT_ALLOWED) for an "annual" ITSA status or a new or
 * latent income source reporting annually that year [reference §3.5; SE
 * create_amend_cumulative_period_summary.yaml; PB *_cumulative_summary_create_or_amend.yaml].
 * The status is read from the person's ITSA status (Retrieve ITSA Status), the latency from
 * Retrieve Business Details, both kept offline; not yet asked: quarterly, as for most people.
 */
export function datesRuleFor(input: {
  taxYear: string;
  businessName: string;
  itsaStatuses: readonly ItsaStatusRecord[] | undefined;
  latency: readonly LatencyYear[] | undefined;
  period: { start: IsoDate; end: IsoDate };
}): DatesRuleView {
  const { taxYear } = input;
  const record = itsaStatusFor(input.itsaStatuses, taxYear);
  const explained = explainItsaStatus(record?.status);
  if (record && explained.updatesWithoutDates) {
    return {
      withDates: false,
      rule: 'itsa-status',
      reason: `HMRC’s Making Tax Digital status for ${taxYear} is “${record.status}” (${explained.label.toLowerCase()}), so no quarterly updates are due. HMRC takes figures from people who do not report quarterly only without dates, and refuses them with dates.`,
    };
  }
  const latent = input.latency?.find((y) => y.taxYear === taxYear);
  if (latent?.reports === 'annual') {
    return {
      withDates: false,
      rule: 'latent-source',
      reason: `HMRC has ${input.businessName} as a new income source reporting once a year in ${taxYear} (a new source may report annually in its first two tax years). HMRC refuses dates for such an update.`,
    };
  }
  const from = `${formatUkDate(input.period.start)} to ${formatUkDate(input.period.end)}`;
  return {
    withDates: true,
    rule: 'quarterly',
    reason: record
      ? `${from}: HMRC’s status for ${taxYear} is “${record.status}”, so you report quarterly and each update says the period it covers.`
      : `${from}: you report quarterly, as most people in Making Tax Digital do. (Ledgerlink has not yet read your status from HMRC: “Check HMRC now” on the Profiles screen does.)`,
  };
}
