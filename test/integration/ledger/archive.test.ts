import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportProfileArchive, importProfileArchive, openLedger } from '../../../src/main/ledger';
import { tempProfile } from './fixtures/temp-profile';

let p: ReturnType<typeof tempProfile>;
let se: number;
let archive: string;

beforeEach(async () => {
  p = tempProfile();
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
  // Another capability's file in the profile folder, e.g. issue 8's submission log.
  writeFileSync(join(p.profileDir, 'submission-log.jsonl'), '{"seq":1,"hash":"abc"}\n');
  archive = join(p.root, 'profile.ledgerlink.zip');
});
afterEach(() => p.dispose());

describe('profile archive', () => {
  it('exports a snapshot with receipts and other files, and imports it into a new profile intact', async () => {
    const { manifest } = await exportProfileArchive({
      profileDir: p.profileDir,
      ledger: p.ledger,
      outFile: archive,
    });
    const paths = manifest.files.map((f) => f.path);
    expect(paths).toHaveLength(3);
    expect(paths).toEqual(
      expect.arrayContaining([
        'ledger.sqlite',
        'submission-log.jsonl',
        expect.stringMatching(/^receipts\/[0-9a-f]{2}\/[0-9a-f]{64}\.pdf$/),
      ]),
    );
    expect(existsSync(`${archive}.partial`)).toBe(false);

    const target = join(p.root, 'profiles', 'restored');
    const { schemaVersion } = await importProfileArchive({
      archiveFile: archive,
      targetDir: target,
    });
    expect(schemaVersion).toBe(p.ledger.schemaVersion);
    expect(readFileSync(join(target, 'submission-log.jsonl'), 'utf8')).toBe(
      '{"seq":1,"hash":"abc"}\n',
    );
    expect(readdirSync(target)).not.toContain('manifest.json');

    const restored = openLedger({ file: join(target, 'ledger.sqlite'), actor: 'restorer' });
    try {
      expect(restored.businesses.findByHmrcId('XAIS12345678910')?.name).toBe('Plumbing');
      expect(restored.totals.yearToDate(se, '2026-27')).toMatchObject({
        incomePence: 50_000,
        expensesPence: 12_345,
      });
      const [receipt] = restored.receipts.listFor(1);
      expect(readFileSync(receipt!.path, 'utf8')).toBe('%PDF-1.7 boiler part receipt');
      expect(restored.changeLog.list().length).toBe(p.ledger.changeLog.list().length);
    } finally {
      restored.close();
    }
  });

  it('refuses an archive whose files were changed, and leaves no folder behind', async () => {
    await exportProfileArchive({ profileDir: p.profileDir, ledger: p.ledger, outFile: archive });
    const files = unzipSync(readFileSync(archive));
    files['submission-log.jsonl'] = strToU8('{"seq":1,"hash":"forged"}\n');
    writeFileSync(archive, zipSync(files));
    const target = join(p.root, 'profiles', 'tampered');
    await expect(
      importProfileArchive({ archiveFile: archive, targetDir: target }),
    ).rejects.toMatchObject({
      code: 'ARCHIVE_INVALID',
      message: expect.stringContaining('submission-log.jsonl has been changed'),
    });
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(join(p.root, 'profiles'))).toEqual(['p1']);
  });

  it('refuses missing, extra and unsafe files, and a target that is not empty', async () => {
    await exportProfileArchive({ profileDir: p.profileDir, ledger: p.ledger, outFile: archive });
    const original = unzipSync(readFileSync(archive));
    const attempt = async (files: Record<string, Uint8Array>, why: RegExp) => {
      writeFileSync(archive, zipSync(files));
      await expect(
        importProfileArchive({ archiveFile: archive, targetDir: join(p.root, 'profiles', 'x') }),
      ).rejects.toMatchObject({
        code: 'ARCHIVE_INVALID',
        message: expect.stringMatching(why),
      });
    };
    const { ['submission-log.jsonl']: _dropped, ...missing } = original;
    await attempt(missing, /missing/);
    await attempt({ ...original, 'extra.txt': strToU8('x') }, /not listed/);
    await attempt({ ...original, '../escape.txt': strToU8('x') }, /unsafe/);
    const { ['manifest.json']: _manifest, ...noManifest } = original;
    await attempt(noManifest, /no manifest/);
    expect(existsSync(join(p.root, 'escape.txt'))).toBe(false);

    writeFileSync(archive, zipSync(original));
    const busy = join(p.root, 'profiles', 'busy');
    mkdirSync(busy, { recursive: true });
    writeFileSync(join(busy, 'keep.txt'), 'mine');
    await expect(
      importProfileArchive({ archiveFile: archive, targetDir: busy }),
    ).rejects.toMatchObject({ code: 'ARCHIVE_TARGET_NOT_EMPTY' });
    expect(readFileSync(join(busy, 'keep.txt'), 'utf8')).toBe('mine');
  });
});
