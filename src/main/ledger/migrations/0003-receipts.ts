import { sqlMigration } from './migration';

/**
 * Receipt files live in the profile folder under their SHA-256 (identical files are stored
 * once); a receipt can back several transactions and a transaction can have several receipts.
 */
export const m0003Receipts = sqlMigration(
  3,
  '0003-receipts',
  /* sql */ `
CREATE TABLE receipts (
  id            INTEGER PRIMARY KEY,
  sha256        TEXT NOT NULL UNIQUE,
  stored_path   TEXT NOT NULL,
  original_name TEXT NOT NULL,
  mime          TEXT NOT NULL,
  size_bytes    INTEGER NOT NULL,
  created_at    TEXT NOT NULL
) STRICT;

CREATE TABLE receipt_links (
  transaction_id INTEGER NOT NULL REFERENCES transactions(id),
  receipt_id     INTEGER NOT NULL REFERENCES receipts(id),
  linked_at      TEXT NOT NULL,
  PRIMARY KEY (transaction_id, receipt_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX ix_receipt_links_receipt ON receipt_links (receipt_id);
`,
);
