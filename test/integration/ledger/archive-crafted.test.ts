import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_ARCHIVE_LIMITS,
  dailyTotalsDrift,
  exportProfileArchive,
  importProfileArchive,
  openLedger,
  type Ledger,
} from '../../../src/main/ledger';
import { TRANSACTIONS_TOTALS_INSERT_TRIGGER } from '../../../src/main/ledger/migrations/0004-daily-totals';
import { createOutboxStore, SENDABLE } from '../../../src/main/sync/outbox-store';
import {
  appendToSchemaText,
  changeDatabase,
  readArchive,
  withManifest,
  writeArchive,
  type ArchiveFiles,
} from './fixtures/craft-archive';
import { tempProfile } from './fixtures/temp-profile';

/**
 * Archives built the way an attacker would build them (a real export, taken apart, changed and
 * zipped again with a matching manifest), each shown refused or contained: no path outside the
 * profile, no program opened, no SQL text from the file run, nothing sendable without review,
 * and nothing of a refused archive left on disk.
 */

let p: ReturnType<typeof tempProfile>;
let original: ArchiveFiles;
let archive: string;
let staging: string;
let profiles: string;

beforeEach(async () => {
  p = tempProfile();
  staging = join(p.root, 'staging');
  profiles = join(p.root, 'profiles');
  const se = p.ledger.businesses.create({
    kind: 'self-employment',
    name: 'Plumbing',
    hmrcBusinessId: 'XAIS12345678910',
  }).id;
  const tx = p.ledger.transactions.add({
    date: '2026-05-01',
    description: 'Boiler part',
    amountPence: -12_345,
    businessId: se,
    categoryId: 'se.costOfGoods',
  });
  await p.ledger.receipts.attach(tx.id, p.file('part.pdf', '%PDF-1.7 boiler part receipt'));
  archive = join(p.root, 'archive.zip');
  await exportProfileArchive({ ledger: p.ledger, outFile: archive, stagingRoot: staging });
  original = readArchive(archive);
});
afterEach(() => p.dispose());

const importInto = (name: string, limits = DEFAULT_ARCHIVE_LIMITS) =>
  importProfileArchive({
    archiveFile: archive,
    targetDir: join(profiles, name),
    stagingRoot: staging,
    limits,
  });

/** Refused, with nothing of the archive left: no target folder, an empty staging folder. */
async function refused(
  files: ArchiveFiles,
  code: string,
  why: RegExp,
  limits?: typeof DEFAULT_ARCHIVE_LIMITS,
) {
  writeArchive(archive, files);
  await expect(importInto('refused', limits)).rejects.toMatchObject({
    code,
    message: expect.stringMatching(why),
  });
  expect(readdirSync(profiles)).toEqual(['p1']);
  expect(readdirSync(staging)).toEqual([]);
}

async function withLedger<T>(dir: string, use: (ledger: Ledger) => T | Promise<T>): Promise<T> {
  const ledger = openLedger({ file: join(dir, 'ledger.sqlite'), actor: 'checker' });
  try {
    return await use(ledger);
  } finally {
    ledger.close();
  }
}

const receiptName = () => Object.keys(original).find((n) => n.startsWith('receipts/'))!;

