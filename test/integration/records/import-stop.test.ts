import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMainServices, type MainServices } from '../../../src/main/create-main-services';
import type { RecordsProgress } from '@shared/ipc/channels/records';
import type { IpcResult } from '@shared/ipc/result';
import { fakeMainAdapters } from '../../support/fakes/main-adapters';
import { writeBankStatement } from '../ledger/fixtures/bank-statement';

/**
 * "Stop" on the import screen, against a real 100,000-row file and a real SQLite ledger: the
 * save stops part-way, nothing of it is left in the records, other writes are refused with a
 * clear reason while it runs, and the same checked file then imports in full.
 */
const SENDER = { id: 'w', origin: 'app://ledgerlink', isMainFrame: true };

let services: MainServices | undefined;
afterEach(async () => {
  await services?.dispose();
  services = undefined;
});

describe('stopping a large import', () => {
  it('leaves the records as they were, then the same file imports in full', async () => {
    const fakes = fakeMainAdapters();
    services = await createMainServices(fakes.adapters);
    services.ipc.trustSender(SENDER.id);
    const call = (channel: string, payload: unknown) =>
      services!.ipc.dispatch(channel, payload, SENDER) as Promise<
        IpcResult<Record<string, unknown>>
      >;
    const value = async (channel: string, payload: unknown) => {
      const r = await call(channel, payload);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      return r.value;
    };
    const { id: profileId } = await services.profiles.create({
      kind: 'self',
      name: 'Sam Taylor',
      nino: 'AA100001A',
    });
    const file = join(mkdtempSync(join(tmpdir(), 'records-stop-')), 'big.csv');
    await writeBankStatement(file, { rows: 100_000, seed: 3 });
    fakes.files.chosen.push(file);
    const preview = await value('records.importChoose', { profileId });
    const importId = preview.importId as string;
    await value('records.importAnalyse', { profileId, importId, mapping: preview.mapping });

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
