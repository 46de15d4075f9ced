import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMainServices, type MainServices } from '../../../src/main/create-main-services';
import type { RecordsProgress } from '@shared/ipc/channels/records';
import { dispatchAs } from '../../support/dispatch-as';
import { fakeMainAdapters } from '../../support/fakes/main-adapters';
import { deeplyNestedOfx, ofxStatement } from '../../support/ofx-statement';

/**
 * The first read of a chosen OFX statement, through the real router: followed by progress
 * events under the window's operation id, stopped by records.importCancel, and a crafted file
 * refused with its reason.
 */
let services: MainServices | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

async function start() {
  const fakes = fakeMainAdapters();
  services = await createMainServices(fakes.adapters);
  const { call: raw } = dispatchAs(services.ipc);
  const profile = await services.profiles.create({
    kind: 'self',
    name: 'Sam Taylor',
    nino: 'AA100001A',
  });
  const dir = mkdtempSync(join(tmpdir(), 'import-choose-'));
  return { fakes, raw, profileId: profile.id, dir };
}

describe('choosing an OFX statement', () => {
  it('can be stopped while the statement is read', async () => {
    const { fakes, raw, profileId, dir } = await start();
    const path = join(dir, 'long.ofx');
    writeFileSync(
      path,
      ofxStatement({
        accountId: '12345678',
        start: '20260401',
        end: '20260430',
        transactions: Array.from({ length: 5_000 }, (_, i) => ({
          type: 'DEBIT',
          posted: '20260402',
          amount: '-1.50',
          fitid: `F${i}`,
          name: `SHOP ${i}`,
        })),
      }),
    );
    fakes.files.chosen.push(path);
    const operationId = '0b8e7c1e-3f7a-4d47-9d0c-6f1f4f6c2a11';
    const progress: RecordsProgress[] = [];
    // Set in the event callback, so held in an object TypeScript can follow.
    const pressed: { stop?: Promise<unknown> } = {};
    services!.ipc.onEmit((event, payload) => {
      if (event !== 'records.progress') return;
      const p = payload as RecordsProgress;
      if (p.operationId !== operationId) return;
      progress.push(p);
      // The person presses Stop when the first progress reaches the window.
      pressed.stop ??= raw('records.importCancel', { profileId, importId: operationId });
    });
    const chosen = await raw('records.importChoose', { profileId, operationId });
    expect(chosen).toMatchObject({ ok: false, error: { code: 'IMPORT_CANCELLED' } });
    expect(await pressed.stop).toEqual({ ok: true, value: { profileId, stopped: true } });
    expect(progress.at(-1)).toMatchObject({ finished: true, kind: 'import-analyse' });
    expect(progress.at(-1)!.done).toBeLessThan(progress.at(-1)!.total);
  });

  it('refuses a deeply nested file with the reason', async () => {
    const { fakes, raw, profileId, dir } = await start();
    const path = join(dir, 'nested.ofx');
    writeFileSync(path, deeplyNestedOfx(270 * 1024));
    fakes.files.chosen.push(path);
    expect(await raw('records.importChoose', { profileId })).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_OFX_TOO_DEEP', message: expect.stringContaining('no bank’s OFX') },
    });
  });
});
