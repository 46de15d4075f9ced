import type { BusinessKind } from '@shared/domain/business-kinds';
import { getCategory } from '@shared/domain/categories';
import { hmrcAmountToPence, type Pence } from '@shared/domain/money';

/**
 * A cumulative body (ours, or HMRC's stored copy) as flat lines keyed by HMRC's JSON path,
 * money in pence: `periodIncome.turnover → 1234500`. This is what the review table shows and
 * what the difference from the last accepted update is computed on (reference §3.5).
 */
export type FlatValue = { kind: 'money'; pence: Pence } | { kind: 'date'; text: string };
export type FlatBody = Map<string, FlatValue>;

export type LineSection = 'dates' | 'income' | 'expenses' | 'disallowable';

const DATE_PATHS = new Set([
  'periodDates.periodStartDate',
  'periodDates.periodEndDate',
  'fromDate',
  'toDate',
]);

export function flattenBody(body: unknown): FlatBody {
  const out: FlatBody = new Map();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number')
      out.set(path, { kind: 'money', pence: hmrcAmountToPence(value) });
    else if (typeof value === 'string' && DATE_PATHS.has(path))
      out.set(path, { kind: 'date', text: value });
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        walk(child, path ? `${path}.${key}` : key);
      }
    }
  };
  walk(body, '');
  // HMRC's GET adds `submittedOn` (UK property): not part of the update.
  out.delete('submittedOn');
  return out;
}

export interface LineLabel {
  section: LineSection;
  label: string;
  hint?: string;
  /** Sort key: dates, then income, expenses and disallowable parts in HMRC's order. */
  order: number;
}

const SECTION_ORDER: Record<LineSection, number> = {
  dates: 0,
  income: 1000,
  expenses: 2000,
  disallowable: 3000,
};

const categoryFor = (kind: BusinessKind, field: string) =>
  getCategory(`${kind === 'self-employment' ? 'se' : 'ukp'}.${field}`);

/** The plain-English name of a line, from the categories' names and hints (HMRC fields). */
export function lineLabel(kind: BusinessKind, path: string, index: number): LineLabel {
  const at = (section: LineSection, label: string, hint?: string): LineLabel => ({
    section,
    label,
    ...(hint ? { hint } : {}),
    order: SECTION_ORDER[section] + index,
  });
  if (path === 'periodDates.periodStartDate' || path === 'fromDate')
    return at('dates', 'Start date');
  if (path === 'periodDates.periodEndDate' || path === 'toDate') return at('dates', 'End date');
  const [section, ...rest] = path.startsWith('ukProperty.')
    ? path.slice('ukProperty.'.length).split('.')
    : path.split('.');
  const field = rest.join('.');
  if (section === 'periodDisallowableExpenses') {
    const base = field.replace(/Disallowable$/, '');
    const category = categoryFor(kind, base);
    return at(
      'disallowable',
      `${category?.name ?? base}: not allowable for tax`,
      'The part of this expense that cannot be claimed.',
    );
  }
  const category = categoryFor(kind, field);
  const lineSection: LineSection =
    section === 'periodIncome' || section === 'income' ? 'income' : 'expenses';
  return at(lineSection, category?.name ?? field, category?.hint);
}
