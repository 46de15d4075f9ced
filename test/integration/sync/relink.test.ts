import { afterEach, describe, expect, it } from 'vitest';
import { SEEDED } from '../../../src/practice/server';
import { addPropertyRecords, addSelfEmploymentRecords } from './support/records';
import { startSyncHarness, type SyncHarness } from './support/sync-harness';

/**
 * The authority runs out in the middle of a sync (HMRC's grant lasts 18 months, reference §2.5):
 * the update being sent goes to `needs-relink`, the rest stay queued, the records are untouched;
 * after linking again the same sync resumes and every update is accepted once.
 *
 * Practice HMRC ends the grant deterministically: the first update to arrive is accepted, and
 * the grant ends as the second arrives, however many are in flight at once.
 */
const alice = SEEDED.individualA;
let h: SyncHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('relink in the middle of a sync', () => {
  it('marks needs-relink, keeps everything, and resumes after linking again', async () => {
    h = await startSyncHarness();
    const accountId = await h.link(alice, 'individual');
    const { profiles, review, sync } = h.services;
    const profile = await profiles.create({
      kind: 'self',
      name: 'Alice Ashworth',
      nino: alice.nino,
      accountId,
      activate: true,
    });
    await profiles.refresh(profile.id);
    const ledger = profiles.ledger(profile.id);
    const se = ledger.businesses.findByHmrcId(alice.selfEmploymentId)!;
    const ukp = ledger.businesses.findByHmrcId(alice.ukPropertyId)!;
    addSelfEmploymentRecords(ledger, se.id);
    addPropertyRecords(ledger, ukp.id);
    for (const [businessId, taxYear, periodEnd] of [
      [se.id, '2026-27', '2026-10-05'],
      [ukp.id, '2026-27', '2026-10-05'],
      [se.id, '2025-26', '2026-04-05'],
    ] as const) {
      const u = await review.prepare({ profileId: profile.id, businessId, taxYear, periodEnd });
      await review.approve({
        profileId: profile.id,
        businessId,
        taxYear,
        periodEnd,
        payloadHash: u.payloadHash,
        recordsFingerprint: u.records.fingerprint,
        acknowledgedWarnings: u.warnings.map((w) => w.code),
      });
    }
    const recordsBefore = ledger.records.summarise({}).count;

    // HMRC accepts one of the three updates; the grant has ended when the next one arrives.
    h.practice.setFaults({ endGrantAfterUpdates: 1 });
    const run = await sync.syncNow(profile.id, { estimate: false });
    expect(run.clients[0]).toMatchObject({ state: 'needs-relink' });
    expect(run.clients[0]!.message).toMatch(/link/i);
    const stuck = sync.status(profile.id);
    expect(stuck.counts.accepted).toBe(1);
    expect(stuck.counts.needsRelink + stuck.counts.queued).toBe(2);
    expect(stuck.counts.needsRelink).toBeGreaterThanOrEqual(1);
    expect(stuck.items.find((i) => i.state === 'needs-relink')!.error!.code).toBe('RELINK_NEEDED');
    expect(h.services.accounts.get(accountId)!.status).toBe('relink-needed');
    expect(ledger.records.summarise({}).count).toBe(recordsBefore);

    // Sign in again (a new grant), and the same outbox resumes.
    await h.link(alice, 'individual', accountId);
    expect(h.services.accounts.get(accountId)!.status).toBe('linked');
    const resumed = await sync.syncNow(profile.id, { estimate: false });
    expect(resumed).toMatchObject({ accepted: 2, failed: 0, queued: 0 });
    const done = sync.status(profile.id);
    expect(done.counts).toMatchObject({ accepted: 3, needsRelink: 0, queued: 0, failed: 0 });
    expect(sync.receipts(profile.id)).toHaveLength(3);
    expect(sync.verifyLog(profile.id)[0]!.ok).toBe(true);
  });
});
