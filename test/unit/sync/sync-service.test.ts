import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/main/logging/logger';
import type { Profile } from '../../../src/main/profiles/profile-record';
import { createMemoryStore } from '../../../src/main/storage/key-value-store';
import { createSwitchableNetwork } from '../../../src/main/sync/network-status';
import { createSyncService, type SyncService } from '../../../src/main/sync/sync-service';
import type { SyncRunView } from '@shared/ipc/channels/sync';
import { PROFILE, syncFixture, type Script } from './support/sync-fixture';

let fx: ReturnType<typeof syncFixture> | undefined;
let service: SyncService | undefined;
afterEach(() => {
  service?.dispose();
  fx?.dispose();
  fx = undefined;
  service = undefined;
});

function serviceFor(
  profile: Profile = PROFILE,
  options: { online?: boolean; script?: Script } = {},
) {
  fx = syncFixture(options.script ? { script: options.script } : {});
  const network = createSwitchableNetwork(options.online ?? true);
  const runs: SyncRunView[] = [];
  const changed: string[] = [];
  const f = fx;
  service = createSyncService({
    profiles: {
      ...f.deps.profiles,
      require: () => profile,
      hmrcFor: (id) => ({ ...f.deps.profiles.hmrcFor(id), profile }),
      get: () => profile,
      list: () => [profile],
    },
    accountLinked: () => true,
    network,
    anchorStore: createMemoryStore(),
    settingsStore: createMemoryStore(),
    clock: { now: () => new Date('2026-11-20T10:00:00Z') },
    logger: createLogger(() => undefined),
    emitProgress: (run) => runs.push(run),
    emitChanged: (id) => changed.push(id),
  });
  return { network, runs, changed, service };
}

describe('the sync service', () => {
  it('offline: approvals wait, Sync now says why and sends nothing', async () => {
    const { service } = serviceFor(PROFILE, { online: false });
    fx!.approve();
    await expect(service.syncNow(PROFILE.id)).rejects.toMatchObject({ code: 'OFFLINE' });
    expect(fx!.puts).toHaveLength(0);
    expect(service.status(PROFILE.id)).toMatchObject({ online: false, counts: { queued: 1 } });
  });

  it('syncs, records the last sync, reports progress, and counts the outcome', async () => {
    const { service, runs } = serviceFor();
    fx!.approve();
    const run = await service.syncNow(PROFILE.id, { estimate: false });
    expect(run).toMatchObject({
      running: false,
      total: 1,
      accepted: 1,
      clients: [{ state: 'done', accepted: 1 }],
    });
    expect(run.note).toMatch(/up to an hour/);
    expect(runs.at(-1)).toEqual(run);
    const status = service.status(PROFILE.id);
    expect(status.counts.accepted).toBe(1);
    expect(status.lastOutcome).toBe('1 of 1 update accepted by HMRC.');
    expect(service.receipts(PROFILE.id)).toHaveLength(1);
  });

  it('with "sync when back online" on, coming back online sends what was queued', async () => {
    const { service, network } = serviceFor(PROFILE, { online: false });
    fx!.approve();
    service.setSyncOnReconnect(true);
    expect(service.network()).toEqual({ online: false, syncOnReconnect: true });
    network.set(true);
    await service.idle();
    expect(fx!.puts).toHaveLength(1);
    expect(service.status(PROFILE.id).counts.accepted).toBe(1);
  });

  it('a supporting agent gets no estimate, with the reason, and nothing is asked of HMRC', async () => {
    const supporting: Profile = { ...PROFILE, kind: 'client', agentRole: 'supporting' };
    const { service } = serviceFor(supporting);
    const estimate = await service.estimate(supporting.id, '2026-27');
    expect(estimate).toMatchObject({ status: 'not-allowed' });
    expect(estimate.reason).toMatch(/supporting agent/);
    expect(service.status(supporting.id)).toMatchObject({ estimateAllowed: false });
  });

  it('a failed update can be removed from the outbox; an accepted one cannot', async () => {
    const { service } = serviceFor(PROFILE, { script: ['rule'] });
    const failed = fx!.approve('2026-10-05', 100, '2026-27');
    await service.syncNow(PROFILE.id, { estimate: false });
    expect(service.status(PROFILE.id).items[0]).toMatchObject({ id: failed.id, state: 'failed' });
    expect(service.discard(PROFILE.id, failed.id).items).toEqual([]);
    const accepted = fx!.approve('2026-10-05', 200, '2026-27');
    await service.syncNow(PROFILE.id, { estimate: false });
    expect(() => service.discard(PROFILE.id, accepted.id)).toThrow(/accepted this update/);
  });

  it('a multi-client run can be cancelled; what is left stays queued', async () => {
    const { service } = serviceFor();
    fx!.approve('2026-10-05', 100, '2026-27');
    const started = service.syncMany([PROFILE.id], { estimate: false });
    const cancelled = service.cancel(started.runId);
    expect(cancelled?.cancelled).toBe(true);
    await service.idle();
    expect(service.currentRun()).toMatchObject({ running: false, cancelled: true });
    expect(
      service.status(PROFILE.id).counts.queued + service.status(PROFILE.id).counts.accepted,
    ).toBe(1);
  });
});
