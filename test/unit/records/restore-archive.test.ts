import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMainServices, type MainServices } from '../../../src/main/create-main-services';
import { createCalculationStore } from '../../../src/main/year-end/calculation/calculation-store';
import { createDeclarationStore } from '../../../src/main/year-end/declaration/declaration-store';
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

  it('bring a declared year back whole: calculation, approval, agreement, outbox and receipts whose chain verifies', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'ledgerlink-restore-ye-'));
    const first = await start(userData);
    const gwen = await first.services.profiles.create({
      kind: 'self',
      name: 'Gwen Galbraith',
      nino: 'AA100001A',
    });
    const db = first.services.profiles.ledger(gwen.id).database;
    const taxYear = '2025-26';
    const ids = ['0b8d3e1c-6f1a-4c55-9d1e-2f3a4b5c6d7e', '1c9e4f2d-7a2b-4d66-8e2f-3a4b5c6d7e8f'];
    createCalculationStore(db).save({
      calculationId: ids[0]!,
      taxYear,
      calculationType: 'intent-to-finalise',
      retrievedAt: '2026-06-15T10:00:00.000Z',
      hasErrors: false,
      document: JSON.stringify({ metadata: { calculationId: ids[0] } }),
    });
    const store = createDeclarationStore(db);
    store.recordClientApproval({
      taxYear,
      calculationId: ids[0]!,
      approvedOn: '2026-06-14',
      method: 'email',
      note: 'Approved by reply',
      recordedBy: 'Practice agent',
      recordedAt: '2026-06-15T10:01:00.000Z',
    });
    // A final declaration, then a confirmed amendment: two receipts, chained.
    ids.forEach((calculationId, i) => {
      const declaration = i === 0 ? 'final-declaration' : 'confirm-amendment';
      const agreement = store.agree({
        taxYear,
        calculationId,
        declaration,
        wording: 'agent',
        wordingHash: 'a'.repeat(64),
        agreedBy: 'Practice agent',
        agreedAt: `2026-06-15T10:0${2 + i}:00.000Z`,
      });
      const item = store.enqueue({
        taxYear,
        calculationId,
        declaration,
        agreementId: agreement.id,
        now: '2026-06-15T10:05:00.000Z',
      });
      store.markSending(item.id, '2026-06-15T10:05:01.000Z');
      store.accept(item.id, {
        correlationId: `corr-${i}`,
        how: i === 0 ? 'answered' : 'confirmed',
        profileId: gwen.id,
        environment: 'practice',
        now: `2026-06-15T10:0${6 + i}:00.000Z`,
      });
    });
    const tables = [
      'ye_calculations',
      'ye_client_approvals',
      'ye_agreements',
      'ye_outbox',
      'ye_receipts',
    ];
    const dump = (d: typeof db) =>
      Object.fromEntries(tables.map((t) => [t, d.prepare(`SELECT * FROM ${t} ORDER BY 1`).all()]));
    const before = dump(db);
    expect(store.verifyReceipts()).toEqual([]);
    expect(before.ye_receipts).toHaveLength(2);

    const archive = join(userData, 'gwen.zip');
    first.fakes.files.saveLocations.push(archive);
    const operationId = '4f7f5a53-5f55-4c2b-9d49-0c4fb21a9a3e';
    expect(
      await first.raw('records.exportArchive', { profileId: gwen.id, operationId }),
    ).toMatchObject({ ok: true });
    await services!.dispose();
    services = undefined;

    rmSync(join(userData, 'profiles', gwen.id, 'ledger.sqlite'));
    const second = await start(userData);
    second.fakes.files.chosen.push(archive);
    expect(
      await second.raw('records.restoreArchive', { profileId: gwen.id, operationId }),
    ).toMatchObject({ ok: true, value: { notes: [] } });
    const restored = second.services.profiles.ledger(gwen.id).database;
    expect(dump(restored)).toEqual(before);
    const again = createDeclarationStore(restored);
    expect(again.verifyReceipts()).toEqual([]);
    expect(again.latest(taxYear, 'final-declaration')).toMatchObject({ state: 'accepted' });
    // The receipts stay append-only in the restored file.
    expect(() => restored.prepare('DELETE FROM ye_receipts').run()).toThrow(/append-only/);

    // Diagnostics shows them, checked, beside the submission log; an edit by hand is found.
    const checked = await second.raw('yearEnd.verifyReceipts', { profileId: gwen.id });
    expect(checked).toMatchObject({
      ok: true,
      value: [{ profileName: 'Gwen Galbraith', entries: 2, ok: true, problems: [] }],
    });
    expect(checked.ok && checked.value[0]!.receipts.map((r) => r.declaration)).toEqual([
      'confirm-amendment',
      'final-declaration',
    ]);
    restored.exec(`DROP TRIGGER ye_receipts_no_update;
      UPDATE ye_receipts SET calculation_id = 'someone-else' WHERE seq = 1;
      UPDATE ye_receipts SET sync_log_head = '${'b'.repeat(64)}' WHERE seq = 2;`);
    expect(await second.raw('yearEnd.verifyReceipts', {})).toMatchObject({
      ok: true,
      value: [
        {
          ok: false,
          problems: [
            'Receipt 1 was changed after it was recorded.',
            'Receipt 2 was changed after it was recorded.',
            'Receipt 2 names a submission log entry that is not in the log.',
          ],
        },
      ],
    });
  });
});