describe('a crafted profile archive', () => {
  it('is refused when a receipt’s stored path points outside the profile', async () => {
    for (const path of ['../../../../etc/passwd', '/etc/passwd', 'ab/../../ledger.sqlite']) {
      const files = changeDatabase(original, (db) =>
        db.prepare('UPDATE receipts SET stored_path = ?').run(path),
      );
      await refused(withManifest(files), 'ARCHIVE_INVALID', /row 1 of its receipts/);
    }
  });

  it('is refused when a receipt is a shipped program; an unreferenced one is left out and never written', async () => {
    const program = strToU8('MZ\x90\x00 this program would run if opened');
    const shipped = { ...original, 'receipts/zz/invoice.exe': program };
    const pointing = changeDatabase(shipped, (db) =>
      db.prepare("UPDATE receipts SET stored_path = 'zz/invoice.exe'").run(),
    );
    await refused(withManifest(pointing), 'ARCHIVE_INVALID', /row 1 of its receipts/);

    // A program under a receipt's name and hash, in place of the real receipt: the bytes say no.
    const disguised = { ...original, [receiptName()]: program };
    await refused(withManifest(disguised), 'ARCHIVE_INVALID', /does not match its file/);

    writeArchive(archive, withManifest(shipped));
    const { notes } = await importInto('contained');
    expect(notes).toEqual([
      'Left out 1 file that a profile does not keep: receipts/zz/invoice.exe.',
    ]);
    expect(readdirSync(join(profiles, 'contained', 'receipts')).sort()).not.toContain('zz');
    expect(readdirSync(staging)).toEqual([]);
  });

  it('never runs SQL appended to a trigger’s text, on import or on a later bank import', async () => {
    const elsewhere = join(p.root, 'elsewhere');
    mkdirSync(elsewhere);
    const evil = join(elsewhere, 'other-profile.sqlite');
    const files = changeDatabase(original, (db) =>
      appendToSchemaText(
        db,
        'transactions_totals_insert',
        `; ATTACH DATABASE '${evil}' AS evil; CREATE TABLE evil.pwned (x);`,
      ),
    );
    writeArchive(archive, withManifest(files));
    const { notes } = await importInto('restored');
    expect(existsSync(evil)).toBe(false);
    expect(notes).toEqual([
      'Replaced 1 part of the records database that had been changed (transactions_totals_insert) with Ledgerlink’s own.',
    ]);

    const target = join(profiles, 'restored');
    await withLedger(target, (ledger) => {
      const stored = ledger.database
        .prepare("SELECT sql FROM sqlite_master WHERE name = 'transactions_totals_insert'")
        .pluck()
        .get();
      // SQLite keeps a statement's text without its final semicolon.
      expect(stored).toBe(TRANSACTIONS_TOTALS_INSERT_TRIGGER.replace(/;$/, ''));
    });
    // A bank import suspends and restores that trigger: still nothing runs from the file.
    const csv = p.file(
      'statement.csv',
      'Date,Description,Amount\n03/05/2026,TESCO STORES,-12.50\n04/05/2026,CLIENT PAYMENT,300.00\n',
    );
    await withLedger(target, async (ledger) => {
      const mapping = (await ledger.imports.preview(csv)).mapping!;
      const analysis = await ledger.imports.analyse(csv, mapping);
      await ledger.imports.commit(analysis, {
        expectedSha256: analysis.file.sha256,
        badRows: 'refuse',
      });
      expect(ledger.records.summarise({}).count).toBe(3);
      expect(dailyTotalsDrift(ledger.database)).toBe(0);
    });
    expect(existsSync(evil)).toBe(false);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('brings every outbox item that could still be sent in as “review again”', async () => {
    const files = changeDatabase(original, (db) => {
      const insert = db.prepare(
        `INSERT INTO sync_outbox (id, business_id, hmrc_business_id, kind, tax_year, period_start, period_end,
           payload, payload_hash, records_fingerprint, records_count, records_from, records_to, state,
           approved_at, approved_by, sending_since, updated_at)
         VALUES (?, 1, 'XAIS12345678910', 'self-employment', '2026-27', '2026-04-06', '2026-07-05',
           '{}', ?, 'fp', 1, '2026-04-06', '2026-07-05', ?, '2026-07-06T10:00:00Z', 'Someone else',
           '2026-07-06T10:01:00Z', '2026-07-06T10:01:00Z')`,
      );
      const states = ['sending', 'approved', 'failed', 'needs-relink', 'accepted', 'superseded'];
      states.forEach((state, i) => insert.run(i + 1, 'a'.repeat(64), state));
    });
    writeArchive(archive, withManifest(files));
    const { notes } = await importInto('restored');
    expect(notes).toEqual([
      '5 approved updates came in as “review again”: Ledgerlink will not send them to HMRC until you review and approve them on this computer.',
    ]);
    await withLedger(join(profiles, 'restored'), (ledger) => {
      const outbox = createOutboxStore(ledger.database);
      expect(outbox.list({ states: SENDABLE })).toEqual([]);
      expect(outbox.list({ states: ['needs-relink'] })).toEqual([]);
      const states = outbox
        .list()
        .sort((a, b) => a.id - b.id)
        .map((item) => [item.state, item.error?.code ?? null, item.sendingSince ?? null]);
      // "accepted" without HMRC's receipt in the submission log is not history either.
      expect(states).toEqual([
        ['stale', 'FROM_ARCHIVE', null],
        ['stale', 'FROM_ARCHIVE', null],
        ['stale', 'FROM_ARCHIVE', null],
        ['stale', 'FROM_ARCHIVE', null],
        ['stale', 'FROM_ARCHIVE', null],
        // History is kept as it was: a superseded item is never sent.
        ['superseded', null, '2026-07-06T10:01:00Z'],
      ]);
    });
  });

  it('leaves out tables, views, triggers and columns it does not know, and says so', async () => {
    const files = changeDatabase(original, (db) => {
      db.exec(`CREATE TABLE exfil (secret TEXT);
        INSERT INTO exfil VALUES ('x');
        CREATE VIEW all_money AS SELECT * FROM transactions;
        CREATE TRIGGER wipe_on_business AFTER INSERT ON businesses BEGIN DELETE FROM transactions; END;
        ALTER TABLE transactions ADD COLUMN secret TEXT;`);
    });
    writeArchive(archive, withManifest(files));
    const { notes } = await importInto('restored');
    expect(notes).toEqual([
      'Left out what Ledgerlink does not know in the records database: table “exfil”, view “all_money” and trigger “wipe_on_business”.',
      'Left out 1 column Ledgerlink does not know: transactions.secret.',
    ]);
    await withLedger(join(profiles, 'restored'), (ledger) => {
      const names = ledger.database
        .prepare(
          "SELECT name FROM sqlite_master WHERE name IN ('exfil', 'all_money', 'wipe_on_business')",
        )
        .all();
      expect(names).toEqual([]);
      // The trigger never ran: the transactions are all there.
      expect(ledger.records.summarise({}).count).toBe(1);
    });
  });

  it('is refused when a table of records is a view, or a row does not fit', async () => {
    const view = changeDatabase(original, (db) => {
      db.exec(`DROP TABLE hmrc_checks;
        CREATE VIEW hmrc_checks AS SELECT 1 AS id, 'x' AS checked_at, 'full' AS scope, 'failed' AS outcome,
          NULL AS code, NULL AS correlation_id, NULL AS message;`);
    });
    await refused(withManifest(view), 'ARCHIVE_INVALID', /hmrc_checks” is not a table/);

    const badRow = changeDatabase(original, (db) =>
      db.prepare("UPDATE transactions SET category_id = 'se.madeUp'").run(),
    );
    await refused(
      withManifest(badRow),
      'ARCHIVE_INVALID',
      /row 1 of its transactions: category_id/,
    );
  });

  it('is refused when a year-end row does not fit: a declaration outbox item in a made-up state', async () => {
    const crafted = changeDatabase(original, (db) => {
      // The file's own CHECK would refuse the state, so the attacker drops it with the table.
      db.exec(`DROP TABLE ye_receipts; DROP TABLE ye_outbox;
        CREATE TABLE ye_outbox (id INTEGER PRIMARY KEY, tax_year TEXT, calculation_id TEXT,
          declaration TEXT, agreement_id INTEGER, state TEXT, created_at TEXT, updated_at TEXT);
        CREATE TABLE ye_receipts (seq INTEGER PRIMARY KEY);
        INSERT INTO ye_agreements (id, tax_year, calculation_id, declaration, wording, wording_hash,
          agreed_by, agreed_at) VALUES (1, '2025-26', 'c1', 'final-declaration', 'individual',
          '${'a'.repeat(64)}', 'Sam', '2026-06-15T10:00:00.000Z');
        INSERT INTO ye_outbox VALUES (1, '2025-26', 'c1', 'final-declaration', 1, 'declared-twice',
          '2026-06-15T10:00:00.000Z', '2026-06-15T10:00:00.000Z');`);
    });
    await refused(withManifest(crafted), 'ARCHIVE_INVALID', /row 1 of its ye_outbox: state/);
  });

  it('is refused when it unpacks to far more than its size (a zip bomb), or holds too much', async () => {
    // 64 MB of zeros deflates to about 64 KB: a thousand to one.
    const bomb = withManifest({ ...original, 'ledger.sqlite': new Uint8Array(64 * 1024 ** 2) });
    await refused(bomb, 'ARCHIVE_TOO_LARGE', /far more than its own size/);

    const small = { ...DEFAULT_ARCHIVE_LIMITS };
    await refused(
      withManifest({ ...original, 'a.txt': strToU8('a') }),
      'ARCHIVE_TOO_LARGE',
      /more than 3 files/,
      { ...small, maxEntries: 3 },
    );
    await refused(withManifest(original), 'ARCHIVE_TOO_LARGE', /more than a profile could hold/, {
      ...small,
      maxTotalBytes: 10_000,
    });
  });
});
