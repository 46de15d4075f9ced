import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedState } from '../../../src/practice/state/seed';
import { PracticeStore } from '../../../src/practice/state/store';

let dir: string | undefined;
afterEach(async () => {
  vi.useRealTimers();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('PracticeStore persistence', () => {
  it('debounces many changes into one atomic write', async () => {
    dir = await mkdtemp(join(tmpdir(), 'practice-store-'));
    const file = join(dir, 'state.json');
    // The debounce timer is faked: the test moves time on instead of sleeping through it.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const store = new PracticeStore(seedState(), file, 20);
    for (let i = 0; i < 50; i++) {
      store.data.sequences.user = 1000 + i;
      store.changed();
    }
    vi.advanceTimersByTime(19);
    expect(await readdir(dir)).toEqual([]);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(1);
    // The debounced write has started; a flush queues behind it and finds nothing left to do.
    await store.flush();
    expect(vi.getTimerCount()).toBe(0);
    const saved = JSON.parse(await readFile(file, 'utf8')) as { sequences: { user: number } };
    expect(saved.sequences.user).toBe(1049);
    expect(await readdir(dir)).toEqual(['state.json']);
  });

  it('flush writes at once; readFile gives back the same state', async () => {
    dir = await mkdtemp(join(tmpdir(), 'practice-store-'));
    const file = join(dir, 'state.json');
    const store = new PracticeStore(seedState(), file, 10_000);
    store.changed();
    await store.flush();
    expect(await PracticeStore.readFile(file)).toEqual(store.data);
    expect(await PracticeStore.readFile(join(dir, 'missing.json'))).toBeUndefined();
  });

  it("the seed has the brief's users: two individuals, an agent with 3 clients, one unauthorised client; and the year-end users", () => {
    const data = seedState();
    const agent = data.users.find((u) => u.kind === 'agent');
    // The year-end seed adds Gwen (Scottish, ready to declare) as a fourth, main-agent client.
    expect(agent?.clients?.map((c) => c.relationship)).toEqual([
      'main',
      'main',
      'supporting',
      'main',
    ]);
    const ninos = new Set(agent?.clients?.map((c) => c.nino));
    expect(
      data.users
        .filter((u) => u.kind === 'individual' && !ninos.has(u.nino as string))
        .map((u) => u.name),
    ).toEqual([
      'Alice Ashworth',
      'Bilal Bhatt',
      'Fiona Fox',
      'Harri Hughes',
      'Isla Iqbal',
      'Jude Jenkins',
      'Kit Kowalski',
      'Lena Lindqvist',
      'Milo Mensah',
      'Nadia Nowak',
      'Owen Osei',
      'Priya Patel',
      'Quinn Quarshie',
      'Rhys Rowlands',
      'Sofia Sandoval',
    ]);
    for (const t of Object.values(data.taxpayers))
      for (const b of t.businesses) expect(b.businessId).toMatch(/^X[A-Z0-9]{1}IS[0-9]{11}$/);
  });
});
