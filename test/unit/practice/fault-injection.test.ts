import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { FaultInjector, NO_FAULTS, isApiPath } from '../../../src/practice/faults/fault-injection';
import { seededRandom } from '../../../src/practice/faults/seeded-random';

async function appWith(faults: FaultInjector) {
  const app = Fastify();
  faults.register(app);
  let handled = 0;
  app.get('/individuals/x', async () => {
    handled += 1;
    return { ok: true };
  });
  app.get('/', async () => 'page');
  await app.ready();
  return { app, handled: () => handled };
}

describe('fault injection (unit, fastify inject)', () => {
  it('seeded randomness repeats exactly', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('is off by default', async () => {
    const { app, handled } = await appWith(new FaultInjector());
    for (let i = 0; i < 20; i++) expect((await app.inject('/individuals/x')).statusCode).toBe(200);
    expect(handled()).toBe(20);
  });

  it('a 0.5 share of server errors gives roughly half, deterministically for a seed', async () => {
    const statuses = async () => {
      const { app } = await appWith(new FaultInjector({ seed: 3, serverErrorRate: 0.5 }));
      const out: number[] = [];
      for (let i = 0; i < 200; i++) out.push((await app.inject('/individuals/x')).statusCode);
      return out;
    };
    const first = await statuses();
    const errors = first.filter((s) => s !== 200).length;
    expect(errors).toBeGreaterThan(70);
    expect(errors).toBeLessThan(130);
    expect(new Set(first.filter((s) => s !== 200))).toEqual(new Set([500, 503, 504]));
    expect(await statuses()).toEqual(first);
  });

  it('a server error stops the request before the handler runs', async () => {
    const { app, handled } = await appWith(new FaultInjector({ serverErrorRate: 1 }));
    const res = await app.inject('/individuals/x');
    expect(res.statusCode).toBeGreaterThanOrEqual(500);
    expect(handled()).toBe(0);
  });

  it('applies to API paths only', async () => {
    const { app } = await appWith(new FaultInjector({ throttleRate: 1 }));
    expect((await app.inject('/individuals/x')).statusCode).toBe(429);
    expect((await app.inject('/')).statusCode).toBe(200);
    expect(isApiPath('/oauth/authorize')).toBe(false);
    expect(isApiPath('/obligations/details/AA000000A/crystallisation')).toBe(true);
  });

  it('set() merges, and NO_FAULTS turns everything off', () => {
    const f = new FaultInjector({ latencyMs: 5 });
    f.set({ dropRate: 0.1 });
    expect(f.current).toMatchObject({ latencyMs: 5, dropRate: 0.1 });
    f.set(NO_FAULTS);
    expect(f.current).toEqual(NO_FAULTS);
  });
});
