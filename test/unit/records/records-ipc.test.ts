import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMainServices, type MainServices } from '../../../src/main/create-main-services';
import type { ResponseOf } from '@shared/ipc/contract';
import type { RecordsProgress } from '@shared/ipc/channels/records';
import { dispatchAs } from '../../support/dispatch-as';
import { fakeMainAdapters } from '../../support/fakes/main-adapters';
import { ofxStatement } from '../../support/ofx-statement';

/**
 * The records IPC adapter through the real router and services: fakes only for the OS file
 * dialogs (answers queued as the person would choose) and the memory stores. Real SQLite
 * ledgers in a temp folder.
 */

let services: MainServices | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

async function start() {
  const fakes = fakeMainAdapters();
  services = await createMainServices(fakes.adapters);
  const events: { event: string; payload: unknown }[] = [];
  services.ipc.onEmit((event, payload) => events.push({ event, payload }));
  const dir = mkdtempSync(join(tmpdir(), 'records-ipc-'));
  const { call: raw, ok: call, send } = dispatchAs(services.ipc);
  const profile = await services.profiles.create({
    kind: 'self',
    name: 'Sam Taylor',
    nino: 'AA100001A',
  });
  return { services, fakes, events, dir, raw, call, send, profileId: profile.id };
}

/** The answer to a file dialog the test answered for the person: never the cancelled one. */
function chosen<T extends object>(answer: T): Exclude<T, { cancelled: true }> {
  if ('cancelled' in answer) throw new Error('The file dialog was cancelled');
  return answer as Exclude<T, { cancelled: true }>;
}

/** A chosen bank statement that turned out to be a CSV (the mapping step comes next). */
type ChooseAnswer = ResponseOf<'records.importChoose'>;
function csvPreview(answer: ChooseAnswer): Extract<ChooseAnswer, { format: 'csv' }> {
  if ('cancelled' in answer || answer.format !== 'csv') throw new Error('Not read as a CSV');
  return answer;
}

const STATEMENT = [
  'Date,Description,Amount,Balance',
  '06/04/2025,ACME LTD INVOICE 101,"1,250.00",1250.00',
  '07/04/2025,TESCO STORES 3412,-45.20,1204.80',
  '07/04/2025,TESCO STORES 3412,-45.20,1159.60',
  '09/04/2025,SHELL BRENTFORD,(30.00),1129.60',
  '31/02/2025,BROKEN ROW,-1.00,1128.60',
  '12/07/2025,ACME LTD INVOICE 102,£600.00,1728.60',
  '',
].join('\n');

