/**
 * What Ledgerlink says about money that is not in pounds, in one place so a CSV and an OFX
 * statement in another currency are refused in the same words. The ledger keeps pounds only:
 * converting at a rate the person did not choose would put a guessed figure into their tax.
 */

/** `account`: a masked account number, or null when the statement does not name one. */
export function foreignStatementWarning(account: string | null, currency: string): string {
  return `The statement of ${account ?? 'this account'} is in ${currency}. Ledgerlink keeps records in pounds, so its amounts cannot be imported as they are.`;
}

/** For a statement where only some rows are in another currency. */
export function foreignRowsWarning(currency: string): string {
  return `Some rows of this statement are in ${currency}. Ledgerlink keeps records in pounds, so those rows cannot be imported as they are.`;
}

/** The reason a single row is refused. */
export function foreignAmountMessage(currency: string): string {
  return `This amount is in ${currency}, not pounds sterling. Enter it in pounds to import it.`;
}
