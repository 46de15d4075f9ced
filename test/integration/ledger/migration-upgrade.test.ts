import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LEDGER_MIGRATIONS,
  dailyTotalsDrift,
  migrate,
  openDatabase,
  openLedger,
} from '../../../src/main/ledger';
import { createSignOffRecords } from '../../../src/main/agents/sign-off/sign-off-records';
import { ofxStatement } from '../../support/ofx-statement';
import { tempProfile } from './fixtures/temp-profile';

let p: ReturnType<typeof tempProfile>;
let file: string;
beforeEach(() => {
  p = tempProfile();
  file = p.ledger.file;
  p.ledger.close();
  // Start again from an empty file that only ever saw version 1.
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
});
afterEach(() => p.dispose());

describe('opening a ledger written by an older version', () => {
  it('upgrades a version-1 file with its data intact and every newer feature working', async () => {
    const old = openDatabase(file);
    expect(
      migrate(old, LEDGER_MIGRATIONS.slice(0, 1), () => '2025-06-01T00:00:00.000Z'),
    ).toMatchObject({ from: 0, to: 1 });
    old.exec(`
      INSERT INTO businesses (id, kind, name, created_at, updated_at) VALUES (1, 'self-employment', 'Old Plumbing', 't', 't');
      INSERT INTO business_years VALUES (1, '2025-26', 'standard', 0, 't');
      INSERT INTO transactions (id, date, description, amount_pence, business_id, category_id, disallowable_pence, created_at, updated_at) VALUES
        (1, '2025-05-01', 'Job A', 120000, 1, 'se.turnover', 0, 't', 't'),
        (2, '2025-05-02', 'Van', -30000, 1, 'se.carVanTravelExpenses', 5000, 't', 't'),
        (3, '2025-05-03', 'Unsorted', -999, NULL, NULL, 0, 't', 't');
      INSERT INTO transactions (id, date, description, amount_pence, business_id, category_id, created_at, updated_at, deleted_at) VALUES
        (4, '2025-05-04', 'Deleted', -5, 1, 'se.adminCosts', 't', 't', 't');
      INSERT INTO change_log (at, actor, entity, entity_id, action, after_json) VALUES ('t', 'old app', 'transaction', '1', 'create', '{"id":1}');
    `);
    old.close();

    const ledger = openLedger({ file, actor: 'new app' });
    try {
      expect(ledger.migration).toMatchObject({ from: 1, to: LEDGER_MIGRATIONS.length });
      expect(ledger.schemaVersion).toBe(LEDGER_MIGRATIONS.length);
      // The data is all there, untouched.
      expect(ledger.businesses.get(1)).toMatchObject({
        name: 'Old Plumbing',
        kind: 'self-employment',
      });
      expect(
        ledger.records
          .list({}, { sort: 'date-asc' })
          .rows.map((r) => [r.id, r.amountPence, r.importBatchId, r.contentHash]),
      ).toEqual([
        [1, 120000, null, null],
        [2, -30000, null, null],
        [3, -999, null, null],
      ]);
      expect(ledger.changeLog.list()).toEqual([
        expect.objectContaining({ actor: 'old app', after: { id: 1 } }),
      ]);
      // The summary added in a later version was filled from the old rows.
      expect(dailyTotalsDrift(ledger.database)).toBe(0);
      expect(ledger.totals.yearToDate(1, '2025-26')).toMatchObject({
        incomePence: 120000,
        expensesPence: 30000,
        disallowablePence: 5000,
        uncategorised: { count: 0 },
      });
      expect(ledger.records.uncategorisedCount()).toBe(1);
      // Later features work on old rows: receipts, rules, imports.
      const receipt = await ledger.receipts.attach(2, p.file('fuel.pdf', '%PDF-1.4 fuel receipt'));
      expect(ledger.receipts.listFor(2).map((r) => r.id)).toEqual([receipt.id]);
      ledger.rules.create({
        conditions: { descriptionContains: 'unsorted' },
        action: { businessId: 1, categoryId: 'se.otherExpenses', disallowableBasisPoints: 0 },
      });
      expect(ledger.rules.apply()).toEqual({ matched: 1, updated: 1 });
      const csv = p.file('statement.csv', 'Date,Description,Amount\n06/05/2025,New job,50.00\n');
      const preview = await ledger.imports.preview(csv);
      const analysis = await ledger.imports.analyse(csv, preview.mapping!);
      await ledger.imports.commit(analysis, {
        expectedSha256: analysis.file.sha256,
        badRows: 'skip',
        businessId: 1,
      });
      expect(ledger.records.summarise()).toMatchObject({ count: 4, uncategorisedCount: 1 });
      // The old append-only rule still holds.
      expect(() => ledger.database.prepare('DELETE FROM change_log').run()).toThrow(/append-only/);
    } finally {
      ledger.close();
    }
    // A second open has nothing left to do.
    const again = openLedger({ file, actor: 'new app' });
    expect(again.migration.applied).toEqual([]);
    again.close();
  });

  it('keeps CSV imports made before OFX came (version 6), and then imports OFX', async () => {
    const old = openDatabase(file);
    migrate(old, LEDGER_MIGRATIONS.slice(0, 6), () => '2025-06-01T00:00:00.000Z');
    old.exec(`
      INSERT INTO import_batches (id, file_name, file_sha256, file_size, format, shape_fingerprint, mapping_json, rows_read, rows_imported, started_at, finished_at)
        VALUES (1, 'april.csv', 'abc', 40, 'csv', 'fp', '{"delimiter":","}', 1, 1, 't', 't');
      INSERT INTO transactions (id, date, description, amount_pence, import_batch_id, source_line, content_hash, created_at, updated_at)
        VALUES (1, '2026-03-02', 'J SMITH & CO INV 1001', 85000, 1, 2, 'h', 't', 't');
    `);
    old.close();

    const ledger = openLedger({ file, actor: 'new app' });
    try {
      // Version 7 and every step after it, in order: nothing skipped, nothing applied twice.
      expect(ledger.migration.applied).toEqual(
        LEDGER_MIGRATIONS.filter((m) => m.version > 6).map((m) => m.name),
      );
      expect(ledger.migration.applied[0]).toBe('0007-ofx-imports');
      expect(ledger.imports.batches()).toEqual([
        expect.objectContaining({
          id: 1,
          fileName: 'april.csv',
          format: 'csv',
          mapping: { delimiter: ',' },
          statements: null,
        }),
      ]);
      expect(ledger.database.pragma('foreign_key_check')).toEqual([]);
      expect(ledger.imports.undo(1)).toEqual({ removed: 1 });

      const ofx = p.file(
        'march.ofx',
        ofxStatement({
          accountId: '30941212345678',
          start: '20260301',
          end: '20260331',
          transactions: [
            {
              type: 'CREDIT',
              posted: '20260302',
              amount: '850.00',
              fitid: 'F1',
              name: 'J SMITH & CO',
            },
          ],
        }),
      );
      const analysis = await ledger.imports.analyseOfx(ofx);
      const result = await ledger.imports.commit(analysis, {
        expectedSha256: analysis.file.sha256,
        badRows: 'skip',
      });
      expect(result).toMatchObject({ batchId: 2, imported: 1 });
      expect(ledger.imports.batches()[0]).toMatchObject({ format: 'ofx', mapping: null });
    } finally {
      ledger.close();
    }
  });

  it('keeps every business and outbox item when foreign property arrives (version 10)', () => {
    const old = openDatabase(file);
    migrate(old, LEDGER_MIGRATIONS.slice(0, 10), () => '2025-06-01T00:00:00.000Z');
    old.exec(`
      INSERT INTO businesses (id, kind, name, hmrc_business_id, created_at, updated_at) VALUES
        (1, 'self-employment', 'Old Plumbing', 'XAIS12345678901', 't', 't'),
        (2, 'uk-property', 'Mill Lane', NULL, 't', 't');
      INSERT INTO business_years VALUES (2, '2025-26', 'calendar', 1, 't');
      INSERT INTO transactions (id, date, description, amount_pence, business_id, category_id, created_at, updated_at)
        VALUES (1, '2025-05-01', 'Rent', 95000, 2, 'ukp.periodAmount', 't', 't');
      INSERT INTO sync_outbox (id, business_id, hmrc_business_id, kind, tax_year, period_start, period_end,
        payload, payload_hash, records_fingerprint, records_count, records_from, records_to, state,
        approved_at, approved_by, updated_at, submission)
        VALUES (1, 1, 'XAIS12345678901', 'self-employment', '2025-26', '2025-04-06', '2025-07-05', '{}',
          '${'a'.repeat(64)}', 'f', 0, '2025-04-06', '2025-07-05', 'accepted', 't', 'me', 't', 'annual');
    `);
    expect(() =>
      old
        .prepare(
          "INSERT INTO businesses (kind, name, created_at, updated_at) VALUES ('foreign-property', 'Villa', 't', 't')",
        )
        .run(),
    ).toThrow(/CHECK/);
    old.close();

    const ledger = openLedger({ file, actor: 'new app' });
    try {
      expect(ledger.migration.applied).toContain('0011-foreign-property-kind');
      expect(ledger.database.pragma('foreign_key_check')).toEqual([]);
      expect(ledger.businesses.list().map((b) => [b.id, b.kind, b.name, b.hmrcBusinessId])).toEqual(
        [
          [1, 'self-employment', 'Old Plumbing', 'XAIS12345678901'],
          [2, 'uk-property', 'Mill Lane', null],
        ],
      );
      expect(ledger.businesses.yearSettings(2, '2025-26')).toMatchObject({
        periodType: 'calendar',
        consolidatedExpenses: true,
      });
      expect(ledger.totals.yearToDate(2, '2025-26').incomePence).toBe(95000);
      expect(
        ledger.database.prepare('SELECT id, state, submission FROM sync_outbox').all(),
      ).toEqual([{ id: 1, state: 'accepted', submission: 'annual' }]);
      // The indexes the outbox is read by are back.
      const indexes = ledger.database
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'sync_outbox'")
        .pluck()
        .all();
      expect(indexes).toEqual(
        expect.arrayContaining(['ix_sync_outbox_state', 'ix_sync_outbox_business']),
      );
      // Foreign property is now a kind of business, in the ledger and the outbox.
      const villa = ledger.businesses.create({
        kind: 'foreign-property',
        name: 'Villa',
        countryCode: 'FRA',
      });
      expect(villa.foreign).toMatchObject({ parentId: null, countryCode: 'FRA' });
      ledger.database
        .prepare(
          `INSERT INTO sync_outbox (business_id, hmrc_business_id, kind, tax_year, period_start, period_end,
             payload, payload_hash, records_fingerprint, records_count, records_from, records_to, state,
             approved_at, approved_by, updated_at)
           VALUES (?, 'XFIS85000000002', 'foreign-property', '2025-26', '2025-04-06', '2025-07-05', '{}', ?, 'f', 0,
             '2025-04-06', '2025-07-05', 'approved', 't', 'me', 't')`,
        )
        .run(villa.id, 'b'.repeat(64));
    } finally {
      ledger.close();
    }
  });

  it('keeps the year end’s records when client approvals come into the ledger (version 13)', () => {
    const old = openDatabase(file);
    migrate(old, LEDGER_MIGRATIONS.slice(0, 12), () => '2025-06-01T00:00:00.000Z');
    old.exec(`
      INSERT INTO ye_client_approvals (id, tax_year, calculation_id, approved_on, method, note, recorded_by, recorded_at)
        VALUES (1, '2025-26', 'calc-1', '2026-11-19', 'phone', 'Agreed by phone.', 'Agent for Gwen', 't');
      INSERT INTO oi_not_covered (tax_year, topic, applies, answered_at) VALUES ('2025-26', 'foreign-income', 0, 't');
    `);
    expect(
      old.prepare("SELECT name FROM sqlite_master WHERE name = 'ag_sign_off_approvals'").get(),
    ).toBeUndefined();
    old.close();

    const ledger = openLedger({ file, actor: 'new app' });
    try {
      expect(ledger.migration).toMatchObject({ from: 12, applied: ['0013-client-sign-offs'] });
      expect(ledger.database.pragma('foreign_key_check')).toEqual([]);
      // The declaration's own record of the year-end approval is where it was, untouched.
      expect(ledger.database.prepare('SELECT * FROM ye_client_approvals').all()).toEqual([
        expect.objectContaining({ calculation_id: 'calc-1', method: 'phone' }),
      ]);
      expect(ledger.database.prepare('SELECT COUNT(*) FROM oi_not_covered').pluck().get()).toBe(1);
      // Approvals of quarterly updates and annual figures can now be kept here.
      const records = createSignOffRecords(ledger.database);
      const reference = `annual:1:2025-26:${'b'.repeat(16)}`;
      const approval = {
        approvedOn: '2026-11-19',
        method: 'email',
        note: '',
        recordedBy: 'Agent',
        recordedAt: '2026-11-19T10:00:00.000Z',
      } as const;
      records.put(reference, approval);
      expect(records.get(reference)).toEqual(approval);
    } finally {
      ledger.close();
    }
  });

  it('refuses a file from a newer version of the app, leaving it untouched', () => {
    const newer = openDatabase(join(p.root, 'newer.sqlite'));
    migrate(
      newer,
      [
        ...LEDGER_MIGRATIONS,
        { version: LEDGER_MIGRATIONS.length + 1, name: '9999-future', up: () => undefined },
      ],
      () => 't',
    );
    newer.close();
    expect(() => openLedger({ file: join(p.root, 'newer.sqlite'), actor: 'x' })).toThrow(
      expect.objectContaining({ code: 'LEDGER_TOO_NEW' }),
    );
  });
});
