import type { BusinessKind } from '@shared/domain/business-kinds';
import { createChangeLog } from '../../change-log';
import {
  checkAmount,
  checkCategory,
  checkDate,
  checkText,
  disallowableFromShare,
} from '../../categorisation-checks';
import { openDatabase, type SqliteDatabase } from '../../database';
import type { LedgerContext } from '../../ledger-context';
import type { AppError } from '../../../ipc/app-error';
import { ledgerError, invalidInput } from '../../ledger-error';
import type { MatchableRule, RuleMatcher } from '../../rules/rule-matcher';
import { normaliseText } from '../../text-normalise';
import { checkMapping, type RowValues } from '../csv/csv-mapping';
import type { ImportRowReader } from '../import-rows';
import { createLedgerLookup, RowKeyer, type KeyedRow } from '../analyse/keyed-rows';
import { DailyTotalsAccumulator, suspendInsertTotals } from '../../totals/daily-totals';
import type { ImportDecisions, ImportResult, ImportSource, RunOptions } from '../import-types';
import type { FileFacts } from '../text-source';

export interface CommitInput {
  facts: FileFacts;
  source: ImportSource;
  readRows: ImportRowReader;
  decisions: ImportDecisions;
  /** From the analysis: per-date occurrence counters are enough when the file is in date order. */
  sortedByDate: boolean;
  matcher: RuleMatcher;
}

/**
 * Saves an import in ONE SQLite transaction on a connection of its own: either every chosen row
 * (and the batch record, the change-log entry and the remembered mapping) is committed, or
 * nothing is — a crash, a kill, a bad row the person refused, a changed file or a cancel all
 * leave the ledger exactly as it was. The main connection keeps reading the old state meanwhile;
 * other writes get LEDGER_BUSY until the import finishes.
 */
