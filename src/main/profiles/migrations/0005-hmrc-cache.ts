import { sqlMigration } from '../../ledger/migrations/migration';

/**
 * The profiles capability's offline copy of what HMRC last said about this taxpayer:
 * their businesses (Business Details), their obligations (Obligations API, with HMRC's own due
 * dates, never computed: reference §5.2) and every check made, with its correlation id.
 *
 * Replaced as a whole on each successful fetch, so the copy is always one consistent answer;
 * `hmrc_checks` is append-only (the "last checked" time and the authorisation history).
 * Owned by src/main/profiles/hmrc-cache.ts; other capabilities read it through that module.
 */
export const m0005HmrcCache = sqlMigration(
  5,
  '0005-hmrc-cache',
  /* sql */ `
CREATE TABLE hmrc_businesses (
  hmrc_business_id         TEXT PRIMARY KEY,
  type_of_business         TEXT NOT NULL,
  trading_name             TEXT,
  commencement_date        TEXT,
  cessation_date           TEXT,
  -- Retrieve Business Details' quarterlyTypeChoice (reference §3.4); NULL = not reported.
  period_type              TEXT CHECK (period_type IN ('standard', 'calendar')),
  period_type_tax_year     TEXT,
  -- The latest accounting period: used to decide whether calendar quarters may be offered,
  -- never shown (HMRC asks software not to display these dates).
  accounting_period_start  TEXT,
  accounting_period_end    TEXT,
  fetched_at               TEXT NOT NULL
) STRICT;

CREATE TABLE hmrc_obligations (
  id                INTEGER PRIMARY KEY,
  kind              TEXT NOT NULL CHECK (kind IN ('quarterly', 'final-declaration')),
  hmrc_business_id  TEXT,
  type_of_business  TEXT,
  period_start      TEXT NOT NULL,
  period_end        TEXT NOT NULL,
  due_date          TEXT NOT NULL,
  status            TEXT NOT NULL CHECK (status IN ('open', 'fulfilled')),
  received_date     TEXT,
  fetched_at        TEXT NOT NULL,
  CHECK (kind = 'final-declaration' OR hmrc_business_id IS NOT NULL)
) STRICT;
CREATE INDEX ix_hmrc_obligations_open ON hmrc_obligations (status, due_date);

CREATE TABLE hmrc_checks (
  id              INTEGER PRIMARY KEY,
  checked_at      TEXT NOT NULL,
  scope           TEXT NOT NULL CHECK (scope IN ('full', 'obligations', 'authorisation')),
  outcome         TEXT NOT NULL
                  CHECK (outcome IN ('authorised', 'not-authorised', 'not-signed-up', 'failed')),
  code            TEXT,
  correlation_id  TEXT,
  message         TEXT
) STRICT;
CREATE INDEX ix_hmrc_checks_at ON hmrc_checks (checked_at);
`,
);
