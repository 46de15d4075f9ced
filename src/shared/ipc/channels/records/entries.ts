import { z } from 'zod';
import { defineChannels, defineEvents } from '../../define';

/**
 * Digital records (issue 7): the list, entry and editing, splits, receipts, rules, bank CSV
 * import, period totals and exports of one profile's ledger. Every request names the profile
 * and every answer repeats it, so a window can refuse an answer meant for another profile.
 * Money crosses as integer pence. File paths never cross: the main process shows the OS file
 * dialog, keeps the chosen path, and the window only ever sees a file name.
 */

const isoTime = z.iso.datetime({ offset: true });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const taxYear = z.string().regex(/^\d{4}-\d{2}$/);
const profileId = z.uuid();
const rowId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const pence = z.number().int().safe();
const categoryId = z.string().min(1).max(100);
const text = z.string().max(2000);
const shortText = z.string().max(500);
const fileName = z.string().max(1000);
const quarter = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const basisPoints = z.number().int().min(0).max(10_000);
/** An id the window makes up for a long operation, so it can follow its progress events. */
const operationId = z.uuid();

export const businessKindSchema = z.enum(['self-employment', 'uk-property']);

export const recordsBusinessSchema = z
  .object({
    id: rowId,
    kind: businessKindSchema,
    name: z.string().max(200),
    hmrcBusinessId: z.string().max(20).nullable(),
    commencementDate: isoDate.nullable(),
    archived: z.boolean(),
  })
  .strict();
export type RecordsBusiness = z.infer<typeof recordsBusinessSchema>;

/** One row of the records: a bank line, a manual entry, or one part of a split. */
export const transactionViewSchema = z
  .object({
    id: rowId,
    date: isoDate,
    description: shortText,
    counterparty: shortText.nullable(),
    /** + money in, − money out. */
    amountPence: pence,
    businessId: rowId.nullable(),
    categoryId: categoryId.nullable(),
    /** The part of the expense that is not allowable for tax (same sign as the HMRC figure). */
    disallowablePence: pence,
    notes: text.nullable(),
    /** Set on the parts of a split: the original bank line. */
    parentId: rowId.nullable(),
    isSplit: z.boolean(),
    /** The rule that categorised it; null when a person did, or nobody has. */
    ruleId: rowId.nullable(),
    receiptCount: z.number().int().min(0),
    importBatchId: rowId.nullable(),
    sourceLine: z.number().int().min(0).nullable(),
    deletedAt: isoTime.nullable(),
    updatedAt: isoTime,
  })
  .strict();
export type TransactionView = z.infer<typeof transactionViewSchema>;

export const recordsFilterSchema = z
  .object({
    /** A business, or null for transactions not yet given one. */
    businessId: rowId.nullable().optional(),
    taxYear: taxYear.optional(),
    quarter: quarter.optional(),
    dateFrom: isoDate.optional(),
    dateTo: isoDate.optional(),
    categoryId: categoryId.optional(),
    uncategorised: z.boolean().optional(),
    /** Words that must all appear in the description, counterparty or notes. */
    text: z.string().max(200).optional(),
    direction: z.enum(['in', 'out']).optional(),
    importBatchId: rowId.optional(),
    /** The bin: deleted transactions instead of live ones. */
    deleted: z.boolean().optional(),
  })
  .strict();
export type RecordsFilterInput = z.infer<typeof recordsFilterSchema>;

export const recordsSortSchema = z.enum(['date-desc', 'date-asc', 'amount-desc', 'amount-asc']);
export type RecordsSortInput = z.infer<typeof recordsSortSchema>;

export const recordsSummarySchema = z
  .object({
    profileId,
    count: z.number().int().min(0),
    inPence: pence,
    outPence: pence,
    netPence: pence,
    uncategorisedCount: z.number().int().min(0),
  })
  .strict();
export type RecordsSummaryView = z.infer<typeof recordsSummarySchema>;

