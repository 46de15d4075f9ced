import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CsvMapping, ImportAnalysis, ImportDecisions, Ledger } from '../../../src/main/ledger';
import { tempProfile } from './fixtures/temp-profile';

let p: ReturnType<typeof tempProfile>;
let ledger: Ledger;
let se: number;
beforeEach(() => {
  p = tempProfile();
  ledger = p.ledger;
  se = ledger.businesses.create({ kind: 'self-employment', name: 'Taylor Plumbing' }).id;
});
afterEach(() => p.dispose());

async function importFile(
  path: string,
  decisions: Partial<ImportDecisions> = {},
  mapping?: CsvMapping,
) {
  const preview = await ledger.imports.preview(path);
  const analysis = await ledger.imports.analyse(path, mapping ?? preview.mapping!);
  const result = await ledger.imports.commit(analysis, {
    expectedSha256: analysis.file.sha256,
    badRows: 'skip',
    businessId: se,
    ...decisions,
  });
  return { preview, analysis, result };
}

const rows = () => ledger.records.list({}, { sort: 'date-asc', limit: 500 }).rows;

describe('bank CSV edge cases', () => {
  it('reads a BOM, £ signs, thousands separators, (12.00) negatives and blank lines', async () => {
    const file = p.file(
      'barclays.csv',
      '\ufeffDate,Description,Amount\r\n06/04/2026,CLIENT PAYMENT,"£1,234.56"\r\n\r\n07/04/2026,TESCO,(12.00)\r\n   \r\n08/04/2026,SHELL,-40.5\r\n',
    );
    const { preview, result } = await importFile(file);
    expect(preview.file).toMatchObject({ encoding: 'utf-8', hadByteOrderMark: true });
    expect(preview.columnNames).toEqual(['Date', 'Description', 'Amount']); // no BOM glued to "Date"
    expect(result).toMatchObject({ imported: 3, badRowsSkipped: 0 });
    expect(rows().map((r) => [r.date, r.description, r.amountPence, r.sourceLine])).toEqual([
      ['2026-04-06', 'CLIENT PAYMENT', 123456, 2],
      ['2026-04-07', 'TESCO', -1200, 4],
      ['2026-04-08', 'SHELL', -4050, 6],
    ]);
  });

  it('keeps quoted newlines inside one row and reports true line numbers after them', async () => {
    const file = p.file(
      'multiline.csv',
      'Date,Description,Amount\n06/04/2026,"CARD PAYMENT\nTESCO STORES\nLONDON",-5.00\n07/04/2026,not a number,abc\n08/04/2026,"OK, fine",1.00\n',
    );
    const { analysis, result } = await importFile(file);
    expect(analysis.badRows.items).toEqual([
      expect.objectContaining({
        line: 5,
        code: 'AMOUNT_UNREADABLE',
        cells: ['07/04/2026', 'not a number', 'abc'],
      }),
    ]);
    expect(result).toMatchObject({ imported: 2, badRowsSkipped: 1 });
    expect(rows().map((r) => [r.sourceLine, r.description])).toEqual([
      [2, 'CARD PAYMENT TESCO STORES LONDON'],
      [6, 'OK, fine'],
    ]);
  });

  it('reads ISO dates and DD/MM/YYYY, and detects MM/DD/YYYY from the data', async () => {
    const iso = await ledger.imports.preview(
      p.file('iso.csv', 'date,memo,value\n2026-04-06,A,1.00\n2026-04-07,B,2.00\n'),
    );
    expect(iso.mapping?.dateOrder).toBe('ymd');
    expect(iso.dateOrder?.ambiguous).toBe(false);
    const us = await ledger.imports.preview(
      p.file('us.csv', 'Date,Description,Amount\n04/06/2026,A,1.00\n04/17/2026,B,2.00\n'),
    );
    expect(us.mapping?.dateOrder).toBe('mdy');
    expect(us.rows.map((r) => (r.values.ok ? r.values.date : null))).toEqual([
      '2026-04-06',
      '2026-04-17',
    ]);
    const unclear = await ledger.imports.preview(
      p.file('unclear.csv', 'Date,Description,Amount\n04/06/2026,A,1.00\n05/06/2026,B,2.00\n'),
    );
    expect(unclear.dateOrder).toMatchObject({
      ambiguous: true,
      order: 'dmy',
      candidates: ['dmy', 'mdy'],
    });
    expect(unclear.warnings.join(' ')).toMatch(/confirm/);
    // The person confirms month-first: the live preview follows.
    const confirmed = await ledger.imports.preview(unclear.file.path, {
      mapping: { ...unclear.mapping!, dateOrder: 'mdy' },
    });
    expect(confirmed.rows.map((r) => (r.values.ok ? r.values.date : null))).toEqual([
      '2026-04-06',
      '2026-05-06',
    ]);
  });

  it('reads Windows-1252 files, where £ is one byte', async () => {
    const bytes = Buffer.from('Date,Description,Amount\n06/04/2026,Caf\xe9,\xa312.50\n', 'latin1');
    const { preview, result } = await importFile(p.file('old-bank.csv', bytes));
    expect(preview.file.encoding).toBe('windows-1252');
    expect(result.imported).toBe(1);
    expect(rows()[0]).toMatchObject({ description: 'Café', amountPence: 1250 });
  });

  it('reads separate paid-out and paid-in columns after a preamble', async () => {
    const file = p.file(
      'nationwide.csv',
      '"Account Name:","Taylor Plumbing"\n"Account Balance:","£1,000.00"\n\n"Date","Transaction type","Description","Paid out","Paid in","Balance"\n"13 Apr 2026","Card","SCREWFIX","£45.00","","£955.00"\n"14 Apr 2026","Bank credit","J SMITH","","£300.00","£1,255.00"\n',
    );
    const { result } = await importFile(file);
    expect(result.imported).toBe(2);
    expect(rows().map((r) => [r.date, r.description, r.amountPence])).toEqual([
      ['2026-04-13', 'SCREWFIX', -4500],
      ['2026-04-14', 'J SMITH', 30000],
    ]);
  });
});

