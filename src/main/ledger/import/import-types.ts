import type { Pence } from '@shared/domain/money';
import type { IsoDate, TaxYear } from '@shared/domain/tax-year';
import type { DateOrderGuess } from './csv/bank-dates';
import type { CsvMapping, RowProblemCode } from './csv/csv-mapping';
import type { AmountCheck } from './csv/preview-checks';
import type { DirectionQuestion } from './csv/sign-convention';
import type { ImportProgress, PreviewRow, RunOptions } from './import-rows';
import type { BalanceCheckResult } from './analyse/running-balance';
import type { OfxStatementFacts } from './ofx/preview-ofx';
import type { FileFacts } from './text-source';

export type { ImportProgress, PreviewRow, RunOptions };

export interface CsvPreview {
  file: FileFacts;
  /** Identifies the bank's export shape; mappings are remembered under it. */
  fingerprint: string;
  columnNames: string[];
  hasHeaderNames: boolean;
  columnCount: number;
  /** The mapping to show: the one given, the one remembered for this shape, or the detected one. */
  mapping: CsvMapping | null;
  mappingSource: 'given' | 'remembered' | 'detected' | 'none';
  /** How the dates in the date column read; `ambiguous` means the person should confirm. */
  dateOrder: DateOrderGuess | null;
  /** The first data rows read with the mapping, for a live preview. */
  rows: PreviewRow[];
  warnings: string[];
  /**
   * Which way round the amounts are when the file cannot say (a card statement's plus for
   * spending, two unnamed money columns): the person must answer before the check.
   */
  question: DirectionQuestion | null;
  /** The chosen amounts do not look like money: which rows, and a better column if there is one. */
  amountCheck: AmountCheck | null;
}

export interface BadRow {
  line: number;
  code: RowProblemCode;
  message: string;
  cells: string[];
  /** What could be read when only the date failed (offered when the person fixes the row). */
  readable?: { description: string; amountPence: Pence };
}

export interface DuplicateRow {
  line: number;
  /** `in-ledger`: already in the records (skipped unless kept). `repeated-in-file`: an identical
   *  row earlier in this file on the same day (kept unless skipped: it may be a second coffee). */
  kind: 'in-ledger' | 'repeated-in-file';
  date: IsoDate;
  amountPence: Pence;
  description: string;
  existingTransactionId: number | null;
  existingDeleted: boolean;
}

/** How the checked file is read: a CSV through its mapping, or an OFX statement as it is. */
export type ImportSource =
  | {
      format: 'csv';
      mapping: CsvMapping;
      /** Identifies the bank's export shape; mappings are remembered under it. */
      fingerprint: string;
    }
  | { format: 'ofx'; statements: OfxStatementFacts[] };

export interface ImportAnalysis {
  file: FileFacts & { sha256: string };
  source: ImportSource;
  /** Data rows read (header, preamble and blank lines not counted). */
  rowsRead: number;
  /** Rows that would be added with the default choices. */
  rowsToImport: number;
  badRows: { count: number; items: BadRow[] };
  duplicates: { inLedger: number; repeatedInFile: number; items: DuplicateRow[] };
  /** Of the rows that would be added. */
  totals: {
    inPence: Pence;
    outPence: Pence;
    netPence: Pence;
    firstDate: IsoDate | null;
    lastDate: IsoDate | null;
  };
  rowsByTaxYear: Record<TaxYear, number>;
  /** Rows the current rules would categorise. */
  ruleMatches: number;
  /**
   * The statement's own running balance checked row by row (CSV with a balance column), with
   * where it breaks; null when the file has no column that runs as a balance.
   */
  balanceCheck: (BalanceCheckResult & { column: number }) | null;
  /** Whether the rows are in date order (affects only memory use on commit). */
  sortedByDate: boolean;
  /** Lists above are cut at this many items; the counts are complete. */
  itemLimit: number;
  durationMs: number;
}

export interface RowFix {
  line: number;
  date: IsoDate;
  amountPence: Pence;
  description: string;
  counterparty?: string | null | undefined;
}

export interface ImportDecisions {
  /** From the analysis: the file must not have changed since. */
  expectedSha256: string;
  inLedgerDuplicates?: 'skip' | 'keep' | undefined;
  repeatedInFile?: 'keep' | 'skip' | undefined;
  /** Lines to import even though they are duplicates. */
  keepLines?: readonly number[] | undefined;
  /** Lines to leave out whatever they are. */
  skipLines?: readonly number[] | undefined;
  /** Corrected values for rows that could not be read (or any row). */
  fixes?: readonly RowFix[] | undefined;
  /** What to do with unreadable rows that were not fixed; the person must choose. */
  badRows: 'skip' | 'refuse';
  /** Business for rows no rule places (e.g. "this is my business account"). */
  businessId?: number | null | undefined;
  applyRules?: boolean | undefined;
  /** CSV only: remember the mapping for this bank's files. */
  rememberMapping?: boolean | undefined;
  mappingLabel?: string | undefined;
}

export interface ImportResult {
  batchId: number;
  rowsRead: number;
  imported: number;
  duplicatesSkipped: number;
  duplicatesKept: number;
  badRowsSkipped: number;
  fixedRows: number;
  skippedByChoice: number;
  categorisedByRules: number;
  durationMs: number;
}

export interface ImportBatch {
  id: number;
  fileName: string;
  fileSha256: string;
  fileSize: number;
  format: ImportSource['format'];
  fingerprint: string | null;
  /** The columns a CSV was read with; null for OFX. */
  mapping: CsvMapping | null;
  /** The statements an OFX file held; null for CSV. */
  statements: OfxStatementFacts[] | null;
  rowsRead: number;
  rowsImported: number;
  rowsDuplicateSkipped: number;
  rowsBadSkipped: number;
  rowsFixed: number;
  rowsCategorised: number;
  startedAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
}
