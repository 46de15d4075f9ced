import { open } from 'node:fs/promises';
import { guessDateOrder } from './bank-dates';
import { checkMapping, highestColumn, readRow, type CsvMapping } from './csv-mapping';
import { streamCsvRows } from './csv-rows';
import { detectShape } from './detect-shape';
import { shapeFingerprint } from './fingerprint';
import type { CsvPreview, PreviewRow } from '../import-types';
import { openTextSource, type FileFacts } from '../text-source';
import { previewChecks } from './preview-checks';
import { refuseNonText, refuseOtherLayouts } from './statement-diagnosis';

const SAMPLE_BYTES = 64 * 1024;
const CHECKED_ROWS = 200;

async function readSample(
  facts: FileFacts,
): Promise<{ bytes: Buffer; text: string; complete: boolean }> {
  const handle = await open(facts.path, 'r');
  try {
    const bytes = Buffer.alloc(Math.min(SAMPLE_BYTES, facts.sizeBytes));
    await handle.read(bytes, 0, bytes.length, 0);
    const complete = bytes.length === facts.sizeBytes;
    // stream: true leaves a character cut in half at the end out rather than garbling it.
    const text = new TextDecoder(facts.encoding).decode(bytes, { stream: !complete });
    return { bytes, text, complete };
  } finally {
    await handle.close();
  }
}

/**
 * The column-mapping step: detects the separator, header and columns from the first 64 KB, looks
 * up a mapping remembered for this bank's shape, and reads the first rows with the mapping so the
 * person sees exactly what will be imported. Pass `mapping` to re-read the preview after a change.
 */
export async function previewImport(
  facts: FileFacts,
  remembered: (fingerprint: string) => CsvMapping | null,
  options: { mapping?: CsvMapping; rows?: number } = {},
): Promise<CsvPreview> {
  const sample = await readSample(facts);
  refuseNonText(facts.name, sample.bytes);
  refuseOtherLayouts(facts.name, sample.text);
  const shape = detectShape(sample.text, sample.complete, facts.name);
  const fingerprint = shapeFingerprint(
    shape.delimiter,
    shape.hasHeaderNames ? shape.columnNames : null,
    shape.columnCount,
  );
  const memory = options.mapping ? null : remembered(fingerprint);
  // The columns are what is remembered; where the header sits can vary with the preamble
  // (statement dates, an extra line), so this file's detected header position wins.
  const fromMemory =
    memory && shape.hasHeaderNames ? { ...memory, headerRowIndex: shape.headerRowIndex } : memory;
  const mapping = options.mapping ? checkMapping(options.mapping) : (fromMemory ?? shape.mapping);
  const mappingSource = options.mapping
    ? 'given'
    : fromMemory
      ? 'remembered'
      : shape.mapping
        ? 'detected'
        : 'none';

  // The checks read more rows than the preview shows: a card's payment line or an account
  // number pasted into one row can sit further down.
  const wanted = Math.min(Math.max(options.rows ?? 20, 1), 200);
  const read: PreviewRow[] = [];
  if (mapping) {
    const firstData = mapping.headerRowIndex === null ? 0 : mapping.headerRowIndex + 1;
    const maxColumn = highestColumn(mapping);
    let record = 0;
    await streamCsvRows(openTextSource(facts), {
      delimiter: mapping.delimiter,
      onRows(records, lines) {
        for (let i = 0; i < records.length; i++) {
          if (record++ < firstData) continue;
          const cells = records[i]!;
          read.push({ line: lines[i]!, cells, values: readRow(cells, mapping, maxColumn) });
          if (read.length >= CHECKED_ROWS) return false;
        }
        return undefined;
      },
    });
  }
  const rows = read.slice(0, wanted);
  const dateOrder = mapping
    ? guessDateOrder(read.map((r) => r.cells[mapping.dateColumn] ?? ''))
    : shape.dateOrder;
  const warnings = [...shape.warnings];
  if (mapping && mappingSource !== 'detected' && dateOrder?.ambiguous) {
    warnings.push('The dates could be day/month or month/day; check the preview and confirm.');
  }
  const checks = mapping
    ? previewChecks(read, mapping, {
        fileName: facts.name,
        columnNames: shape.columnNames,
        hasHeaderNames: shape.hasHeaderNames,
        moneyColumns: shape.moneyColumns,
        amountCandidates: shape.amountCandidates,
        remembered: mappingSource === 'remembered',
      })
    : { question: null, amountCheck: null, warnings: [] };
  if (
    mapping &&
    read.length > 0 &&
    read.every((r) => !r.values.ok && r.values.code === 'DATE_UNREADABLE')
  ) {
    const example = read[0]!.cells[mapping.dateColumn]?.trim().slice(0, 40) ?? '';
    warnings.push(
      `The dates in the date column cannot be read (for example “${example}”). Check that the right column is chosen as the date.`,
    );
  }
  return {
    file: facts,
    fingerprint,
    columnNames: shape.columnNames,
    hasHeaderNames: shape.hasHeaderNames,
    columnCount: shape.columnCount,
    mapping,
    mappingSource,
    dateOrder,
    rows,
    warnings: [...warnings, ...checks.warnings],
    question: checks.question,
    amountCheck: checks.amountCheck,
  };
}