describe('duplicates', () => {
  const statement =
    'Date,Description,Amount\n06/04/2026,COSTA COFFEE,-3.20\n06/04/2026,COSTA COFFEE,-3.20\n07/04/2026,ACME LTD,500.00\n';

  it('keeps two genuine identical coffees on one day, and finds both on re-import', async () => {
    const first = await importFile(p.file('april.csv', statement));
    expect(first.analysis.duplicates).toMatchObject({ inLedger: 0, repeatedInFile: 1 });
    expect(first.result.imported).toBe(3);
    const again = await importFile(p.file('april-again.csv', statement));
    expect(again.analysis.duplicates).toMatchObject({ inLedger: 3, repeatedInFile: 0 });
    expect(again.analysis.rowsToImport).toBe(0);
    expect(again.result).toMatchObject({ imported: 0, duplicatesSkipped: 3 });
    expect(ledger.records.summarise().count).toBe(3);
  });

  it('finds the overlap of a statement that covers some of the same days', async () => {
    await importFile(p.file('april.csv', statement));
    const overlap = await importFile(
      p.file(
        'overlap.csv',
        'Date,Description,Amount\n06/04/2026,COSTA COFFEE,-3.20\n07/04/2026,ACME LTD,500.00\n08/04/2026,SHELL,-20.00\n',
      ),
    );
    expect(
      overlap.analysis.duplicates.items.map((d) => [
        d.line,
        d.kind,
        d.existingTransactionId !== null,
      ]),
    ).toEqual([
      [2, 'in-ledger', true],
      [3, 'in-ledger', true],
    ]);
    expect(overlap.result.imported).toBe(1);
    expect(ledger.records.summarise().count).toBe(4);
  });

  it('imports a duplicate when the person keeps it, or all of them', async () => {
    await importFile(p.file('april.csv', statement));
    const keepOne = await importFile(p.file('again.csv', statement), { keepLines: [4] });
    expect(keepOne.result).toMatchObject({ imported: 1, duplicatesKept: 1, duplicatesSkipped: 2 });
    const keepAll = await importFile(p.file('again2.csv', statement), {
      inLedgerDuplicates: 'keep',
    });
    expect(keepAll.result.imported).toBe(3);
  });

  it('treats a deleted transaction as seen, so re-importing does not bring it back', async () => {
    await importFile(p.file('april.csv', statement));
    const acme = rows().find((r) => r.description === 'ACME LTD')!;
    ledger.transactions.remove([acme.id]);
    const again = await importFile(p.file('again.csv', statement));
    expect(again.analysis.duplicates.items.find((d) => d.line === 4)).toMatchObject({
      existingDeleted: true,
    });
    expect(again.result.imported).toBe(0);
  });

  it('can skip same-day repeats inside the file when the person says so', async () => {
    const { result } = await importFile(p.file('april.csv', statement), { repeatedInFile: 'skip' });
    expect(result).toMatchObject({ imported: 2, duplicatesSkipped: 1 });
  });
});

