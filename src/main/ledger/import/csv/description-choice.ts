/**
 * Which columns describe a transaction and name the other party. Two layouts go wrong with a
 * plain "longest text column" or "a column called name" rule:
 * - a bank that gives both the counterparty's name and the reference they wrote (Starling's
 *   "Counter Party" and "Reference"): the name says who, so it leads the description, the
 *   reference follows it;
 * - a bank that repeats the account holder's own name on every row (NatWest's "Account Name"):
 *   it names nobody the money went to or came from, so it is never the payee.
 */

export interface TextColumn {
  index: number;
  /** The header, normalised (lower case, accents off, words); '' without a header. */
  name: string;
  averageLength: number;
  /** The same value on every data row (an account holder's name, an account number). */
  sameEveryRow: boolean;
}

export interface DescriptionChoice {
  descriptionColumns: number[];
  counterpartyColumn: number | null;
}

const DESCRIPTION =
  /^(transaction |trans )?(description|details|narrative|particulars|memo|transaction)$/;
const DESCRIPTION_WEAK =
  /\b(description|details|narrative|particulars|memo|verwendungszweck|omschrijving|libelle|concepto|descrizione|kozlemeny|tytul|mededelingen)\b/;
const REFERENCE = /\b(reference|ref|remittance|payment reference)\b/;
const COUNTERPARTY =
  /\b(counter party|counterparty|payee|payer|merchant|beneficiary|paid to|recipient|from to|name|partner|beguenstigter|begunstigter|zahlungspflichtiger|empfanger|naam|beneficiaire)\b/;
/** Columns that carry a code, a category or an account, never what a payment was. */
const NOT_TEXT =
  /\b(type|code|date|id|number|no|category|account|sort code|iban|bic|currency|status|state|product|emoji|receipt|address|town|city|postcode|country|tags?|notes?|split|balance)\b/;

function rank(c: TextColumn): number {
  if (DESCRIPTION.test(c.name)) return 3;
  if (NOT_TEXT.test(c.name)) return -1;
  if (DESCRIPTION_WEAK.test(c.name)) return 2;
  if (REFERENCE.test(c.name)) return 1;
  return 0;
}

const isReference = (c: TextColumn) => rank(c) === 1;

/** A name column, not the account's own ("Account Name") nor a description ("Merchant/Description"). */
const isCounterparty = (c: TextColumn) =>
  COUNTERPARTY.test(c.name) &&
  !/\baccount\b/.test(c.name) &&
  !DESCRIPTION_WEAK.test(c.name) &&
  !NOT_TEXT.test(c.name) &&
  !c.sameEveryRow;

/** `columns`: the text columns left once date, amounts, currency and balance are taken. */
export function chooseDescription(columns: readonly TextColumn[]): DescriptionChoice | null {
  const usable = columns.filter((c) => !c.sameEveryRow);
  const best = [...usable].sort(
    (a, b) => rank(b) - rank(a) || b.averageLength - a.averageLength,
  )[0];
  const counterparty = usable.find((c) => isCounterparty(c) && c !== best) ?? null;
  if (!best) return null;
  if (isCounterparty(best)) {
    // The only good text is the payee's name: it is the description too.
    const reference = usable.find((c) => c !== best && isReference(c));
    return {
      descriptionColumns: reference ? [best.index, reference.index] : [best.index],
      counterpartyColumn: best.index,
    };
  }
  if (counterparty && rank(best) <= 1) {
    // A reference (or an unnamed column) says less than who was paid: the name leads.
    return {
      descriptionColumns: [counterparty.index, best.index],
      counterpartyColumn: counterparty.index,
    };
  }
  return { descriptionColumns: [best.index], counterpartyColumn: counterparty?.index ?? null };
}
