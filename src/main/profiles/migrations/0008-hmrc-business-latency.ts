import { sqlMigration } from '../../ledger/migrations/migration';

/**
 * A new or latent income source reports annually ('A') or quarterly ('Q') in each of its first
 * two tax years (Retrieve Business Details `latencyDetails`, reference §3.4). Kept with the
 * business so the review knows, offline, that an update for such a year goes without dates
 * (reference §3.5: RULE_START_AND_END_DATE_NOT_ALLOWED otherwise). NULL: HMRC gave none.
 */
export const m0008HmrcBusinessLatency = sqlMigration(
  8,
  '0008-hmrc-business-latency',
  /* sql */ `
ALTER TABLE hmrc_businesses ADD COLUMN latency_tax_year1 TEXT;
ALTER TABLE hmrc_businesses ADD COLUMN latency_indicator1 TEXT CHECK (latency_indicator1 IN ('A', 'Q'));
ALTER TABLE hmrc_businesses ADD COLUMN latency_tax_year2 TEXT;
ALTER TABLE hmrc_businesses ADD COLUMN latency_indicator2 TEXT CHECK (latency_indicator2 IN ('A', 'Q'));
`,
);
