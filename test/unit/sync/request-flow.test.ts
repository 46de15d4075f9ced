import { afterEach, describe, expect, it } from 'vitest';
import type { ProfileHmrcSummary } from '../../../src/main/profiles/profile-record';
import type { Profile } from '../../../src/main/profiles/profile-record';
import { createLogger } from '../../../src/main/logging/logger';
import { createMemoryStore } from '../../../src/main/storage/key-value-store';
import { byNearestDeadline } from '../../../src/main/sync/deadline-order';
import { createSwitchableNetwork } from '../../../src/main/sync/network-status';
import { estimateDueAfterSync } from '../../../src/main/sync/sync-estimate';
import { createSyncService, type SyncService } from '../../../src/main/sync/sync-service';
import { PROFILE, syncFixture } from './support/sync-fixture';

/**
 * What a sync asks of HMRC besides the updates themselves: one obligations read of the accepted
 * year per client per run, the estimate at most once per client per UK day (never in a
 * many-client run), and clients taken nearest deadline first.
 */

const fixtures: ReturnType<typeof syncFixture>[] = [];
let service: SyncService | undefined;
afterEach(() => {
  service?.dispose();
  service = undefined;
  for (const f of fixtures.splice(0)) f.dispose();
});

const due = (dueDate: string): ProfileHmrcSummary => ({
  checkedAt: '2026-11-01T09:00:00.000Z',
  nextDue: {
    kind: 'quarterly',
    periodStart: '2026-07-06',
    periodEnd: '2026-10-05',
    dueDate,
  },
  openCount: 1,
});

/** A sync service over one fixture (one ledger, one fake HMRC) per profile, on a clock we move. */
function serviceOver(profiles: Profile[], start = '2026-11-20T10:00:00Z') {
  let now = new Date(start);
  const byId = new Map(
    profiles.map((p) => {
      const f = syncFixture();
      fixtures.push(f);
      return [p.id, { profile: p, fx: f }] as const;
    }),
  );
  const of = (id: string) => byId.get(id)!;
  const order: string[] = [];
  const s = createSyncService({
    profiles: {
      require: (id) => of(id).profile,
      get: (id) => byId.get(id)?.profile,
      list: () => profiles,
      ledger: (id) => of(id).fx.ledger,
      hmrcFor: (id) => {
        order.push(id);
        return { ...of(id).fx.deps.profiles.hmrcFor(id), profile: of(id).profile };
      },
      refresh: async () => undefined,
      refreshYearObligations: (id, taxYear) =>
        of(id).fx.deps.profiles.refreshYearObligations(id, taxYear),
    },
    accountLinked: () => true,
    network: createSwitchableNetwork(true),
    anchorStore: createMemoryStore(),
    settingsStore: createMemoryStore(),
    clock: { now: () => now },
    logger: createLogger(() => undefined),
    sleep: async () => undefined,
    profileConcurrency: 1,
  });
  service = s;
  return {
    service: s,
    fx: (id: string) => of(id).fx,
    order,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
  };
}

