import type { ImportRow, ReadImportRowsOptions, ReadImportRowsOutcome } from '../import-rows';
import { openTextSource, type FileFacts } from '../text-source';
import { ledgerError } from '../../ledger-error';
import { OfxStatementReader, type OfxStatement } from './ofx-statements';
import { OfxTokenizer } from './ofx-tokens';
import { readOfxTransaction } from './ofx-values';

export interface OfxRowsOutcome extends ReadImportRowsOutcome {
  statements: OfxStatement[];
}

/**
 * Each decoded chunk is tokenised a slice at a time, with a turn of the event loop after each,
 * so the main process stays responsive while a large statement is read and a Stop is seen
 * within one slice (the signal is checked after every one).
 */
const SLICE_CHARS = 32 * 1024;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Streams the transactions of an OFX file as import rows, a slice (32 K characters) at a time,
 * the way readImportRows streams a CSV: the rows of each slice to `onRows`, progress after it,
 * stopping at a slice boundary when asked to. Refuses a file nested deeper than any bank's
 * (ofx-statements.ts) as soon as it gets there, and, once the whole file is read, one that holds
 * no OFX or no bank or card statement.
 */
export async function readOfxRows(
  facts: FileFacts,
  options: ReadImportRowsOptions,
): Promise<OfxRowsOutcome> {
  const source = openTextSource(facts);
  let batch: ImportRow[] = [];
  const reader = new OfxStatementReader((transaction) =>
    batch.push(readOfxTransaction(transaction)),
  );
  const tokenizer = new OfxTokenizer((token) => reader.token(token));
  let rowsRead = 0;
  const flush = (): boolean => {
    const rows = batch;
    batch = [];
    rowsRead += rows.length;
    const keepGoing = rows.length === 0 ? undefined : options.onRows(rows);
    options.onProgress?.({ bytesRead: source.bytesRead(), totalBytes: facts.sizeBytes, rowsRead });
    return keepGoing !== false && options.signal?.aborted !== true;
  };

  let completed = options.signal?.aborted !== true;
  try {
    if (completed) {
      reading: for await (const chunk of source.stream as AsyncIterable<string>) {
        for (let at = 0; at < chunk.length; at += SLICE_CHARS) {
          tokenizer.push(chunk.slice(at, at + SLICE_CHARS));
          if (!flush()) {
            completed = false;
            break reading;
          }
          await yieldToEventLoop();
          if (options.signal?.aborted) {
            completed = false;
            break reading;
          }
        }
      }
    }
  } finally {
    source.stream.destroy();
  }
  if (!completed) return { completed, sha256: null, rowsRead, statements: [] };

  tokenizer.end();
  const { sawOfx, statements } = reader.finish();
  if (!flush()) return { completed: false, sha256: null, rowsRead, statements };
  if (!sawOfx) {
    throw ledgerError(
      'IMPORT_NOT_OFX',
      `${facts.name} is not an OFX statement: it has no OFX content.`,
      'Download the statement from your bank again as OFX, or choose its CSV export instead.',
    );
  }
  if (statements.length === 0) {
    throw ledgerError(
      'IMPORT_NO_STATEMENT',
      `${facts.name} holds no bank or credit-card statement.`,
      'Download the statement of a bank account or credit card from your bank as OFX.',
    );
  }
  return { completed: true, sha256: source.sha256(), rowsRead, statements };
}
