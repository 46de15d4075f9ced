import { ledgerError } from '../../ledger-error';

/**
 * Telling a person plainly what is wrong with a chosen file when it is not a statement Ledgerlink
 * can read as columns: a PDF or spreadsheet, a web page, a statement laid out one field per line,
 * a file with no amounts at all — or a statement whose DATES are what cannot be read (saying "no
 * row has a date and an amount" points at the wrong cause).
 */

const ACTION = 'Download the statement from your bank as CSV or OFX, and choose that file.';

const refuse = (message: string, action = ACTION) =>
  ledgerError('IMPORT_NOT_A_STATEMENT', message, action);

/** Refuses, by its first bytes, a file that is not text: PDF, spreadsheet, other binary. */
export function refuseNonText(name: string, head: Uint8Array): void {
  if (head.length === 0) throw refuse(`${name} is empty.`);
  const start = String.fromCharCode(...head.subarray(0, 8));
  if (start.startsWith('%PDF-')) {
    throw refuse(
      `${name} is a PDF document. Ledgerlink reads statements as CSV or OFX files, not PDFs.`,
    );
  }
  if (start.startsWith('PK\u0003\u0004') || start.startsWith('\u00d0\u00cf\u0011\u00e0')) {
    throw refuse(
      `${name} is a spreadsheet (such as Excel), not a CSV file.`,
      'Open it in your spreadsheet program and save it as CSV, or download a CSV or OFX statement from your bank.',
    );
  }
  const sample = head.subarray(0, 4096);
  // UTF-16 text has NULs too, but starts with a byte-order mark (the encoding sniff reads it).
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && sample.includes(0)) {
    throw refuse(`${name} is not a text file, so it cannot be a CSV statement.`);
  }
}

/** Refuses text that is plainly not a column layout: a web page, or one field per line. */
export function refuseOtherLayouts(name: string, text: string): void {
  const start = text.slice(0, 2000).trimStart().toLowerCase();
  if (
    start.startsWith('<!doctype html') ||
    start.startsWith('<html') ||
    start.startsWith('<table')
  ) {
    throw refuse(
      `${name} is a web page (HTML), not a CSV file, even if its name says otherwise.`,
      'Download the statement from your bank as CSV or OFX (“Microsoft Money” or “Quicken”) instead.',
    );
  }
  const labels = text
    .slice(0, 8000)
    .split(/\r?\n/)
    .filter((line) => /^\s*(date|description|amount|balance)\s*:/i.test(line)).length;
  if (labels >= 6) {
    throw refuse(
      `${name} lists each transaction over several lines (“Date:”, “Description:”, “Amount:”) instead of in columns, so Ledgerlink cannot read it.`,
      'Download the statement from your bank as CSV, OFX (“Microsoft Money”) or midata instead.',
    );
  }
}

const DATE_HEADER =
  /\b(date|datum|fecha|data|dátum|datetime|booking|posted|valuta|buchungstag|päivämäärä)\b|日付|日期|날짜/i;

/**
 * The sample held no row with both a readable date and an amount. Says whether the dates are the
 * problem (there are amounts), or throws when the file holds no amounts at all.
 * `isMoney`/`isDate` are the shape detector's own tests of a cell.
 */
export function diagnoseNoRows(
  name: string,
  records: readonly (readonly string[])[],
  isMoney: (cell: string) => boolean,
): string {
  // Nothing under the header (or nothing at all): the file is fine, it just holds no
  // transactions, so asking which column is which would be a question with no answer.
  if (records.length <= 1) {
    throw ledgerError(
      'IMPORT_NO_ROWS',
      records.length === 0
        ? `${name} has no rows: there is nothing in it but blank lines.`
        : `${name} has no rows of transactions: it holds only a header line.`,
      'Download the statement again for dates with transactions in them, and choose that file.',
    );
  }
  const width = Math.max(0, ...records.map((r) => r.length));
  const body = records.slice(1);
  const rows = body.length > 0 ? body : records;
  const shareOf = (column: number, test: (cell: string) => boolean) =>
    rows.length === 0 ? 0 : rows.filter((r) => test(r[column] ?? '')).length / rows.length;
  const columns = Array.from({ length: width }, (_, c) => c);
  const hasMoney = width >= 2 && columns.some((c) => shareOf(c, isMoney) >= 0.5);
  if (!hasMoney) {
    throw refuse(
      `${name} does not look like a bank statement: none of its columns holds amounts of money.`,
    );
  }
  const header = records[0] ?? [];
  const looksLikeDate = (cell: string) => {
    const t = cell.trim();
    return t.length <= 40 && /\d/.test(t) && !isMoney(t) && (t.match(/\d+/g)?.length ?? 0) >= 2;
  };
  const dateColumn =
    columns.find((c) => DATE_HEADER.test(header[c] ?? '') && shareOf(c, looksLikeDate) >= 0.3) ??
    columns.find((c) => shareOf(c, looksLikeDate) >= 0.5);
  if (dateColumn === undefined) {
    return 'No column of dates was found. Every row of a bank statement needs its date: choose the date column below if there is one.';
  }
  const example = rows.map((r) => (r[dateColumn] ?? '').trim()).find((t) => t !== '') ?? '';
  return `The dates in this file cannot be read (for example “${example.slice(0, 40)}”). Ledgerlink reads dates written like 31/01/2026, 31.01.2026, 2026-01-31, 2026.01.31. or 31 Jan 2026. Download the statement again with dates written one of these ways, or choose the date column below to see which rows fail.`;
}
