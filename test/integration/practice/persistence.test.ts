import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SEEDED, createOffsetClock, startPracticeHmrc } from '../../../src/practice/server';
import { ApiClient } from './helpers/contract-client';
import { linkUser } from './helpers/grant-journey';
import { REFERENCE_NOW } from './helpers/practice-session';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('state in a JSON data file survives restarts', () => {
  it('keeps submissions, users and grants (the app stays linked across restarts)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'practice-hmrc-'));
    dirs.push(dir);
    const dataFile = join(dir, 'nested', 'practice.json');
    const clock = createOffsetClock(Date.parse(REFERENCE_NOW));
    const first = await startPracticeHmrc({ dataFile, clock, rateLimitPerSecond: 0 });
    const tokens = await linkUser(first.baseUrl, SEEDED.individualA);
    const created = first.createIndividual({ name: 'Kept Person' });
    const path = `/individuals/business/self-employment/${SEEDED.individualA.nino}/${SEEDED.individualA.selfEmploymentId}/cumulative/2026-27`;
    const body = {
      periodDates: { periodStartDate: '2026-04-06', periodEndDate: '2026-10-05' },
      periodIncome: { turnover: 22000.01 },
    };
    expect((await new ApiClient(first.baseUrl, tokens.access_token).put(path, body)).status).toBe(
      204,
    );
    await first.stop();

    const saved = JSON.parse(await readFile(dataFile, 'utf8')) as { version: number };
    expect(saved.version).toBe(1);
    expect((await readdir(join(dir, 'nested'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const second = await startPracticeHmrc({ dataFile, clock, rateLimitPerSecond: 0 });
    try {
      const api = new ApiClient(second.baseUrl, tokens.access_token);
      expect((await api.get(path)).body).toEqual(body);
      expect(
        second.testUsers.some((u) => u.userId === created.userId && u.name === 'Kept Person'),
      ).toBe(true);
    } finally {
      await second.stop();
    }
  });

  it('refuses a file that is not Practice HMRC state', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'practice-hmrc-'));
    dirs.push(dir);
    const dataFile = join(dir, 'other.json');
    await (await import('node:fs/promises')).writeFile(dataFile, '{"hello":"world"}');
    await expect(startPracticeHmrc({ dataFile })).rejects.toThrow(/not a Practice HMRC data file/);
  });
});
