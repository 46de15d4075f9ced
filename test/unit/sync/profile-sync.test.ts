import { afterEach, describe, expect, it } from 'vitest';
import { classifyFailure, nextRetryDelayMs } from '../../../src/main/sync/classify-failure';
import { syncProfileOutbox } from '../../../src/main/sync/profile-sync';
import { createSubmissionLog } from '../../../src/main/sync/submission-log';
import { countUnsyncedRecords } from '../../../src/main/sync/unsynced-records';
import { AppError } from '../../../src/main/ipc/app-error';
import { PROFILE, busyError, ruleError, syncFixture } from './support/sync-fixture';

let fx: ReturnType<typeof syncFixture> | undefined;
afterEach(() => {
  fx?.dispose();
  fx = undefined;
});

describe('the outbox', () => {
  it('freezes the approved JSON and sends it unchanged; accepted items get exactly one receipt', async () => {
    fx = syncFixture();
    const item = fx.approve();
    const result = await syncProfileOutbox(fx.deps, PROFILE.id);
    expect(result).toMatchObject({
      total: 1,
      accepted: 1,
      queued: 0,
      failed: 0,
      acceptedTaxYears: ['2026-27'],
    });
    expect(JSON.stringify(fx.puts[0]!.body)).toBe(item.payload);
    expect(fx.outbox().get(item.id)).toMatchObject({ state: 'accepted', correlationId: 'corr-1' });
    const log = createSubmissionLog(fx.ledger.database).list();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      outboxId: item.id,
      payloadHash: item.payloadHash,
      correlationId: 'corr-1',
    });
    // A second sync has nothing to do and writes nothing.
    expect(await syncProfileOutbox(fx.deps, PROFILE.id)).toMatchObject({ total: 0 });
    expect(createSubmissionLog(fx.ledger.database).list()).toHaveLength(1);
  });

  it('a newer approval for the same business and year supersedes the one still waiting', () => {
    fx = syncFixture();
    const first = fx.approve('2026-07-05');
    const second = fx.approve('2026-10-05');
    expect(fx.outbox().get(first.id)!.state).toBe('superseded');
    expect(fx.outbox().get(second.id)!.state).toBe('approved');
  });

  it('an edit to the records behind an approval makes it stale: not sent, review again', async () => {
    fx = syncFixture();
    const item = fx.approve();
    fx.ledger.transactions.add({
      date: '2026-05-01',
      description: 'Late sale',
      amountPence: 500,
      businessId: fx.business.id,
      categoryId: 'se.turnover',
    });
    const result = await syncProfileOutbox(fx.deps, PROFILE.id);
    expect(result).toMatchObject({ accepted: 0, stale: 1 });
    expect(fx.puts).toHaveLength(0);
    expect(fx.outbox().get(item.id)!.state).toBe('stale');
  });

  it('HMRC refusing it (4xx) marks it failed with HMRC’s mapped reason and keeps it', async () => {
    fx = syncFixture({ script: ['rule'] });
    const item = fx.approve();
    const result = await syncProfileOutbox(fx.deps, PROFILE.id);
    expect(result).toMatchObject({ failed: 1, accepted: 0 });
    expect(fx.outbox().get(item.id)).toMatchObject({
      state: 'failed',
      error: {
        code: 'RULE_END_DATE_NOT_ALIGNED_WITH_REPORTING_TYPE',
        message: 'HMRC refused it',
        action: 'Fix it',
        correlationId: 'c-rule',
      },
      payload: item.payload,
    });
    // Failed items are not retried by a plain sync: they need correcting and a new review.
    expect(await syncProfileOutbox(fx.deps, PROFILE.id)).toMatchObject({ total: 0 });
  });

  it('HMRC busy or unreachable (5xx, 429, network) leaves it queued with the next retry time', async () => {
    fx = syncFixture({ script: ['busy'] });
    const item = fx.approve();
    const result = await syncProfileOutbox(fx.deps, PROFILE.id);
    expect(result).toMatchObject({ queued: 1 });
    const queued = fx.outbox().get(item.id)!;
    expect(queued).toMatchObject({
      state: 'approved',
      attempts: 1,
      error: { code: 'SERVER_ERROR' },
    });
    expect(Date.parse(queued.nextRetryAt!)).toBeGreaterThan(Date.parse('2026-11-20T10:00:00Z'));
    // The next sync sends it.
    expect(await syncProfileOutbox(fx.deps, PROFILE.id)).toMatchObject({ accepted: 1 });
    expect(fx.outbox().get(item.id)!.attempts).toBe(2);
  });

  it('a lost authority marks needs-relink, stops the profile, and resumes after linking again', async () => {
    fx = syncFixture({ script: ['relink'] });
    const a = fx.approve('2026-10-05', 100, '2026-27');
    const b = fx.approve('2026-04-05', 100, '2025-26');
    fx.setLinked(false);
    const result = await syncProfileOutbox({ ...fx.deps, groupConcurrency: 1 }, PROFILE.id);
    expect(result).toMatchObject({ needsRelink: 1, accepted: 0 });
    expect([fx.outbox().get(a.id)!.state, fx.outbox().get(b.id)!.state].sort()).toEqual([
      'approved',
      'needs-relink',
    ]);
    expect(fx.puts).toHaveLength(0);
    // Records untouched; link again; the next sync sends both.
    fx.setLinked(true);
    expect(await syncProfileOutbox(fx.deps, PROFILE.id)).toMatchObject({ accepted: 2 });
  });

  it('an item left `sending` by a crash is sent again, and still gets one receipt', async () => {
    fx = syncFixture();
    const item = fx.approve();
    fx.outbox().markSending(item.id, '2026-11-20T10:00:00.000Z');
    expect(await syncProfileOutbox(fx.deps, PROFILE.id)).toMatchObject({ accepted: 1 });
    expect(fx.puts).toHaveLength(1);
    expect(createSubmissionLog(fx.ledger.database).list()).toHaveLength(1);
  });

  it('a re-send after a crash that HMRC now refuses is confirmed by a GET when HMRC holds it', async () => {
    fx = syncFixture();
    const item = fx.approve();
    // The first PUT reached HMRC, then the app died before recording it.
    fx.held.set(`XAIS12345678901|2026-27`, JSON.parse(item.payload));
    fx.outbox().markSending(item.id, '2026-11-20T10:00:00.000Z');
    // Now HMRC refuses the PUT itself (say, the amendment window has closed).
    const deps = { ...fx.deps };
    const { client } = deps.profiles.hmrcFor(PROFILE.id);
    client.selfEmployment.putCumulative = async () => {
      throw ruleError('RULE_OUTSIDE_AMENDMENT_WINDOW');
    };
    expect(await syncProfileOutbox(deps, PROFILE.id)).toMatchObject({ accepted: 1, failed: 0 });
    expect(fx.outbox().get(item.id)).toMatchObject({
      state: 'accepted',
      correlationId: 'corr-get',
    });
    expect(fx.gets).toHaveLength(1);
  });

  it('a re-send after a crash that HMRC refuses while holding something else stays failed, with one GET', async () => {
    fx = syncFixture();
    const item = fx.approve();
    // HMRC holds a different update for the year (sent from elsewhere): not ours to claim.
    fx.held.set(`XAIS12345678901|2026-27`, {
      ...JSON.parse(item.payload),
      periodIncome: { turnover: 1, other: 0 },
    });
    fx.outbox().markSending(item.id, '2026-11-20T10:00:00.000Z');
    const { client } = fx.deps.profiles.hmrcFor(PROFILE.id);
    client.selfEmployment.putCumulative = async () => {
      throw ruleError('RULE_OUTSIDE_AMENDMENT_WINDOW');
    };
    expect(await syncProfileOutbox(fx.deps, PROFILE.id)).toMatchObject({ accepted: 0, failed: 1 });
    expect(fx.gets).toHaveLength(1);
    expect(createSubmissionLog(fx.ledger.database).list()).toEqual([]);
  });

  it('a cancelled sync leaves what was not sent queued, untouched', async () => {
    fx = syncFixture();
    const a = fx.approve('2026-10-05', 100, '2026-27');
    const b = fx.approve('2026-04-05', 100, '2025-26');
    const controller = new AbortController();
    const result = await syncProfileOutbox({ ...fx.deps, groupConcurrency: 1 }, PROFILE.id, {
      signal: controller.signal,
      onItem: (_i, outcome) => {
        if (outcome === 'accepted') controller.abort();
      },
    });
    expect(result).toMatchObject({ accepted: 1, cancelled: true });
    const states = [fx.outbox().get(a.id)!.state, fx.outbox().get(b.id)!.state].sort();
    expect(states).toEqual(['accepted', 'approved']);
  });

  it('counts records not covered by an accepted update as unsynced', async () => {
    fx = syncFixture();
    fx.approve();
    expect(countUnsyncedRecords(PROFILE, fx.ledger)).toBe(1);
    await syncProfileOutbox(fx.deps, PROFILE.id);
    expect(countUnsyncedRecords(PROFILE, fx.ledger)).toBe(0);
    fx.ledger.transactions.add({
      date: '2026-11-01',
      description: 'After the update',
      amountPence: 1,
      businessId: fx.business.id,
      categoryId: 'se.turnover',
    });
    expect(countUnsyncedRecords(PROFILE, fx.ledger)).toBe(1);
  });
});

describe('what a failure means', () => {
  it('classifies HMRC’s answers', () => {
    expect(classifyFailure(ruleError()).kind).toBe('failed');
    expect(classifyFailure(busyError()).kind).toBe('retry');
    expect(classifyFailure(new AppError('RELINK_NEEDED', 'gone', 'relink')).kind).toBe('relink');
    expect(classifyFailure(new Error('disk full')).kind).toBe('retry');
    const aborted = new AbortController();
    aborted.abort();
    expect(classifyFailure(busyError(), aborted.signal).kind).toBe('cancelled');
  });

  it('backs off retries from 30 seconds to at most 30 minutes', () => {
    expect([1, 2, 3, 10].map(nextRetryDelayMs)).toEqual([30_000, 60_000, 120_000, 1_800_000]);
  });
});
