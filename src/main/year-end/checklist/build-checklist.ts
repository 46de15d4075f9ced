import { isAnnualKind } from '@shared/domain/annual-fields';
import type { BusinessKind } from '@shared/domain/business-kinds';
import {
  addDays,
  compareIsoDates,
  formatUkDate,
  quarterLabel,
  taxYearEnd,
  taxYearStart,
  taxYearStartYear,
  updatePeriods,
  type IsoDate,
  type PeriodBasis,
} from '@shared/domain/tax-year';
import type { ChecklistItem } from '@shared/ipc/channels/year-end-checklist';
import type { CachedObligation } from '../../profiles/hmrc-cache';

/**
 * The year-end checklist for one profile and tax year, from what is on this computer only
 * (HMRC's obligations as last read, the submission log and the outbox), so it works offline
 * (reference §5.2, §5.7, §5.8): every quarterly update, the annual figures of each business,
 * the business facts, HMRC's final calculation and the final declaration due 31 January, each
 * with its status, due date and one action.
 */
export interface ChecklistBusiness {
  id: number;
  name: string;
  kind: BusinessKind;
  hmrcBusinessId: string | null;
  basis: PeriodBasis;
}

export interface ChecklistInput {
  taxYear: string;
  today: IsoDate;
  businesses: ChecklistBusiness[];
  obligations: CachedObligation[];
  obligationsCheckedAt: string | null;
  /** The furthest period end of the year's cumulative updates HMRC accepted from here, per business. */
  cumulativeSentTo: Map<number, IsoDate>;
  /** Cumulative updates approved and waiting in the outbox, per business (their period end). */
  cumulativeWaiting: Map<number, IsoDate>;
  /** The newest annual receipt per business: sent (date) or deleted. */
  annualSent: Map<number, { submission: 'annual' | 'annual-delete'; at: string }>;
  annualWaiting: Set<number>;
  /** Declarations are refused to this profile (a supporting agent), with HMRC's reason. */
  declarationRefused?: string;
}

/** 31 January after the tax year (the statutory filing date, reference §5.7). */
export const filingDate = (taxYear: string): IsoDate => `${taxYearStartYear(taxYear) + 2}-01-31`;

/**
 * A quarterly update's deadline when HMRC's obligation is not cached: the first 7th of a month
 * at least a month after the period ends (5 July → 7 August; 30 June → 7 August), reference §5.2.
 */
export function quarterlyDue(periodEnd: IsoDate): IsoDate {
  const monthLater = addDays(periodEnd, 30);
  const [y, m, d] = monthLater.split('-').map(Number) as [number, number, number];
  if (d <= 7) return `${monthLater.slice(0, 7)}-07`;
  return m === 12 ? `${y + 1}-01-07` : `${y}-${String(m + 1).padStart(2, '0')}-07`;
}

