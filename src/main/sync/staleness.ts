import type { Ledger } from '../ledger';
import type { OutboxItem, OutboxStore } from './outbox-store';

/**
 * An approval is for the records as they were: the ledger's RecordsFingerprint of the update's
 * dates is frozen with it. Any later edit that could move a figure changes the fingerprint
 * (ledger totals, RecordsFingerprint), and the approval turns `stale`: it is not sent, and the
 * person is asked to review again. Items already `sending` are finished as approved — they may
 * already be at HMRC.
 */
export function isStale(ledger: Ledger, item: OutboxItem): boolean {
  // Annual figures are typed in by the person, not totalled from records: no records to go stale.
  if (item.submission !== 'cumulative') return false;
  const now = ledger.totals.recordsFingerprint(item.businessId, item.records.from, item.records.to);
  return now.fingerprint !== item.records.fingerprint;
}

export function markStaleApprovals(ledger: Ledger, outbox: OutboxStore, now: string): number {
  let marked = 0;
  for (const item of outbox.list({ states: ['approved', 'failed', 'needs-relink'] })) {
    if (isStale(ledger, item)) {
      outbox.markStale(item.id, now);
      marked += 1;
    }
  }
  return marked;
}
