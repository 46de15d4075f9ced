import { taxYearOf } from '@shared/domain/tax-year';
import type { SqliteDatabase } from '../../database';
import { ledgerError } from '../../ledger-error';
import type { RuleMatcher } from '../../rules/rule-matcher';
import { normaliseText } from '../../text-normalise';
import { readBalance } from '../csv/balance-column';
import { amountColumnsOf } from '../csv/csv-mapping';
import type { ImportRowReader } from '../import-rows';
import { RunningBalanceCheck } from './running-balance';
import { createLedgerLookup, RowKeyer, type KeyedRow } from './keyed-rows';
import type { ImportAnalysis, ImportSource, RunOptions } from '../import-types';
import type { FileFacts } from '../text-source';

const DEFAULT_ITEM_LIMIT = 500;

/**
 * The check before an import: streams the file once (a CSV with the confirmed mapping, an OFX
 * statement as it is) and reports
 * unreadable rows (line and reason), duplicates and totals. Memory holds counts and the first
 * few hundred listed rows, never the rows themselves.
 */
export async function analyseImport(
  db: SqliteDatabase,
  facts: FileFacts,
  source: ImportSource,
  readRows: ImportRowReader,
  matcher: RuleMatcher,
  options: RunOptions & { itemLimit?: number } = {},
): Promise<ImportAnalysis> {
  const started = performance.now();
  const itemLimit = options.itemLimit ?? DEFAULT_ITEM_LIMIT;
  const lookup = createLedgerLookup(db);

  // Every column the mapping does not read could be the statement's balance: each is checked
  // as one, and the column that runs as a balance (if any) is the one reported.
  const mapping = source.format === 'csv' ? source.mapping : null;
  const used = mapping
    ? new Set([
        mapping.dateColumn,
        ...mapping.descriptionColumns,
        ...(mapping.counterpartyColumn === null ? [] : [mapping.counterpartyColumn]),
        ...amountColumnsOf(mapping.amount),
      ])
    : new Set<number>();

  const run = async (mode: 'per-date' | 'keep-all') => {
    const keyer = new RowKeyer(mode);
    const balances = new Map<number, RunningBalanceCheck>();
    const analysis: Omit<ImportAnalysis, 'file' | 'durationMs'> = {
      source,
      rowsRead: 0,
      rowsToImport: 0,
      badRows: { count: 0, items: [] },
      duplicates: { inLedger: 0, repeatedInFile: 0, items: [] },
      totals: { inPence: 0, outPence: 0, netPence: 0, firstDate: null, lastDate: null },
      rowsByTaxYear: {},
      ruleMatches: 0,
      balanceCheck: null,
      sortedByDate: true,
      itemLimit,
    };
    const t = analysis.totals;
    let lastDate = '';
    let lastTaxYear = '';
    const outcome = await readRows({
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (p) => options.onProgress?.({ phase: 'analysing', ...p }),
      onRows(rows) {
        const keyed: KeyedRow[] = [];
        for (const { line, cells, values, bankRef } of rows) {
          if (mapping) {
            for (let column = 0; column < cells.length; column++) {
              if (used.has(column)) continue;
              let check = balances.get(column);
              if (!check) balances.set(column, (check = new RunningBalanceCheck(itemLimit)));
              check.add({
                line,
                amountPence: values.ok ? values.amountPence : 0,
                // An unreadable row breaks the chain: nothing is compared across it.
                balancePence: values.ok ? readBalance(cells[column], mapping.decimal) : null,
              });
            }
          }
          if (!values.ok) {
            analysis.badRows.count++;
            if (analysis.badRows.items.length < itemLimit) {
              analysis.badRows.items.push({
                line,
                code: values.code,
                message: values.message,
                cells,
                ...(values.readable ? { readable: values.readable } : {}),
              });
            }
            continue;
          }
          keyed.push(keyer.key(line, values, bankRef));
          if (!keyer.sorted && mode === 'per-date') return false; // restart keeping every counter
        }
        const existing = lookup(keyed);
        for (const row of keyed) {
          const { values } = row;
          const found = existing(row);
          if (found || row.repeated) {
            if (found) analysis.duplicates.inLedger++;
            else analysis.duplicates.repeatedInFile++;
            if (analysis.duplicates.items.length < itemLimit) {
              analysis.duplicates.items.push({
                line: row.line,
                kind: found ? 'in-ledger' : 'repeated-in-file',
                date: values.date,
                amountPence: values.amountPence,
                description: values.description,
                existingTransactionId: found?.id ?? null,
                existingDeleted: found?.deleted ?? false,
              });
            }
            if (found) continue;
          }
          analysis.rowsToImport++;
          if (values.amountPence >= 0) t.inPence += values.amountPence;
          else t.outPence -= values.amountPence;
          t.netPence += values.amountPence;
          if (t.firstDate === null || values.date < t.firstDate) t.firstDate = values.date;
          if (t.lastDate === null || values.date > t.lastDate) t.lastDate = values.date;
          if (values.date !== lastDate) {
            lastDate = values.date;
            lastTaxYear = taxYearOf(values.date);
          }
          const taxYear = lastTaxYear;
          analysis.rowsByTaxYear[taxYear] = (analysis.rowsByTaxYear[taxYear] ?? 0) + 1;
          if (
            matcher.size > 0 &&
            matcher.matchFields(
              row.normalisedDescription,
              values.counterparty ? normaliseText(values.counterparty) : '',
              values.amountPence,
            )
          ) {
            analysis.ruleMatches++;
          }
        }
        return undefined;
      },
    });
    analysis.rowsRead = outcome.rowsRead;
    analysis.sortedByDate = keyer.sorted;
    for (const [column, check] of balances) {
      const result = check.result();
      if (
        result &&
        (!analysis.balanceCheck || result.pairsChecked > analysis.balanceCheck.pairsChecked)
      ) {
        analysis.balanceCheck = { column, ...result };
      }
    }
    return { outcome, analysis };
  };

  let { outcome, analysis } = await run('per-date');
  if (!outcome.completed && !analysis.sortedByDate && !options.signal?.aborted) {
    ({ outcome, analysis } = await run('keep-all'));
  }
  if (!outcome.completed || outcome.sha256 === null) {
    throw ledgerError(
      'IMPORT_CANCELLED',
      'The check was stopped before the end of the file.',
      'Start the import again when you are ready.',
    );
  }
  if (
    !Number.isSafeInteger(analysis.totals.inPence) ||
    !Number.isSafeInteger(analysis.totals.outPence)
  ) {
    throw ledgerError(
      'IMPORT_FILE_UNREADABLE',
      'The amounts in this file add up to more than Ledgerlink can hold.',
      'Check the amount column.',
    );
  }
  return {
    ...analysis,
    file: { ...facts, sha256: outcome.sha256 },
    durationMs: Math.round(performance.now() - started),
  };
}
