import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NO_FAULTS } from '../../../src/practice/server';
import { type ApiClient, codeOf } from './helpers/contract-client';
import { tokenRequest } from './helpers/grant-journey';
import { REFERENCE_NOW, type Session, startSession } from './helpers/practice-session';

let s: Session;
let api: ApiClient;
let nino: string;
let businessId: string;
beforeAll(async () => {
  s = await startSession({ at: REFERENCE_NOW });
  const u = s.practice.createIndividual({
    businesses: [{ typeOfBusiness: 'self-employment', commencementDate: '2010-01-01' }],
  });
  nino = u.nino as string;
  businessId = u.businesses?.[0]?.businessId as string;
  api = await s.as(u);
});
afterEach(() => s.practice.setFaults(NO_FAULTS));
afterAll(async () => {
  await s.practice.stop();
});

const path = () => `/individuals/business/self-employment/${nino}/${businessId}/cumulative/2026-27`;
const body = (to: string) => ({
  periodDates: { periodStartDate: '2026-04-06', periodEndDate: to },
  periodIncome: { turnover: 500 },
});
const list = () => `/individuals/business/details/${nino}/list`;

describe('fault injection (off by default, per server instance)', () => {
  it.each([
    [500, 'INTERNAL_SERVER_ERROR'],
    [503, 'SERVER_ERROR'],
    [504, 'GATEWAY_TIMEOUT'],
  ] as const)('a share of %i responses (%s)', async (status, code) => {
    s.practice.setFaults({ serverErrorRate: 1, serverErrorStatuses: [status] });
    const res = await api.get(list());
    expect(res.status).toBe(status);
    expect(codeOf(res.body)).toBe(code);
  });

  it('forced 429 MESSAGE_THROTTLED_OUT', async () => {
    s.practice.setFaults({ throttleRate: 1 });
    expect(await api.get(list())).toMatchObject({
      status: 429,
      body: { code: 'MESSAGE_THROTTLED_OUT' },
    });
  });

  it('added latency', async () => {
    s.practice.setFaults({ latencyMs: 150 });
    const started = performance.now();
    expect((await api.get(list())).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('dropped BEFORE the request has an effect: no answer, nothing stored', async () => {
    s.practice.setFaults({ dropRate: 1, dropWhen: 'before' });
    await expect(api.put(path(), body('2026-07-05'))).rejects.toThrow();
    s.practice.setFaults(NO_FAULTS);
    expect((await api.get(path())).status).toBe(404);
  });

  it('dropped AFTER the request had its effect: no answer, but stored; the retry is idempotent', async () => {
    s.practice.setFaults({ dropRate: 1, dropWhen: 'after' });
    await expect(api.put(path(), body('2026-10-05'))).rejects.toThrow();
    s.practice.setFaults(NO_FAULTS);
    expect((await api.get(path())).body).toEqual(body('2026-10-05'));
    expect((await api.put(path(), body('2026-10-05'))).status).toBe(204);
    expect((await api.get(path())).body).toEqual(body('2026-10-05'));
  });

  it('is deterministic with a seed', async () => {
    const run = async () => {
      s.practice.setFaults({ ...NO_FAULTS, seed: 42, serverErrorRate: 0.3, throttleRate: 0.2 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) statuses.push((await api.get(list())).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
  });

  it('leaves the browser pages alone, and the token endpoint unless asked', async () => {
    s.practice.setFaults({ serverErrorRate: 1 });
    expect((await fetch(`${s.practice.baseUrl}/`)).status).toBe(200);
    const form = {
      client_id: 'ledgerlink-practice',
      client_secret: 'practice-secret-not-confidential',
      grant_type: 'client_credentials',
    };
    expect((await tokenRequest(s.practice.baseUrl, form)).status).toBe(200);
    s.practice.setFaults({ includeTokenEndpoint: true, serverErrorStatuses: [503] });
    expect((await tokenRequest(s.practice.baseUrl, form)).status).toBe(503);
  });
});
