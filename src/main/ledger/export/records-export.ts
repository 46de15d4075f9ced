import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { getCategory, hmrcPath } from '@shared/domain/categories';
import { penceToDecimalString } from '@shared/domain/money';
import type { LedgerContext } from '../ledger-context';
import { compileFilter, type RecordsFilter } from '../records/records-filter';
import {
  TRANSACTION_COLUMNS,
  toTransaction,
  type Transaction,
  type TransactionRow,
} from '../transaction-record';
import type { PeriodBasis, TaxYear } from '@shared/domain/tax-year';

export interface RecordsExport {
  /** The records as CSV for a spreadsheet or an accountant; amounts as plain decimals. */
  csv(file: string, filter?: RecordsFilter): Promise<{ rows: number }>;
  /** The records as JSON, amounts in integer pence, for another program. */
  json(file: string, filter?: RecordsFilter): Promise<{ rows: number }>;
}

const PAGE = 2000;

const CSV_HEADER = [
  'id',
  'date',
  'description',
  'counterparty',
  'amount',
  'business',
  'hmrc_business_id',
  'category_id',
  'category',
  'hmrc_field',
  'disallowable',
  'notes',
  'split_of',
  'rule_id',
  'import_batch_id',
  'source_line',
  'receipts',
];

/** Spreadsheets run text starting with = + - @ as a formula; a leading ' stops that (CSV injection). */
function textCell(value: string | null): string {
  if (value === null || value === '') return '';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

export function createRecordsExport(
  ctx: LedgerContext,
  basisOf: (businessId: number, taxYear: TaxYear) => PeriodBasis,
): RecordsExport {
  const { db } = ctx;
  const businesses = () =>
    new Map(
      (
        db.prepare('SELECT id, name, hmrc_business_id FROM businesses').all() as {
          id: number;
          name: string;
          hmrc_business_id: string | null;
        }[]
      ).map((b) => [b.id, b]),
    );

  /** Pages through the filtered rows by id so no statement stays open across an await. */
  async function eachPage(
    filter: RecordsFilter,
    onPage: (rows: Transaction[]) => Promise<void>,
  ): Promise<number> {
    const compiled = compileFilter(filter, basisOf);
    const statement = db.prepare(
      `SELECT ${TRANSACTION_COLUMNS} FROM transactions t WHERE ${compiled.where} AND t.id > ? ORDER BY t.id LIMIT ${PAGE}`,
    );
    let after = 0;
    let count = 0;
    for (;;) {
      const rows = (statement.all(...compiled.params, after) as TransactionRow[]).map(
        toTransaction,
      );
      if (rows.length === 0) return count;
      await onPage(rows);
      count += rows.length;
      after = rows.at(-1)!.id;
    }
  }

  /** Writes to `<file>.partial` and renames at the end: a half-written export never looks complete. */
  async function toFile(
    file: string,
    body: (out: WriteStream) => Promise<number>,
  ): Promise<{ rows: number }> {
    const partial = `${file}.partial`;
    const out = createWriteStream(partial);
    try {
      const rows = await body(out);
      out.end();
      await once(out, 'finish');
      await rename(partial, file);
      return { rows };
    } catch (error) {
      out.destroy();
      await rm(partial, { force: true });
      throw error;
    }
  }

  return {
    csv(file, filter = {}) {
      return toFile(file, async (out) => {
        const names = businesses();
        await write(out, `${CSV_HEADER.join(',')}\r\n`);
        return eachPage(filter, async (rows) => {
          let text = '';
          for (const t of rows) {
            const category = t.categoryId ? getCategory(t.categoryId) : undefined;
            const business = t.businessId === null ? undefined : names.get(t.businessId);
            text += [
              t.id,
              t.date,
              textCell(t.description),
              textCell(t.counterparty),
              penceToDecimalString(t.amountPence),
              textCell(business?.name ?? null),
              business?.hmrc_business_id ?? '',
              t.categoryId ?? '',
              textCell(category?.name ?? null),
              category?.reportable ? hmrcPath(category) : '',
              penceToDecimalString(t.disallowablePence),
              textCell(t.notes),
              t.parentId ?? '',
              t.ruleId ?? '',
              t.importBatchId ?? '',
              t.sourceLine ?? '',
              t.receiptCount,
            ].join(',');
            text += '\r\n';
          }
          await write(out, text);
        });
      });
    },

    json(file, filter = {}) {
      return toFile(file, async (out) => {
        const names = businesses();
        await write(
          out,
          `{"format":"ledgerlink-records","version":1,"exportedAt":${JSON.stringify(ctx.now())},"filter":${JSON.stringify(filter)},"businesses":${JSON.stringify(
            [...names.values()].map((b) => ({
              id: b.id,
              name: b.name,
              hmrcBusinessId: b.hmrc_business_id,
            })),
          )},"transactions":[`,
        );
        let first = true;
        const rows = await eachPage(filter, async (page) => {
          const text = page
            .map((t) => {
              const category = t.categoryId ? getCategory(t.categoryId) : undefined;
              const entry = JSON.stringify({
                ...t,
                hmrcField: category?.reportable ? hmrcPath(category) : null,
              });
              const separated = first ? entry : `,${entry}`;
              first = false;
              return separated;
            })
            .join('');
          await write(out, text);
        });
        await write(out, ']}\n');
        return rows;
      });
    },
  };
}
