import { z } from 'zod';
import { defineChannels } from '@shared/ipc/define';
import {
  isoTime,
  isoDate,
  taxYear,
  profileId,
  pence,
  text,
  rowId,
  shortText,
  fileName,
  howMany,
  profileRef,
  cancelled,
  operationId,
} from '../primitives';

/** Bank statement import: a CSV with a column mapping, or an OFX statement as it is. */

const column = z.number().int().min(0).max(500);

export const amountColumnsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('single'), column, invert: z.boolean() }).strict(),
  z.object({ kind: z.literal('debit-credit'), debitColumn: column, creditColumn: column }).strict(),
  /** The amount in one column, whether it is money in or out in another (CR/DR, D/C…). */
  z
    .object({
      kind: z.literal('direction'),
      column,
      directionColumn: column,
      blank: z.enum(['in', 'out']).nullable(),
    })
    .strict(),
]);
export type AmountColumnsInput = z.infer<typeof amountColumnsSchema>;

export const csvMappingSchema = z
  .object({
    delimiter: z.enum([',', ';', '\t', '|']),
    headerRowIndex: z.number().int().min(0).max(1000).nullable(),
    dateColumn: column,
    dateOrder: z.enum(['dmy', 'mdy', 'ymd']),
    descriptionColumns: z.array(column).min(1).max(10),
    counterpartyColumn: column.nullable(),
    amount: amountColumnsSchema,
    decimal: z.enum(['dot', 'comma']),
    /** Where the file says its currency; absent or null: read as pounds. */
    currency: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('column'), column }).strict(),
        z
          .object({
            kind: z.literal('stated'),
            code: z.string().regex(/^[A-Z]{3}$/),
          })
          .strict(),
      ])
      .nullable()
      .optional(),
  })
  .strict();
export type CsvMappingInput = z.infer<typeof csvMappingSchema>;

const cells = z.array(z.string().max(500)).max(500);

export const rowValuesSchema = z.discriminatedUnion('ok', [
  z
    .object({
      ok: z.literal(true),
      date: isoDate,
      description: shortText,
      counterparty: shortText.nullable(),
      amountPence: pence,
    })
    .strict(),
  z
    .object({
      ok: z.literal(false),
      code: z.string().max(50),
      message: text,
      /** When only the date failed: the description and signed amount as read. */
      readable: z
        .object({ description: z.string().max(500), amountPence: pence })
        .strict()
        .optional(),
    })
    .strict(),
]);

const previewRows = z.array(
  z.object({ line: z.number().int().min(1), cells, values: rowValuesSchema }).strict(),
);

export const importPreviewSchema = z
  .object({
    profileId,
    importId: z.uuid(),
    format: z.literal('csv'),
    fileName,
    sizeBytes: z.number().int().min(0),
    encoding: z.string().max(30),
    columnNames: z.array(z.string().max(200)).max(500),
    hasHeaderNames: z.boolean(),
    columnCount: z.number().int().min(0),
    mapping: csvMappingSchema.nullable(),
    /** `remembered`: the mapping last used for a file of this bank's shape. */
    mappingSource: z.enum(['given', 'remembered', 'detected', 'none']),
    dateOrder: z
      .object({
        order: z.enum(['dmy', 'mdy', 'ymd']),
        candidates: z.array(z.enum(['dmy', 'mdy', 'ymd'])),
        /** More than one way of reading the dates fits: the person must confirm. */
        ambiguous: z.boolean(),
        readable: z.number().min(0).max(1),
      })
      .strict()
      .nullable(),
    rows: previewRows,
    warnings: z.array(text),
    /**
     * Asked before the check when the file cannot say which way round its amounts are:
     * `card-sign` (a plus may be spending, as card statements write it) or `in-out-columns`
     * (which of two unnamed columns is money out). The examples are read the first answer's way;
     * the second answer reads each with the opposite sign.
     */
    question: z
      .object({
        kind: z.enum(['card-sign', 'in-out-columns']),
        reasons: z.array(text).max(10),
        examples: z
          .array(
            z
              .object({
                line: z.number().int().min(1),
                date: isoDate,
                description: shortText,
                amountPence: pence,
              })
              .strict(),
          )
          .max(4),
        columns: z.tuple([column, column]).nullable(),
      })
      .strict()
      .nullable(),
    /** The chosen amounts do not look like money: the rows that look wrong, a better column. */
    amountCheck: z
      .object({
        columns: z.array(column).max(2),
        message: text,
        rows: z
          .array(
            z
              .object({ line: z.number().int().min(1), text: z.string().max(200), reason: text })
              .strict(),
          )
          .max(20),
        better: amountColumnsSchema.nullable(),
      })
      .strict()
      .nullable(),
  })
  .strict();
