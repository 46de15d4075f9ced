import { sqlMigration } from '../../ledger/migrations/migration';

/**
 * The year end's final calculation and declaration, in the profile's ledger file so that what
 * a person agreed to, and HMRC's receipt, stay with their records (reference §5.7).
 *
 * `ye_calculations`: every calculation retrieved (HMRC's JSON as received, its id, when):
 * kept so the person can see later exactly what they agreed to. `ye_client_approvals`: a main
 * agent's record of the client's approval (date, how it was given, a note). `ye_agreements`:
 * the person's explicit agreement to HMRC's declaration wording, for one calculation id.
 * `ye_outbox`: the final declaration (or confirmed amendment) as sent, states
 * approved → sending → accepted | failed. A POST is not idempotent: an item found `sending`
 * after a crash is resolved by asking HMRC, never by declaring twice. `ye_receipts`: one
 * receipt per accepted item (UNIQUE outbox_id), hash-chained to the one before and to the
 * sync log's head when recorded, append-only by trigger.
 */
export const m0010YearEndDeclaration = sqlMigration(
  10,
  '0010-year-end-declaration',
  /* sql */ `
CREATE TABLE ye_calculations (
  calculation_id    TEXT PRIMARY KEY,
  tax_year          TEXT NOT NULL,
  calculation_type  TEXT NOT NULL,
  retrieved_at      TEXT NOT NULL,
  has_errors        INTEGER NOT NULL CHECK (has_errors IN (0, 1)),
  document          TEXT NOT NULL
) STRICT;
CREATE INDEX ix_ye_calculations_year ON ye_calculations (tax_year, retrieved_at);

CREATE TABLE ye_client_approvals (
  id              INTEGER PRIMARY KEY,
  tax_year        TEXT NOT NULL,
  calculation_id  TEXT NOT NULL,
  approved_on     TEXT NOT NULL,
  method          TEXT NOT NULL,
  note            TEXT NOT NULL,
  recorded_by     TEXT NOT NULL,
  recorded_at     TEXT NOT NULL
) STRICT;
CREATE INDEX ix_ye_client_approvals ON ye_client_approvals (tax_year, calculation_id, id);

CREATE TABLE ye_agreements (
  id              INTEGER PRIMARY KEY,
  tax_year        TEXT NOT NULL,
  calculation_id  TEXT NOT NULL,
  declaration     TEXT NOT NULL CHECK (declaration IN ('final-declaration', 'confirm-amendment')),
  wording         TEXT NOT NULL CHECK (wording IN ('individual', 'agent')),
  wording_hash    TEXT NOT NULL,
  agreed_by       TEXT NOT NULL,
  agreed_at       TEXT NOT NULL
) STRICT;
CREATE INDEX ix_ye_agreements ON ye_agreements (tax_year, calculation_id, id);

CREATE TABLE ye_outbox (
  id              INTEGER PRIMARY KEY,
  tax_year        TEXT NOT NULL,
  calculation_id  TEXT NOT NULL,
  declaration     TEXT NOT NULL CHECK (declaration IN ('final-declaration', 'confirm-amendment')),
  agreement_id    INTEGER NOT NULL REFERENCES ye_agreements(id),
  state           TEXT NOT NULL CHECK (state IN ('approved', 'sending', 'accepted', 'failed')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  sending_since   TEXT,
  error_code      TEXT,
  error_message   TEXT,
  error_action    TEXT,
  correlation_id  TEXT,
  accepted_at     TEXT,
  how             TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
-- One declaration in flight per year and kind: a second click cannot make a second POST.
CREATE UNIQUE INDEX ux_ye_outbox_open ON ye_outbox (tax_year, declaration)
  WHERE state IN ('approved', 'sending');

CREATE TABLE ye_receipts (
  seq               INTEGER PRIMARY KEY,
  outbox_id         INTEGER NOT NULL UNIQUE REFERENCES ye_outbox(id),
  recorded_at       TEXT NOT NULL,
  profile_id        TEXT NOT NULL,
  environment       TEXT NOT NULL,
  tax_year          TEXT NOT NULL,
  declaration       TEXT NOT NULL,
  calculation_id    TEXT NOT NULL,
  agreed_by         TEXT NOT NULL,
  agreed_at         TEXT NOT NULL,
  correlation_id    TEXT NOT NULL,
  how               TEXT NOT NULL,
  sync_log_head     TEXT NOT NULL,
  prev_hash         TEXT NOT NULL,
  entry_hash        TEXT NOT NULL UNIQUE
) STRICT;
CREATE TRIGGER ye_receipts_no_update BEFORE UPDATE ON ye_receipts
BEGIN SELECT RAISE(ABORT, 'ye_receipts is append-only'); END;
CREATE TRIGGER ye_receipts_no_delete BEFORE DELETE ON ye_receipts
BEGIN SELECT RAISE(ABORT, 'ye_receipts is append-only'); END;
`,
);
