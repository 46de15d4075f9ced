import { open } from 'node:fs/promises';
import { guessDateOrder } from './bank-dates';
import { checkMapping, highestColumn, readRow, type CsvMapping } from './csv-mapping';
import { streamCsvRows } from './csv-rows';
import { detectShape } from './detect-shape';
import { shapeFingerprint } from './fingerprint';
import type { CsvPreview, PreviewRow } from '../import-types';
import { openTextSource, type FileFacts } from '../text-source';

const SAMPLE_BYTES = 64 * 1024;

async function readSample(facts: FileFacts): Promise<{ text: string; complete: boolean }> {
  const handle = await open(facts.path, 'r');
  try {
    const bytes = Buffer.alloc(Math.min(SAMPLE_BYTES, facts.sizeBytes));
    await handle.read(bytes, 0, bytes.length, 0);
    const complete = bytes.length === facts.sizeBytes;
    // stream: true leaves a character cut in half at the end out rather than garbling it.
    return { text: new TextDecoder(facts.encoding).decode(bytes, { stream: !complete }), complete };
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
  const shape = detectShape(sample.text, sample.complete);
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

  const rows: PreviewRow[] = [];
  const wanted = Math.min(Math.max(options.rows ?? 20, 1), 200);
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
          rows.push({ line: lines[i]!, cells, values: readRow(cells, mapping, maxColumn) });
          if (rows.length >= wanted) return false;
        }
        return undefined;
      },
    });
  }
  const dateOrder = mapping
    ? guessDateOrder(rows.map((r) => r.cells[mapping.dateColumn] ?? ''))
    : shape.dateOrder;
  const warnings = [...shape.warnings];
  if (mapping && mappingSource !== 'detected' && dateOrder?.ambiguous) {
    warnings.push('The dates could be day/month or month/day; check the preview and confirm.');
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
    warnings,
  };
}