describe('what a sync asks of HMRC', () => {
  it('a sync sends the latest approval once, asks nothing else before it, and reads the accepted year’s obligations once after', async () => {
    const { service, fx } = serviceOver([PROFILE]);
    const f = fx(PROFILE.id);
    f.approve('2026-07-05', 100_000, '2026-27');
    f.approve('2026-10-05', 50_000, '2026-27');
    const run = await service.syncNow(PROFILE.id);
    expect(run).toMatchObject({ accepted: 1 });
    // The second approval replaced the first in the outbox (cumulative): one PUT, the latest.
    expect(f.puts).toHaveLength(1);
    // The review compared HMRC's copy before approval and nothing changed since: no GET.
    expect(f.gets).toEqual([]);
    expect(f.obligationReads).toEqual([{ profileId: PROFILE.id, taxYear: '2026-27' }]);
    expect(service.receipts(PROFILE.id)).toHaveLength(f.puts.length);
  });

  it('updates for two tax years: each PUT once, one obligations read for the later year', async () => {
    const { service, fx } = serviceOver([PROFILE]);
    const f = fx(PROFILE.id);
    f.approve('2026-04-05', 10_000, '2025-26');
    f.approve('2026-10-05', 20_000, '2026-27');
    await service.syncNow(PROFILE.id, { estimate: false });
    expect(f.puts.map((p) => p.taxYear).sort()).toEqual(['2025-26', '2026-27']);
    expect(f.obligationReads).toEqual([{ profileId: PROFILE.id, taxYear: '2026-27' }]);
  });

  it('nothing accepted: no obligations read and no estimate', async () => {
    const { service, fx } = serviceOver([PROFILE]);
    const run = await service.syncNow(PROFILE.id);
    expect(run.accepted).toBe(0);
    expect(fx(PROFILE.id).obligationReads).toEqual([]);
    expect(fx(PROFILE.id).calculations.trigger).toBe(0);
  });

  it('asks for the estimate after the day’s first accepted sync only; the next UK day asks again', async () => {
    const { service, fx, setNow } = serviceOver([PROFILE], '2026-11-20T10:00:00Z');
    const f = fx(PROFILE.id);
    f.approve('2026-10-05', 100_000);
    await service.syncNow(PROFILE.id);
    expect(f.calculations.trigger).toBe(1);
    expect(service.status(PROFILE.id).estimate).toMatchObject({ status: 'ready' });

    // Later the same UK day (23:59 GMT in November): sent, obligations read, no new estimate.
    setNow('2026-11-20T23:59:00Z');
    f.approve('2026-10-05', 120_000);
    await service.syncNow(PROFILE.id);
    expect(f.puts).toHaveLength(2);
    expect(f.obligationReads).toHaveLength(2);
    expect(f.calculations.trigger).toBe(1);

    // Asked for by the person: always goes to HMRC.
    await service.estimate(PROFILE.id, '2026-27');
    expect(f.calculations.trigger).toBe(2);

    // The next UK day: the first accepted sync asks again.
    setNow('2026-11-21T00:00:30Z');
    f.approve('2026-10-05', 130_000);
    await service.syncNow(PROFILE.id);
    expect(f.calculations.trigger).toBe(3);
  });

  it('a run over several clients asks for no estimate, reads each client’s obligations once, and starts with the nearest deadline', async () => {
    const later: Profile = {
      ...PROFILE,
      id: '7c2b6c1e-1111-4a4a-8b8b-00000000000a',
      kind: 'client',
      agentRole: 'main',
      name: 'Later Client',
      hmrc: due('2027-02-07'),
    };
    const sooner: Profile = {
      ...later,
      id: '7c2b6c1e-1111-4a4a-8b8b-00000000000b',
      name: 'Sooner',
      hmrc: due('2026-11-07'),
    };
    const unknown: Profile = {
      ...later,
      id: '7c2b6c1e-1111-4a4a-8b8b-00000000000c',
      name: 'Unchecked',
      hmrc: {},
    };
    const { service, fx, order } = serviceOver([later, unknown, sooner]);
    for (const p of [later, unknown, sooner]) fx(p.id).approve('2026-10-05', 100_000);

    const run = await service.runMany([later.id, unknown.id, sooner.id]);
    expect(run.clients.map((c) => c.name)).toEqual(['Sooner', 'Later Client', 'Unchecked']);
    expect(order.filter((id, i) => order.indexOf(id) === i)).toEqual([
      sooner.id,
      later.id,
      unknown.id,
    ]);
    for (const p of [later, unknown, sooner]) {
      expect(fx(p.id).puts).toHaveLength(1);
      expect(fx(p.id).obligationReads).toEqual([{ profileId: p.id, taxYear: '2026-27' }]);
      expect(fx(p.id).calculations.trigger).toBe(0);
    }
  });
});

describe('the rules on their own', () => {
  it('orders by HMRC’s due date, unknown deadlines last, ties as given', () => {
    const profiles = new Map<string, Pick<Profile, 'hmrc'>>([
      ['a', { hmrc: due('2027-02-07') }],
      ['b', { hmrc: {} }],
      ['c', { hmrc: due('2026-11-07') }],
      ['d', { hmrc: due('2027-02-07') }],
    ]);
    expect(byNearestDeadline(['a', 'b', 'c', 'd', 'gone'], (id) => profiles.get(id))).toEqual([
      'c',
      'a',
      'd',
      'b',
      'gone',
    ]);
  });

  it('an estimate is due when none was kept or the last was asked on another UK day', () => {
    const now = new Date('2026-07-01T00:30:00Z'); // 01:30 in London (BST): 1 July
    expect(estimateDueAfterSync(undefined, now)).toBe(true);
    expect(estimateDueAfterSync({}, now)).toBe(true);
    // 23:45 UTC on 30 June is 00:45 on 1 July in London: the same UK day.
    expect(estimateDueAfterSync({ requestedAt: '2026-06-30T23:45:00.000Z' }, now)).toBe(false);
    expect(estimateDueAfterSync({ requestedAt: '2026-06-30T22:45:00.000Z' }, now)).toBe(true);
  });
});
