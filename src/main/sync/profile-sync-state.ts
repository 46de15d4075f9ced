import type { EstimateView } from '@shared/ipc/channels/sync';
import type { SqliteDatabase } from '../ledger';

/**
 * What a profile's ledger file remembers about syncing besides the outbox and the log: when it
 * last synced and what happened, and the latest tax estimate per tax year — so both still show
 * offline and after a restart (migration 0006-sync-outbox, tables sync_state, sync_estimates).
 */
export interface LastSync {
  at: string;
  outcome: string;
}

export interface ProfileSyncState {
  lastSync(): LastSync | undefined;
  setLastSync(value: LastSync): void;
  estimate(taxYear?: string): EstimateView | undefined;
  saveEstimate(estimate: EstimateView): void;
}

export function profileSyncState(db: SqliteDatabase): ProfileSyncState {
  return {
    lastSync() {
      const row = db.prepare(`SELECT value FROM sync_state WHERE key = 'lastSync'`).get() as
        { value: string } | undefined;
      return row ? (JSON.parse(row.value) as LastSync) : undefined;
    },
    setLastSync(value) {
      db.prepare(
        `INSERT INTO sync_state (key, value) VALUES ('lastSync', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ).run(JSON.stringify(value));
    },
    estimate(taxYear) {
      const row = (
        taxYear
          ? db.prepare('SELECT document FROM sync_estimates WHERE tax_year = ?').get(taxYear)
          : db
              .prepare(
                'SELECT document FROM sync_estimates ORDER BY tax_year DESC, requested_at DESC LIMIT 1',
              )
              .get()
      ) as { document: string } | undefined;
      return row ? (JSON.parse(row.document) as EstimateView) : undefined;
    },
    saveEstimate(estimate) {
      // A pending or failed attempt does not replace figures HMRC already gave.
      const existing = this.estimate(estimate.taxYear);
      if (
        existing?.status === 'ready' &&
        (estimate.status === 'failed' || estimate.status === 'pending')
      )
        return;
      db.prepare(
        `INSERT INTO sync_estimates (tax_year, requested_at, calculation_id, status, document) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tax_year) DO UPDATE SET requested_at = excluded.requested_at,
           calculation_id = excluded.calculation_id, status = excluded.status, document = excluded.document`,
      ).run(
        estimate.taxYear,
        estimate.requestedAt ?? new Date(0).toISOString(),
        estimate.calculationId ?? null,
        estimate.status,
        JSON.stringify(estimate),
      );
    },
  };
}
