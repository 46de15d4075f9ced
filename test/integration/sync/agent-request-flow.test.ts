import { afterEach, describe, expect, it } from 'vitest';
import type { LogRecord } from '../../../src/main/logging/logger';
import { createSubmissionLog } from '../../../src/main/sync/submission-log';
import { SEEDED } from '../../../src/practice/server';
import { addPropertyRecords, addSelfEmploymentRecords } from './support/records';
import { startSyncHarness, type SyncHarness } from './support/sync-harness';

/**
 * An agent syncs several clients against Practice HMRC over HTTP: each approved update is sent
 * once and lands at HMRC exactly as approved, the only other request is one obligations read
 * per client, and an update whose records changed since review is held back until it is
 * reviewed again — when the review asks HMRC what it holds and compares before it is sent.
 */
let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** The HMRC requests in these log records, as "METHOD what". */
function requests(logs: LogRecord[]): string[] {
  return logs
    .filter((r) => r.message === 'HMRC answered' || r.message === 'HMRC could not be reached')
    .map((r) => {
      const f = (r.fields ?? {}) as { method?: string; path?: string };
      const path = f.path ?? '';
      const what = path.includes('/cumulative/')
        ? 'cumulative'
        : path.includes('/obligations/')
          ? 'obligations'
          : path.includes('/calculations')
            ? 'calculation'
            : path;
      return `${f.method} ${what}`;
    });
}

const count = (list: string[], item: string) => list.filter((x) => x === item).length;

describe('an agent’s sync asks HMRC only what sending needs', () => {
  it('one PUT per update, one obligations read per client, nothing lost; a changed update is reviewed (and compared) again first', async () => {
    h = await startSyncHarness();
    const { profiles, review, sync } = h.services;
    const accountId = await h.link(SEEDED.agent, 'agent');
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const user = h.practice.createIndividual({
        name: `Client ${i}`,
        mtdStartTaxYear: '2026-27',
        businesses: [
          {
            typeOfBusiness: 'self-employment',
            tradingName: `Trade ${i}`,
            commencementDate: '2015-01-01',
          },
          { typeOfBusiness: 'uk-property', commencementDate: '2015-01-01' },
        ],
      });
      h.practice.authoriseAgent(SEEDED.agent.userId, user.nino!, 'main');
      const p = await profiles.create({
        kind: 'client',
        name: `Client ${i}`,
        nino: user.nino!,
        agentRole: 'main',
        accountId,
      });
      await profiles.refresh(p.id);
      const ledger = profiles.ledger(p.id);
      for (const b of ledger.businesses.list()) {
        if (b.kind === 'self-employment') addSelfEmploymentRecords(ledger, b.id, { scale: i });
        else addPropertyRecords(ledger, b.id, { scale: i });
        const u = await review.prepare({
          profileId: p.id,
          businessId: b.id,
          taxYear: '2026-27',
          periodEnd: '2026-10-05',
        });
        await review.approve({
          profileId: p.id,
          businessId: b.id,
          taxYear: '2026-27',
          periodEnd: '2026-10-05',
          payloadHash: u.payloadHash,
          recordsFingerprint: u.records.fingerprint,
          acknowledgedWarnings: u.warnings.map((w) => w.code),
        });
      }
      ids.push(p.id);
    }
    // Client 3's sales change after the review: that approval is no longer what they saw.
    const changed = profiles.ledger(ids[2]!);
    const trade3 = changed.businesses.list().find((b) => b.kind === 'self-employment')!;
    changed.transactions.add({
      date: '2026-09-30',
      description: 'A late sale',
      amountPence: 12_345,
      businessId: trade3.id,
      categoryId: 'se.turnover',
    });

    const mark = h.logs.length;
    const run = await sync.runMany(ids);
    const asked = requests(h.logs.slice(mark));
    expect(run).toMatchObject({ accepted: 5, failed: 1 });
    expect(count(asked, 'PUT cumulative')).toBe(5);
    expect(count(asked, 'GET obligations')).toBe(3);
    // No GET of what HMRC holds (the review compared it), no estimate, no business details.
    expect(asked).toHaveLength(8);

    // What HMRC holds is exactly what was approved, once each, with one receipt per update.
    const hmrc = h.services.hmrc.forAccount(accountId);
    for (const id of ids) {
      const { nino } = profiles.require(id);
      const log = createSubmissionLog(profiles.ledger(id).database).list();
      for (const entry of log) {
        const held =
          entry.kind === 'self-employment'
            ? await hmrc.selfEmployment.getCumulative(nino, entry.hmrcBusinessId, '2026-27')
            : await hmrc.ukProperty.getCumulative(nino, entry.hmrcBusinessId, '2026-27');
        expect(held.data).toMatchObject(JSON.parse(entry.payload) as object);
      }
      expect(log).toHaveLength(id === ids[2] ? 1 : 2);
      expect(new Set(log.map((e) => e.outboxId)).size).toBe(log.length);
    }
    expect(sync.status(ids[2]!).items.find((i) => i.state === 'stale')).toBeDefined();

    // Reviewed again: the review asks HMRC what it holds for that business and compares.
    const before = h.logs.length;
    const again = await review.prepare({
      profileId: ids[2]!,
      businessId: trade3.id,
      taxYear: '2026-27',
      periodEnd: '2026-10-05',
      compareWithHmrc: true,
    });
    expect(count(requests(h.logs.slice(before)), 'GET cumulative')).toBe(1);
    // HMRC answered that it holds nothing for this business yet (the changed update never went).
    expect(again.comparison.source).toBe('none');
    await review.approve({
      profileId: ids[2]!,
      businessId: trade3.id,
      taxYear: '2026-27',
      periodEnd: '2026-10-05',
      payloadHash: again.payloadHash,
      recordsFingerprint: again.records.fingerprint,
      acknowledgedWarnings: again.warnings.map((w) => w.code),
    });
    const sent = h.logs.length;
    // One client's own sync: the day's first estimate for them comes with it.
    const single = await sync.syncNow(ids[2]!);
    const asked2 = requests(h.logs.slice(sent));
    expect(single).toMatchObject({ accepted: 1 });
    expect(count(asked2, 'PUT cumulative')).toBe(1);
    expect(count(asked2, 'GET obligations')).toBe(1);
    expect(count(asked2, 'POST calculation')).toBe(1);
    expect(sync.receipts(ids[2]!)).toHaveLength(2);
    expect(sync.verifyLog(ids[2])).toEqual([expect.objectContaining({ ok: true })]);
  });
});
