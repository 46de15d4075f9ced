import { parseMoney, type MoneyParseFailure, type MoneyParseResult } from '@shared/domain/money';
import { isIsoDate, type IsoDate } from '@shared/domain/tax-year';
import type { RowProblemCode, RowValues } from '../csv/csv-mapping';
import { foreignAmountMessage } from '../csv/foreign-currency';
import type { BankRef } from '../import-rows';
import { accountKey } from './ofx-account';
import type { OfxRawTransaction } from './ofx-statements';

// YYYYMMDD, then optionally HHMM[SS[.XXX]] and a time zone such as [-5:EST] or [0:GMT].
const OFX_DATE = /^(\d{4})(\d{2})(\d{2})(?:\d{4}(?:\d{2}(?:[.,]\d{1,6})?)?)?\s*(?:\[[^\]]*\])?$/;

/**
 * The calendar date an OFX date-time names, as the bank wrote it. The time and zone are ignored
 * on purpose: `20260331230000[-5:EST]` is a payment the bank posted on 31 March, and moving it to
 * 1 April through UTC would put it in another quarter from the one on the statement.
 */
export function ofxDate(text: string): IsoDate | null {
  const match = OFX_DATE.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  return year >= 1900 && year <= 2199 && isIsoDate(date) ? date : null;
}

/**
 * TRNAMT to pence. OFX writes no thousands separators, so a lone comma is a decimal point (some
 * UK exports write `-12,50`); the digits go through the same exact parser as every bank amount.
 */
export function ofxAmount(text: string): MoneyParseResult {
  const decimal = text.includes(',') && !text.includes('.') ? 'comma' : 'dot';
  return parseMoney(text, { decimal });
}

/** What a statement calls each kind of transaction, for one that has no name or memo. */
const TYPE_NAMES: Record<string, string> = {
  CREDIT: 'Credit',
  DEBIT: 'Debit',
  INT: 'Interest',
  DIV: 'Dividend',
  FEE: 'Bank fee',
  SRVCHG: 'Service charge',
  DEP: 'Deposit',
  ATM: 'Cash machine',
  POS: 'Card payment',
  XFER: 'Transfer',
  CHECK: 'Cheque',
  PAYMENT: 'Payment',
  CASH: 'Cash',
  DIRECTDEP: 'Direct deposit',
  DIRECTDEBIT: 'Direct debit',
  REPEATPMT: 'Standing order',
};

export interface OfxRow {
  line: number;
  /** The transaction's values as written, for the list of rows that cannot be read. */
  cells: string[];
  values: RowValues;
  bankRef: BankRef | null;
}

const problem = (code: RowProblemCode, message: string): RowValues => ({
  ok: false,
  code,
  message,
});

const TEXT_LIMIT = 500;

const EXPLAINED = new Set<MoneyParseFailure>([
  'too-many-decimals',
  'out-of-range',
  'foreign-currency',
]);

/**
 * One STMTTRN as a row of the import: date from DTPOSTED, amount from TRNAMT, the description
 * from NAME and MEMO (both when they say different things), the payee or payer from NAME, and
 * the bank's own id (FITID) with the account it belongs to, for finding it again.
 */
export function readOfxTransaction(transaction: OfxRawTransaction): OfxRow {
  const { fields, statement } = transaction;
  const get = (name: string) => fields.get(name)?.trim() ?? '';
  const dateText = get('DTPOSTED');
  const amountText = get('TRNAMT');
  const name = get('NAME') || get('PAYEE.NAME');
  const memo = get('MEMO');
  const type = get('TRNTYPE').toUpperCase();
  const fitid = get('FITID');
  const cells = [dateText, type, amountText, name, memo].filter((c) => c !== '');
  const row = (values: RowValues): OfxRow => ({
    line: transaction.line,
    cells,
    values,
    bankRef: fitid ? { accountKey: accountKey(statement), fitid: fitid.slice(0, 255) } : null,
  });

  if (dateText === '') return row(problem('DATE_MISSING', 'This transaction has no date.'));
  const date = ofxDate(dateText);
  if (date === null) {
    return row(
      problem('DATE_UNREADABLE', `The date could not be read (“${dateText.slice(0, 40)}”).`),
    );
  }
  if (amountText === '') return row(problem('AMOUNT_MISSING', 'This transaction has no amount.'));
  const currency = (get('CURRENCY.CURSYM') || statement.currency || 'GBP').toUpperCase();
  if (currency !== 'GBP') {
    return row(problem('AMOUNT_UNREADABLE', foreignAmountMessage(currency.slice(0, 3))));
  }
  const amount = ofxAmount(amountText);
  if (!amount.ok) {
    // OFX amounts have no grouping, so only these reasons say more than "could not be read".
    const detail = EXPLAINED.has(amount.reason) ? ` ${amount.message}` : '';
    return row(
      problem(
        'AMOUNT_UNREADABLE',
        `The amount could not be read (“${amountText.slice(0, 40)}”).${detail}`,
      ),
    );
  }

  const description =
    name && memo
      ? memo.toUpperCase().includes(name.toUpperCase())
        ? memo
        : name.toUpperCase().includes(memo.toUpperCase())
          ? name
          : `${name} ${memo}`
      : name || memo || get('EXTDNAME') || TYPE_NAMES[type] || 'Bank transaction';
  return row({
    ok: true,
    date,
    description: description.replace(/\s+/g, ' ').slice(0, TEXT_LIMIT),
    counterparty: name ? name.replace(/\s+/g, ' ').slice(0, TEXT_LIMIT) : null,
    amountPence: amount.pence,
  });
}
