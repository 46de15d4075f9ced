import type { LedgerContext } from '../ledger-context';
import { notFound } from '../ledger-error';
import { normaliseText } from '../text-normalise';

/** A placement the person chose before for records like this one. */
export interface CategorySuggestion {
  businessId: number | null;
  categoryId: string;
  /** How many earlier records like this one were placed so. */
  uses: number;
}

/**
 * The text a payee is known by, without the parts that change from one payment to the next:
 * "CARD PAYMENT TO SHELL BRENTFORD 1234 ON 03/05" and "… SHELL BRENTFORD 1234 ON 10/05" both
 * read "card payment to shell brentford on". Empty when nothing is left.
 */
export function payeeKey(text: string | null): string {
  if (!text) return '';
  return normaliseText(text)
    .split(' ')
    .filter((word) => !/\d/.test(word))
    .join(' ');
}

const MAX_SUGGESTIONS = 3;
/** How far back to look: recent choices say what the person does now. */
const RECENT_ROWS = 5000;

interface Row {
  id: number;
  description: string;
  counterparty: string | null;
  amount_pence: number;
  business_id: number | null;
  category_id: string;
}

/**
 * What earlier records with the same payee or description were categorised as, most used first
 * (ties: the most recent), for the same direction of money only: a refund from a shop is not
 * the purchase. Choices by a person and by rules both count: both are the person's decisions.
 */
export function suggestCategories(ctx: LedgerContext, transactionId: number): CategorySuggestion[] {
  const target = ctx.db
    .prepare(
      `SELECT id, description, counterparty, amount_pence FROM transactions
       WHERE id = ? AND deleted_at IS NULL`,
    )
    .get(transactionId) as Omit<Row, 'business_id' | 'category_id'> | undefined;
  if (!target) throw notFound('transaction', transactionId);
  const counterparty = payeeKey(target.counterparty);
  const description = payeeKey(target.description);
  if (!counterparty && !description) return [];
  const rows = ctx.db
    .prepare(
      `SELECT id, description, counterparty, amount_pence, business_id, category_id
       FROM transactions
       WHERE deleted_at IS NULL AND is_split_parent = 0 AND category_id IS NOT NULL AND id <> ?
         AND ((amount_pence > 0) = (? > 0))
       ORDER BY date DESC, id DESC LIMIT ${RECENT_ROWS}`,
    )
    .iterate(target.id, target.amount_pence) as IterableIterator<Row>;
  const found = new Map<string, CategorySuggestion & { order: number }>();
  let order = 0;
  for (const row of rows) {
    const same =
      (counterparty !== '' && payeeKey(row.counterparty) === counterparty) ||
      (description !== '' && payeeKey(row.description) === description);
    if (!same) continue;
    const key = `${row.business_id ?? ''}|${row.category_id}`;
    const seen = found.get(key);
    if (seen) seen.uses++;
    else
      found.set(key, {
        businessId: row.business_id,
        categoryId: row.category_id,
        uses: 1,
        order: order++,
      });
  }
  return [...found.values()]
    .sort((a, b) => b.uses - a.uses || a.order - b.order)
    .slice(0, MAX_SUGGESTIONS)
    .map(({ businessId, categoryId, uses }) => ({ businessId, categoryId, uses }));
}