export const receiptViewSchema = z
  .object({
    id: rowId,
    originalName: fileName,
    mime: z.string().max(100),
    sizeBytes: z.number().int().min(0),
    createdAt: isoTime,
  })
  .strict();
export type ReceiptView = z.infer<typeof receiptViewSchema>;

export const historyEntrySchema = z
  .object({ at: isoTime, actor: z.string().max(300), action: z.string().max(100) })
  .strict();

export const transactionDetailSchema = z
  .object({
    profileId,
    transaction: transactionViewSchema,
    parts: z.array(transactionViewSchema),
    receipts: z.array(receiptViewSchema),
    /** Who changed it and when, newest first (the change log). */
    history: z.array(historyEntrySchema),
  })
  .strict();
export type TransactionDetail = z.infer<typeof transactionDetailSchema>;

const entryFields = {
  date: isoDate,
  description: shortText,
  counterparty: shortText.nullable().optional(),
  amountPence: pence,
  businessId: rowId.nullable().optional(),
  categoryId: categoryId.nullable().optional(),
  disallowablePence: pence.optional(),
  notes: text.nullable().optional(),
};

export const splitPartSchema = z
  .object({
    amountPence: pence,
    businessId: rowId.nullable().optional(),
    categoryId: categoryId.nullable().optional(),
    disallowablePence: pence.optional(),
    notes: text.nullable().optional(),
  })
  .strict();
export type SplitPartInput = z.infer<typeof splitPartSchema>;

// ── rules ─────────────────────────────────────────────────────────────────────────────────

export const ruleConditionsSchema = z
  .object({
    descriptionContains: z.string().max(200).nullable().optional(),
    /** `*` any run of characters, `?` one character. */
    descriptionPattern: z.string().max(200).nullable().optional(),
    counterpartyIs: z.string().max(200).nullable().optional(),
    amountMinPence: pence.nullable().optional(),
    amountMaxPence: pence.nullable().optional(),
    direction: z.enum(['in', 'out']).nullable().optional(),
  })
  .strict();
export type RuleConditionsInput = z.infer<typeof ruleConditionsSchema>;

export const ruleActionSchema = z
  .object({
    businessId: rowId.nullable(),
    categoryId,
    disallowableBasisPoints: basisPoints,
  })
  .strict();

export const ruleViewSchema = z
  .object({
    id: rowId,
    name: z.string().max(300),
    priority: z.number().int(),
    enabled: z.boolean(),
    conditions: ruleConditionsSchema,
    action: ruleActionSchema,
    updatedAt: isoTime,
  })
  .strict();
export type RuleView = z.infer<typeof ruleViewSchema>;

const ruleInput = z
  .object({
    name: z.string().max(200).optional(),
    conditions: ruleConditionsSchema,
    action: ruleActionSchema,
    enabled: z.boolean().optional(),
  })
  .strict();

const rulesList = z.object({ profileId, rules: z.array(ruleViewSchema) }).strict();

// ── bank statement import (CSV with a column mapping, or OFX as it is) ─────────────────────

const column = z.number().int().min(0).max(500);

export const csvMappingSchema = z
  .object({
    delimiter: z.enum([',', ';', '\t', '|']),
    headerRowIndex: z.number().int().min(0).max(1000).nullable(),
    dateColumn: column,
    dateOrder: z.enum(['dmy', 'mdy', 'ymd']),
    descriptionColumns: z.array(column).min(1).max(10),
    counterpartyColumn: column.nullable(),
    amount: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('single'), column, invert: z.boolean() }).strict(),
      z
        .object({ kind: z.literal('debit-credit'), debitColumn: column, creditColumn: column })
        .strict(),
    ]),
    decimal: z.enum(['dot', 'comma']),
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
  z.object({ ok: z.literal(false), code: z.string().max(50), message: text }).strict(),
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

// ── totals ────────────────────────────────────────────────────────────────────────────────

