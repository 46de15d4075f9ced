import { sqlMigration } from './migration';

/**
 * OFX bank and credit-card statements as a second import format.
 *
 * `import_batches` is rebuilt (SQLite cannot change a CHECK in place; the runner pauses foreign
 * keys for exactly this) so `format` may be 'ofx', `mapping_json` may be empty (an OFX file needs
 * no column mapping) and `statements_json` can record which statements (account masked to its
 * last four digits, dates, counts) an OFX file held.
 *
 * Each imported OFX transaction keeps the bank's own id (`fitid`) and a digest of the account it
 * is unique in (`bank_account_key`, see import/ofx/ofx-account.ts): the duplicate check finds a FITID
 * already imported for the same account, so re-importing a statement finds every row again.
 */
export const m0007OfxImports = sqlMigration(
  7,
  '0007-ofx-imports',
  /* sql */ `
CREATE TABLE import_batches_new (
  id                 INTEGER PRIMARY KEY,
  file_name          TEXT NOT NULL,
  file_sha256        TEXT NOT NULL,
  file_size          INTEGER NOT NULL,
  format             TEXT NOT NULL CHECK (format IN ('csv', 'ofx')),
  shape_fingerprint  TEXT,
  mapping_json       TEXT CHECK ((format = 'csv') = (mapping_json IS NOT NULL)),
  statements_json    TEXT CHECK ((format = 'ofx') = (statements_json IS NOT NULL)),
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

INSERT INTO import_batches_new (id, file_name, file_sha256, file_size, format, shape_fingerprint,
  mapping_json, rows_read, rows_imported, rows_duplicate_skipped, rows_bad_skipped, rows_fixed,
  rows_categorised, started_at, finished_at, undone_at)
SELECT id, file_name, file_sha256, file_size, format, shape_fingerprint, mapping_json, rows_read,
  rows_imported, rows_duplicate_skipped, rows_bad_skipped, rows_fixed, rows_categorised,
  started_at, finished_at, undone_at
FROM import_batches;

DROP TABLE import_batches;
ALTER TABLE import_batches_new RENAME TO import_batches;

ALTER TABLE transactions ADD COLUMN bank_account_key TEXT;
ALTER TABLE transactions ADD COLUMN fitid TEXT;

CREATE INDEX ix_tx_bank_fitid ON transactions (bank_account_key, fitid) WHERE fitid IS NOT NULL;
`,
);
