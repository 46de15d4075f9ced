import { sqlMigration } from '../../ledger/migrations/migration';

/**
 * A client's approval of a sign-off pack an agent prepared for a quarterly update or the annual
 * figures, in the client's own ledger file so that it travels in the profile's archive with the
 * figures it approves (it used to be kept in the `agent-sign-offs` JSON document beside the
 * ledgers). A year-end calculation's approval is not here: it is the declaration's own record,
 * `ye_client_approvals` (0010), which the final declaration requires.
 *
 * `ag_sign_off_approvals`: one row per approval recorded, against the pack's reference, which
 * holds the hash of the payload the client saw (`quarterly:<business>:<year>:<period end>:<hash>`,
 * `annual:<business>:<year>:<hash>`), so changed figures have a new reference and need a new
 * approval. Recording again for the same pack adds a row (the latest counts); rows are never
 * changed or removed, so the history of what the client approved stays. `origin` says whether
 * the agent recorded it in this ledger or it was carried over from the old JSON document.
 */
export const m0013ClientSignOffs = sqlMigration(
  13,
  '0013-client-sign-offs',
  /* sql */ `
CREATE TABLE ag_sign_off_approvals (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('quarterly-update', 'annual-figures')),
  reference    TEXT NOT NULL CHECK (length(reference) <= 300 AND (
                 (kind = 'quarterly-update' AND reference GLOB 'quarterly:?*') OR
                 (kind = 'annual-figures' AND reference GLOB 'annual:?*'))),
  approved_on  TEXT NOT NULL CHECK (approved_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  method       TEXT NOT NULL CHECK (method IN ('in-person', 'phone', 'email', 'letter', 'video')),
  note         TEXT NOT NULL CHECK (length(note) <= 1000),
  recorded_by  TEXT NOT NULL CHECK (length(recorded_by) <= 300),
  recorded_at  TEXT NOT NULL,
  origin       TEXT NOT NULL DEFAULT 'recorded' CHECK (origin IN ('recorded', 'carried-over')),
  -- One approval is one moment: carrying the JSON over twice cannot add it twice.
  UNIQUE (reference, recorded_at)
) STRICT;
CREATE TRIGGER ag_sign_off_approvals_no_update BEFORE UPDATE ON ag_sign_off_approvals
BEGIN SELECT RAISE(ABORT, 'ag_sign_off_approvals is append-only'); END;
CREATE TRIGGER ag_sign_off_approvals_no_delete BEFORE DELETE ON ag_sign_off_approvals
BEGIN SELECT RAISE(ABORT, 'ag_sign_off_approvals is append-only'); END;
`,
);
