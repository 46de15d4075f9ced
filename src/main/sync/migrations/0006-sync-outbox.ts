import { sqlMigration } from '../../ledger/migrations/migration';

/**
 * The sync capability's tables in the profile's ledger file, so an approval, its send and its
 * receipt can share a transaction with the records they describe.
 *
 * `sync_outbox`: updates the person approved, frozen: the exact JSON body, its SHA-256 and the
 * fingerprint of the records behind it (ledger totals' RecordsFingerprint). States
 * approved → sending → accepted | failed | needs-relink, plus stale (records changed after
 * approval) and superseded (a newer approval for the same business and year). An item found
 * `sending` after a crash is sent again: the cumulative PUT is idempotent (reference §3.5).
 *
 * `sync_submission_log`: one receipt per accepted item (UNIQUE outbox_id: never two), each
 * hash-chained to the one before (SHA-256 over a canonical serialisation that includes the
 * previous hash), append-only by trigger. `sync_estimates`: the latest in-year tax estimate per
 * tax year. `sync_state`: last sync time and outcome.
 */
export const m0006SyncOutbox = sqlMigration(
  6,
  '0006-sync-outbox',
  /* sql */ `
CREATE TABLE sync_outbox (
  id                   INTEGER PRIMARY KEY,
  business_id          INTEGER NOT NULL REFERENCES businesses(id),
  hmrc_business_id     TEXT NOT NULL,
  kind                 TEXT NOT NULL CHECK (kind IN ('self-employment', 'uk-property')),
  tax_year             TEXT NOT NULL,
  period_start         TEXT NOT NULL,
  period_end           TEXT NOT NULL,
  payload              TEXT NOT NULL,
  payload_hash         TEXT NOT NULL CHECK (length(payload_hash) = 64),
  records_fingerprint  TEXT NOT NULL,
  records_count        INTEGER NOT NULL,
  records_from         TEXT NOT NULL,
  records_to           TEXT NOT NULL,
  -- The ids of the live transactions behind the figures when approved (JSON array).
  records_ids          TEXT NOT NULL DEFAULT '[]',
  acknowledged         TEXT NOT NULL DEFAULT '[]',
  state                TEXT NOT NULL CHECK (state IN
                         ('approved', 'sending', 'accepted', 'failed', 'needs-relink', 'stale', 'superseded')),
  approved_at          TEXT NOT NULL,
  approved_by          TEXT NOT NULL,
  attempts             INTEGER NOT NULL DEFAULT 0,
  next_retry_at        TEXT,
  error_code           TEXT,
  error_message        TEXT,
  error_action         TEXT,
  error_fields         TEXT,
  correlation_id       TEXT,
  sending_since        TEXT,
  accepted_at          TEXT,
  updated_at           TEXT NOT NULL
) STRICT;
CREATE INDEX ix_sync_outbox_state ON sync_outbox (state, id);
CREATE INDEX ix_sync_outbox_business ON sync_outbox (business_id, tax_year, id);

CREATE TABLE sync_submission_log (
  seq               INTEGER PRIMARY KEY,
  outbox_id         INTEGER NOT NULL UNIQUE REFERENCES sync_outbox(id),
  recorded_at       TEXT NOT NULL,
  profile_id        TEXT NOT NULL,
  environment       TEXT NOT NULL,
  business_id       INTEGER NOT NULL,
  hmrc_business_id  TEXT NOT NULL,
  kind              TEXT NOT NULL,
  tax_year          TEXT NOT NULL,
  period_start      TEXT NOT NULL,
  period_end        TEXT NOT NULL,
  payload           TEXT NOT NULL,
  payload_hash      TEXT NOT NULL,
  correlation_id    TEXT NOT NULL,
  prev_hash         TEXT NOT NULL,
  entry_hash        TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX ix_sync_log_business ON sync_submission_log (business_id, tax_year, seq);

CREATE TRIGGER sync_submission_log_no_update BEFORE UPDATE ON sync_submission_log
BEGIN SELECT RAISE(ABORT, 'sync_submission_log is append-only'); END;
CREATE TRIGGER sync_submission_log_no_delete BEFORE DELETE ON sync_submission_log
BEGIN SELECT RAISE(ABORT, 'sync_submission_log is append-only'); END;

CREATE TABLE sync_estimates (
  tax_year       TEXT PRIMARY KEY,
  requested_at   TEXT NOT NULL,
  calculation_id TEXT,
  status         TEXT NOT NULL,
  document       TEXT NOT NULL
) STRICT;

CREATE TABLE sync_state (
  key    TEXT PRIMARY KEY,
  value  TEXT NOT NULL
) STRICT;
`,
);
