import Papa from 'papaparse';
import type { TextSource } from '../text-source';

export interface StreamRowsOptions {
  delimiter: string;
  /**
   * Called with each parsed chunk's non-blank records and the line each starts on, in file
   * order (parallel arrays: no object per row on the hot path); return false to stop reading.
   */
  onRows(records: string[][], lines: number[]): boolean | void;
  signal?: AbortSignal;
}

export interface StreamRowsOutcome {
  /** False when onRows asked to stop or the signal aborted. */
  completed: boolean;
  linesRead: number;
}

const isBlank = (cells: string[]): boolean => cells.every((c) => c.trim() === '');

/**
 * Streams a delimited file through papaparse in chunk mode (never the whole file in memory) and
 * numbers each record by the physical line it starts on, as a text editor shows it: every record
 * takes one line plus one per newline inside its quoted fields, blank lines included.
 */
export function streamCsvRows(
  source: TextSource,
  options: StreamRowsOptions,
): Promise<StreamRowsOutcome> {
  return new Promise((resolve, reject) => {
    let line = 1;
    let stopped = options.signal?.aborted ?? false;
    let settled = false;
    const finish = (outcome: StreamRowsOutcome | Error) => {
      if (settled) return;
      settled = true;
      source.stream.destroy();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const onAbort = () => {
      stopped = true;
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });

    Papa.parse<string[]>(source.stream, {
      delimiter: options.delimiter,
      skipEmptyLines: false,
      header: false,
      chunk(results, parser) {
        if (stopped) {
          parser.abort();
          return;
        }
        const records: string[][] = [];
        const lines: number[] = [];
        for (const cells of results.data) {
          const start = line;
          line += 1;
          for (const cell of cells) {
            // A quoted field with newlines spans several physical lines.
            for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) line++;
          }
          if (!isBlank(cells)) {
            records.push(cells);
            lines.push(start);
          }
        }
        if (records.length > 0 && options.onRows(records, lines) === false) stopped = true;
        if (stopped) parser.abort();
      },
      complete() {
        options.signal?.removeEventListener('abort', onAbort);
        finish({ completed: !stopped, linesRead: line - 1 });
      },
      error(error: Error) {
        options.signal?.removeEventListener('abort', onAbort);
        finish(error);
      },
    });
    source.stream.on('error', (error) => finish(error));
  });
}
