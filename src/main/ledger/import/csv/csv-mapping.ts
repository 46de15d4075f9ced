import { parseMoney, type DecimalStyle, type Pence } from '@shared/domain/money';
import type { IsoDate } from '@shared/domain/tax-year';
import { ledgerError } from '../../ledger-error';
import { DATE_ORDERS, parseBankDate, type DateOrder } from './bank-dates';
import { currencyCell, currencyInText, POUNDS } from './currency';
import { explicitSign, readDirection, type Direction } from './direction-markers';
import { foreignAmountMessage } from './foreign-currency';

export type CsvDelimiter = ',' | ';' | '\t' | '|';
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

export type AmountColumns =
  /** One signed column (− = money out). `invert` for card statements that show spending as +. */
  | { kind: 'single'; column: number; invert: boolean }
  /** Separate money-out and money-in columns, e.g. "Paid out" / "Paid in". */
  | { kind: 'debit-credit'; debitColumn: number; creditColumn: number }
  /**
   * An amount whose direction is in another column (CR/DR, Debit/Credit, D/C…). `blank`: what an
   * empty marker means when the bank marks only one side; null when it must be marked.
   */
  | { kind: 'direction'; column: number; directionColumn: number; blank: Direction | null };

/** Where a statement says its currency: a column per row, or once (a header, "Amount (EUR)"). */
export type CurrencySource = { kind: 'column'; column: number } | { kind: 'stated'; code: string };

/** How to read one bank's CSV export. Columns are 0-based. */
export interface CsvMapping {
  delimiter: CsvDelimiter;
  /**
   * Index, among the file's non-blank records, of the header row; records up to and including it
   * are not data. Null when the file has no header.
   */
  headerRowIndex: number | null;
  dateColumn: number;
  dateOrder: DateOrder;
  /** Joined with a space when a bank splits the description over several columns. */
  descriptionColumns: number[];
  counterpartyColumn: number | null;
  amount: AmountColumns;
  decimal: DecimalStyle;
  /** Absent or null: the file states no currency, and the amounts are read as pounds. */
  currency?: CurrencySource | null | undefined;
}

export type RowProblemCode =
  | 'TOO_FEW_COLUMNS'
  | 'DATE_MISSING'
  | 'DATE_UNREADABLE'
  | 'AMOUNT_MISSING'
  | 'AMOUNT_UNREADABLE'
  | 'AMOUNT_BOTH_SIDES'
  | 'DIRECTION_UNREADABLE'
  | 'DIRECTION_CONFLICT';

export type RowValues =
  | {
      ok: true;
      date: IsoDate;
      description: string;
      counterparty: string | null;
      amountPence: Pence;
    }
  | {
      ok: false;
      code: RowProblemCode;
      message: string;
      /**
       * When only the date failed: the rest of the row as read, so fixing the date does not mean
       * typing the amount and its direction again.
       */
      readable?: { description: string; amountPence: Pence };
    };

const columnsUsed = (m: CsvMapping): number[] => [
  m.dateColumn,
  ...m.descriptionColumns,
  ...(m.counterpartyColumn === null ? [] : [m.counterpartyColumn]),
  ...amountColumnsOf(m.amount),
  ...(m.currency?.kind === 'column' ? [m.currency.column] : []),
];

/** The columns an amount is read from (its direction column included). */
export function amountColumnsOf(amount: AmountColumns): number[] {
  if (amount.kind === 'single') return [amount.column];
  if (amount.kind === 'direction') return [amount.column, amount.directionColumn];
  return [amount.debitColumn, amount.creditColumn];
}