describe('rows that cannot be read', () => {
  const messy =
    'Date,Description,Amount\n06/04/2026,GOOD,1.00\n31/02/2026,BAD DATE,2.00\n07/04/2026,BAD AMOUNT,two pounds\n08/04/2026,GOOD TOO,3.00\n';

  it('lists each with its line number and reason', async () => {
    const preview = await ledger.imports.preview(p.file('messy.csv', messy));
    const analysis = await ledger.imports.analyse(preview.file.path, preview.mapping!);
    expect(analysis.badRows.items.map((b) => [b.line, b.code])).toEqual([
      [3, 'DATE_UNREADABLE'],
      [4, 'AMOUNT_UNREADABLE'],
    ]);
    expect(analysis.badRows.items[0]!.message).toContain('31/02/2026');
  });

  it('imports nothing when the person has not chosen to skip them', async () => {
    const preview = await ledger.imports.preview(p.file('messy.csv', messy));
    const analysis = await ledger.imports.analyse(preview.file.path, preview.mapping!);
    await expect(
      ledger.imports.commit(analysis, { expectedSha256: analysis.file.sha256, badRows: 'refuse' }),
    ).rejects.toMatchObject({
      code: 'IMPORT_BAD_ROWS_UNRESOLVED',
      message: expect.stringContaining('Line 3'),
    });
    expect(ledger.records.summarise().count).toBe(0);
    expect(ledger.imports.batches()).toEqual([]);
  });

  it('takes the person’s fixes and skips the rest', async () => {
    const preview = await ledger.imports.preview(p.file('messy.csv', messy));
    const analysis = await ledger.imports.analyse(preview.file.path, preview.mapping!);
    const result = await ledger.imports.commit(analysis, {
      expectedSha256: analysis.file.sha256,
      badRows: 'refuse',
      fixes: [{ line: 3, date: '2026-02-28', amountPence: 200, description: 'BAD DATE fixed' }],
      skipLines: [4],
    });
    expect(result).toMatchObject({ imported: 3, fixedRows: 1, skippedByChoice: 1 });
    expect(rows().map((r) => r.description)).toEqual(['BAD DATE fixed', 'GOOD', 'GOOD TOO']);
  });
});

