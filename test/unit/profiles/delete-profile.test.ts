import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHmrcAccountStore } from '../../../src/main/auth/hmrc-accounts';
import { createLogger, memorySink } from '../../../src/main/logging/logger';
import {
  nodeProfileFolderFs,
  type ProfileFolderFs,
} from '../../../src/main/profiles/profile-folder-fs';
import {
  createProfilesService,
  type ProfilesService,
} from '../../../src/main/profiles/profiles-service';
import { createMemoryStore } from '../../../src/main/storage/key-value-store';

/**
 * Deleting a profile on a computer where a file can be busy (Windows: EBUSY while another
 * program holds it open), and opening a profile whose records file has gone: the list, the
 * folder and the records always agree, and an empty ledger is never made in place of lost ones.
 * The file port is the real one, with one step made to fail where the test says.
 */
const NOW = new Date('2026-11-29T10:00:00.000Z');
const busy = (path: string) =>
  Object.assign(new Error(`EBUSY: resource busy or locked, rmdir '${path}'`), { code: 'EBUSY' });

let dir: string;
let profilesDir: string;
let service: ProfilesService;
const steps: string[] = [];

const start = (files: ProfileFolderFs = nodeProfileFolderFs) =>
  createProfilesService({
    userDataDir: dir,
    accounts: createHmrcAccountStore(createMemoryStore()),
    hmrc: {
      forAccount: () => {
        throw new Error('no HMRC in these tests');
      },
    },
    environment: () => 'practice',
    clock: { now: () => NOW },
    logger: createLogger(memorySink()),
    files,
  });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledgerlink-delete-'));
  profilesDir = join(dir, 'profiles');
  steps.length = 0;
  service = start();
});
afterEach(() => {
  service.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function samWithRecords() {
  const sam = await service.create({ kind: 'self', name: 'Sam Taylor', nino: 'AA100001A' });
  const ledger = service.ledger(sam.id);
  const tx = ledger.transactions.add({ date: '2026-05-01', description: 'Sale', amountPence: 100 });
  const receipt = join(dir, 'receipt.pdf');
  writeFileSync(receipt, '%PDF-1.4 receipt');
  await ledger.receipts.attach(tx.id, receipt);
  return sam;
}

/** The real file port, noting each step and the registry's view at that moment. */
function watchedFiles(fail?: (op: string, path: string) => void): ProfileFolderFs {
  const note = (op: string, path: string) => {
    steps.push(`${op} ${path.slice(profilesDir.length + 1)}`);
    fail?.(op, path);
  };
  return {
    ...nodeProfileFolderFs,
    writeFile(path, text) {
      note('write', path);
      nodeProfileFolderFs.writeFile(path, text);
    },
    remove(path) {
      note('remove', path);
      nodeProfileFolderFs.remove(path);
    },
  };
}

describe('deleting a profile', () => {
  it('writes a tombstone, then removes the registry entry, then the folder, then the tombstone', async () => {
    const sam = await samWithRecords();
    service.dispose();
    let listedWhenFolderRemoved: boolean | null = null;
    let listedWhenTombstoned: boolean | null = null;
    service = start(
      watchedFiles((op, path) => {
        if (op === 'write') listedWhenTombstoned = service.get(sam.id) !== undefined;
        if (op === 'remove' && path === join(profilesDir, sam.id)) {
          listedWhenFolderRemoved = service.get(sam.id) !== undefined;
        }
      }),
    );
    service.delete(sam.id, { confirmUnsynced: true });
    expect(steps).toEqual([
      `write .tombstones/${sam.id}`,
      `remove ${sam.id}`,
      `remove .tombstones/${sam.id}`,
    ]);
    expect(listedWhenTombstoned).toBe(true);
    expect(listedWhenFolderRemoved).toBe(false);
    expect(existsSync(join(profilesDir, sam.id))).toBe(false);
    expect(readdirSync(join(profilesDir, '.tombstones'))).toEqual([]);
  });

  it('leaves a consistent state when the folder is busy half way, and finishes at the next start', async () => {
    const sam = await samWithRecords();
    service.dispose();
    service = start(
      watchedFiles((op, path) => {
        if (op === 'remove' && path === join(profilesDir, sam.id)) {
          // Windows deletes what it can, then refuses the file another program holds open.
          nodeProfileFolderFs.remove(join(path, 'receipts'));
          throw busy(path);
        }
      }),
    );
    service.delete(sam.id, { confirmUnsynced: true });
    // Gone from every list, and never opened again (opening would make an empty ledger).
    expect(service.get(sam.id)).toBeUndefined();
    expect(service.list()).toEqual([]);
    expect(() => service.ledger(sam.id)).toThrow(/no longer in Ledgerlink/);
    expect(readdirSync(join(profilesDir, sam.id))).toContain('ledger.sqlite');
    expect(readdirSync(join(profilesDir, '.tombstones'))).toEqual([sam.id]);

    service.dispose();
    service = start();
    expect(existsSync(join(profilesDir, sam.id))).toBe(false);
    expect(readdirSync(join(profilesDir, '.tombstones'))).toEqual([]);
    expect(service.list()).toEqual([]);
  });

  it('changes nothing when even the tombstone cannot be written', async () => {
    const sam = await samWithRecords();
    service.dispose();
    service = start(
      watchedFiles((op, path) => {
        if (op === 'write') throw busy(path);
      }),
    );
    expect(() => service.delete(sam.id, { confirmUnsynced: true })).toThrow(
      expect.objectContaining({ code: 'PROFILE_NOT_DELETED' }),
    );
    expect(service.get(sam.id)?.name).toBe('Sam Taylor');
    expect(service.ledger(sam.id).records.summarise({}).count).toBe(1);
  });
});

describe('a profile whose records file is missing', () => {
  it('is refused with the reason instead of being given an empty ledger, and can still be deleted', async () => {
    const sam = await samWithRecords();
    service.dispose();
    rmSync(join(profilesDir, sam.id, 'ledger.sqlite'));
    service = start();
    expect(() => service.ledger(sam.id)).toThrow(
      expect.objectContaining({
        code: 'PROFILE_RECORDS_MISSING',
        message: expect.stringContaining('Sam Taylor’s records are missing from this computer'),
        action: expect.stringContaining('Restore the records from a profile archive'),
      }),
    );
    expect(existsSync(join(profilesDir, sam.id, 'ledger.sqlite'))).toBe(false);
    // Nothing here to lose: deleting needs no "unsynced records" confirmation.
    expect(service.unsyncedRecordCount(sam.id)).toBe(0);
    service.delete(sam.id, { confirmUnsynced: false });
    expect(service.list()).toEqual([]);
  });

  it('is also refused when its whole folder is gone, once its ledger had been made', async () => {
    const sam = await samWithRecords();
    service.dispose();
    rmSync(join(profilesDir, sam.id), { recursive: true });
    service = start();
    expect(() => service.ledger(sam.id)).toThrow(
      expect.objectContaining({ code: 'PROFILE_RECORDS_MISSING' }),
    );
    expect(existsSync(join(profilesDir, sam.id))).toBe(false);
  });

  it('is not confused with a new profile whose ledger was never opened', async () => {
    const dev = await service.create({ kind: 'self', name: 'Dev Desai', nino: 'AE100004D' });
    expect(existsSync(join(profilesDir, dev.id))).toBe(false);
    expect(service.ledger(dev.id).records.summarise({}).count).toBe(0);
    expect(service.get(dev.id)?.ledgerCreatedAt).toBe(NOW.toISOString());
  });
});