describe('records IPC: entries and the list', () => {
  it('adds, lists, totals, categorises, splits, deletes and restores through typed channels', async () => {
    const { call, raw, profileId, events } = await start();
    const { business } = await call('records.createBusiness', {
      profileId,
      kind: 'self-employment',
      name: 'Taylor Design',
    });
    const add = (date: string, description: string, amountPence: number) =>
      call('records.add', {
        profileId,
        date,
        description,
        amountPence,
      });
    const sale = (await add('2025-05-01', 'Invoice 7', 120_000)).transaction.id;
    const fuel = (await add('2025-05-02', 'Fuel', -6_000)).transaction.id;
    const laptop = (await add('2025-06-01', 'Laptop', -90_000)).transaction.id;
    expect(events.filter((e) => e.event === 'records.changed')).toHaveLength(4);

    const list = await call('records.list', {
      profileId,
      filter: { taxYear: '2025-26' },
      sort: 'date-asc',
      offset: 1,
      limit: 1,
    });
    expect(list).toMatchObject({ profileId, offset: 1 });
    expect(list.rows.map((r) => r.id)).toEqual([fuel]);

    expect(await call('records.summarise', { profileId, filter: {} })).toEqual({
      profileId,
      count: 3,
      inPence: 120_000,
      outPence: 96_000,
      netPence: 24_000,
      uncategorisedCount: 3,
    });

    // A reportable category needs a business: the ledger's typed error with its field.
    const refused = await raw('records.categorise', {
      profileId,
      transactionIds: [sale],
      categoryId: 'se.turnover',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'BUSINESS_REQUIRED', fields: [{ path: 'businessId' }] },
    });
    await call('records.categorise', {
      profileId,
      transactionIds: [sale],
      businessId: business.id,
      categoryId: 'se.turnover',
    });
    await call('records.categorise', {
      profileId,
      transactionIds: [fuel],
      businessId: business.id,
      categoryId: 'se.carVanTravelExpenses',
      disallowableBasisPoints: 2_500,
    });
    const fuelNow = await call('records.get', {
      profileId,
      transactionId: fuel,
    });
    expect(fuelNow.transaction.disallowablePence).toBe(1_500);

    // Split: the parts must add up; the message says by how much they do not.
    const mismatch = await raw('records.split', {
      profileId,
      transactionId: laptop,
      parts: [
        { amountPence: -60_000, businessId: business.id, categoryId: 'se.adminCosts' },
        { amountPence: -20_000, categoryId: 'excluded.personal' },
      ],
    });
    expect(mismatch).toMatchObject({ ok: false, error: { code: 'SPLIT_TOTAL_MISMATCH' } });
    const split = await call('records.split', {
      profileId,
      transactionId: laptop,
      parts: [
        { amountPence: -60_000, businessId: business.id, categoryId: 'se.adminCosts' },
        { amountPence: -30_000, categoryId: 'excluded.personal' },
      ],
    });
    expect(split.transaction.isSplit).toBe(true);
    expect(split.parts).toHaveLength(2);

    const totals = await call('records.totals', {
      profileId,
      businessId: business.id,
      taxYear: '2025-26',
    });
    expect(totals).toMatchObject({
      incomePence: 120_000,
      expensesPence: 66_000,
      disallowablePence: 1_500,
      excluded: { count: 0 }, // the personal part has no business
    });
    expect(totals.fields.find((f) => f.categoryId === 'se.adminCosts')?.valuePence).toBe(60_000);
    expect(totals.quarters.map((q) => [q.incomePence, q.expensesPence])).toEqual([
      [120_000, 66_000],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);

    expect(await call('records.remove', { profileId, transactionIds: [sale] })).toEqual({
      profileId,
      removed: 1,
    });
    expect((await call('records.summarise', { profileId, filter: {} })).count).toBe(3);
    await call('records.restore', { profileId, transactionIds: [sale] });
    expect((await call('records.summarise', { profileId, filter: {} })).count).toBe(4);
  });

  it('refuses an unknown profile and answers garbage with a typed error', async () => {
    const { raw, send } = await start();
    const unknown = await raw('records.summarise', {
      profileId: '6f1c1b8e-2f7e-4c1e-9a43-0a6f3c1f7d11',
      filter: {},
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'PROFILE_NOT_FOUND' } });
    const garbage = await send('records.list', { profileId: 'x', filter: {}, sort: 'sideways' });
    expect(garbage).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
  });
});

