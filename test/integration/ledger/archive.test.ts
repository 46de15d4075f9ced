import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LEDGER_MIGRATIONS,
  currentSchemaVersion,
  dailyTotalsDrift,
  exportProfileArchive,
  importProfileArchive,
  migrate,
  openDatabase,
  openLedger,
} from '../../../src/main/ledger';
import { createSignOffRecords } from '../../../src/main/agents/sign-off/sign-off-records';
import { readArchive, withManifest, writeArchive } from './fixtures/craft-archive';
import { tempProfile } from './fixtures/temp-profile';

let p: ReturnType<typeof tempProfile>;
let se: number;
let archive: string;
let staging: string;

beforeEach(async () => {
  p = tempProfile();
  staging = join(p.root, 'staging');
  const { ledger } = p;
  se = ledger.businesses.create({
    kind: 'self-employment',
    name: 'Plumbing',
    hmrcBusinessId: 'XAIS12345678910',
  }).id;
  const tx = ledger.transactions.add({
    date: '2026-05-01',
    description: 'Boiler part',
    amountPence: -12_345,
    businessId: se,
    categoryId: 'se.costOfGoods',
  });
  ledger.transactions.add({
    date: '2026-05-02',
    description: 'Job',
    amountPence: 50_000,
    businessId: se,
    categoryId: 'se.turnover',
  });
  await ledger.receipts.attach(tx.id, p.file('part.pdf', '%PDF-1.7 boiler part receipt'));
  // A file the profile does not keep (another program's, or left by hand).
  writeFileSync(join(p.profileDir, 'notes.txt'), 'not a record\n');
  archive = join(p.root, 'profile.ledgerlink.zip');
});
afterEach(() => p.dispose());

const exportIt = () =>
  exportProfileArchive({ ledger: p.ledger, outFile: archive, stagingRoot: staging });

/** Nothing of an import is left in the private staging folder, whatever its outcome. */
const stagingIsEmpty = () => (existsSync(staging) ? readdirSync(staging) : []).length === 0;