/** Refuses a mapping that cannot work, with the reason a person can act on. */
export function checkMapping(mapping: CsvMapping): CsvMapping {
  const fail = (message: string, path: string) => {
    throw ledgerError('IMPORT_MAPPING_INVALID', message, 'Choose the columns again.', {
      fields: [{ path, message }],
    });
  };
  if (!CSV_DELIMITERS.includes(mapping.delimiter))
    fail('Choose a comma, semicolon, tab or bar as the separator.', 'delimiter');
  if (!DATE_ORDERS.includes(mapping.dateOrder))
    fail('Choose how the dates are written.', 'dateOrder');
  if (mapping.decimal !== 'dot' && mapping.decimal !== 'comma')
    fail('Choose how the amounts are written.', 'decimal');
  if (mapping.descriptionColumns.length === 0)
    fail('Choose the column with the description.', 'descriptionColumns');
  for (const c of columnsUsed(mapping)) {
    if (!Number.isInteger(c) || c < 0 || c > 500)
      fail('A chosen column does not exist.', 'columns');
  }
  if (
    mapping.amount.kind === 'debit-credit' &&
    mapping.amount.debitColumn === mapping.amount.creditColumn
  ) {
    fail('Money in and money out must be different columns.', 'amount');
  }
  if (
    mapping.amount.kind === 'direction' &&
    mapping.amount.directionColumn === mapping.amount.column
  ) {
    fail('The direction must be in a different column from the amount.', 'amount');
  }
  if (mapping.currency?.kind === 'stated' && !/^[A-Z]{3}$/.test(mapping.currency.code)) {
    fail('The currency is not valid.', 'currency');
  }
  if (mapping.descriptionColumns.includes(mapping.dateColumn))
    fail('The date column cannot also be the description.', 'descriptionColumns');
  if (
    mapping.headerRowIndex !== null &&
    (!Number.isInteger(mapping.headerRowIndex) || mapping.headerRowIndex < 0)
  ) {
    fail('The header row is not valid.', 'headerRowIndex');
  }
  return mapping;
}

const PROBLEMS: Record<RowProblemCode, string> = {
  TOO_FEW_COLUMNS: 'This row has fewer columns than the mapping needs.',
  DATE_MISSING: 'This row has no date.',
  DATE_UNREADABLE: 'The date could not be read.',
  AMOUNT_MISSING: 'This row has no amount.',
  AMOUNT_UNREADABLE: 'The amount could not be read.',
  AMOUNT_BOTH_SIDES: 'This row has an amount in both money in and money out.',
  DIRECTION_UNREADABLE: 'Whether this is money in or out could not be read.',
  DIRECTION_CONFLICT: 'The amount’s own sign and the direction column disagree.',
};

const problem = (code: RowProblemCode, detail?: string): RowValues => ({
  ok: false,
  code,
  message: detail ? `${PROBLEMS[code]} ${detail}` : PROBLEMS[code],
});

/** Refused in the same words as an OFX statement's row in another currency. */
const foreignRow = (currency: string): RowValues => ({
  ok: false,
  code: 'AMOUNT_UNREADABLE',
  message: foreignAmountMessage(currency),
});

/** Only on the failure path: says which currency an amount is in when it names one. */
function unreadableAmount(text: string, reason: string): RowValues {
  const currency = currencyInText(text);
  if (currency !== null && currency !== POUNDS) return foreignRow(currency);
  return problem('AMOUNT_UNREADABLE', reason);
}

/** Reads one record with a mapping. Pure and fast: it runs once per row of a 100,000-row file. */
export function readRow(
  cells: readonly string[],
  mapping: CsvMapping,
  maxColumn: number,
): RowValues {
  if (cells.length <= maxColumn) return problem('TOO_FEW_COLUMNS');
  const dateText = cells[mapping.dateColumn]!.trim();
  const date = dateText === '' ? null : parseBankDate(dateText, mapping.dateOrder);
  if (date === null) {
    const dateProblem =
      dateText === ''
        ? problem('DATE_MISSING')
        : problem('DATE_UNREADABLE', `(“${dateText.slice(0, 40)}”)`);
    // Off the hot path: only rows that already failed read the rest a second way.
    const rest = readAfterDate(cells, mapping, '0000-00-00');
    return rest.ok && !dateProblem.ok
      ? {
          ...dateProblem,
          readable: { description: rest.description, amountPence: rest.amountPence },
        }
      : dateProblem;
  }
  return readAfterDate(cells, mapping, date);
}

