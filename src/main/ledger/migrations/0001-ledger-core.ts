import { sqlMigration } from './migration';

/**
 * Businesses, their per-tax-year settings, transactions and the append-only change log.
 *
 * Transactions: + is money in, − is money out, in integer pence (STRICT tables refuse a
 * fraction). A split transaction is a parent row (`is_split_parent = 1`, no category) with
 * child rows (`parent_id`) whose amounts sum to the parent's; totals and lists count "leaf"
 * rows only — unsplit transactions and split parts — so no amount is ever counted twice.
 * The partial indexes below cover exactly those live leaf rows.
 */
export const m0001LedgerCore = sqlMigration(
  1,
  '0001-ledger-core',
  /* sql */ `
CREATE TABLE businesses (
  id                INTEGER PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('self-employment', 'uk-property')),
  name              TEXT NOT NULL CHECK (length(trim(name)) > 0),
  hmrc_business_id  TEXT UNIQUE,
  commencement_date TEXT,
  archived_at       TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;

-- Settings that HMRC fixes per tax year. period_type NULL = same as the year before
-- (the calendar election persists until changed back, reference §5.2).
CREATE TABLE business_years (
  business_id           INTEGER NOT NULL REFERENCES businesses(id),
  tax_year              TEXT NOT NULL CHECK (tax_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  period_type           TEXT CHECK (period_type IN ('standard', 'calendar')),
  consolidated_expenses INTEGER NOT NULL DEFAULT 0 CHECK (consolidated_expenses IN (0, 1)),
  updated_at            TEXT NOT NULL,
  PRIMARY KEY (business_id, tax_year)
) STRICT, WITHOUT ROWID;

CREATE TABLE transactions (
  id                 INTEGER PRIMARY KEY,
  date               TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  description        TEXT NOT NULL,
  counterparty       TEXT,
  amount_pence       INTEGER NOT NULL,
  business_id        INTEGER REFERENCES businesses(id),
  category_id        TEXT,
  disallowable_pence INTEGER NOT NULL DEFAULT 0,
  notes              TEXT,
  parent_id          INTEGER REFERENCES transactions(id),
  is_split_parent    INTEGER NOT NULL DEFAULT 0 CHECK (is_split_parent IN (0, 1)),
  deleted_at         TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  CHECK (is_split_parent = 0 OR (category_id IS NULL AND parent_id IS NULL))
) STRICT;

-- List order is (date, id): id is the rowid, which every index ends with, so these indexes serve
-- ORDER BY date, id as well as their filters. Kept narrow: every index slows a 100,000-row import.
CREATE INDEX ix_tx_date ON transactions (date)
  WHERE deleted_at IS NULL AND is_split_parent = 0;
CREATE INDEX ix_tx_business ON transactions (business_id, date)
  WHERE deleted_at IS NULL AND is_split_parent = 0;
CREATE INDEX ix_tx_category ON transactions (category_id, date)
  WHERE deleted_at IS NULL AND is_split_parent = 0;
CREATE INDEX ix_tx_parent ON transactions (parent_id) WHERE parent_id IS NOT NULL;

-- Every edit, who made it and when, with the row before and after. Append-only: the triggers
-- refuse UPDATE and DELETE so the history cannot be rewritten through the app.
CREATE TABLE change_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor       TEXT NOT NULL,
  entity      TEXT NOT NULL,
  entity_id   TEXT NOT NULL,
  action      TEXT NOT NULL,
  before_json TEXT,
  after_json  TEXT
) STRICT;
CREATE INDEX ix_change_log_entity ON change_log (entity, entity_id);

CREATE TRIGGER change_log_append_only_update BEFORE UPDATE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
CREATE TRIGGER change_log_append_only_delete BEFORE DELETE ON change_log
BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
`,
);