describe('profile archive', () => {
  it('exports the records and receipts only, owner-readable, staged in private, and imports them intact', async () => {
    const { manifest } = await exportIt();
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toEqual([
      'ledger.sqlite',
      expect.stringMatching(/^receipts\/[0-9a-f]{2}\/[0-9a-f]{64}\.pdf$/),
    ]);
    expect(existsSync(`${archive}.partial`)).toBe(false);
    expect(statSync(archive).mode & 0o777).toBe(0o600);
    expect(statSync(staging).mode & 0o777).toBe(0o700);
    expect(stagingIsEmpty()).toBe(true);

    const target = join(p.root, 'profiles', 'restored');
    const { schemaVersion, notes } = await importProfileArchive({
      archiveFile: archive,
      targetDir: target,
      stagingRoot: staging,
    });
    expect(schemaVersion).toBe(p.ledger.schemaVersion);
    expect(notes).toEqual([]);
    expect(readdirSync(target).sort()).toEqual(['ledger.sqlite', 'receipts']);
    expect(stagingIsEmpty()).toBe(true);

    const restored = openLedger({ file: join(target, 'ledger.sqlite'), actor: 'restorer' });
    try {
      expect(restored.businesses.findByHmrcId('XAIS12345678910')?.name).toBe('Plumbing');
      expect(restored.totals.yearToDate(se, '2026-27')).toMatchObject({
        incomePence: 50_000,
        expensesPence: 12_345,
      });
      const [receipt] = restored.receipts.listFor(1);
      expect(readFileSync(await restored.receipts.openablePath(receipt!.id), 'utf8')).toBe(
        '%PDF-1.7 boiler part receipt',
      );
      expect(restored.changeLog.list().length).toBe(p.ledger.changeLog.list().length);
    } finally {
      restored.close();
    }
  });

  it('carries the client’s approvals of an agent’s packs: a changed figure is still not approved', async () => {
    const quarterly = `quarterly:${se}:2026-27:2026-07-05:${'a'.repeat(16)}`;
    const annual = `annual:${se}:2025-26:${'b'.repeat(16)}`;
    const approval = {
      approvedOn: '2026-11-19',
      method: 'video',
      note: 'Agreed on a video call.',
      recordedBy: 'Green & Co Accountants',
      recordedAt: '2026-11-19T10:00:00.000Z',
    } as const;
    const records = createSignOffRecords(p.ledger.database);
    records.put(quarterly, approval);
    records.put(annual, { ...approval, method: 'letter', note: 'Signed letter.' });
    records.carryOver([[annual, { ...approval, recordedAt: '2026-11-01T09:00:00.000Z' }]]);
    await exportIt();

    const target = join(p.root, 'profiles', 'restored');
    await importProfileArchive({ archiveFile: archive, targetDir: target, stagingRoot: staging });
    const restored = openLedger({ file: join(target, 'ledger.sqlite'), actor: 'restorer' });
    try {
      const kept = createSignOffRecords(restored.database);
      expect(kept.get(quarterly)).toEqual(approval);
      // The latest approval of a pack is still the latest: the rows keep their order.
      expect(kept.get(annual)).toMatchObject({ method: 'letter', note: 'Signed letter.' });
      expect(kept.get(annual.replace('bbbb', 'cccc'))).toBeUndefined();
      expect(
        restored.database
          .prepare('SELECT kind, origin FROM ag_sign_off_approvals ORDER BY id')
          .all(),
      ).toEqual([
        { kind: 'quarterly-update', origin: 'recorded' },
        { kind: 'annual-figures', origin: 'recorded' },
        { kind: 'annual-figures', origin: 'carried-over' },
      ]);
      // Still append-only in the restored file.
      expect(() => restored.database.prepare('DELETE FROM ag_sign_off_approvals').run()).toThrow(
        /append-only/,
      );
    } finally {
      restored.close();
    }
  });

  it('refuses an archive whose files were changed, and leaves nothing behind', async () => {
    await exportIt();
    const files = readArchive(archive);
    const receipt = Object.keys(files).find((n) => n.startsWith('receipts/'))!;
    files[receipt] = strToU8('%PDF-1.7 a different receipt');
    writeArchive(archive, files);
    const target = join(p.root, 'profiles', 'tampered');
    await expect(
      importProfileArchive({ archiveFile: archive, targetDir: target, stagingRoot: staging }),
    ).rejects.toMatchObject({
      code: 'ARCHIVE_INVALID',
      message: expect.stringContaining(`${receipt} has been changed`),
    });
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(join(p.root, 'profiles'))).toEqual(['p1']);
    expect(stagingIsEmpty()).toBe(true);
  });

  it('refuses missing, unlisted and unsafe files and a target in use; leaves out files it does not keep', async () => {
    await exportIt();
    const original = readArchive(archive);
    const attempt = async (files: Record<string, Uint8Array>, why: RegExp) => {
      writeArchive(archive, files);
      await expect(
        importProfileArchive({
          archiveFile: archive,
          targetDir: join(p.root, 'profiles', 'x'),
          stagingRoot: staging,
        }),
      ).rejects.toMatchObject({ code: 'ARCHIVE_INVALID', message: expect.stringMatching(why) });
      expect(existsSync(join(p.root, 'profiles', 'x'))).toBe(false);
      expect(stagingIsEmpty()).toBe(true);
    };
    const receipt = Object.keys(original).find((n) => n.startsWith('receipts/'))!;
    const { [receipt]: _dropped, ...missing } = original;
    await attempt(missing, /missing/);
    const extraReceipt = `receipts/ab/ab${'0'.repeat(62)}.pdf`;
    await attempt({ ...original, [extraReceipt]: strToU8('%PDF-1.7 x') }, /not listed/);
    await attempt({ ...original, '../escape.txt': strToU8('x') }, /unsafe/);
    const { ['manifest.json']: _manifest, ...noManifest } = original;
    await attempt(noManifest, /no manifest/);
    expect(existsSync(join(p.root, 'escape.txt'))).toBe(false);

    // A file Ledgerlink does not keep is never written anywhere, and the person is told.
    writeArchive(archive, withManifest({ ...original, 'extra.txt': strToU8('x') }));
    const kept = join(p.root, 'profiles', 'kept');
    const { notes } = await importProfileArchive({
      archiveFile: archive,
      targetDir: kept,
      stagingRoot: staging,
    });
    expect(notes).toEqual(['Left out 1 file that a profile does not keep: extra.txt.']);
    expect(readdirSync(kept).sort()).toEqual(['ledger.sqlite', 'receipts']);

    writeArchive(archive, original);
    const busy = join(p.root, 'profiles', 'busy');
    mkdirSync(busy, { recursive: true });
    writeFileSync(join(busy, 'keep.txt'), 'mine');
    await expect(
      importProfileArchive({ archiveFile: archive, targetDir: busy, stagingRoot: staging }),
    ).rejects.toMatchObject({ code: 'ARCHIVE_TARGET_NOT_EMPTY' });
    expect(readFileSync(join(busy, 'keep.txt'), 'utf8')).toBe('mine');
    expect(stagingIsEmpty()).toBe(true);
  });

  it('imports an archive saved by an older version: later columns take their defaults', async () => {
    const oldDir = join(p.root, 'old-profile');
    mkdirSync(oldDir);
    const db = openDatabase(join(oldDir, 'ledger.sqlite'));
    migrate(db, LEDGER_MIGRATIONS.slice(0, 1), () => '2025-06-01T00:00:00.000Z');
    db.exec(`
      INSERT INTO businesses (id, kind, name, created_at, updated_at) VALUES (1, 'self-employment', 'Old Plumbing', 't', 't');
      INSERT INTO transactions (id, date, description, amount_pence, business_id, category_id, created_at, updated_at) VALUES
        (1, '2025-05-01', 'Job A', 120000, 1, 'se.turnover', 't', 't'),
        (2, '2025-05-02', 'Van', -30000, 1, 'se.carVanTravelExpenses', 't', 't');
    `);
    // What an older app's ledger gave the exporter: a snapshot, its receipts folder, its version.
    const old = {
      receiptsDir: join(oldDir, 'receipts'),
      schemaVersion: currentSchemaVersion(db),
      snapshotTo: (file: string) => void db.prepare('VACUUM INTO ?').run(file),
    };
    const oldArchive = join(p.root, 'old.zip');
    const { manifest } = await exportProfileArchive({
      ledger: old,
      outFile: oldArchive,
      stagingRoot: staging,
    });
    db.close();
    expect(manifest.schemaVersion).toBe(1);

    const target = join(p.root, 'profiles', 'from-old');
    const outcome = await importProfileArchive({
      archiveFile: oldArchive,
      targetDir: target,
      stagingRoot: staging,
    });
    expect(outcome).toMatchObject({ schemaVersion: 1, notes: [] });
    const restored = openLedger({ file: join(target, 'ledger.sqlite'), actor: 'restorer' });
    try {
      expect(restored.schemaVersion).toBe(LEDGER_MIGRATIONS.length);
      expect(restored.records.summarise({}).count).toBe(2);
      expect(restored.totals.yearToDate(1, '2025-26')).toMatchObject({
        incomePence: 120_000,
        expensesPence: 30_000,
      });
      expect(dailyTotalsDrift(restored.database)).toBe(0);
    } finally {
      restored.close();
    }
  });
});
