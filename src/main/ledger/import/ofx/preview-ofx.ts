import type { IsoDate } from '@shared/domain/tax-year';
import { ledgerError } from '../../ledger-error';
import { foreignStatementWarning } from '../csv/foreign-currency';
import type { PreviewRow, RunOptions } from '../import-rows';
import type { FileFacts } from '../text-source';
import { maskedAccount } from './ofx-account';
import { readOfxRows } from './ofx-rows';
import type { OfxStatement } from './ofx-statements';
import { ofxDate } from './ofx-values';

/** A statement in the file as the person may see it: the account masked, the dates as days. */
export interface OfxStatementFacts {
  kind: OfxStatement['kind'];
  /** `••••1234`, or null when the statement does not say. */
  account: string | null;
  accountType: string | null;
  currency: string | null;
  /** The period the statement covers (DTSTART–DTEND), else the first and last transaction. */
  from: IsoDate | null;
  to: IsoDate | null;
  transactions: number;
}

export interface OfxPreview {
  file: FileFacts;
  statements: OfxStatementFacts[];
  /** All the transactions in the file, readable or not. */
  transactions: number;
  /** The first transactions, read. */
  rows: PreviewRow[];
  warnings: string[];
}

/** `rowDates`: the first and last transaction date, for a statement that states no period. */
export function statementFacts(
  statements: readonly OfxStatement[],
  rowDates: { firstDate: IsoDate | null; lastDate: IsoDate | null },
): OfxStatementFacts[] {
  return statements.map((s) => {
    const from = (s.start && ofxDate(s.start)) || rowDates.firstDate;
    const to = (s.end && ofxDate(s.end)) || rowDates.lastDate;
    return {
      kind: s.kind,
      account: maskedAccount(s.accountId),
      accountType: s.accountType,
      currency: s.currency,
      from,
      to,
      transactions: s.transactions,
    };
  });
}

/**
 * What an OFX statement holds, for the screen that replaces column mapping: whose account, which
 * dates, how many transactions, and the first of them as they will be imported. The file is read
 * to the end (to count) without keeping more than the first rows.
 */
export async function previewOfx(
  facts: FileFacts,
  options: { rows?: number } & RunOptions = {},
): Promise<OfxPreview> {
  const wanted = Math.min(Math.max(options.rows ?? 20, 1), 200);
  const rows: PreviewRow[] = [];
  const dates: { firstDate: IsoDate | null; lastDate: IsoDate | null } = {
    firstDate: null,
    lastDate: null,
  };
  const outcome = await readOfxRows(facts, {
    ...(options.signal ? { signal: options.signal } : {}),
    onProgress: (p) => options.onProgress?.({ phase: 'analysing', ...p }),
    onRows(batch) {
      for (const { line, cells, values } of batch) {
        if (rows.length < wanted) rows.push({ line, cells, values });
        if (!values.ok) continue;
        if (dates.firstDate === null || values.date < dates.firstDate)
          dates.firstDate = values.date;
        if (dates.lastDate === null || values.date > dates.lastDate) dates.lastDate = values.date;
      }
    },
  });
  if (!outcome.completed) {
    throw ledgerError(
      'IMPORT_CANCELLED',
      'Reading the statement was stopped. Nothing was imported.',
      'Choose the file again when you are ready.',
    );
  }
  const statements = statementFacts(outcome.statements, dates);
  const warnings: string[] = [];
  for (const s of statements) {
    if (s.currency && s.currency.toUpperCase() !== 'GBP') {
      warnings.push(foreignStatementWarning(s.account, s.currency.slice(0, 3)));
    }
  }
  return { file: facts, statements, transactions: outcome.rowsRead, rows, warnings };
}
