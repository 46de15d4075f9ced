import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMainServices, type MainServices } from '../../../src/main/create-main-services';
import { dispatchAs } from '../../support/dispatch-as';
import { fakeMainAdapters } from '../../support/fakes/main-adapters';

/**
 * A profile whose records file has gone: the window is told so (never shown an empty profile)
 * and offered to restore the records from a profile archive, through the real router.
 */
let services: MainServices | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

async function start(userData: string) {
  const fakes = fakeMainAdapters({ paths: { userData } });
  services = await createMainServices(fakes.adapters);
  const { call: raw } = dispatchAs(services.ipc);
  return { fakes, services, raw };
}

describe('records of a profile missing from this computer', () => {
  it('are reported with the way back, and restored from an archive', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'ledgerlink-restore-'));
    const first = await start(userData);
    const sam = await first.services.profiles.create({
      kind: 'self',
      name: 'Sam Taylor',
      nino: 'AA100001A',
    });
    const ledger = first.services.profiles.ledger(sam.id);
    const tx = ledger.transactions.add({
      date: '2026-05-01',
      description: 'Sale',
      amountPence: 900,
    });
    const pdf = join(userData, 'receipt.pdf');
    writeFileSync(pdf, '%PDF-1.4 receipt');
    await ledger.receipts.attach(tx.id, pdf);
    const archive = join(userData, 'sam.zip');
    first.fakes.files.saveLocations.push(archive);
    const operationId = '4f7f5a53-5f55-4c2b-9d49-0c4fb21a9a3e';
    expect(
      await first.raw('records.exportArchive', { profileId: sam.id, operationId }),
    ).toMatchObject({
      ok: true,
    });
    // The snapshot was staged privately and removed once the archive was written.
    expect(readdirSync(join(userData, 'staging'))).toEqual([]);
    await services!.dispose();
    services = undefined;

    // The records file is lost (deleted by hand, a failed disk …).
    rmSync(join(userData, 'profiles', sam.id, 'ledger.sqlite'));
    const second = await start(userData);
    const context = await second.raw('records.context', { profileId: sam.id });
    expect(context).toMatchObject({
      ok: false,
      error: {
        code: 'PROFILE_RECORDS_MISSING',
        message: expect.stringContaining('records are missing'),
        action: expect.stringContaining('profile archive'),
      },
    });
    expect(existsSync(join(userData, 'profiles', sam.id, 'ledger.sqlite'))).toBe(false);

    second.fakes.files.chosen.push(archive);
    const restored = await second.raw('records.restoreArchive', { profileId: sam.id, operationId });
    expect(restored).toEqual({
      ok: true,
      value: { profileId: sam.id, transactions: 1, businesses: 0, notes: [] },
    });
    expect(await second.raw('records.summarise', { profileId: sam.id, filter: {} })).toMatchObject({
      ok: true,
      value: { count: 1 },
    });

    // A profile that has its records is never overwritten by a restore.
    second.fakes.files.chosen.push(archive);
    expect(
      await second.raw('records.restoreArchive', { profileId: sam.id, operationId }),
    ).toMatchObject({ ok: false, error: { code: 'ARCHIVE_TARGET_NOT_EMPTY' } });
    expect(readdirSync(join(userData, 'staging'))).toEqual([]);
  });
});