export const fieldTotalSchema = z
  .object({
    categoryId,
    hmrcSection: z.string().max(100),
    hmrcField: z.string().max(100),
    disallowableField: z.string().max(100).nullable(),
    direction: z.enum(['income', 'expense']),
    name: z.string().max(200),
    valuePence: pence,
    disallowablePence: pence,
    allowablePence: pence,
    transactionCount: z.number().int().min(0),
  })
  .strict();
export type FieldTotalView = z.infer<typeof fieldTotalSchema>;

export const quarterTotalSchema = z
  .object({
    quarter,
    label: z.string().max(200),
    start: isoDate,
    end: isoDate,
    incomePence: pence,
    expensesPence: pence,
  })
  .strict();
export type QuarterTotalView = z.infer<typeof quarterTotalSchema>;

export const periodTotalsSchema = z
  .object({
    profileId,
    businessId: rowId,
    businessName: z.string().max(200),
    kind: businessKindSchema,
    taxYear,
    periodType: z.enum(['standard', 'calendar']),
    from: isoDate,
    to: isoDate,
    fields: z.array(fieldTotalSchema),
    incomePence: pence,
    expensesPence: pence,
    disallowablePence: pence,
    allowableExpensesPence: pence,
    consolidated: z
      .object({
        chosen: z.boolean(),
        allowed: z.boolean(),
        thresholdIncomePence: pence,
        consolidatedPence: pence,
      })
      .strict(),
    signProblems: z.array(
      z.object({ categoryId, name: z.string().max(200), valuePence: pence }).strict(),
    ),
    uncategorised: z.object({ count: z.number().int().min(0), netPence: pence }).strict(),
    excluded: z.object({ count: z.number().int().min(0), netPence: pence }).strict(),
    /** Income and expenses per update period of the whole year, for the chart. */
    quarters: z.array(quarterTotalSchema),
  })
  .strict();
export type PeriodTotalsView = z.infer<typeof periodTotalsSchema>;

// ── progress ──────────────────────────────────────────────────────────────────────────────

export const recordsProgressSchema = z
  .object({
    /** Null while an archive is being imported: its profile does not exist yet. */
    profileId: profileId.nullable(),
    operationId: z.uuid(),
    kind: z.enum(['import-analyse', 'import-commit', 'archive-export', 'archive-import']),
    /** Bytes of the file read (import) or written (archive) so far. */
    done: z.number().int().min(0),
    /** Total bytes, when known (0 when not). */
    total: z.number().int().min(0),
    rows: z.number().int().min(0),
    finished: z.boolean(),
  })
  .strict();
export type RecordsProgress = z.infer<typeof recordsProgressSchema>;

// ── channels ──────────────────────────────────────────────────────────────────────────────

const profileRef = z.object({ profileId }).strict();
const cancelled = z.object({ profileId, cancelled: z.literal(true) }).strict();
const howMany = z.number().int().min(0);

