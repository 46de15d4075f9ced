import type {
  Business,
  ChangeLogEntry,
  CsvPreview,
  ImportAnalysis,
  ImportBatch,
  ImportResult,
  OfxPreview,
  Receipt,
  Rule,
  Transaction,
} from '../ledger';
import type {
  ImportAnalysisView,
  ImportBatchView,
  ImportPreviewView,
  ImportResultView,
  OfxPreviewView,
  ReceiptView,
  RecordsBusiness,
  RuleView,
  TransactionView,
} from '@shared/ipc/channels/records';

/**
 * Ledger values as the window may see them: no file paths (a receipt's stored copy, the bank
 * file being imported), no content hashes, and bank cells cut to the contract's limits so an
 * odd file cannot make an answer fail validation.
 */

const CELL_CHARACTERS = 500;
const MAX_CELLS = 500;

export const toTransactionView = (t: Transaction): TransactionView => ({
  id: t.id,
  date: t.date,
  description: t.description,
  counterparty: t.counterparty,
  amountPence: t.amountPence,
  businessId: t.businessId,
  categoryId: t.categoryId,
  disallowablePence: t.disallowablePence,
  notes: t.notes,
  parentId: t.parentId,
  isSplit: t.isSplit,
  ruleId: t.ruleId,
  receiptCount: t.receiptCount,
  importBatchId: t.importBatchId,
  sourceLine: t.sourceLine,
  deletedAt: t.deletedAt,
  updatedAt: t.updatedAt,
});

export const toBusinessView = (b: Business): RecordsBusiness => ({
  id: b.id,
  kind: b.kind,
  name: b.name,
  hmrcBusinessId: b.hmrcBusinessId,
  commencementDate: b.commencementDate,
  archived: b.archivedAt !== null,
  ...(b.foreign ? { foreign: b.foreign } : {}),
});

export const toRuleView = (r: Rule): RuleView => ({
  id: r.id,
  name: r.name,
  priority: r.priority,
  enabled: r.enabled,
  conditions: {
    descriptionContains: r.conditions.descriptionContains ?? null,
    descriptionPattern: r.conditions.descriptionPattern ?? null,
    counterpartyIs: r.conditions.counterpartyIs ?? null,
    amountMinPence: r.conditions.amountMinPence ?? null,
    amountMaxPence: r.conditions.amountMaxPence ?? null,
    direction: r.conditions.direction ?? null,
  },
  action: { ...r.action },
  updatedAt: r.updatedAt,
});

export const toReceiptView = (r: Receipt): ReceiptView => ({
  id: r.id,
  originalName: r.originalName.slice(0, 1000),
  mime: r.mime,
  sizeBytes: r.sizeBytes,
  createdAt: r.createdAt,
});

export const toHistoryEntry = (e: ChangeLogEntry) => ({
  at: e.at,
  actor: e.actor.slice(0, 300),
  action: e.action.slice(0, 100),
});

const cellsView = (cells: readonly string[]): string[] =>
  cells
    .slice(0, MAX_CELLS)
    .map((c) => (c.length > CELL_CHARACTERS ? c.slice(0, CELL_CHARACTERS) : c));

export function toPreviewView(
  profileId: string,
  importId: string,
  preview: CsvPreview,
): ImportPreviewView {
  return {
    profileId,
    importId,
    format: 'csv',
    fileName: preview.file.name,
    sizeBytes: preview.file.sizeBytes,
    encoding: preview.file.encoding,
    columnNames: cellsView(preview.columnNames).map((n) => n.slice(0, 200)),
    hasHeaderNames: preview.hasHeaderNames,
    columnCount: preview.columnCount,
    mapping: preview.mapping,
    mappingSource: preview.mappingSource,
    dateOrder: preview.dateOrder,
    rows: previewRowsView(preview.rows),
    warnings: preview.warnings,
    question: preview.question && {
      ...preview.question,
      examples: preview.question.examples.map((e) => ({
        ...e,
        description: e.description.slice(0, CELL_CHARACTERS),
      })),
    },
    amountCheck: preview.amountCheck,
  };
}

const previewRowsView = (rows: CsvPreview['rows']): ImportPreviewView['rows'] =>
  rows.map((r) => ({ line: r.line, cells: cellsView(r.cells), values: r.values }));

export function toOfxPreviewView(
  profileId: string,
  importId: string,
  preview: OfxPreview,
): OfxPreviewView {
  return {
    profileId,
    importId,
    format: 'ofx',
    fileName: preview.file.name,
    sizeBytes: preview.file.sizeBytes,
    encoding: preview.file.encoding,
    statements: preview.statements.slice(0, 100).map((s) => ({
      ...s,
      accountType: s.accountType?.slice(0, 40) ?? null,
      currency: s.currency?.slice(0, 10) ?? null,
    })),
    transactions: preview.transactions,
    rows: previewRowsView(preview.rows),
    warnings: preview.warnings,
  };
}

export function toAnalysisView(
  profileId: string,
  importId: string,
  a: ImportAnalysis,
): ImportAnalysisView {
  return {
    profileId,
    importId,
    fileName: a.file.name,
    rowsRead: a.rowsRead,
    rowsToImport: a.rowsToImport,
    badRows: {
      count: a.badRows.count,
      items: a.badRows.items.map((b) => ({
        line: b.line,
        code: b.code,
        message: b.message,
        cells: cellsView(b.cells),
        ...(b.readable
          ? {
              readable: {
                description: b.readable.description.slice(0, 500),
                amountPence: b.readable.amountPence,
              },
            }
          : {}),
      })),
    },
    duplicates: {
      inLedger: a.duplicates.inLedger,
      repeatedInFile: a.duplicates.repeatedInFile,
      items: a.duplicates.items.map((d) => ({ ...d })),
    },
    totals: { ...a.totals },
    rowsByTaxYear: Object.entries(a.rowsByTaxYear)
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([taxYear, rows]) => ({ taxYear, rows })),
    ruleMatches: a.ruleMatches,
    balanceCheck: a.balanceCheck
      ? { ...a.balanceCheck, breaks: a.balanceCheck.breaks.map((b) => ({ ...b })) }
      : null,
    itemLimit: a.itemLimit,
    durationMs: Math.max(0, a.durationMs),
  };
}

export function toResultView(
  profileId: string,
  fileName: string,
  r: ImportResult,
): ImportResultView {
  return { profileId, fileName, ...r, durationMs: Math.max(0, r.durationMs) };
}

export const toBatchView = (b: ImportBatch): ImportBatchView => ({
  id: b.id,
  fileName: b.fileName,
  rowsRead: b.rowsRead,
  rowsImported: b.rowsImported,
  rowsDuplicateSkipped: b.rowsDuplicateSkipped,
  rowsBadSkipped: b.rowsBadSkipped,
  rowsCategorised: b.rowsCategorised,
  startedAt: b.startedAt,
  finishedAt: b.finishedAt,
  undoneAt: b.undoneAt,
});
