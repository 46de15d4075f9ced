import type { Ledger } from '../ledger';
import type { Profile } from '../profiles/profile-record';

/**
 * The profiles capability's "records not yet at HMRC" (asked before a profile is deleted),
 * answered from the submission log: a live transaction counts as synced when an update HMRC
 * accepted covered its business and date, and it has not been edited since that receipt.
 * Everything else — no business, dates no accepted update reached, edited afterwards — counts.
 */
export function countUnsyncedRecords(_profile: Profile, ledger: Ledger): number {
  const row = ledger.database
    .prepare(
      `SELECT count(*) AS n FROM transactions t
       WHERE t.deleted_at IS NULL AND t.is_split_parent = 0 AND NOT EXISTS (
         SELECT 1 FROM sync_submission_log l
         WHERE l.business_id = t.business_id AND t.date >= l.period_start AND t.date <= l.period_end
           AND t.updated_at <= l.recorded_at)`,
    )
    .get() as { n: number };
  return row.n;
}
