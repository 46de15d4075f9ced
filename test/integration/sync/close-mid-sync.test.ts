import { describe, expect, it } from 'vitest';
import { SEEDED } from '../../../src/practice/server';
import { addSelfEmploymentRecords } from './support/records';
import { startSyncHarness } from './support/sync-harness';

/**
 * Quitting while a sync is running: the app's close cuts the run short, and the run still
 * finishes its bookkeeping (the outbox, the overview's note in the registry) before the
 * ledgers and the registry close — nothing touches a closed database afterwards.
 */
const alice = SEEDED.individualA;

describe('closing the app in the middle of a sync', () => {
  it('waits for the run to finish its bookkeeping before the databases close', async () => {
    const h = await startSyncHarness();
    try {
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
      addSelfEmploymentRecords(ledger, se.id);
      const u = await review.prepare({
        profileId: profile.id,
        businessId: se.id,
        taxYear: '2026-27',
        periodEnd: '2026-10-05',
      });
      await review.approve({
        profileId: profile.id,
        businessId: se.id,
        taxYear: '2026-27',
        periodEnd: '2026-10-05',
        payloadHash: u.payloadHash,
        recordsFingerprint: u.records.fingerprint,
        acknowledgedWarnings: u.warnings.map((w) => w.code),
      });

      // Quit in the same turn as Sync now: the run is in flight when the app closes.
      const running = sync.syncNow(profile.id, { estimate: false }).then(
        (run) => ({ ended: 'resolved' as const, run }),
        (error: unknown) => ({ ended: 'rejected' as const, error: String(error) }),
      );
      await h.services.dispose();
      const outcome = await running;
      expect(outcome.ended === 'rejected' ? outcome.error : '').not.toMatch(/not open/);
    } finally {
      await h.practice.stop();
    }
  });
});
