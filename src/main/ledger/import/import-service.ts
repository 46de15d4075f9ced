import type { LedgerContext } from '../ledger-context';
import { ledgerError, notFound } from '../ledger-error';
import type { RulesService } from '../rules/rules-service';
import { detectFormat, type ImportFormat } from './ofx/ofx-file';
import { readOfxRows } from './ofx/ofx-rows';
import type { OfxStatement } from './ofx/ofx-statements';
import {
  previewOfx,
  statementFacts,
  type OfxPreview,
  type OfxStatementFacts,
} from './ofx/preview-ofx';
import { analyseImport } from './analyse/analyse-import';
import { commitImport } from './commit/commit-import';
import { checkMapping, type CsvMapping } from './csv/csv-mapping';
import { readImportRows, type ImportRowReader } from './import-rows';
import type {
  CsvPreview,
  ImportAnalysis,
  ImportBatch,
  ImportDecisions,
  ImportResult,
  ImportSource,
  RunOptions,
} from './import-types';
import { previewImport } from './csv/preview-import';
import { sniffFile, type FileFacts } from './text-source';

export interface RememberedMapping {
  fingerprint: string;
  mapping: CsvMapping;
  label: string | null;
  timesUsed: number;
  updatedAt: string;
}

/**
 * Bank statement import in three steps, each a separate call so the screens can show progress
 * and let the person decide: preview (a CSV's mapping, an OFX file's statements) → analyse
 * (problems and duplicates) → commit (all or nothing). The file is streamed each time, never held
 * in memory. `formatOf` tells which preview and analysis a chosen file needs.
 */
export interface ImportsService {
  formatOf(file: string): Promise<ImportFormat>;
  preview(file: string, options?: { mapping?: CsvMapping; rows?: number }): Promise<CsvPreview>;
  analyse(
    file: string,
    mapping: CsvMapping,
    options?: RunOptions & { itemLimit?: number },
  ): Promise<ImportAnalysis>;
  previewOfx(file: string, options?: { rows?: number } & RunOptions): Promise<OfxPreview>;
  analyseOfx(file: string, options?: RunOptions & { itemLimit?: number }): Promise<ImportAnalysis>;
  /** Commits what `analyse` reported, with the person's choices. */
  commit(
    analysis: ImportAnalysis,
    decisions: ImportDecisions,
    options?: RunOptions,
  ): Promise<ImportResult>;
  /** Removes every transaction of a batch (soft delete, undoable with transactions.restore). */
  undo(batchId: number): { removed: number };
  batches(limit?: number): ImportBatch[];
  rememberedMappings(): RememberedMapping[];
  forgetMapping(fingerprint: string): void;
}

interface BatchRow {
  id: number;
  file_name: string;
  file_sha256: string;
  file_size: number;
  format: ImportFormat;
  shape_fingerprint: string | null;
  mapping_json: string | null;
  statements_json: string | null;
  rows_read: number;
  rows_imported: number;
  rows_duplicate_skipped: number;
  rows_bad_skipped: number;
  rows_fixed: number;
  rows_categorised: number;
  started_at: string;
  finished_at: string | null;
  undone_at: string | null;
}

const toBatch = (r: BatchRow): ImportBatch => ({
  id: r.id,
  fileName: r.file_name,
  fileSha256: r.file_sha256,
  fileSize: r.file_size,
  format: r.format,
  fingerprint: r.shape_fingerprint,
  mapping: r.mapping_json === null ? null : (JSON.parse(r.mapping_json) as CsvMapping),
  statements:
    r.statements_json === null ? null : (JSON.parse(r.statements_json) as OfxStatementFacts[]),
  rowsRead: r.rows_read,
  rowsImported: r.rows_imported,
  rowsDuplicateSkipped: r.rows_duplicate_skipped,
  rowsBadSkipped: r.rows_bad_skipped,
  rowsFixed: r.rows_fixed,
  rowsCategorised: r.rows_categorised,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  undoneAt: r.undone_at,
});

