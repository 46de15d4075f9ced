import { sqlMigration } from '../../ledger/migrations/migration';

/**
 * The rest of the return that is not a business: UK savings interest per account, UK
 * dividends, pension contributions and Gift Aid (Savings Income 2.0, Dividends Income 2.0,
 * Reliefs 3.0), and the person's answers about income Ledgerlink does not cover (reference
 * §5.8: non-mandated income handled, or diverted). Kept in tables of their own because there
 * is no business row for them to hang off in the sync outbox.
 *
 * `oi_savings_accounts`: UK savings accounts, HMRC's id once HMRC has it (NULL while the
 * "add" is waiting). `oi_outbox`: what the person approved, frozen as the exact JSON to send;
 * states approved → sending → accepted | failed, or replaced by a newer approval before it
 * went. Adding an account is a POST (not idempotent):
 * an item found `sending` after a crash is resolved by asking HMRC for its accounts, never by
 * adding twice. `oi_receipts`: one per accepted item (UNIQUE outbox_id), hash-chained to the
 * one before and recording the sync log's head, append-only by trigger. `oi_not_covered`: one
 * answer per year and topic; `oi_elsewhere`: the person's confirmation, per year, that what
 * applies has been reported to HMRC another way (which topics, when).
 */
export const m0012OtherIncome = sqlMigration(
  12,
  '0012-other-income',
  /* sql */ `
CREATE TABLE oi_savings_accounts (
  id                 INTEGER PRIMARY KEY,
  savings_account_id TEXT UNIQUE,
  account_name       TEXT NOT NULL,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
) STRICT;

CREATE TABLE oi_outbox (
  id              INTEGER PRIMARY KEY,
  submission      TEXT NOT NULL CHECK (submission IN (
                    'savings-account-add', 'savings-account-rename', 'savings-interest',
                    'dividends', 'dividends-delete', 'pension-relief', 'pension-relief-delete',
                    'charitable-giving', 'charitable-giving-delete')),
  -- What the item is about: the year's income or relief ('dividends', 'pension-relief',
  -- 'charitable-giving') or one savings account ('account:<oi_savings_accounts.id>').
  target          TEXT NOT NULL,
  tax_year        TEXT,
  account_ref     INTEGER REFERENCES oi_savings_accounts(id),
  payload         TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('approved', 'sending', 'accepted', 'failed', 'replaced')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  sending_since   TEXT,
  next_retry_at   TEXT,
  error_code      TEXT,
  error_message   TEXT,
  error_action    TEXT,
  correlation_id  TEXT,
  accepted_at     TEXT,
  how             TEXT,
  approved_by     TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
-- One item in flight per thing and year: approving again replaces what waits.
CREATE UNIQUE INDEX ux_oi_outbox_open ON oi_outbox (target, COALESCE(tax_year, ''), submission)
  WHERE state IN ('approved', 'sending');
CREATE INDEX ix_oi_outbox_year ON oi_outbox (tax_year, target, id);

CREATE TABLE oi_receipts (
  seq             INTEGER PRIMARY KEY,
  outbox_id       INTEGER NOT NULL UNIQUE REFERENCES oi_outbox(id),
  recorded_at     TEXT NOT NULL,
  profile_id      TEXT NOT NULL,
  environment     TEXT NOT NULL,
  submission      TEXT NOT NULL,
  tax_year        TEXT NOT NULL,
  hmrc_ref        TEXT NOT NULL,
  payload         TEXT NOT NULL,
  payload_hash    TEXT NOT NULL,
  correlation_id  TEXT NOT NULL,
  how             TEXT NOT NULL,
  sync_log_head   TEXT NOT NULL,
  prev_hash       TEXT NOT NULL,
  entry_hash      TEXT NOT NULL UNIQUE
) STRICT;
CREATE TRIGGER oi_receipts_no_update BEFORE UPDATE ON oi_receipts
BEGIN SELECT RAISE(ABORT, 'oi_receipts is append-only'); END;
CREATE TRIGGER oi_receipts_no_delete BEFORE DELETE ON oi_receipts
BEGIN SELECT RAISE(ABORT, 'oi_receipts is append-only'); END;

CREATE TABLE oi_not_covered (
  tax_year     TEXT NOT NULL,
  topic        TEXT NOT NULL,
  applies      INTEGER NOT NULL CHECK (applies IN (0, 1)),
  answered_at  TEXT NOT NULL,
  PRIMARY KEY (tax_year, topic)
) STRICT;

CREATE TABLE oi_elsewhere (
  id            INTEGER PRIMARY KEY,
  tax_year      TEXT NOT NULL,
  topics        TEXT NOT NULL,
  confirmed_by  TEXT NOT NULL,
  confirmed_at  TEXT NOT NULL
) STRICT;
CREATE INDEX ix_oi_elsewhere_year ON oi_elsewhere (tax_year, id);
`,
);
