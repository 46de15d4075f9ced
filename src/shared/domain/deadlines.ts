import { daysBetween, formatUkDate, type IsoDate } from './tax-year';

/**
 * Deadlines in words, the same everywhere (home, review, profile, onboarding): each screen
 * passes the UK date main's clock gives it, never its own `new Date()`, so a test's moved clock
 * and the person's screens agree on what is overdue.
 */
export interface Deadline {
  dueDate: IsoDate;
  /** Negative once it has passed. */
  daysLeft: number;
  overdue: boolean;
}

export function deadline(dueDate: IsoDate, today: IsoDate): Deadline {
  const daysLeft = daysBetween(today, dueDate);
  return { dueDate, daysLeft, overdue: daysLeft < 0 };
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** "due 7 Nov 2026, in 12 days" · "due today, 7 Nov 2026" · "overdue by 13 days (was due 7 Nov 2026)". */
export function deadlineText(dueDate: IsoDate, today: IsoDate): string {
  const d = deadline(dueDate, today);
  const date = formatUkDate(dueDate, { short: true });
  if (d.daysLeft === 0) return `due today, ${date}`;
  if (d.overdue) return `overdue by ${days(-d.daysLeft)} (was due ${date})`;
  return `due ${date}, in ${days(d.daysLeft)}`;
}

export interface DatedObligation {
  kind: 'quarterly' | 'final-declaration';
  status: 'open' | 'fulfilled';
  dueDate: IsoDate;
  periodStart: IsoDate;
  periodEnd: IsoDate;
}

/**
 * What a home screen needs from HMRC's obligations: what is overdue, the next one still to
 * come, and the final declarations (the year end), each sorted by due date.
 */
export function summariseDeadlines<T extends DatedObligation>(
  obligations: readonly T[],
  today: IsoDate,
): { overdue: T[]; next: T | undefined; finalDeclarations: T[] } {
  const byDue = [...obligations].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.periodStart.localeCompare(b.periodStart),
  );
  const open = byDue.filter((o) => o.status === 'open');
  return {
    overdue: open.filter((o) => deadline(o.dueDate, today).overdue),
    next: open.find((o) => !deadline(o.dueDate, today).overdue),
    finalDeclarations: byDue.filter((o) => o.kind === 'final-declaration'),
  };
}
