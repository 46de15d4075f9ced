import { EXCLUDED_CATEGORIES, categoriesForKind, getCategory } from '@shared/domain/categories';
import type { RecordsBusiness } from '@shared/ipc/channels/records';

/** One choice in the inline category control: a category, with the business it goes under. */
export interface CategoryOption {
  key: string;
  businessId: number | null;
  categoryId: string;
  label: string;
  /** Shown under the label: which business, or how often it was chosen before. */
  detail: string;
  /** The heading the choice is listed under. */
  group: string;
}

export interface Suggestion {
  businessId: number | null;
  categoryId: string;
  uses: number;
}

const keyOf = (businessId: number | null, categoryId: string) =>
  `${businessId ?? ''}|${categoryId}`;

/**
 * The choices for one record, in the order a person wants them: what the same payee was given
 * before; then the categories of the record's business (every live business when it has none)
 * that match the money's direction (income for money in); then the other direction (a refund
 * is money in on an expense); then "not for HMRC". `typed` narrows them to labels containing
 * every typed word.
 */
export function categoryOptions(input: {
  businesses: readonly RecordsBusiness[];
  businessId: number | null;
  amountPence: number;
  suggestions: readonly Suggestion[];
  typed: string;
}): CategoryOption[] {
  const live = input.businesses.filter((b) => !b.archived || b.id === input.businessId);
  const own = live.filter((b) => b.id === input.businessId);
  const places = own.length > 0 ? own : live;
  const many = places.length > 1;
  const direction = input.amountPence > 0 ? 'income' : 'expense';
  const out: CategoryOption[] = [];
  const seen = new Set<string>();
  const push = (option: Omit<CategoryOption, 'key'>) => {
    const key = keyOf(option.businessId, option.categoryId);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ key, ...option });
  };
  for (const s of input.suggestions) {
    const category = getCategory(s.categoryId);
    if (!category) continue;
    const business = live.find((b) => b.id === s.businessId);
    if (s.businessId !== null && !business) continue;
    push({
      businessId: s.businessId,
      categoryId: s.categoryId,
      label: category.name,
      detail: `${business ? `${business.name}, ` : ''}chosen ${s.uses === 1 ? 'once' : `${s.uses} times`} before`,
      group: 'Used before for this payee',
    });
  }
  for (const wanted of [direction, direction === 'income' ? 'expense' : 'income'] as const) {
    for (const business of places) {
      for (const c of categoriesForKind(business.kind)) {
        if (c.direction !== wanted) continue;
        push({
          businessId: business.id,
          categoryId: c.id,
          label: c.name,
          detail: many ? business.name : '',
          group:
            wanted === 'income'
              ? 'Income'
              : direction === 'expense'
                ? 'Expenses'
                : 'Expenses (a refund of one)',
        });
      }
    }
  }
  for (const c of EXCLUDED_CATEGORIES) {
    push({
      businessId: null,
      categoryId: c.id,
      label: c.name,
      detail: '',
      group: 'Not reported to HMRC',
    });
  }
  const words = input.typed.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return out;
  return out.filter((o) => {
    const text = `${o.label} ${o.detail}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