export const recordsChannels = defineChannels({
  /** The profile's businesses (archived ones marked), and today's date and tax year in the UK. */
  'records.context': {
    request: profileRef,
    response: z
      .object({
        profileId,
        today: isoDate,
        taxYear,
        businesses: z.array(recordsBusinessSchema),
      })
      .strict(),
  },
  'records.createBusiness': {
    request: z.object({ profileId, kind: businessKindSchema, name: z.string().max(300) }).strict(),
    response: z.object({ profileId, business: recordsBusinessSchema }).strict(),
  },
  'records.renameBusiness': {
    request: z.object({ profileId, businessId: rowId, name: z.string().max(300) }).strict(),
    response: z.object({ profileId, business: recordsBusinessSchema }).strict(),
  },
  /** One page of the filtered list, by position (the list is virtualised). */
  'records.list': {
    request: z
      .object({
        profileId,
        filter: recordsFilterSchema,
        sort: recordsSortSchema,
        offset: z.number().int().min(0).max(10_000_000),
        limit: z.number().int().min(1).max(500),
      })
      .strict(),
    response: z
      .object({ profileId, offset: z.number().int().min(0), rows: z.array(transactionViewSchema) })
      .strict(),
  },
  /** Count and running totals of everything the filter matches, and the uncategorised count. */
  'records.summarise': {
    request: z.object({ profileId, filter: recordsFilterSchema }).strict(),
    response: recordsSummarySchema,
  },
  'records.get': {
    request: z.object({ profileId, transactionId: rowId }).strict(),
    response: transactionDetailSchema,
  },
  'records.add': {
    request: z.object({ profileId, ...entryFields }).strict(),
    response: z.object({ profileId, transaction: transactionViewSchema }).strict(),
  },
  'records.update': {
    request: z
      .object({
        profileId,
        transactionId: rowId,
        patch: z
          .object({
            date: entryFields.date.optional(),
            description: entryFields.description.optional(),
            counterparty: entryFields.counterparty,
            amountPence: pence.optional(),
            businessId: entryFields.businessId,
            categoryId: entryFields.categoryId,
            disallowablePence: pence.optional(),
            notes: entryFields.notes,
          })
          .strict(),
      })
      .strict(),
    response: z.object({ profileId, transaction: transactionViewSchema }).strict(),
  },
  /** Bulk: the same business, category and disallowable share on every selected transaction. */
  'records.categorise': {
    request: z
      .object({
        profileId,
        transactionIds: z.array(rowId).min(1).max(50_000),
        businessId: rowId.nullable().optional(),
        categoryId: categoryId.nullable(),
        disallowableBasisPoints: basisPoints.optional(),
      })
      .strict(),
    response: z.object({ profileId, updated: howMany }).strict(),
  },
  /** Part of an expense not allowable for tax, by amount or by share. */
  'records.setDisallowable': {
    request: z
      .object({
        profileId,
        transactionId: rowId,
        pence: pence.optional(),
        basisPoints: basisPoints.optional(),
      })
      .strict(),
    response: z.object({ profileId, transaction: transactionViewSchema }).strict(),
  },
  /** Soft delete: undone with records.restore. */
  'records.remove': {
    request: z.object({ profileId, transactionIds: z.array(rowId).min(1).max(50_000) }).strict(),
    response: z.object({ profileId, removed: howMany }).strict(),
  },
  'records.restore': {
    request: z.object({ profileId, transactionIds: z.array(rowId).min(1).max(50_000) }).strict(),
    response: z.object({ profileId, restored: howMany }).strict(),
  },
  'records.split': {
    request: z
      .object({ profileId, transactionId: rowId, parts: z.array(splitPartSchema).min(1).max(50) })
      .strict(),
    response: transactionDetailSchema,
  },
  'records.unsplit': {
    request: z.object({ profileId, transactionId: rowId }).strict(),
    response: z.object({ profileId, transaction: transactionViewSchema }).strict(),
  },
  /** Shows the OS file dialog (images and PDFs) and attaches the chosen file. */
  'records.attachReceipt': {
    request: z.object({ profileId, transactionId: rowId }).strict(),
    response: z.union([z.object({ profileId, receipt: receiptViewSchema }).strict(), cancelled]),
  },
  'records.detachReceipt': {
    request: z.object({ profileId, transactionId: rowId, receiptId: rowId }).strict(),
    response: z.object({ profileId }).strict(),
  },
  /** Opens the stored copy with the computer's own viewer. */
  'records.openReceipt': {
    request: z.object({ profileId, receiptId: rowId }).strict(),
    response: z.object({ profileId }).strict(),
  },

  'records.rules': { request: profileRef, response: rulesList },
  'records.createRule': {
    request: z.object({ profileId, rule: ruleInput }).strict(),
    response: z.object({ profileId, rule: ruleViewSchema }).strict(),
  },
  'records.updateRule': {
    request: z.object({ profileId, ruleId: rowId, rule: ruleInput }).strict(),
    response: z.object({ profileId, rule: ruleViewSchema }).strict(),
  },
  'records.removeRule': {
    request: z.object({ profileId, ruleId: rowId }).strict(),
    response: rulesList,
  },
  /** The first id runs first. */
  'records.reorderRules': {
    request: z.object({ profileId, ruleIds: z.array(rowId).max(10_000) }).strict(),
    response: rulesList,
  },
  /** "Always do this": a rule repeating this transaction's categorisation. */
  'records.ruleFromTransaction': {
    request: z
      .object({
        profileId,
        transactionId: rowId,
        match: z.enum(['counterparty', 'description']),
        text: z.string().max(200).optional(),
      })
      .strict(),
    response: z.object({ profileId, rule: ruleViewSchema }).strict(),
  },
  /** How many records a draft rule would match, with a few examples. Changes nothing. */
  'records.previewRule': {
    request: z.object({ profileId, conditions: ruleConditionsSchema }).strict(),
    response: z
      .object({
        profileId,
        count: z.number().int().min(0),
        examples: z.array(transactionViewSchema),
      })
      .strict(),
  },
  /** Runs the rules now over uncategorised records (or also those a rule set earlier). */
  'records.applyRules': {
    request: z
      .object({
        profileId,
        scope: z.enum(['uncategorised', 'rule-set-too']),
        dryRun: z.boolean().optional(),
      })
      .strict(),
    response: z
      .object({ profileId, matched: z.number().int().min(0), updated: z.number().int().min(0) })
      .strict(),
  },

  /**
   * Shows the OS file dialog for a bank statement (CSV, OFX or QFX); main keeps the path. The
   * answer says which format the file is by its content: a CSV goes on to the mapping, an OFX
   * statement straight to importAnalyseOfx.
   */
  'records.importChoose': {
    request: profileRef,
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

  /** Year-to-date figures per HMRC field, from 6 April (1 April) to the period end. */
  'records.totals': {
    request: z
      .object({ profileId, businessId: rowId, taxYear, periodEnd: isoDate.optional() })
      .strict(),
    response: periodTotalsSchema,
  },
  /** Report the business's expenses as one consolidated figure for the year (or not). */
  'records.setConsolidated': {
    request: z
      .object({ profileId, businessId: rowId, taxYear, consolidated: z.boolean() })
      .strict(),
    response: z.object({ profileId }).strict(),
  },

  /** Shows the save dialog and writes the filtered records as CSV or JSON. */
  'records.exportRecords': {
    request: z
      .object({ profileId, format: z.enum(['csv', 'json']), filter: recordsFilterSchema })
      .strict(),
    response: z.union([
      z.object({ profileId, fileName, rows: z.number().int().min(0) }).strict(),
      cancelled,
    ]),
  },
  /** Shows the save dialog and writes the whole profile (records, receipts, log) as one file. */
  'records.exportArchive': {
    request: z.object({ profileId, operationId }).strict(),
    response: z.union([
      z
        .object({
          profileId,
          fileName,
          bytes: z.number().int().min(0),
          files: z.number().int().min(0),
        })
        .strict(),
      cancelled,
    ]),
  },
  /**
   * Shows the open dialog for an archive and imports it as a new profile with this name and
   * NINO (checked first, as for any new profile).
   */
  'records.importArchive': {
    request: z
      .object({
        operationId,
        kind: z.enum(['self', 'client']),
        name: z.string().max(300),
        nino: z.string().max(40),
        /** Client profiles: which kind of agent the client authorised. */
        agentRole: z.enum(['main', 'supporting']).optional(),
      })
      .strict(),
    response: z.union([
      z
        .object({
          profileId,
          name: z.string().max(200),
          transactions: z.number().int().min(0),
          businesses: z.number().int().min(0),
        })
        .strict(),
      z.object({ cancelled: z.literal(true) }).strict(),
    ]),
  },
});

export const recordsEvents = defineEvents({
  /** Import and archive progress, a few times a second. */
  'records.progress': { payload: recordsProgressSchema },
  /** A profile's records changed (any window or screen showing them should refresh). */
  'records.changed': { payload: z.object({ profileId }).strict() },
});
