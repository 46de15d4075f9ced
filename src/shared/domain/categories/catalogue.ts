import type { BusinessKind } from '../business-kinds';
import type { HmrcCategory, LedgerCategory } from './category';
import { EXCLUDED_CATEGORIES } from './excluded';
import { FOREIGN_PROPERTY_CATEGORIES } from './foreign-property';
import { SELF_EMPLOYMENT_CATEGORIES } from './self-employment';
import { UK_PROPERTY_CATEGORIES } from './uk-property';

/** Every category a transaction can have, HMRC fields first, in the order HMRC lists them. */
export const ALL_CATEGORIES: readonly LedgerCategory[] = [
  ...SELF_EMPLOYMENT_CATEGORIES,
  ...UK_PROPERTY_CATEGORIES,
  ...FOREIGN_PROPERTY_CATEGORIES,
  ...EXCLUDED_CATEGORIES,
];

const BY_ID = new Map<string, LedgerCategory>(ALL_CATEGORIES.map((c) => [c.id, c]));

export function getCategory(id: string): LedgerCategory | undefined {
  return BY_ID.get(id);
}

export function isCategoryId(id: string): boolean {
  return BY_ID.has(id);
}

/** The HMRC categories of one kind of business. */
export function categoriesForKind(kind: BusinessKind): readonly HmrcCategory[] {
  if (kind === 'self-employment') return SELF_EMPLOYMENT_CATEGORIES;
  return kind === 'uk-property' ? UK_PROPERTY_CATEGORIES : FOREIGN_PROPERTY_CATEGORIES;
}

/** The categories a person may pick for a transaction of a business of this kind. */
export function selectableCategories(kind: BusinessKind): readonly LedgerCategory[] {
  return [...categoriesForKind(kind), ...EXCLUDED_CATEGORIES];
}

/** Is the category usable on a transaction of a business of this kind? */
export function categoryFitsKind(category: LedgerCategory, kind: BusinessKind): boolean {
  return !category.reportable || category.kind === kind;
}
