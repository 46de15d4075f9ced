import { BUSINESS_KIND_NAMES } from '@shared/domain/business-kinds';
import { getCategory } from '@shared/domain/categories';
import { formatPence, type Pence } from '@shared/domain/money';
import { formatUkDate } from '@shared/domain/tax-year';
import type { RecordsBusiness } from '@shared/ipc/channels/records';

/** How the records screens write things, in one place. */

export const money = (pence: Pence): string => formatPence(pence);

/** "£45.20 in" / "£45.20 out": the direction in words, never only by colour or sign. */
export const moneyWithDirection = (pence: Pence): string =>
  pence === 0 ? formatPence(0) : `${formatPence(Math.abs(pence))} ${pence > 0 ? 'in' : 'out'}`;

export const dateText = (iso: string): string => formatUkDate(iso, { short: true });

export const categoryName = (categoryId: string | null): string =>
  categoryId === null ? 'Uncategorised' : (getCategory(categoryId)?.name ?? categoryId);

export const businessName = (
  businesses: readonly RecordsBusiness[],
  businessId: number | null,
): string =>
  businessId === null
    ? 'No business'
    : (businesses.find((b) => b.id === businessId)?.name ?? 'A removed business');

export const kindName = (kind: RecordsBusiness['kind']): string => BUSINESS_KIND_NAMES[kind];

export const plural = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
