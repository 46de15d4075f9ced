/**
 * A person's ITSA status for a tax year, as HMRC's Retrieve ITSA Status answers it
 * [SAID schemas/retrieveItsaStatus/def1/definitions.json `status`; reference §5.1], and what it
 * means for them in plain words: whether quarterly updates are due at all, whether their
 * cumulative updates go with or without dates, and what carries penalties.
 *
 * Shared by the profile page, the agent overview and the year-end checklist, so every screen
 * explains a status the same way.
 */

/** HMRC's values, spelled as HMRC sends them. `Non Digital` is deprecated from 2026-27. */
export const ITSA_STATUSES = [
  'No Status',
  'MTD Mandated',
  'MTD Voluntary',
  'Annual',
  'Non Digital',
  'Digitally Exempt',
  'Dormant',
  'MTD Exempt',
] as const;
export type ItsaStatus = (typeof ITSA_STATUSES)[number];

export function isItsaStatus(value: string): value is ItsaStatus {
  return (ITSA_STATUSES as readonly string[]).includes(value);
}

/** What Ledgerlink keeps of one year's answer (the decision in force). */
export interface ItsaStatusRecord {
  taxYear: string;
  status: ItsaStatus;
  /** HMRC's reason, as HMRC sends it (e.g. "MTD ITSA Opt-In"). */
  statusReason?: string;
  /** When HMRC recorded the decision. */
  submittedOn?: string;
}

export interface ItsaStatusExplanation {
  /** A short name for a badge or a table cell. */
  label: string;
  /** One or two sentences a person can act on. */
  text: string;
  /** Quarterly updates are expected for the year. */
  quarterlyUpdatesDue: boolean;
  /** Missing a quarterly update can lead to penalty points (mandated customers only). */
  quarterlyPenalties: boolean;
  /**
   * Cumulative updates for the year leave out their dates: HMRC refuses dates for anyone not
   * reporting quarterly (RULE_START_AND_END_DATE_NOT_ALLOWED; reference §3.5).
   */
  updatesWithoutDates: boolean;
}

/**
 * The status → obligations mapping. HMRC reports quarterly for MTD Mandated and MTD Voluntary
 * only; a voluntary customer's only penalty-bearing obligation is the final declaration
 * (reference §5.1 "for Voluntary customers only the final declaration is penalty-bearing").
 */
export function explainItsaStatus(status: ItsaStatus | undefined): ItsaStatusExplanation {
  const quarterly = (label: string, text: string, penalties: boolean) => ({
    label,
    text,
    quarterlyUpdatesDue: true,
    quarterlyPenalties: penalties,
    updatesWithoutDates: false,
  });
  const notQuarterly = (label: string, text: string) => ({
    label,
    text,
    quarterlyUpdatesDue: false,
    quarterlyPenalties: false,
    updatesWithoutDates: true,
  });
  switch (status) {
    case 'MTD Mandated':
      return quarterly(
        'Making Tax Digital: required',
        'HMRC requires quarterly updates for this tax year, then a final declaration. A late update or declaration can lead to penalty points.',
        true,
      );
    case 'MTD Voluntary':
      return quarterly(
        'Making Tax Digital: voluntary',
        'You have chosen to join Making Tax Digital. Quarterly updates are expected, but missing one carries no penalty: only the final declaration does.',
        false,
      );
    case 'Annual':
      return notQuarterly(
        'Reports once a year',
        'No quarterly updates are due for this tax year. Any update you send goes without dates and simply gives HMRC your figures so far; the final declaration is still due.',
      );
    case 'Digitally Exempt':
      return notQuarterly(
        'Digitally exempt',
        'HMRC has agreed you need not keep digital records or send quarterly updates this tax year. Any update you send goes without dates.',
      );
    case 'MTD Exempt':
      return notQuarterly(
        'Exempt from Making Tax Digital',
        'HMRC has exempted you from Making Tax Digital for this tax year, so no quarterly updates are due. Any update you send goes without dates.',
      );
    case 'Dormant':
      return notQuarterly(
        'Dormant',
        'HMRC treats your income sources as dormant this tax year, so no quarterly updates are due. Tell HMRC if you have started trading or letting again.',
      );
    case 'Non Digital':
      return notQuarterly(
        'Not digital',
        'HMRC has you as not filing digitally for this tax year, so no quarterly updates are due. Any update you send goes without dates.',
      );
    case 'No Status':
      return notQuarterly(
        'No status yet',
        'HMRC has not decided a Making Tax Digital status for this tax year, so no quarterly updates are due yet. Check again later.',
      );
    case undefined:
      return {
        // Not "Not checked": the agent overview shows this beside "HMRC last checked" (a check
        // that read only the deadlines), and the two must not contradict each other.
        label: 'Making Tax Digital status not read yet',
        text: 'Ledgerlink has not yet asked HMRC whether quarterly updates are due for this tax year. Check HMRC to find out.',
        quarterlyUpdatesDue: true,
        quarterlyPenalties: false,
        updatesWithoutDates: false,
      };
  }
}

/** The record for a tax year, if HMRC gave one. */
export function itsaStatusFor(
  records: readonly ItsaStatusRecord[] | undefined,
  taxYear: string,
): ItsaStatusRecord | undefined {
  return records?.find((r) => r.taxYear === taxYear);
}