export async function commitImport(
  ctx: LedgerContext,
  input: CommitInput,
  options: RunOptions = {},
): Promise<ImportResult> {
  const { facts, source, decisions } = input;
  if (source.format === 'csv') checkMapping(source.mapping);
  if (decisions.badRows !== 'skip' && decisions.badRows !== 'refuse') {
    throw invalidInput('badRows', 'Choose whether to skip rows that cannot be read.');
  }
  const started = performance.now();
  const release = ctx.gate.claim('an import');
  let db: SqliteDatabase | null = null;
  let open = false;
  try {
    const conn = openDatabase(ctx.file);
    db = conn;
    const businessKind = (id: number | null): BusinessKind | null => {
      if (id === null) return null;
      const row = conn.prepare('SELECT kind FROM businesses WHERE id = ?').get(id) as
        { kind: BusinessKind } | undefined;
      if (!row) throw invalidInput('businessId', 'That business is not in these records.');
      return row.kind;
    };
    const defaultBusiness = decisions.businessId ?? null;
    const defaultKind = businessKind(defaultBusiness);

    // A rule's category must fit the business it lands on; work that out once per rule.
    const ruleOutcome = new Map<
      number,
      {
        businessId: number | null;
        categoryId: string;
        share: number;
        category: ReturnType<typeof checkCategory>;
      } | null
    >();
    const resolveRule = (rule: MatchableRule) => {
      if (!ruleOutcome.has(rule.id)) {
        const businessId = rule.action.businessId ?? defaultBusiness;
        try {
          const kind = businessId === defaultBusiness ? defaultKind : businessKind(businessId);
          const category = checkCategory(rule.action.categoryId, kind);
          ruleOutcome.set(rule.id, {
            businessId,
            categoryId: rule.action.categoryId,
            share: rule.action.disallowableBasisPoints,
            category,
          });
        } catch {
          ruleOutcome.set(rule.id, null);
        }
      }
      return ruleOutcome.get(rule.id)!;
    };

    const fixes = new Map<number, RowValues>();
    for (const fix of decisions.fixes ?? []) {
      const path = `fixes[line ${fix.line}]`;
      const description = checkText(fix.description, `${path}.description`, 500);
      if (!description)
        throw invalidInput(`${path}.description`, `Line ${fix.line}: describe the transaction.`);
      fixes.set(fix.line, {
        ok: true,
        date: checkDate(fix.date, `${path}.date`),
        amountPence: checkAmount(fix.amountPence, `${path}.amountPence`),
        description,
        counterparty: checkText(fix.counterparty, `${path}.counterparty`, 500),
      });
    }
    const keep = new Set(decisions.keepLines ?? []);
    const skip = new Set(decisions.skipLines ?? []);
    const keepLedgerDuplicates = decisions.inLedgerDuplicates === 'keep';
    const skipRepeats = decisions.repeatedInFile === 'skip';
    const applyRules = decisions.applyRules !== false && input.matcher.size > 0;

    conn.exec('BEGIN IMMEDIATE');
    open = true;
    const now = ctx.now();
    const batchId = Number(
      conn
        .prepare(
          `INSERT INTO import_batches (file_name, file_sha256, file_size, format, shape_fingerprint, mapping_json,
             statements_json, started_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          facts.name,
          decisions.expectedSha256,
          facts.sizeBytes,
          source.format,
          source.format === 'csv' ? source.fingerprint : null,
          source.format === 'csv' ? JSON.stringify(source.mapping) : null,
          source.format === 'ofx' ? JSON.stringify(source.statements) : null,
          now,
        ).lastInsertRowid,
    );
    // Rows already in the ledger end here; the ones this import adds come after.
    const lastIdBefore =
      (conn.prepare('SELECT max(id) FROM transactions').pluck().get() as number | null) ?? 0;
    const lookup = createLedgerLookup(conn, lastIdBefore);
    const resumeTotals = suspendInsertTotals(conn);
    const inserted = new DailyTotalsAccumulator();
    const insert = conn.prepare(
      `INSERT INTO transactions (date, description, counterparty, amount_pence, business_id, category_id,
         disallowable_pence, import_batch_id, source_line, content_hash, bank_account_key, fitid, rule_id,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );

    const result: ImportResult = {
      batchId,
      rowsRead: 0,
      imported: 0,
      duplicatesSkipped: 0,
      duplicatesKept: 0,
      badRowsSkipped: 0,
      fixedRows: 0,
      skippedByChoice: 0,
      categorisedByRules: 0,
      durationMs: 0,
    };
    // Per-date counters need date order; a fixed row's new date can break it, so keep them all then.
    const perDate = input.sortedByDate && fixes.size === 0;
    const keyer = new RowKeyer(perDate ? 'per-date' : 'keep-all');
    // Set inside the row callback, so held in an object: TypeScript cannot see that assignment.
    const refusal: { error?: AppError } = {};

    const outcome = await input.readRows({
      ...(options.signal ? { signal: options.signal } : {}),
      onProgress: (p) => options.onProgress?.({ phase: 'saving', ...p }),
      onRows(rows) {
        const keyed: KeyedRow[] = [];
        for (const { line, values: read, bankRef } of rows) {
          const values = fixes.get(line) ?? read;
          if (!values.ok) {
            if (decisions.badRows === 'refuse' && !skip.has(line)) {
              refusal.error = ledgerError(
                'IMPORT_BAD_ROWS_UNRESOLVED',
                `Line ${line} cannot be read: ${values.message}`,
                'Fix the row or choose to skip rows that cannot be read. Nothing was imported.',
                { fields: [{ path: `line ${line}`, message: values.message }] },
              );
              return false;
            }
            if (skip.has(line)) result.skippedByChoice++;
            else result.badRowsSkipped++;
            continue;
          }
          // Skipped rows still count towards the occurrence of identical rows after them.
          const row = keyer.key(line, values, bankRef);
          if (skip.has(line)) result.skippedByChoice++;
          else keyed.push(row);
        }
        const existing = lookup(keyed);
        for (const row of keyed) {
          const { values } = row;
          const duplicate = existing(row) !== undefined;
          if (duplicate || row.repeated) {
            const wanted = keep.has(row.line) || (duplicate ? keepLedgerDuplicates : !skipRepeats);
            if (!wanted) {
              result.duplicatesSkipped++;
              continue;
            }
            if (duplicate) result.duplicatesKept++;
          }
          let businessId = defaultBusiness;
          let categoryId: string | null = null;
          let disallowable = 0;
          let ruleId: number | null = null;
          if (applyRules) {
            const rule = input.matcher.matchFields(
              row.normalisedDescription,
              values.counterparty ? normaliseText(values.counterparty) : '',
              values.amountPence,
            );
            const placed = rule ? resolveRule(rule) : null;
            if (rule && placed) {
              businessId = placed.businessId;
              categoryId = placed.categoryId;
              disallowable = disallowableFromShare(
                placed.category,
                values.amountPence,
                placed.share,
              );
              ruleId = rule.id;
              result.categorisedByRules++;
            }
          }
          insert.run(
            values.date,
            values.description,
            values.counterparty,
            values.amountPence,
            businessId,
            categoryId,
            disallowable,
            batchId,
            row.line,
            row.hash,
            row.bankRef?.accountKey ?? null,
            row.bankRef?.fitid ?? null,
            ruleId,
            now,
            now,
          );
          inserted.add(businessId, values.date, categoryId, values.amountPence, disallowable);
          result.imported++;
          if (fixes.has(row.line)) result.fixedRows++;
        }
        return undefined;
      },
    });
    result.rowsRead = outcome.rowsRead;
    if (refusal.error) throw refusal.error;
    if (!outcome.completed) {
      throw ledgerError(
        'IMPORT_CANCELLED',
        'The import was stopped. Nothing was imported.',
        'Start it again when you are ready.',
      );
    }
    if (outcome.sha256 !== decisions.expectedSha256) {
      throw ledgerError(
        'IMPORT_FILE_CHANGED',
        'The file changed after it was checked. Nothing was imported.',
        'Check the file again, then import it.',
      );
    }
    if (perDate && !keyer.sorted) {
      // The analysis said the rows were in date order and they are not: not the file we checked.
      throw ledgerError(
        'IMPORT_FILE_CHANGED',
        'The file changed after it was checked. Nothing was imported.',
        'Check the file again.',
      );
    }

    resumeTotals(inserted);
    conn
      .prepare(
        `UPDATE import_batches SET rows_read = ?, rows_imported = ?, rows_duplicate_skipped = ?, rows_bad_skipped = ?,
         rows_fixed = ?, rows_categorised = ?, finished_at = ? WHERE id = ?`,
      )
      .run(
        result.rowsRead,
        result.imported,
        result.duplicatesSkipped,
        result.badRowsSkipped,
        result.fixedRows,
        result.categorisedByRules,
        ctx.now(),
        batchId,
      );
    // One change-log entry for the batch: each row carries import_batch_id and its source line.
    const { durationMs: _notLogged, ...counts } = result;
    createChangeLog(conn, ctx.actor, () => ctx.now()).record(
      'import-batch',
      batchId,
      'import',
      null,
      {
        file: facts.name,
        sha256: decisions.expectedSha256,
        ...counts,
      },
    );
    if (source.format === 'csv' && decisions.rememberMapping !== false) {
      conn
        .prepare(
          `INSERT INTO csv_mappings (fingerprint, mapping_json, label, times_used, updated_at) VALUES (?, ?, ?, 1, ?)
         ON CONFLICT (fingerprint) DO UPDATE SET mapping_json = excluded.mapping_json,
           label = coalesce(excluded.label, csv_mappings.label), times_used = csv_mappings.times_used + 1,
           updated_at = excluded.updated_at`,
        )
        .run(
          source.fingerprint,
          JSON.stringify(source.mapping),
          decisions.mappingLabel ?? null,
          ctx.now(),
        );
    }
    conn.exec('COMMIT');
    open = false;
    result.durationMs = Math.round(performance.now() - started);
    return result;
  } catch (error) {
    if (open) {
      try {
        db?.exec('ROLLBACK');
      } catch {
        // The connection is closed below; SQLite rolls back an unfinished transaction anyway.
      }
    }
    throw error;
  } finally {
    db?.close();
    release();
  }
}
