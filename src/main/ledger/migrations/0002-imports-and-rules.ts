import { sqlMigration } from './migration';

/**
 * Bank imports, remembered column mappings and categorisation rules, and the columns that tie a
 * transaction to them: the batch it came in, its line in the file, its content hash (duplicate
 * detection, see import/analyse/content-hash.ts) and the rule that categorised it.
 */
export const m0002ImportsAndRules = sqlMigration(
  2,
  '0002-imports-and-rules',
  /* sql */ `
CREATE TABLE import_batches (
  id                 INTEGER PRIMARY KEY,
  file_name          TEXT NOT NULL,
  file_sha256        TEXT NOT NULL,
  file_size          INTEGER NOT NULL,
  format             TEXT NOT NULL CHECK (format IN ('csv')),
  shape_fingerprint  TEXT,
  mapping_json       TEXT NOT NULL,
  rows_read          INTEGER NOT NULL DEFAULT 0,
  rows_imported      INTEGER NOT NULL DEFAULT 0,
  rows_duplicate_skipped INTEGER NOT NULL DEFAULT 0,
  rows_bad_skipped   INTEGER NOT NULL DEFAULT 0,
  rows_fixed         INTEGER NOT NULL DEFAULT 0,
  rows_categorised   INTEGER NOT NULL DEFAULT 0,
  started_at         TEXT NOT NULL,
  finished_at        TEXT,
  undone_at          TEXT
) STRICT;

-- One remembered mapping per bank-file shape (fingerprint of the normalised header).
CREATE TABLE csv_mappings (
  fingerprint  TEXT PRIMARY KEY,
  mapping_json TEXT NOT NULL,
  label        TEXT,
  times_used   INTEGER NOT NULL DEFAULT 0,
  updated_at   TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- "When … then …" rules. Conditions are plain text or * ? wildcards (no user regex), checked in
-- priority order, lowest number first; the first rule that matches wins.
CREATE TABLE rules (
  id                   INTEGER PRIMARY KEY,
  name                 TEXT NOT NULL,
  priority             INTEGER NOT NULL,
  enabled              INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  description_contains TEXT,
  description_pattern  TEXT,
  counterparty_is      TEXT,
  amount_min_pence     INTEGER,
  amount_max_pence     INTEGER,
  direction            TEXT CHECK (direction IN ('in', 'out')),
  business_id          INTEGER REFERENCES businesses(id),
  category_id          TEXT NOT NULL,
  disallowable_bp      INTEGER NOT NULL DEFAULT 0 CHECK (disallowable_bp BETWEEN 0 AND 10000),
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  deleted_at           TEXT
) STRICT;

ALTER TABLE transactions ADD COLUMN import_batch_id INTEGER REFERENCES import_batches(id);
ALTER TABLE transactions ADD COLUMN source_line INTEGER;
ALTER TABLE transactions ADD COLUMN content_hash TEXT;
ALTER TABLE transactions ADD COLUMN rule_id INTEGER REFERENCES rules(id);

CREATE INDEX ix_tx_content_hash ON transactions (content_hash) WHERE content_hash IS NOT NULL;
`,
);