describe('records IPC: files through main’s dialogs', () => {
  it('imports a bank statement in steps, never showing the window a path', async () => {
    const { call, raw, profileId, fakes, dir, events } = await start();
    const file = join(dir, 'statement.csv');
    writeFileSync(file, STATEMENT);

    // Cancelled dialog: nothing happens.
    expect(await call('records.importChoose', { profileId })).toEqual({
      profileId,
      cancelled: true,
    });

    fakes.files.chosen.push(file);
    const preview = csvPreview(await call('records.importChoose', { profileId }));
    expect(preview).toMatchObject({ fileName: 'statement.csv', mappingSource: 'detected' });
    expect(JSON.stringify(preview)).not.toContain(dir);

    // Another profile cannot use this file's id.
    const other = await services!.profiles.create({
      kind: 'self',
      name: 'Other',
      nino: 'AB100002B',
    });
    const foreign = await raw('records.importAnalyse', {
      profileId: other.id,
      importId: preview.importId,
      mapping: preview.mapping!,
    });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'IMPORT_NOT_FOUND' } });

    const analysis = await call('records.importAnalyse', {
      profileId,
      importId: preview.importId,
      mapping: preview.mapping!,
    });
    expect(analysis.rowsRead).toBe(6);
    expect(analysis.badRows).toMatchObject({ count: 1, items: [{ line: 6 }] });
    expect(analysis.duplicates.repeatedInFile).toBe(1);
    expect(analysis.rowsByTaxYear).toEqual([{ taxYear: '2025-26', rows: 5 }]);
    const progress = events
      .filter((e) => e.event === 'records.progress')
      .map((e) => e.payload as RecordsProgress);
    expect(progress.at(-1)).toMatchObject({
      profileId,
      operationId: preview.importId,
      kind: 'import-analyse',
      finished: true,
    });

    const result = await call('records.importCommit', {
      profileId,
      importId: preview.importId,
      decisions: { badRows: 'skip' },
    });
    expect(result).toMatchObject({ imported: 5, badRowsSkipped: 1 });
    // Committed once: the same check cannot be saved twice.
    const again = await raw('records.importCommit', {
      profileId,
      importId: preview.importId,
      decisions: { badRows: 'skip' },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'IMPORT_NOT_FOUND' } });

    // The same file again: every row is a duplicate and the mapping is remembered.
    fakes.files.chosen.push(file);
    const second = csvPreview(await call('records.importChoose', { profileId }));
    expect(second.mappingSource).toBe('remembered');
    const secondAnalysis = await call('records.importAnalyse', {
      profileId,
      importId: second.importId,
      mapping: second.mapping!,
    });
    expect(secondAnalysis).toMatchObject({ rowsToImport: 0, duplicates: { inLedger: 5 } });

    expect(await call('records.importUndo', { profileId, batchId: result.batchId })).toEqual({
      profileId,
      removed: 5,
    });
    const batches = await call('records.importBatches', {
      profileId,
    });
    expect(batches.batches[0]?.undoneAt).not.toBeNull();
  });

  it('imports an OFX statement without a mapping step, never showing the account number', async () => {
    const { call, raw, profileId, fakes, dir, events } = await start();
    const file = join(dir, 'march.ofx');
    writeFileSync(
      file,
      ofxStatement({
        accountId: '30941212345678',
        start: '20260103',
        end: '20260328',
        transactions: [
          { type: 'CREDIT', posted: '20260105', amount: '850.00', fitid: 'F1', name: 'ACME LTD' },
          { type: 'POS', posted: '20260106', amount: '-12,50', fitid: 'F2', name: 'M&S' },
          { type: 'POS', posted: '20260107', amount: 'twelve', fitid: 'F3', name: 'SHELL' },
        ],
      }),
    );
    fakes.files.chosen.push(file);
    const preview = chosen(await call('records.importChoose', { profileId }));
    expect(preview).toMatchObject({
      format: 'ofx',
      fileName: 'march.ofx',
      statements: [
        {
          kind: 'bank',
          account: '••••5678',
          from: '2026-01-03',
          to: '2026-03-28',
          transactions: 3,
        },
      ],
      transactions: 3,
      rows: [
        { values: { ok: true, description: 'ACME LTD', amountPence: 85000 } },
        { values: { ok: true, description: 'M&S', amountPence: -1250 } },
        { values: { ok: false, code: 'AMOUNT_UNREADABLE' } },
      ],
    });
    expect(JSON.stringify(preview)).not.toContain('30941212345678');
    expect(JSON.stringify(preview)).not.toContain(dir);

    // The CSV steps refuse an OFX file rather than read it as columns.
    const asCsv = await raw('records.importPreview', {
      profileId,
      importId: preview.importId,
      mapping: {
        delimiter: ',',
        headerRowIndex: 0,
        dateColumn: 0,
        dateOrder: 'dmy',
        descriptionColumns: [1],
        counterpartyColumn: null,
        amount: { kind: 'single', column: 2, invert: false },
        decimal: 'dot',
      },
    });
    expect(asCsv).toMatchObject({ ok: false, error: { code: 'IMPORT_WRONG_FORMAT' } });

    const analysis = await call('records.importAnalyseOfx', {
      profileId,
      importId: preview.importId,
    });
    expect(analysis).toMatchObject({ rowsRead: 3, rowsToImport: 2, badRows: { count: 1 } });
    expect(events.at(-1)).toMatchObject({
      event: 'records.progress',
      payload: { operationId: preview.importId, kind: 'import-analyse', finished: true },
    });
    const result = await call('records.importCommit', {
      profileId,
      importId: preview.importId,
      decisions: { badRows: 'skip' },
    });
    expect(result).toMatchObject({ imported: 2, badRowsSkipped: 1 });

    // The same statement again: every readable row is already in the records.
    fakes.files.chosen.push(file);
    const second = chosen(await call('records.importChoose', { profileId }));
    expect(
      await call('records.importAnalyseOfx', { profileId, importId: second.importId }),
    ).toMatchObject({ rowsToImport: 0, duplicates: { inLedger: 2 } });
  });

  it('says plainly when a file named .ofx is not OFX', async () => {
    const { raw, profileId, fakes, dir } = await start();
    const file = join(dir, 'statement.ofx');
    writeFileSync(file, 'Date,Description,Amount\n01/03/2026,X,1.00\n');
    fakes.files.chosen.push(file);
    expect(await raw('records.importChoose', { profileId })).toMatchObject({
      ok: false,
      error: {
        code: 'IMPORT_NOT_OFX',
        message: 'statement.ofx is not an OFX statement: it does not start the way OFX files do.',
      },
    });
  });

  it('attaches a receipt chosen in the dialog and opens the stored copy', async () => {
    const { call, profileId, fakes, dir } = await start();
    const { transaction } = await call('records.add', {
      profileId,
      date: '2025-05-02',
      description: 'Fuel',
      amountPence: -6_000,
    });
    const pdf = join(dir, 'fuel receipt.pdf');
    writeFileSync(pdf, '%PDF-1.4\n% a receipt\n');
    fakes.files.chosen.push(pdf);
    const attached = chosen(
      await call('records.attachReceipt', {
        profileId,
        transactionId: transaction.id,
      }),
    );
    expect(attached.receipt).toMatchObject({
      originalName: 'fuel receipt.pdf',
      mime: 'application/pdf',
    });
    const detail = await call('records.get', { profileId, transactionId: transaction.id });
    expect(detail.transaction.receiptCount).toBe(1);
    expect(JSON.stringify(detail)).not.toContain(dir);

    await call('records.openReceipt', { profileId, receiptId: attached.receipt.id });
    expect(fakes.files.opened).toHaveLength(1);
    expect(fakes.files.opened[0]).toContain(join(profileId, 'receipts'));
    expect(existsSync(fakes.files.opened[0]!)).toBe(true);
  });

  it('makes rules from a categorisation, previews and applies them, and keeps their order', async () => {
    const { call, profileId } = await start();
    const { business } = await call('records.createBusiness', {
      profileId,
      kind: 'self-employment',
      name: 'Taylor Design',
    });
    const ids: number[] = [];
    for (const [description, counterparty, amountPence] of [
      ['CARD 1 SHELL', 'Shell', -4_000],
      ['CARD 2 SHELL', 'Shell', -5_000],
      ['CARD 3 BP', 'BP', -3_000],
    ] as const) {
      const { transaction } = await call('records.add', {
        profileId,
        date: '2025-05-02',
        description,
        counterparty,
        amountPence,
      });
      ids.push(transaction.id);
    }
    await call('records.categorise', {
      profileId,
      transactionIds: [ids[0]!],
      businessId: business.id,
      categoryId: 'se.carVanTravelExpenses',
    });
    // Saving the rule applies it at once to the other Shell record; nothing is left to run.
    const { rule, applied } = await call('records.ruleFromTransaction', {
      profileId,
      transactionId: ids[0]!,
      match: 'counterparty',
    });
    expect(rule.conditions.counterpartyIs).toBe('Shell');
    expect(applied).toBe(1);
    expect(
      await call('records.previewRule', { profileId, conditions: { counterpartyIs: 'shell' } }),
    ).toMatchObject({ count: 2 });
    expect(await call('records.applyRules', { profileId, scope: 'uncategorised' })).toEqual({
      profileId,
      matched: 0,
      updated: 0,
    });
    const second = await call('records.get', {
      profileId,
      transactionId: ids[1]!,
    });
    expect(second.transaction.ruleId).toBe(rule.id);

    const { rule: bp } = await call('records.createRule', {
      profileId,
      rule: {
        conditions: { descriptionContains: 'BP' },
        action: {
          businessId: business.id,
          categoryId: 'se.carVanTravelExpenses',
          disallowableBasisPoints: 0,
        },
      },
    });
    const reordered = await call('records.reorderRules', {
      profileId,
      ruleIds: [bp.id, rule.id],
    });
    expect(reordered.rules.map((r) => r.id)).toEqual([bp.id, rule.id]);
    const removed = await call('records.removeRule', {
      profileId,
      ruleId: bp.id,
    });
    expect(removed.rules).toHaveLength(1);
  });

  it('exports the records and round-trips a whole profile through an archive', async () => {
    const { call, raw, profileId, fakes, dir, events } = await start();
    await call('records.createBusiness', { profileId, kind: 'uk-property', name: 'Flat 2' });
    await call('records.add', {
      profileId,
      date: '2025-05-01',
      description: 'Rent, May',
      amountPence: 95_000,
    });

    const csv = join(dir, 'records.csv');
    fakes.files.saveLocations.push(csv);
    expect(await call('records.exportRecords', { profileId, format: 'csv', filter: {} })).toEqual({
      profileId,
      fileName: 'records.csv',
      rows: 1,
    });
    expect(existsSync(csv)).toBe(true);

    const archive = join(dir, 'sam.zip');
    fakes.files.saveLocations.push(archive);
    const operationId = '0b7f6c1e-2d5a-4f3e-8c9b-1a2b3c4d5e6f';
    const saved = chosen(
      await call('records.exportArchive', {
        profileId,
        operationId,
      }),
    );
    expect(saved.fileName).toBe('sam.zip');
    expect(
      events.some(
        (e) =>
          e.event === 'records.progress' &&
          (e.payload as RecordsProgress).kind === 'archive-export',
      ),
    ).toBe(true);

    // The NINO is checked before the file is asked for: a taken NINO changes nothing.
    const taken = await raw('records.importArchive', {
      operationId,
      kind: 'self',
      name: 'Sam again',
      nino: 'AA100001A',
    });
    expect(taken).toMatchObject({ ok: false, error: { code: 'DUPLICATE_PROFILE' } });

    fakes.files.chosen.push(archive);
    const imported = chosen(
      await call('records.importArchive', {
        operationId,
        kind: 'self',
        name: 'Sam on the new laptop',
        nino: 'AC100003C',
      }),
    );
    expect(imported).toMatchObject({
      name: 'Sam on the new laptop',
      transactions: 1,
      businesses: 1,
    });
    expect(imported.profileId).not.toBe(profileId);
    expect(services!.profiles.get(imported.profileId)?.nino).toBe('AC100003C');
    const summary = await call('records.summarise', {
      profileId: imported.profileId,
      filter: {},
    });
    expect(summary.inPence).toBe(95_000);

    // A damaged archive adds no profile.
    const broken = join(dir, 'broken.zip');
    writeFileSync(broken, 'not a zip at all');
    fakes.files.chosen.push(broken);
    const before = services!.profiles.list().length;
    const bad = await raw('records.importArchive', {
      operationId,
      kind: 'self',
      name: 'Broken',
      nino: 'AE100005D',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'ARCHIVE_INVALID' } });
    expect(services!.profiles.list()).toHaveLength(before);
  });
});