export function createImportsService(ctx: LedgerContext, rules: RulesService): ImportsService {
  const { db } = ctx;
  const remembered = (fingerprint: string): CsvMapping | null => {
    const row = db
      .prepare('SELECT mapping_json FROM csv_mappings WHERE fingerprint = ?')
      .get(fingerprint) as { mapping_json: string } | undefined;
    return row ? (JSON.parse(row.mapping_json) as CsvMapping) : null;
  };

  /** The file's facts as read for its format (an OFX header may name the encoding). */
  const factsOf = async (file: string, format: ImportFormat): Promise<FileFacts> => {
    const detected = await detectFormat(await sniffFile(file));
    if (detected.format !== format) {
      throw ledgerError(
        'IMPORT_FILE_CHANGED',
        'The file changed after it was chosen. Nothing was imported.',
        'Choose the file again.',
      );
    }
    return detected.facts;
  };
  const rowReader = (facts: FileFacts, source: ImportSource): ImportRowReader =>
    source.format === 'csv'
      ? (o) => readImportRows(facts, source.mapping, o)
      : (o) => readOfxRows(facts, o);

  return {
    async formatOf(file) {
      return (await detectFormat(await sniffFile(file))).format;
    },

    async preview(file, options = {}) {
      return previewImport(await factsOf(file, 'csv'), remembered, options);
    },

    async analyse(file, mapping, options = {}) {
      checkMapping(mapping);
      const facts = await factsOf(file, 'csv');
      const shapeOf = await previewImport(facts, () => null, { mapping, rows: 1 });
      const source: ImportSource = { format: 'csv', mapping, fingerprint: shapeOf.fingerprint };
      return analyseImport(db, facts, source, rowReader(facts, source), rules.matcher(), options);
    },

    async previewOfx(file, options = {}) {
      return previewOfx(await factsOf(file, 'ofx'), options);
    },

    async analyseOfx(file, options = {}) {
      const facts = await factsOf(file, 'ofx');
      let statements: OfxStatement[] = [];
      const analysis = await analyseImport(
        db,
        facts,
        { format: 'ofx', statements: [] },
        async (o) => {
          const outcome = await readOfxRows(facts, o);
          statements = outcome.statements;
          return outcome;
        },
        rules.matcher(),
        options,
      );
      return {
        ...analysis,
        source: { format: 'ofx', statements: statementFacts(statements, analysis.totals) },
      };
    },

    async commit(analysis, decisions, options = {}) {
      const facts = await factsOf(analysis.file.path, analysis.source.format);
      if (
        decisions.expectedSha256 !== analysis.file.sha256 ||
        facts.sizeBytes !== analysis.file.sizeBytes
      ) {
        throw ledgerError(
          'IMPORT_FILE_CHANGED',
          'The file changed after it was checked. Nothing was imported.',
          'Check the file again, then import it.',
        );
      }
      return commitImport(
        ctx,
        {
          facts,
          source: analysis.source,
          readRows: rowReader(facts, analysis.source),
          decisions,
          sortedByDate: analysis.sortedByDate,
          matcher: rules.matcher(),
        },
        options,
      );
    },

    undo(batchId) {
      return ctx.write(() => {
        const batch = db.prepare('SELECT * FROM import_batches WHERE id = ?').get(batchId) as
          BatchRow | undefined;
        if (!batch) throw notFound('import', batchId);
        const at = ctx.now();
        const { changes } = db
          .prepare(
            `UPDATE transactions SET deleted_at = ?, updated_at = ?
             WHERE deleted_at IS NULL AND import_batch_id = ?`, // split parts carry their parent's batch
          )
          .run(at, at, batchId);
        db.prepare('UPDATE import_batches SET undone_at = ? WHERE id = ?').run(at, batchId);
        ctx.log.record('import-batch', batchId, 'undo', toBatch(batch), { removed: changes });
        return { removed: changes };
      });
    },

    batches(limit = 50) {
      return (
        db.prepare('SELECT * FROM import_batches ORDER BY id DESC LIMIT ?').all(limit) as BatchRow[]
      ).map(toBatch);
    },

    rememberedMappings() {
      return (
        db.prepare('SELECT * FROM csv_mappings ORDER BY updated_at DESC').all() as {
          fingerprint: string;
          mapping_json: string;
          label: string | null;
          times_used: number;
          updated_at: string;
        }[]
      ).map((r) => ({
        fingerprint: r.fingerprint,
        mapping: JSON.parse(r.mapping_json) as CsvMapping,
        label: r.label,
        timesUsed: r.times_used,
        updatedAt: r.updated_at,
      }));
    },

    forgetMapping(fingerprint) {
      ctx.write(() => {
        const before = remembered(fingerprint);
        db.prepare('DELETE FROM csv_mappings WHERE fingerprint = ?').run(fingerprint);
        if (before) ctx.log.record('csv-mapping', fingerprint, 'forget', before, null);
      });
    },
  };
}