/** The currency, amount and description of a record whose date is already read. */
function readAfterDate(cells: readonly string[], mapping: CsvMapping, date: IsoDate): RowValues {
  if (mapping.currency) {
    const code =
      mapping.currency.kind === 'stated'
        ? mapping.currency.code
        : currencyCell(cells[mapping.currency.column]!);
    if (code !== POUNDS && code !== '') return foreignRow(code);
  }

  let amountPence: Pence;
  const amount = mapping.amount;
  if (amount.kind === 'debit-credit') {
    const outText = cells[amount.debitColumn]!;
    const inText = cells[amount.creditColumn]!;
    const out = outText.trim() === '' ? null : parseMoney(outText, { decimal: mapping.decimal });
    const inn = inText.trim() === '' ? null : parseMoney(inText, { decimal: mapping.decimal });
    if (out && !out.ok) return unreadableAmount(outText, out.message);
    if (inn && !inn.ok) return unreadableAmount(inText, inn.message);
    const outPence = out?.ok ? Math.abs(out.pence) : 0;
    const inPence = inn?.ok ? Math.abs(inn.pence) : 0;
    if (!out && !inn) return problem('AMOUNT_MISSING');
    if (outPence !== 0 && inPence !== 0) return problem('AMOUNT_BOTH_SIDES');
    amountPence = inPence - outPence;
  } else {
    const text = cells[amount.column]!;
    if (text.trim() === '') return problem('AMOUNT_MISSING');
    const parsed = parseMoney(text, { decimal: mapping.decimal });
    if (!parsed.ok) return unreadableAmount(text, parsed.message);
    if (amount.kind === 'single') {
      amountPence = amount.invert && parsed.pence !== 0 ? -parsed.pence : parsed.pence;
    } else {
      const marker = cells[amount.directionColumn]!;
      const direction = marker.trim() === '' ? amount.blank : readDirection(marker);
      if (direction === null) {
        return problem('DIRECTION_UNREADABLE', marker.trim() ? `(“${marker.slice(0, 40)}”)` : '');
      }
      const sign = explicitSign(text);
      if (sign !== null && sign !== direction) return problem('DIRECTION_CONFLICT');
      const magnitude = Math.abs(parsed.pence);
      amountPence = direction === 'out' && magnitude !== 0 ? -magnitude : magnitude;
    }
  }

  const description =
    mapping.descriptionColumns.length === 1
      ? cells[mapping.descriptionColumns[0]!]!.trim()
      : joinDescription(mapping.descriptionColumns.map((c) => cells[c]!.trim()));
  const counterpartyText =
    mapping.counterpartyColumn === null ? '' : cells[mapping.counterpartyColumn]!.trim();
  return {
    ok: true,
    date,
    // Newlines inside a quoted description become spaces; 500 characters is plenty for a bank line.
    description: (description.includes('\n')
      ? description.replace(/\s*\r?\n\s*/g, ' ')
      : description
    ).slice(0, 500),
    counterparty: counterpartyText === '' ? null : counterpartyText.slice(0, 500),
    amountPence,
  };
}

/**
 * A description split over columns (a payee's name and the reference they gave), each part once:
 * a part another part already contains ("TESCO" in "TESCO STORES 3412") is left out.
 */
export function joinDescription(parts: readonly string[]): string {
  const filled = parts.filter((p) => p !== '');
  const upper = filled.map((p) => p.toUpperCase());
  return filled
    .filter(
      (_, i) =>
        !upper.some(
          (other, j) => j !== i && other.includes(upper[i]!) && (other !== upper[i] || j < i),
        ),
    )
    .join(' ');
}

export function highestColumn(mapping: CsvMapping): number {
  return Math.max(...columnsUsed(mapping));
}
