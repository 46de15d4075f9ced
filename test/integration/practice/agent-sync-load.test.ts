import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiClient } from './helpers/contract-client';
import { REFERENCE_NOW, SEEDED, type Session, startSession } from './helpers/practice-session';

/**
 * An agent syncing 30 clients with 2 businesses each. Timings are printed as figures, never
 * asserted (see design.md "Benchmarks"); what is asserted is that every request succeeds and
 * the data lands.
 */
let s: Session;
/** The rate limit's clock (monotonic ms): the pacing test moves it instead of sleeping. */
let rateClockMs = 0;
let agent: ApiClient;
const clients: { nino: string; se: string; pb: string }[] = [];

beforeAll(async () => {
  // This test measures load, not HMRC's lag: obligations show fulfilled at once here.
  s = await startSession({
    at: REFERENCE_NOW,
    obligationFulfilmentDelayMs: 0,
    rateLimitClock: () => rateClockMs,
  });
  for (let i = 0; i < 30; i++) {
    const u = s.practice.createIndividual({
      mtdStartTaxYear: '2026-27',
      businesses: [
        {
          typeOfBusiness: 'self-employment',
          tradingName: `Client ${i}`,
          commencementDate: '2015-01-01',
        },
        { typeOfBusiness: 'uk-property', commencementDate: '2015-01-01' },
      ],
    });
    s.practice.authoriseAgent(SEEDED.agent.userId, u.nino as string, 'main');
    clients.push({
      nino: u.nino as string,
      se: u.businesses?.[0]?.businessId as string,
      pb: u.businesses?.[1]?.businessId as string,
    });
  }
  agent = await s.as(SEEDED.agent);
});
afterAll(async () => {
  await s.practice.stop();
});

async function pool<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await fn(item);
    }),
  );
}

describe('an agent syncing 30 clients x 2 businesses', () => {
  it('handles the whole sync (150 requests, 3 at a time) with every request succeeding', async () => {
    const latencies: number[] = [];
    const timed = async <R extends { status: number }>(p: Promise<R>): Promise<R> => {
      const t = performance.now();
      const r = await p;
      latencies.push(performance.now() - t);
      return r;
    };
    const started = performance.now();
    await pool(clients, 3, async (c) => {
      expect((await timed(agent.get(`/individuals/business/details/${c.nino}/list`))).status).toBe(
        200,
      );
      expect(
        (
          await timed(
            agent.get(
              `/obligations/details/${c.nino}/income-and-expenditure?fromDate=2026-04-06&toDate=2027-04-05`,
            ),
          )
        ).status,
      ).toBe(200);
      const se = {
        periodDates: { periodStartDate: '2026-04-06', periodEndDate: '2026-10-05' },
        periodIncome: { turnover: 12345.67, other: 0 },
        periodExpenses: { consolidatedExpenses: 2345.6 },
      };
      expect(
        (
          await timed(
            agent.put(
              `/individuals/business/self-employment/${c.nino}/${c.se}/cumulative/2026-27`,
              se,
            ),
          )
        ).status,
      ).toBe(204);
      const pb = {
        fromDate: '2026-04-06',
        toDate: '2026-10-05',
        ukProperty: { income: { periodAmount: 6000 }, expenses: { consolidatedExpenses: 1200 } },
      };
      expect(
        (
          await timed(
            agent.put(`/individuals/business/property/uk/${c.nino}/${c.pb}/cumulative/2026-27`, pb),
          )
        ).status,
      ).toBe(204);
      const after = await timed(
        agent.get(
          `/obligations/details/${c.nino}/income-and-expenditure?fromDate=2026-04-06&toDate=2027-04-05&status=fulfilled`,
        ),
      );
      expect((after.body as { obligations: unknown[] }).obligations).toHaveLength(2);
    });
    const total = performance.now() - started;
    latencies.sort((a, b) => a - b);
    const p95 = latencies[Math.floor(latencies.length * 0.95)] as number;
    console.log(
      `[figures] agent sync: ${latencies.length} requests in ${total.toFixed(0)} ms; median ${latencies[latencies.length >> 1]?.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (includes client-side contract checks)`,
    );
    expect(latencies).toHaveLength(150);
  });

  it('a client pacing itself at 3 requests per second is never throttled', async () => {
    s.practice.setRateLimit(3);
    try {
      rateClockMs += 1000;
      const statuses: number[] = [];
      for (const c of clients.slice(0, 9)) {
        statuses.push((await agent.get(`/individuals/business/details/${c.nino}/list`)).status);
        rateClockMs += 340;
      }
      expect(statuses).toEqual(Array(9).fill(200));
      // …and one request closer than that is: the 4th within a second.
      rateClockMs += 1000;
      const fast: number[] = [];
      for (const c of clients.slice(0, 4)) {
        fast.push((await agent.get(`/individuals/business/details/${c.nino}/list`)).status);
        rateClockMs += 300;
      }
      expect(fast).toEqual([200, 200, 200, 429]);
    } finally {
      s.practice.setRateLimit(0);
    }
  });
});
