import { sqlMigration } from './migration';

/**
 * Foreign property as a third kind of business (Property Business 6.0 foreign property,
 * reference §3.4–3.5).
 *
 * HMRC keeps one foreign property business per person and wants its figures per country
 * (2025-26) or per property (2026-27 onwards, the `propertyId` of Foreign Property Details). So
 * a person's foreign properties are kept as businesses of kind `foreign-property` under the one
 * linked to HMRC (`parent_id`): records and bank lines are assigned to a property exactly as to
 * any business, and the cumulative update adds each property's figures into its country's entry
 * or sends them under its property id. Each property has its country (`country_code`, ISO
 * 3166-1 alpha-3 as HMRC's `countryCode`), HMRC's id once known (`hmrc_property_id`) and whether
 * foreign tax credit relief is claimed on the foreign tax paid on it
 * (`foreign_tax_credit_relief`, HMRC's `foreignTaxCreditRelief`).
 *
 * `businesses` and `sync_outbox` are rebuilt (SQLite cannot change a CHECK in place; the runner
 * pauses foreign keys for exactly this), every row kept with its id.
 */
export const m0011ForeignPropertyKind = sqlMigration(
  11,
  '0011-foreign-property-kind',
  /* sql */ `
CREATE TABLE businesses_new (
  id                        INTEGER PRIMARY KEY,
  kind                      TEXT NOT NULL
                              CHECK (kind IN ('self-employment', 'uk-property', 'foreign-property')),
  name                      TEXT NOT NULL CHECK (length(trim(name)) > 0),
  hmrc_business_id          TEXT UNIQUE,
  commencement_date         TEXT,
  archived_at               TEXT,
  created_at                TEXT NOT NULL,
  updated_at                TEXT NOT NULL,
  parent_id                 INTEGER REFERENCES businesses(id),
  country_code              TEXT CHECK (country_code GLOB '[A-Z][A-Z][A-Z]'),
  hmrc_property_id          TEXT CHECK (length(hmrc_property_id) = 36),
  foreign_tax_credit_relief INTEGER NOT NULL DEFAULT 0 CHECK (foreign_tax_credit_relief IN (0, 1)),
  CHECK (kind = 'foreign-property' OR (parent_id IS NULL AND country_code IS NULL
    AND hmrc_property_id IS NULL AND foreign_tax_credit_relief = 0)),
  CHECK (parent_id IS NULL OR hmrc_business_id IS NULL)
) STRICT;

INSERT INTO businesses_new (id, kind, name, hmrc_business_id, commencement_date, archived_at,
  created_at, updated_at)
SELECT id, kind, name, hmrc_business_id, commencement_date, archived_at, created_at, updated_at
FROM businesses;

DROP TABLE businesses;
ALTER TABLE businesses_new RENAME TO businesses;
CREATE INDEX ix_businesses_parent ON businesses (parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE sync_outbox_new (
  id                   INTEGER PRIMARY KEY,
  business_id          INTEGER NOT NULL REFERENCES businesses(id),
  hmrc_business_id     TEXT NOT NULL,
  kind                 TEXT NOT NULL
                         CHECK (kind IN ('self-employment', 'uk-property', 'foreign-property')),
  tax_year             TEXT NOT NULL,
  period_start         TEXT NOT NULL,
  period_end           TEXT NOT NULL,
  payload              TEXT NOT NULL,
  payload_hash         TEXT NOT NULL CHECK (length(payload_hash) = 64),
  records_fingerprint  TEXT NOT NULL,
  records_count        INTEGER NOT NULL,
  records_from         TEXT NOT NULL,
  records_to           TEXT NOT NULL,
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
  updated_at           TEXT NOT NULL,
  submission           TEXT NOT NULL DEFAULT 'cumulative'
                         CHECK (submission IN ('cumulative', 'annual', 'annual-delete'))
) STRICT;

INSERT INTO sync_outbox_new SELECT id, business_id, hmrc_business_id, kind, tax_year, period_start,
  period_end, payload, payload_hash, records_fingerprint, records_count, records_from, records_to,
  records_ids, acknowledged, state, approved_at, approved_by, attempts, next_retry_at, error_code,
  error_message, error_action, error_fields, correlation_id, sending_since, accepted_at,
  updated_at, submission
FROM sync_outbox;

DROP TABLE sync_outbox;
ALTER TABLE sync_outbox_new RENAME TO sync_outbox;
CREATE INDEX ix_sync_outbox_state ON sync_outbox (state, id);
CREATE INDEX ix_sync_outbox_business ON sync_outbox (business_id, tax_year, submission, id);
`,
);