export function buildChecklist(input: ChecklistInput): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  const ty = input.taxYear;
  const yearEnded = compareIsoDates(input.today, taxYearEnd(ty)) > 0;
  const late = (due: IsoDate) => compareIsoDates(input.today, due) > 0;

  for (const b of input.businesses) {
    for (const period of updatePeriods(ty, b.basis)) {
      const cached = input.obligations.find(
        (o) =>
          o.kind === 'quarterly' &&
          o.hmrcBusinessId === b.hmrcBusinessId &&
          o.periodEnd === period.end,
      );
      const due = cached?.dueDate ?? quarterlyDue(period.end);
      const sentTo = input.cumulativeSentTo.get(b.id);
      const waiting = input.cumulativeWaiting.get(b.id);
      const base = {
        id: `quarterly-${b.id}-${period.end}`,
        group: 'quarterly' as const,
        title: `Quarterly update ${quarterLabel(period)}`,
        businessId: b.id,
        businessName: b.name,
        dueDate: due,
      };
      if (compareIsoDates(input.today, period.end) <= 0) {
        items.push({
          ...base,
          status: 'not-yet',
          statusText: `The quarter ends on ${formatUkDate(period.end)}.`,
        });
      } else if (
        cached?.status === 'fulfilled' ||
        (sentTo && compareIsoDates(sentTo, period.end) >= 0)
      ) {
        items.push({
          ...base,
          status: 'done',
          statusText: cached?.receivedDate
            ? `HMRC received it on ${formatUkDate(cached.receivedDate)}.`
            : 'HMRC accepted it.',
        });
      } else if (waiting && compareIsoDates(waiting, period.end) >= 0) {
        items.push({
          ...base,
          status: 'waiting',
          statusText: 'Approved and waiting in the outbox.',
          action: { label: 'Sync now', screen: 'sync' },
        });
      } else if (cached?.status === 'open' || !input.obligationsCheckedAt) {
        items.push({
          ...base,
          status: 'to-do',
          statusText: late(due) ? `Overdue since ${formatUkDate(due)}.` : 'Not sent yet.',
          action: { label: 'Review and send it', screen: 'review' },
        });
      } else {
        items.push({
          ...base,
          status: 'done',
          statusText: 'HMRC shows nothing open for this quarter.',
        });
      }
    }
  }

  const final = input.obligations.find(
    (o) => o.kind === 'final-declaration' && o.periodStart === taxYearStart(ty),
  );
  // Before the final declaration the year's figures can still be corrected: the last cumulative
  // update is sent again with the whole year (reference §3.5, §5.7).
  if (yearEnded && final?.status !== 'fulfilled') {
    for (const b of input.businesses) {
      const periods = updatePeriods(ty, b.basis);
      const last = periods[periods.length - 1]!;
      items.push({
        id: `correction-${b.id}`,
        group: 'correction',
        title: 'Correct the year’s figures if your records changed',
        businessId: b.id,
        businessName: b.name,
        status: 'optional',
        statusText: `Review the update to ${formatUkDate(last.end)} against what HMRC holds, and send it again if anything changed.`,
        action: { label: 'Review the last update', screen: 'correction', businessId: b.id },
      });
    }
  }

  for (const b of input.businesses) {
    if (!isAnnualKind(b.kind)) continue;
    const base = {
      id: `annual-${b.id}`,
      group: 'annual' as const,
      title: 'Annual figures (adjustments and allowances)',
      businessId: b.id,
      businessName: b.name,
      dueDate: filingDate(ty),
    };
    const sent = input.annualSent.get(b.id);
    if (input.annualWaiting.has(b.id)) {
      items.push({
        ...base,
        status: 'waiting',
        statusText: 'Approved and waiting in the outbox.',
        action: { label: 'Sync now', screen: 'sync' },
      });
    } else if (sent?.submission === 'annual') {
      items.push({
        ...base,
        status: 'done',
        statusText: `Sent on ${formatUkDate(sent.at.slice(0, 10))}.`,
        action: { label: 'Change them', screen: 'annual', businessId: b.id },
      });
    } else {
      items.push({
        ...base,
        status: yearEnded ? 'to-do' : 'not-yet',
        statusText: yearEnded
          ? 'Not sent from this computer. If there is nothing to adjust or claim, you may not need them.'
          : 'After the tax year ends.',
        action: { label: 'Enter the annual figures', screen: 'annual', businessId: b.id },
      });
    }
    // As before foreign property had annual figures: its business facts are not listed here yet.
    if (b.kind === 'foreign-property') continue;
    items.push({
      id: `facts-${b.id}`,
      group: 'facts',
      title: 'Accounting type for the year',
      businessId: b.id,
      businessName: b.name,
      status: yearEnded ? 'to-do' : 'not-yet',
      statusText: 'Confirm cash basis or traditional accounting with HMRC.',
      action: { label: 'Check the business facts', screen: 'business-facts', businessId: b.id },
    });
  }

  // Losses are optional: a loss from the year or from before can lower the tax. [reference §5.5]
  items.push({
    id: 'losses',
    group: 'losses',
    title: 'Losses',
    status: yearEnded ? 'optional' : 'not-yet',
    statusText: 'If a business made a loss, this year or before, choose how to use it.',
    ...(yearEnded ? { action: { label: 'See losses', screen: 'losses' as const } } : {}),
  });
  items.push({
    id: 'adjustments',
    group: 'losses',
    title: 'Accounting adjustments',
    status: yearEnded ? 'optional' : 'not-yet',
    statusText: 'Only if a business’s figures need correcting after its updates.',
    ...(yearEnded
      ? { action: { label: 'Make accounting adjustments', screen: 'adjustments' as const } }
      : {}),
  });

  const finalDue = final?.dueDate ?? filingDate(ty);
  const refused = input.declarationRefused;
  const blockedBy = items.filter((i) => i.status === 'to-do' && i.group === 'quarterly').length;
  items.push({
    id: 'calculation',
    group: 'calculation',
    title: 'HMRC’s final calculation',
    status: refused ? 'refused' : yearEnded ? 'to-do' : 'not-yet',
    statusText: refused
      ? refused
      : yearEnded
        ? blockedBy > 0
          ? `Send the ${blockedBy} missing quarterly update${blockedBy === 1 ? '' : 's'} first.`
          : 'Ask HMRC to calculate the year once everything above is sent.'
        : `Possible from ${formatUkDate(addDays(taxYearEnd(ty), 1))}.`,
    ...(refused || !yearEnded
      ? {}
      : { action: { label: 'See the final calculation', screen: 'calculation' as const } }),
  });
  items.push({
    id: 'final-declaration',
    group: 'declaration',
    title: 'Final declaration',
    dueDate: finalDue,
    status: refused
      ? 'refused'
      : final?.status === 'fulfilled'
        ? 'done'
        : yearEnded
          ? 'to-do'
          : 'not-yet',
    statusText: refused
      ? refused
      : final?.status === 'fulfilled'
        ? 'HMRC has the final declaration.'
        : !final && input.obligationsCheckedAt && yearEnded
          ? 'HMRC shows no open final declaration for this year: it may have been made already.'
          : late(finalDue)
            ? `Overdue since ${formatUkDate(finalDue)}.`
            : `Due by ${formatUkDate(finalDue)}.`,
    ...(refused || !yearEnded || final?.status === 'fulfilled'
      ? {}
      : { action: { label: 'Make the final declaration', screen: 'declaration' as const } }),
  });
  return items;
}
