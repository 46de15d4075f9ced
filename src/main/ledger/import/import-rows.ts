import { highestColumn, readRow, type CsvMapping, type RowValues } from './csv/csv-mapping';
import { streamCsvRows } from './csv/csv-rows';
import { openTextSource, type FileFacts } from './text-source';

/** The bank's own id for a transaction (OFX FITID) and the account it is unique in. */
export interface BankRef {
  accountKey: string;
  fitid: string;
}

export interface ImportRow {
  line: number;
  cells: string[];
  values: RowValues;
  /** Only rows from a format that carries the bank's transaction ids (OFX). */
  bankRef?: BankRef | null;
}

/** A row as the person sees it in a preview: its line, its cells and how they read. */
export interface PreviewRow {
  line: number;
  cells: string[];
  values: RowValues;
}

export interface ImportProgress {
  phase: 'analysing' | 'saving';
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
}

/** How a long import step reports its progress and is stopped. */
export interface RunOptions {
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

export interface ReadImportRowsOptions {
  /** Each parsed chunk's data rows, in file order; return false to stop. */
  onRows(rows: ImportRow[]): void | false;
  onProgress?: (progress: Omit<ImportProgress, 'phase'>) => void;
  signal?: AbortSignal;
}

export interface ReadImportRowsOutcome {
  completed: boolean;
  sha256: string | null;
  rowsRead: number;
}

/** Streams the rows of one chosen bank file, whatever its format. */
export type ImportRowReader = (options: ReadImportRowsOptions) => Promise<ReadImportRowsOutcome>;

/**
 * Streams the data rows of a bank file through a mapping, a chunk (about 256 KB) at a time:
 * header and preamble records skipped, every other non-blank record read into values or a problem.
 */
export async function readImportRows(
  facts: FileFacts,
  mapping: CsvMapping,
  options: ReadImportRowsOptions,
): Promise<ReadImportRowsOutcome> {
  // Cancelling stops the parser at the next chunk (streamCsvRows), never mid-row.
  const source = openTextSource(facts);
  const maxColumn = highestColumn(mapping);
  const firstDataRecord = mapping.headerRowIndex === null ? 0 : mapping.headerRowIndex + 1;
  let record = 0;
  let rowsRead = 0;
  const outcome = await streamCsvRows(source, {
    delimiter: mapping.delimiter,
    ...(options.signal ? { signal: options.signal } : {}),
    onRows(records, lines) {
      const batch: ImportRow[] = [];
      for (let i = 0; i < records.length; i++) {
        if (record++ < firstDataRecord) continue;
        const cells = records[i]!;
        batch.push({ line: lines[i]!, cells, values: readRow(cells, mapping, maxColumn) });
      }
      rowsRead += batch.length;
      const keepGoing = batch.length === 0 ? undefined : options.onRows(batch);
      options.onProgress?.({
        bytesRead: source.bytesRead(),
        totalBytes: facts.sizeBytes,
        rowsRead,
      });
      return keepGoing;
    },
  });
  let sha256: string | null = null;
  if (outcome.completed) {
    try {
      sha256 = source.sha256();
    } catch {
      sha256 = null;
    }
  }
  return { completed: outcome.completed, sha256, rowsRead };
}
