import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxStore, frozenRecordIds } from '../../../src/main/sync/outbox-store';
import { SEEDED } from '../../../src/practice/server';
import { addPropertyRecords, addSelfEmploymentRecords } from './support/records';
import { startSyncHarness, type SyncHarness } from './support/sync-harness';

/**
 * Review offline, then sync, against Practice HMRC over HTTP with real SQLite files and the OS
 * keychain: a sole trader and landlord (Practice's individual A) reviews both businesses'
 * updates, approves them with the network off, syncs when back online, and gets receipts, a
 * verified submission log and a tax estimate.
 */
let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const alice = SEEDED.individualA;

async function aliceWithRecords(harness: SyncHarness) {
  const accountId = await harness.link(alice, 'individual');
  const profile = await harness.services.profiles.create({
    kind: 'self',
    name: 'Alice Ashworth',
    nino: alice.nino,
    accountId,
    activate: true,
  });
  await harness.services.profiles.refresh(profile.id);
  const ledger = harness.services.profiles.ledger(profile.id);
  const se = ledger.businesses.findByHmrcId(alice.selfEmploymentId)!;
  const ukp = ledger.businesses.findByHmrcId(alice.ukPropertyId)!;
  addSelfEmploymentRecords(ledger, se.id);
  addPropertyRecords(ledger, ukp.id);
  return { accountId, profile, ledger, se, ukp };
}

describe('review offline, then sync (sole trader and landlord)', () => {
  it('reviews both updates, approves offline, syncs online, and keeps receipts and an estimate', async () => {
    h = await startSyncHarness();
    const { profile, se, ukp } = await aliceWithRecords(h);
    const { review, sync } = h.services;

    const list = await review.list(profile.id);
    expect(list.updates.map((u) => [u.businessId, u.taxYear, u.periodEnd])).toEqual(
      expect.arrayContaining([
        [se.id, '2026-27', '2026-10-05'],
        [ukp.id, '2026-27', '2026-10-05'],
      ]),
    );
    const seUpdate = list.updates.find((u) => u.businessId === se.id)!;
    // HMRC holds the seeded Q1 update: the review compares with it, line by line.
    expect(seUpdate.comparison.source).toBe('hmrc');
    expect(seUpdate.lines.find((l) => l.path === 'periodIncome.turnover')).toMatchObject({
      pence: 1_113_000,
      previousPence: 1_140_050,
      changed: true,
    });
    expect(JSON.parse(seUpdate.payloadJson).periodDates).toEqual({
      periodStartDate: '2026-04-06',
      periodEndDate: '2026-10-05',
    });
    expect(seUpdate.errors).toEqual([]);
    const ukpUpdate = list.updates.find((u) => u.businessId === ukp.id)!;
    expect(ukpUpdate.comparison.source).toBe('none');

    // Offline: approving still works, syncing explains.
    h.network.set(false);
    for (const u of [seUpdate, ukpUpdate]) {
      const approved = await h.call('review.approve', {
        profileId: profile.id,
        businessId: u.businessId,
        taxYear: u.taxYear,
        periodEnd: u.periodEnd,
        payloadHash: u.payloadHash,
        recordsFingerprint: u.records.fingerprint,
        acknowledgedWarnings: u.warnings.map((w) => w.code),
      });
      expect(approved).toMatchObject({ ok: true, value: { state: 'approved' } });
    }
    const offline = await h.call('sync.now', { profileId: profile.id });
    expect(offline).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    expect(sync.status(profile.id).counts.queued).toBe(2);
    // Frozen with each approval: the exact JSON, its hash and the records behind it.
    const ledger = h.services.profiles.ledger(profile.id);
    const frozen = createOutboxStore(ledger.database).latestFor(se.id, '2026-27')!;
    expect(frozen).toMatchObject({
      payload: seUpdate.payloadJson,
      payloadHash: seUpdate.payloadHash,
    });
    expect(frozen.records).toMatchObject({
      fingerprint: seUpdate.records.fingerprint,
      count: seUpdate.records.count,
    });
    expect(frozenRecordIds(ledger.database, frozen.id)).toEqual(
      ledger.totals.contributingIds(se.id, '2026-04-06', '2026-10-05'),
    );

    h.network.set(true);
    const run = await sync.syncNow(profile.id);
    expect(run).toMatchObject({ total: 2, accepted: 2, failed: 0, queued: 0 });
    expect(run.note).toMatch(/up to an hour/);

    const status = sync.status(profile.id);
    expect(status.counts).toMatchObject({ accepted: 2, queued: 0, failed: 0 });
    expect(status.lastSyncedAt).toBeDefined();
    // Noted in the registry entry too, where the agent overview reads it without the ledger.
    expect(h.services.profiles.require(profile.id).hmrc.sync).toEqual({
      lastSyncedAt: status.lastSyncedAt,
      refused: 0,
      needsRelink: 0,
    });
    const receipts = sync.receipts(profile.id);
    expect(receipts).toHaveLength(2);
    expect(receipts.every((r) => r.environment === 'practice' && r.correlationId.length > 0)).toBe(
      true,
    );
    expect(sync.verifyLog(profile.id)).toEqual([
      expect.objectContaining({ ok: true, entries: 2, problems: [] }),
    ]);

    // HMRC holds exactly the approved JSON.
    const { client } = h.services.profiles.hmrcFor(profile.id);
    const held = await client.selfEmployment.getCumulative(
      alice.nino,
      alice.selfEmploymentId,
      '2026-27',
    );
    expect(held.data).toMatchObject(JSON.parse(seUpdate.payloadJson));

    // The estimate after the sync, with HMRC's disclaimer and dates.
    expect(status.estimate).toMatchObject({
      status: 'ready',
      taxYear: '2026-27',
      periodTo: '2026-10-05',
    });
    expect(status.estimate?.incomeTaxPence).toBeGreaterThanOrEqual(0);
    expect(status.estimate?.disclaimer).toMatch(/only based on information HMRC have received/);

    // A second review now compares with what was just accepted: nothing changed.
    const again = await review.prepare({
      profileId: profile.id,
      businessId: se.id,
      taxYear: '2026-27',
      periodEnd: '2026-10-05',
      compareWithHmrc: true,
    });
    expect(again.comparison.changedLines).toBe(0);
    expect(again.outbox).toMatchObject({ state: 'accepted', sameAsThis: true });
    // Records covered by the receipts are no longer "unsynced".
    expect(h.services.profiles.unsyncedRecordCount(profile.id)).toBe(0);
  });
});
