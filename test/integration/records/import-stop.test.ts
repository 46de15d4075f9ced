import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMainServices, type MainServices } from '../../../src/main/create-main-services';
import type { RecordsProgress } from '@shared/ipc/channels/records';
import type { IpcResult } from '@shared/ipc/result';
import { dispatchAs } from '../../support/dispatch-as';
import { fakeMainAdapters } from '../../support/fakes/main-adapters';
import { writeBankStatement } from '../ledger/fixtures/bank-statement';

/**
 * "Stop" on the import screen, against a real 100,000-row file and a real SQLite ledger: the
 * save stops part-way, nothing of it is left in the records, other writes are refused with a
 * clear reason while it runs, and the same checked file then imports in full.
 */
let services: MainServices | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

describe('stopping a large import', () => {
  it('leaves the records as they were, then the same file imports in full', async () => {
    const fakes = fakeMainAdapters();
    services = await createMainServices(fakes.adapters);
    const { call, ok: value } = dispatchAs(services.ipc);
    const { id: profileId } = await services.profiles.create({
      kind: 'self',
      name: 'Sam Taylor',
      nino: 'AA100001A',
    });
    const file = join(mkdtempSync(join(tmpdir(), 'records-stop-')), 'big.csv');
    await writeBankStatement(file, { rows: 100_000, seed: 3 });
    fakes.files.chosen.push(file);
    const preview = await value('records.importChoose', { profileId });
    if (!('format' in preview) || preview.format !== 'csv' || !preview.mapping)
      throw new Error('Expected a CSV with a detected mapping');
    const { importId, mapping } = preview;
    await value('records.importAnalyse', { profileId, importId, mapping });

    const progress: RecordsProgress[] = [];
    let busyAnswer: IpcResult<unknown> | undefined;
    let stopped: Promise<unknown> | undefined;
    const stop = services.ipc.onEmit((event, payload) => {
      if (event !== 'records.progress') return;
      const p = payload as RecordsProgress;
      progress.push(p);
      if (p.kind === 'import-commit' && !p.finished && !stopped) {
        stopped = (async () => {
          // While the save holds the ledger, an edit is refused with the reason, not a hang.
          busyAnswer = await call('records.add', {
            profileId,
            date: '2025-05-01',
            description: 'Cash sale',
            amountPence: 1000,
          });
          await value('records.importCancel', { profileId, importId });
        })();
      }
    });
    const commit = await call('records.importCommit', {
      profileId,
      importId,
      decisions: { badRows: 'skip' },
    });
    await stopped;
    stop();
    expect(commit).toMatchObject({ ok: false, error: { code: 'IMPORT_CANCELLED' } });
    expect(busyAnswer).toMatchObject({ ok: false, error: { code: 'LEDGER_BUSY' } });
    const saving = progress.filter((p) => p.kind === 'import-commit');
    expect(saving.at(-1)?.finished).toBe(true);
    expect(saving.some((p) => p.done > 0 && p.done < p.total)).toBe(true);
    expect(await value('records.summarise', { profileId, filter: {} })).toMatchObject({ count: 0 });
    expect(services.profiles.ledger(profileId).busy).toBe(false);

    const again = await value('records.importCommit', {
      profileId,
      importId,
      decisions: { badRows: 'skip' },
    });
    expect(again).toMatchObject({ imported: 100_000 });
    expect(await value('records.summarise', { profileId, filter: {} })).toMatchObject({
      count: 100_000,
    });
  });
});
