import type { ReviewLine, UpdateView } from '@shared/ipc/channels/review';
import { ukDate } from '../sync/format';

/**
 * "6 Apr 2026 to 5 Oct 2026", and what the compared update said where it differs: "End date was
 * 5 Jul 2026", or "Dates were … to …" when both differ. Short, to share a line with the period
 * choice at 1280 px.
 */
export interface FoldedDates {
  now: string;
  change?: string;
}

/**
 * The update's Start and End date lines said in one phrase, for the compact card, which folds
 * them out of the figures table into the line under its heading. A change is said only where
 * the table would have said "Changed".
 */
export function datesSummary(lines: readonly ReviewLine[]): FoldedDates | undefined {
  const start = lines.find((l) => l.section === 'dates' && l.label === 'Start date');
  const end = lines.find((l) => l.section === 'dates' && l.label === 'End date');
  if (!start?.text || !end?.text) return undefined;
  const now = `${ukDate(start.text)} to ${ukDate(end.text)}`;
  const was = (l: ReviewLine) => (l.previousText ? ukDate(l.previousText) : 'no date');
  if (start.changed && end.changed) {
    return {
      now,
      change:
        start.previousText || end.previousText
          ? `Dates were ${was(start)} to ${was(end)}`
          : 'Sent without dates before',
    };
  }
  if (start.changed) return { now, change: `Start date was ${was(start)}` };
  if (end.changed) return { now, change: `End date was ${was(end)}` };
  return { now };
}

/** The dates the compact card folds into its dates line (and so out of its table), if any. */
export function foldedDates(
  view: Pick<UpdateView, 'datesRule' | 'lines'>,
  compact: boolean,
): FoldedDates | undefined {
  return compact && view.datesRule.withDates ? datesSummary(view.lines) : undefined;
}
