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
    else if (Array.isArray(value)) {
      // Foreign property: one entry per country (2025-26) or property (2026-27 on), keyed by it.
      for (const item of value as unknown[]) {
        if (!item || typeof item !== 'object') continue;
        const entry = item as Record<string, unknown>;
        const key = entry.countryCode ?? entry.propertyId;
        if (typeof key === 'string') walk(entry, `${path}.${key}`);
      }
    } else if (value && typeof value === 'object') {
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

const PREFIX: Record<BusinessKind, string> = {
  'self-employment': 'se',
  'uk-property': 'ukp',
  'foreign-property': 'fp',
};
const categoryFor = (kind: BusinessKind, field: string) => getCategory(`${PREFIX[kind]}.${field}`);

/** A foreign property entry's key as the review names it: the country code, or the property. */
const placeLabel = (key: string) => (/^[A-Z]{3}$/.test(key) ? key : `Property ${key.slice(0, 8)}`);

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
  if (path.startsWith('foreignProperty.')) {
    const [, key = '', section, ...rest] = path.split('.');
    const field = rest.join('.');
    const category = categoryFor(kind, field);
    return at(
      section === 'income' ? 'income' : 'expenses',
      `${placeLabel(key)}: ${category?.name ?? field}`,
      category?.hint,
    );
  }
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
