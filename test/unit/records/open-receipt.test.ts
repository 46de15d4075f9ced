import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMainServices, type MainServices } from '../../../src/main/create-main-services';
import { dispatchAs } from '../../support/dispatch-as';
import { fakeMainAdapters } from '../../support/fakes/main-adapters';

/**
 * "Open receipt" through the real router: the operating system's opener is handed only a checked
 * receipt file inside that profile's receipts folder, never what a changed database row names.
 */
let services: MainServices | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

describe('records.openReceipt', () => {
  it('opens the stored copy, and refuses a row that points anywhere else', async () => {
    const fakes = fakeMainAdapters();
    services = await createMainServices(fakes.adapters);
    const { call } = dispatchAs(services.ipc);
    const profile = await services.profiles.create({
      kind: 'self',
      name: 'Sam Taylor',
      nino: 'AA100001A',
    });
    const ledger = services.profiles.ledger(profile.id);
    const tx = ledger.transactions.add({
      date: '2026-05-01',
      description: 'Fuel',
      amountPence: -1,
    });
    const dir = mkdtempSync(join(tmpdir(), 'open-receipt-'));
    const pdf = join(dir, 'fuel.pdf');
    writeFileSync(pdf, '%PDF-1.4\n% a receipt\n');
    const receipt = await ledger.receipts.attach(tx.id, pdf);

    expect(
      await call('records.openReceipt', { profileId: profile.id, receiptId: receipt.id }),
    ).toEqual({
      ok: true,
      value: { profileId: profile.id },
    });
    expect(fakes.files.opened).toEqual([receipt.path]);

    // A program next to the receipts, and rows naming it or a path outside the profile.
    mkdirSync(join(ledger.receiptsDir, 'zz'), { recursive: true });
    writeFileSync(join(ledger.receiptsDir, 'zz', 'invoice.exe'), 'MZ a program');
    for (const storedPath of ['zz/invoice.exe', '../../../../../etc/passwd', pdf]) {
      ledger.database
        .prepare('UPDATE receipts SET stored_path = ? WHERE id = ?')
        .run(storedPath, receipt.id);
      const result = await call('records.openReceipt', {
        profileId: profile.id,
        receiptId: receipt.id,
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'RECEIPT_UNAVAILABLE' } });
    }
    expect(fakes.files.opened).toHaveLength(1);
  });
});
