/** The ledger capability: one SQLite file per taxpayer profile and the services on it. */
export {
  LEDGER_FILE_NAME,
  RECEIPTS_FOLDER_NAME,
  openLedger,
  type Ledger,
  type OpenLedgerOptions,
} from './ledger';
export { ledgerError, type LedgerErrorCode } from './ledger-error';
export { LEDGER_MIGRATIONS } from './migrations';
export { sqlMigration, type Migration } from './migrations/migration';
export { migrate, currentSchemaVersion, type MigrationOutcome } from './migrations/runner';
export { openDatabase, type SqliteDatabase } from './database';
export type {
  Business,
  BusinessPatch,
  BusinessYearSettings,
  BusinessesService,
  NewBusiness,
} from './businesses';
export type { ChangeEntity, ChangeLog, ChangeLogEntry, ChangeLogFilter } from './change-log';
export type { Transaction } from './transaction-record';
export type {
  CategoriseInput,
  NewTransaction,
  SplitPartInput,
  TransactionPatch,
  TransactionWithParts,
  TransactionsService,
} from './transactions';
export type {
  Rule,
  NewRule,
  RulePatch,
  ApplyRulesOptions,
  RulesService,
} from './rules/rules-service';
export type { MatchInput, RuleAction, RuleConditions, RuleMatcher } from './rules/rule-matcher';
export type { Receipt, ReceiptsService } from './receipts/receipts-service';
export type { RecordsFilter } from './records/records-filter';
export type {
  PageRequest,
  RecordsPage,
  RecordsQueries,
  RecordsSort,
  RecordsSummary,
} from './records/records-query';
export type {
  FieldSummary,
  FieldTotal,
  PeriodTotals,
  QuarterTotal,
  RecordsFingerprint,
  TotalsService,
} from './totals/period-totals';
export { summariseFieldTotals } from './totals/period-totals';
export type { ImportsService, RememberedMapping } from './import/import-service';
export type {
  BadRow,
  CsvPreview,
  DuplicateRow,
  ImportAnalysis,
  ImportBatch,
  ImportDecisions,
  ImportProgress,
  ImportResult,
  ImportSource,
  PreviewRow,
  RowFix,
  RunOptions,
} from './import/import-types';
export type {
  AmountColumns,
  CsvDelimiter,
  CsvMapping,
  RowProblemCode,
} from './import/csv/csv-mapping';
export type { DateOrder, DateOrderGuess } from './import/csv/bank-dates';
export type { ImportFormat } from './import/ofx/ofx-file';
export type { OfxPreview, OfxStatementFacts } from './import/ofx/preview-ofx';
export type { RecordsExport } from './export/records-export';
export {
  ARCHIVE_FORMAT,
  exportProfileArchive,
  type ArchiveManifest,
  type ArchiveProgress,
} from './export/profile-archive';
export {
  importProfileArchive,
  placePreparedArchive,
  prepareArchiveImport,
  type ArchiveImportOutcome,
  type PreparedArchive,
} from './export/archive-import/import-profile-archive';
export { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './export/archive-import/archive-limits';
export { clearStaging, stagingRootOf } from './export/private-staging';
export { dailyTotalsDrift, rebuildDailyTotals } from './totals/daily-totals';
