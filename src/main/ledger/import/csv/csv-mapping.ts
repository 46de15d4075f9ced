import { parseMoney, type DecimalStyle, type Pence } from '@shared/domain/money';
import type { IsoDate } from '@shared/domain/tax-year';
import { ledgerError } from '../../ledger-error';
import { DATE_ORDERS, parseBankDate, type DateOrder } from './bank-dates';

export type CsvDelimiter = ',' | ';' | '\t' | '|';
export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

export type AmountColumns =
  /** One signed column (− = money out). `invert` for card statements that show spending as +. */
  | { kind: 'single'; column: number; invert: boolean }
  /** Separate money-out and money-in columns, e.g. "Paid out" / "Paid in". */
  | { kind: 'debit-credit'; debitColumn: number; creditColumn: number };

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
}

export type RowProblemCode =
  | 'TOO_FEW_COLUMNS'
  | 'DATE_MISSING'
  | 'DATE_UNREADABLE'
  | 'AMOUNT_MISSING'
  | 'AMOUNT_UNREADABLE'
  | 'AMOUNT_BOTH_SIDES';

export type RowValues =
  | {
      ok: true;
      date: IsoDate;
      description: string;
      counterparty: string | null;
      amountPence: Pence;
    }
  | { ok: false; code: RowProblemCode; message: string };

const columnsUsed = (m: CsvMapping): number[] => [
  m.dateColumn,
  ...m.descriptionColumns,
  ...(m.counterpartyColumn === null ? [] : [m.counterpartyColumn]),
  ...(m.amount.kind === 'single'
    ? [m.amount.column]
    : [m.amount.debitColumn, m.amount.creditColumn]),
];

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
};

const problem = (code: RowProblemCode, detail?: string): RowValues => ({
  ok: false,
  code,
  message: detail ? `${PROBLEMS[code]} ${detail}` : PROBLEMS[code],
});

/** Reads one record with a mapping. Pure and fast: it runs once per row of a 100,000-row file. */
export function readRow(
  cells: readonly string[],
  mapping: CsvMapping,
  maxColumn: number,
): RowValues {
  if (cells.length <= maxColumn) return problem('TOO_FEW_COLUMNS');
  const dateText = cells[mapping.dateColumn]!.trim();
  if (dateText === '') return problem('DATE_MISSING');
  const date = parseBankDate(dateText, mapping.dateOrder);
  if (date === null) return problem('DATE_UNREADABLE', `(“${dateText.slice(0, 40)}”)`);

  let amountPence: Pence;
  if (mapping.amount.kind === 'single') {
    const text = cells[mapping.amount.column]!;
    if (text.trim() === '') return problem('AMOUNT_MISSING');
    const parsed = parseMoney(text, { decimal: mapping.decimal });
    if (!parsed.ok) return problem('AMOUNT_UNREADABLE', parsed.message);
    amountPence = mapping.amount.invert && parsed.pence !== 0 ? -parsed.pence : parsed.pence;
  } else {
    const outText = cells[mapping.amount.debitColumn]!;
    const inText = cells[mapping.amount.creditColumn]!;
    const out = outText.trim() === '' ? null : parseMoney(outText, { decimal: mapping.decimal });
    const inn = inText.trim() === '' ? null : parseMoney(inText, { decimal: mapping.decimal });
    if (out && !out.ok) return problem('AMOUNT_UNREADABLE', out.message);
    if (inn && !inn.ok) return problem('AMOUNT_UNREADABLE', inn.message);
    const outPence = out?.ok ? Math.abs(out.pence) : 0;
    const inPence = inn?.ok ? Math.abs(inn.pence) : 0;
    if (!out && !inn) return problem('AMOUNT_MISSING');
    if (outPence !== 0 && inPence !== 0) return problem('AMOUNT_BOTH_SIDES');
    amountPence = inPence - outPence;
  }

  const description =
    mapping.descriptionColumns.length === 1
      ? cells[mapping.descriptionColumns[0]!]!.trim()
      : mapping.descriptionColumns
          .map((c) => cells[c]!.trim())
          .filter((s) => s !== '')
          .join(' ');
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

export function highestColumn(mapping: CsvMapping): number {
  return Math.max(...columnsUsed(mapping));
}
