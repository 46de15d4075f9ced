import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CsvMapping, CsvPreview, Ledger } from '../../../src/main/ledger';
import { foreignAmountMessage } from '../../../src/main/ledger/import/csv/foreign-currency';
import { tempProfile } from './fixtures/temp-profile';

/**
 * Every statement in test/fixtures/bank-statements, driven by its README table: with the mapping
 * the app proposes (and the answer to the one question it asks, where it asks one), the file
 * imports to exactly the figures the table gives, or it is refused in the words the table gives.
 * No fixture may be saved wrong without a word.
 */

const FIXTURES = join(__dirname, '../../fixtures/bank-statements');

interface Expectation {
  file: string;
  outcome: string;
}

function fixtureTable(): Expectation[] {
  const readme = readFileSync(join(FIXTURES, 'README.md'), 'utf8');
  return readme
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const cells = line.slice(2, -2).split(' | ');
      return { file: cells[0]!.replace(/`/g, ''), outcome: cells.at(-1)! };
    });
}

const pence = (pounds: string) => Math.round(Number(pounds.replace(/,/g, '')) * 100);
const oneSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

let p: ReturnType<typeof tempProfile>;
let ledger: Ledger;
beforeEach(() => {
  p = tempProfile();
  ledger = p.ledger;
});
afterEach(() => p.dispose());

/** The mapping after the person's answer to the preview's question. */
function answered(preview: CsvPreview, outcome: string): CsvMapping {
  const mapping = preview.mapping!;
  const asks = /asks (card-sign|in-out-columns); answer ([^;]+)/.exec(outcome);
  if (!asks) {
    expect(preview.question, 'a question nobody expected').toBeNull();
    return mapping;
  }
  expect(preview.question?.kind).toBe(asks[1]);
  expect(preview.question!.examples.length).toBeGreaterThanOrEqual(1);
  const answer = asks[2]!.trim();
  if (asks[1] === 'card-sign') {
    expect(mapping.amount.kind).toBe('single');
    return {
      ...mapping,
      amount: { ...mapping.amount, invert: answer === 'plus is spending' },
    } as CsvMapping;
  }
  const out = Number(/^Column (\d+) is money out$/.exec(answer)![1]) - 1;
  const pair = preview.question!.columns!;
  expect(pair).toContain(out);
  return {
    ...mapping,
    amount: { kind: 'debit-credit', debitColumn: out, creditColumn: pair.find((c) => c !== out)! },
  };
}

describe('bank statement fixtures (test/fixtures/bank-statements/README.md)', () => {
  const table = fixtureTable();

  it('lists every fixture file, and every listed file exists', () => {
    const listed = table.map((t) => t.file).sort();
    const files = readdirSync(FIXTURES)
      .filter((f) => f !== 'README.md')
      .sort();
    expect(listed).toEqual(files);
  });

  it.each(table)('$file: $outcome', async ({ file, outcome }) => {
    const path = join(FIXTURES, file);

    const refused = /^refuses ([A-Z_]+): “(.+)”$/.exec(outcome);
    if (refused) {
      await expect(ledger.imports.preview(path)).rejects.toMatchObject({
        code: refused[1],
        message: refused[2],
      });
      return;
    }

    const preview = await ledger.imports.preview(path);
    if (/says the dates cannot be read/.test(outcome)) {
      expect(preview.mapping).toBeNull();
      expect(preview.warnings.join(' ')).toMatch(/^The dates in this file cannot be read/);
      return;
    }
    expect(preview.mappingSource).toBe('detected');

    const warned = /warns that lines? ([\d, ]+) do(?:es)? not look like money/.exec(outcome);
    if (warned) {
      const lines = warned[1]!.split(/,\s*/).map(Number);
      expect(preview.amountCheck?.rows.map((r) => r.line)).toEqual(lines);
      return;
    }
    expect(preview.amountCheck, 'an amount warning nobody expected').toBeNull();

    const everyRow = /^refuses every row: “(.+)”$/.exec(outcome);
    if (everyRow) {
      expect(preview.warnings).toContain(everyRow[1]);
      const currency = / is in ([A-Z]{3})\./.exec(everyRow[1]!)![1]!;
      const analysis = await ledger.imports.analyse(path, preview.mapping!);
      expect(analysis.rowsToImport).toBe(0);
      expect(analysis.badRows.count).toBe(analysis.rowsRead);
      for (const bad of analysis.badRows.items) {
        expect(bad.message).toBe(foreignAmountMessage(currency));
      }
      await expect(
        ledger.imports.commit(analysis, {
          expectedSha256: analysis.file.sha256,
          badRows: 'refuse',
        }),
      ).rejects.toMatchObject({ code: 'IMPORT_BAD_ROWS_UNRESOLVED' });
      expect(ledger.records.summarise().count).toBe(0);
      return;
    }

    const imports = /imports (\d+) rows?: £([\d,.]+) in, £([\d,.]+) out/.exec(outcome);
    expect(imports, `the table's outcome for ${file} is not understood`).not.toBeNull();
    const [rows, inPence, outPence] = [
      Number(imports![1]),
      pence(imports![2]!),
      pence(imports![3]!),
    ];
    const mapping = answered(preview, outcome);
    const analysis = await ledger.imports.analyse(path, mapping);
    const unreadable = /unreadable: lines? ([\d, ]+)/.exec(outcome);
    expect(analysis.badRows.items.map((b) => b.line)).toEqual(
      unreadable ? unreadable[1]!.split(/,\s*/).map(Number) : [],
    );
    expect(analysis.rowsToImport).toBe(rows);
    expect(analysis.totals).toMatchObject({ inPence, outPence });

    const result = await ledger.imports.commit(analysis, {
      expectedSha256: analysis.file.sha256,
      badRows: 'skip',
    });
    expect(result.imported).toBe(rows);
    expect(ledger.records.summarise()).toMatchObject({ count: rows, inPence });
    expect(Math.abs(ledger.records.summarise().outPence)).toBe(outPence);

    const first = /first row: (\d{4}-\d{2}-\d{2}) “(.+)”, (?:payee “(.+)”|no payee)/.exec(outcome);
    if (first) {
      const saved = ledger.records
        .list({}, { sort: 'date-asc', limit: 500 })
        .rows.sort((a, b) => (a.sourceLine ?? 0) - (b.sourceLine ?? 0))[0]!;
      expect(saved.date).toBe(first[1]);
      expect(oneSpace(saved.description)).toBe(oneSpace(first[2]!));
      expect(saved.counterparty).toBe(first[3] ?? null);
    }
  });
});