export type ImportPreviewView = z.infer<typeof importPreviewSchema>;

/** One statement in an OFX file. The account number never crosses whole: `••••1234` at most. */
export const ofxStatementSchema = z
  .object({
    kind: z.enum(['bank', 'credit-card']),
    account: z
      .string()
      .regex(/^••••[0-9A-Za-z]{1,4}$/)
      .nullable(),
    accountType: z.string().max(40).nullable(),
    currency: z.string().max(10).nullable(),
    from: isoDate.nullable(),
    to: isoDate.nullable(),
    transactions: z.number().int().min(0),
  })
  .strict();
export type OfxStatementView = z.infer<typeof ofxStatementSchema>;

/** An OFX (or QFX) statement: self-describing, so no mapping; its statements and first rows. */
export const ofxPreviewSchema = z
  .object({
    profileId,
    importId: z.uuid(),
    format: z.literal('ofx'),
    fileName,
    sizeBytes: z.number().int().min(0),
    encoding: z.string().max(30),
    statements: z.array(ofxStatementSchema).max(100),
    /** Every transaction in the file, readable or not. */
    transactions: z.number().int().min(0),
    rows: previewRows,
    warnings: z.array(text),
  })
  .strict();
export type OfxPreviewView = z.infer<typeof ofxPreviewSchema>;

export const importAnalysisSchema = z
  .object({
    profileId,
    importId: z.uuid(),
    fileName,
    rowsRead: z.number().int().min(0),
    rowsToImport: z.number().int().min(0),
    badRows: z
      .object({
        count: z.number().int().min(0),
        items: z.array(
          z
            .object({
              line: z.number().int().min(1),
              code: z.string().max(50),
              message: text,
              cells,
              /** The description and signed amount, when only the date could not be read. */
              readable: z
                .object({ description: z.string().max(500), amountPence: pence })
                .strict()
                .optional(),
            })
            .strict(),
        ),
      })
      .strict(),
    duplicates: z
      .object({
        inLedger: z.number().int().min(0),
        repeatedInFile: z.number().int().min(0),
        items: z.array(
          z
            .object({
              line: z.number().int().min(1),
              kind: z.enum(['in-ledger', 'repeated-in-file']),
              date: isoDate,
              amountPence: pence,
              description: shortText,
              existingTransactionId: rowId.nullable(),
              existingDeleted: z.boolean(),
            })
            .strict(),
        ),
      })
      .strict(),
    totals: z
      .object({
        inPence: pence,
        outPence: pence,
        netPence: pence,
        firstDate: isoDate.nullable(),
        lastDate: isoDate.nullable(),
      })
      .strict(),
    rowsByTaxYear: z.array(z.object({ taxYear, rows: z.number().int().min(0) }).strict()),
    ruleMatches: z.number().int().min(0),
    /** The statement's running balance checked row by row; null when it has none. */
    balanceCheck: z
      .object({
        column: z.number().int().min(0),
        order: z.enum(['oldest-first', 'newest-first']),
        pairsChecked: z.number().int().min(0),
        breakCount: z.number().int().min(0),
        breaks: z.array(
          z
            .object({
              afterLine: z.number().int().min(1),
              line: z.number().int().min(1),
              kind: z.enum(['missing-row', 'duplicated-row']),
              gapPence: pence,
              duplicateLine: z.number().int().min(1).nullable(),
            })
            .strict(),
        ),
      })
      .strict()
      .nullable(),
    /** The lists above stop at this many items; the counts are complete. */
    itemLimit: z.number().int().min(0),
    durationMs: z.number().min(0),
  })
  .strict();
export type ImportAnalysisView = z.infer<typeof importAnalysisSchema>;

