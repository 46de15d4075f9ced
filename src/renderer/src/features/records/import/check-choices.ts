import type { ImportAnalysisView, ImportDecisionsInput } from '@shared/ipc/channels/records';

/** What the person decided on the check step. */
export interface CheckChoices {
  inLedgerDuplicates: 'skip' | 'keep';
  repeatedInFile: 'keep' | 'skip';
  /** Duplicates already in the records to import anyway. */
  keepLines: ReadonlySet<number>;
  /** Repeated rows to leave out. */
  skipLines: ReadonlySet<number>;
  fixes: ReadonlyMap<number, { date: string; description: string; amountPence: number }>;
  /** Unreadable rows that were not fixed are left out (the person ticked it). */
  skipUnfixed: boolean;
  businessId: number | null;
  applyRules: boolean;
  rememberMapping: boolean;
}

export const initialChoices = (): CheckChoices => ({
  inLedgerDuplicates: 'skip',
  repeatedInFile: 'keep',
  keepLines: new Set(),
  skipLines: new Set(),
  fixes: new Map(),
  skipUnfixed: false,
  businessId: null,
  applyRules: true,
  rememberMapping: true,
});

/** Unreadable rows neither fixed nor (by the person's choice) skipped: they block the import. */
export function unresolvedBadRows(analysis: ImportAnalysisView, choices: CheckChoices): number {
  if (choices.skipUnfixed) return 0;
  const fixed = analysis.badRows.items.filter((b) => choices.fixes.has(b.line)).length;
  return analysis.badRows.count - fixed;
}

/** How many rows the import will add with these choices (the analysis counted the defaults). */
export function rowsToImport(analysis: ImportAnalysisView, choices: CheckChoices): number {
  const items = analysis.duplicates.items;
  const keptFromLedger =
    choices.inLedgerDuplicates === 'keep'
      ? analysis.duplicates.inLedger
      : items.filter((d) => d.kind === 'in-ledger' && choices.keepLines.has(d.line)).length;
  const leftOutRepeats =
    choices.repeatedInFile === 'skip'
      ? analysis.duplicates.repeatedInFile
      : items.filter((d) => d.kind === 'repeated-in-file' && choices.skipLines.has(d.line)).length;
  const fixed = analysis.badRows.items.filter((b) => choices.fixes.has(b.line)).length;
  return Math.max(0, analysis.rowsToImport + keptFromLedger - leftOutRepeats + fixed);
}

/** The decisions the ledger's commit takes. */
export function toDecisions(choices: CheckChoices): ImportDecisionsInput {
  return {
    inLedgerDuplicates: choices.inLedgerDuplicates,
    repeatedInFile: choices.repeatedInFile,
    ...(choices.keepLines.size ? { keepLines: [...choices.keepLines] } : {}),
    ...(choices.skipLines.size ? { skipLines: [...choices.skipLines] } : {}),
    ...(choices.fixes.size
      ? { fixes: [...choices.fixes].map(([line, fix]) => ({ line, ...fix })) }
      : {}),
    badRows: choices.skipUnfixed ? 'skip' : 'refuse',
    businessId: choices.businessId,
    applyRules: choices.applyRules,
    rememberMapping: choices.rememberMapping,
  };
}