describe('the import as a whole', () => {
  const file = () =>
    p.file(
      'may.csv',
      'Date,Description,Amount\n01/05/2026,SHELL FUEL,-60.00\n02/05/2026,ACME LTD INV 7,1200.00\n03/05/2026,Mystery,-1.00\n',
    );

  it('applies rules, records the batch and one change-log entry, and remembers the mapping', async () => {
    const fuel = ledger.rules.create({
      conditions: { descriptionContains: 'shell' },
      action: {
        businessId: se,
        categoryId: 'se.carVanTravelExpenses',
        disallowableBasisPoints: 1000,
      },
    });
    ledger.rules.create({
      conditions: { descriptionPattern: 'acme ltd*', direction: 'in' },
      action: { businessId: se, categoryId: 'se.turnover', disallowableBasisPoints: 0 },
    });
    const { analysis, result } = await importFile(file());
    expect(analysis.ruleMatches).toBe(2);
    expect(result).toMatchObject({ imported: 3, categorisedByRules: 2 });
    expect(
      rows().map((r) => [r.description, r.categoryId, r.disallowablePence, r.ruleId !== null]),
    ).toEqual([
      ['SHELL FUEL', 'se.carVanTravelExpenses', 600, true],
      ['ACME LTD INV 7', 'se.turnover', 0, true],
      ['Mystery', null, 0, false],
    ]);
    expect(rows()[0]!.ruleId).toBe(fuel.id);
    const [batch] = ledger.imports.batches();
    expect(batch).toMatchObject({
      fileName: 'may.csv',
      rowsImported: 3,
      rowsCategorised: 2,
      fileSha256: analysis.file.sha256,
    });
    expect(ledger.changeLog.list({ entity: 'import-batch' })[0]).toMatchObject({
      action: 'import',
      after: { imported: 3 },
    });
    // Totals include imported rows straight away.
    expect(ledger.totals.yearToDate(se, '2026-27')).toMatchObject({
      incomePence: 120000,
      expensesPence: 6000,
      uncategorised: { count: 1 },
    });
    // Next month's file from the same bank: the mapping is remembered.
    const next = await ledger.imports.preview(
      p.file('june.csv', 'Date,Description,Amount\n01/06/2026,X,1.00\n'),
    );
    expect(next.mappingSource).toBe('remembered');
    expect(ledger.imports.rememberedMappings()).toHaveLength(1);
  });

  it('refuses to commit if the file changed after it was checked, importing nothing', async () => {
    const path = file();
    const preview = await ledger.imports.preview(path);
    const analysis = await ledger.imports.analyse(path, preview.mapping!);
    writeFileSync(path, 'Date,Description,Amount\n01/05/2026,SHELL FUEL,-60.00\n');
    await expect(
      ledger.imports.commit(analysis, { expectedSha256: analysis.file.sha256, badRows: 'skip' }),
    ).rejects.toMatchObject({ code: 'IMPORT_FILE_CHANGED' });
    writeFileSync(
      path,
      'Date,Description,Amount\n01/05/2026,SHELL FUEL,-60.00\n02/05/2026,ACME LTD INV 7,1200.00\n03/05/2026,Mystery,-9.00\n',
    ); // same size
    await expect(
      ledger.imports.commit(analysis, { expectedSha256: analysis.file.sha256, badRows: 'skip' }),
    ).rejects.toMatchObject({ code: 'IMPORT_FILE_CHANGED' });
    expect(ledger.records.summarise().count).toBe(0);
  });

  it('can be cancelled, leaving the ledger as it was', async () => {
    const path = file();
    const preview = await ledger.imports.preview(path);
    const analysis = await ledger.imports.analyse(path, preview.mapping!);
    const controller = new AbortController();
    controller.abort();
    await expect(
      ledger.imports.commit(
        analysis,
        { expectedSha256: analysis.file.sha256, badRows: 'skip' },
        { signal: controller.signal },
      ),
    ).rejects.toMatchObject({ code: 'IMPORT_CANCELLED' });
    expect(ledger.records.summarise().count).toBe(0);
    expect(ledger.busy).toBe(false);
  });

  it('refuses other edits while saving, and shows the old state until it commits', async () => {
    const path = file();
    const preview = await ledger.imports.preview(path);
    const analysis = await ledger.imports.analyse(path, preview.mapping!);
    let sawBusy = false;
    let countDuring = -1;
    await ledger.imports.commit(
      analysis,
      { expectedSha256: analysis.file.sha256, badRows: 'skip' },
      {
        onProgress: () => {
          try {
            ledger.transactions.add({ date: '2026-05-01', description: 'during', amountPence: 1 });
          } catch (error) {
            sawBusy = (error as { code?: string }).code === 'LEDGER_BUSY';
          }
          countDuring = ledger.records.summarise().count;
        },
      },
    );
    expect(sawBusy).toBe(true);
    expect(countDuring).toBe(0);
    expect(ledger.records.summarise().count).toBe(3);
    expect(
      ledger.transactions.add({ date: '2026-05-01', description: 'after', amountPence: 1 }).id,
    ).toBeGreaterThan(0);
  });

  it('undoes a whole import in one step (and the undo can be undone)', async () => {
    const { result } = await importFile(file());
    expect(ledger.imports.undo(result.batchId)).toEqual({ removed: 3 });
    expect(ledger.records.summarise().count).toBe(0);
    expect(ledger.imports.batches()[0]?.undoneAt).not.toBeNull();
    const deleted = ledger.records.list({ deleted: true }).rows.map((r) => r.id);
    ledger.transactions.restore(deleted);
    expect(ledger.records.summarise().count).toBe(3);
  });

  it('reports progress that only moves forward and reaches the end', async () => {
    const lines = ['Date,Description,Amount'];
    for (let i = 0; i < 30_000; i++) lines.push(`06/04/2026,ROW ${i},-1.00`);
    const path = p.file('big.csv', lines.join('\n'));
    const preview = await ledger.imports.preview(path);
    const seen: number[] = [];
    const analysis: ImportAnalysis = await ledger.imports.analyse(path, preview.mapping!, {
      onProgress: (x) => seen.push(x.bytesRead),
    });
    expect(seen.length).toBeGreaterThan(2);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.at(-1)).toBe(analysis.file.sizeBytes);
  });
});

describe('remembered mappings', () => {
  it('reuses the columns for the next statement even when its preamble is longer', async () => {
    const first = p.file(
      'jan.csv',
      '"Statement","January"\nDate,Details,Money out,Money in\n02/01/2026,SHOP,5.00,\n',
    );
    const preview = await ledger.imports.preview(first);
    // The person picks "Details" as the counterparty too (a choice detection would not make).
    const mapping: CsvMapping = { ...preview.mapping!, counterpartyColumn: 1 };
    const analysis = await ledger.imports.analyse(first, mapping);
    await ledger.imports.commit(analysis, {
      expectedSha256: analysis.file.sha256,
      badRows: 'skip',
    });
    const second = p.file(
      'feb.csv',
      '"Statement","February"\n"Account","12345678"\nDate,Details,Money out,Money in\n02/02/2026,CAFE,,7.50\n',
    );
    const next = await ledger.imports.preview(second);
    expect(next.mappingSource).toBe('remembered');
    expect(next.mapping).toMatchObject({ counterpartyColumn: 1, headerRowIndex: 2 });
    expect(next.rows[0]?.values).toMatchObject({
      ok: true,
      description: 'CAFE',
      counterparty: 'CAFE',
      amountPence: 750,
    });
  });
});