export const importDecisionsSchema = z
  .object({
    inLedgerDuplicates: z.enum(['skip', 'keep']).optional(),
    repeatedInFile: z.enum(['keep', 'skip']).optional(),
    keepLines: z.array(z.number().int().min(1)).max(100_000).optional(),
    skipLines: z.array(z.number().int().min(1)).max(100_000).optional(),
    fixes: z
      .array(
        z
          .object({
            line: z.number().int().min(1),
            date: isoDate,
            amountPence: pence,
            description: shortText,
            counterparty: shortText.nullable().optional(),
          })
          .strict(),
      )
      .max(10_000)
      .optional(),
    badRows: z.enum(['skip', 'refuse']),
    businessId: rowId.nullable().optional(),
    applyRules: z.boolean().optional(),
    rememberMapping: z.boolean().optional(),
    mappingLabel: z.string().max(200).optional(),
  })
  .strict();
export type ImportDecisionsInput = z.infer<typeof importDecisionsSchema>;

export const importResultSchema = z
  .object({
    profileId,
    batchId: rowId,
    fileName,
    rowsRead: z.number().int().min(0),
    imported: z.number().int().min(0),
    duplicatesSkipped: z.number().int().min(0),
    duplicatesKept: z.number().int().min(0),
    badRowsSkipped: z.number().int().min(0),
    fixedRows: z.number().int().min(0),
    skippedByChoice: z.number().int().min(0),
    categorisedByRules: z.number().int().min(0),
    durationMs: z.number().min(0),
  })
  .strict();
export type ImportResultView = z.infer<typeof importResultSchema>;

export const importBatchSchema = z
  .object({
    id: rowId,
    fileName,
    rowsRead: z.number().int().min(0),
    rowsImported: z.number().int().min(0),
    rowsDuplicateSkipped: z.number().int().min(0),
    rowsBadSkipped: z.number().int().min(0),
    rowsCategorised: z.number().int().min(0),
    startedAt: isoTime,
    finishedAt: isoTime.nullable(),
    undoneAt: isoTime.nullable(),
  })
  .strict();
export type ImportBatchView = z.infer<typeof importBatchSchema>;

export const recordsImportChannels = defineChannels({
  /**
   * Shows the OS file dialog for a bank statement (CSV, OFX or QFX); main keeps the path. The
   * answer says which format the file is by its content: a CSV goes on to the mapping, an OFX
   * statement straight to importAnalyseOfx.
   */
  'records.importChoose': {
    request: z
      .object({
        profileId,
        /**
         * Becomes the import's id, so the window can follow the first read of the file (an OFX
         * statement is read to its end) and stop it with records.importCancel.
         */
        operationId: operationId.optional(),
      })
      .strict(),
    response: z.union([importPreviewSchema, ofxPreviewSchema, cancelled]),
  },
  /** The column-mapping step again, read with a changed mapping. */
  'records.importPreview': {
    request: z.object({ profileId, importId: z.uuid(), mapping: csvMappingSchema }).strict(),
    response: importPreviewSchema,
  },
  /** Reads the whole file with the mapping: problems, duplicates, totals. Progress events. */
  'records.importAnalyse': {
    request: z.object({ profileId, importId: z.uuid(), mapping: csvMappingSchema }).strict(),
    response: importAnalysisSchema,
  },
  /** Reads a whole OFX statement: problems, duplicates (FITIDs too), totals. Progress events. */
  'records.importAnalyseOfx': {
    request: z.object({ profileId, importId: z.uuid() }).strict(),
    response: importAnalysisSchema,
  },
  /** Saves the analysed file with the person's choices: all rows or none. Progress events. */
  'records.importCommit': {
    request: z.object({ profileId, importId: z.uuid(), decisions: importDecisionsSchema }).strict(),
    response: importResultSchema,
  },
  /** Stops an analysis or a save in progress (a stopped save saves nothing). */
  'records.importCancel': {
    request: z.object({ profileId, importId: z.uuid() }).strict(),
    response: z.object({ profileId, stopped: z.boolean() }).strict(),
  },
  /** Removes every transaction of an import (a soft delete, kept in the bin). */
  'records.importUndo': {
    request: z.object({ profileId, batchId: rowId }).strict(),
    response: z.object({ profileId, removed: howMany }).strict(),
  },
  'records.importBatches': {
    request: profileRef,
    response: z.object({ profileId, batches: z.array(importBatchSchema) }).strict(),
  },
});
