import type { SqliteDatabase } from '../ledger';

/** The year end's outbox tables: their state columns and their meaning are the same. */
export type YearEndOutboxTable = 'ye_outbox' | 'oi_outbox';

export interface OutboxError {
  code: string;
  message: string;
  action: string;
}

/**
 * The two moves every year-end outbox item makes on its way to HMRC, shared so the rule is
 * written once: only an item still waiting (approved, or sending after a crash) can move, so a
 * late answer never reopens an item already accepted or failed. `sending_since` keeps the first
 * attempt's time: an item sending since before a restart is the one HMRC may already hold.
 */
export function outboxTransitions(db: SqliteDatabase, table: YearEndOutboxTable) {
  // The table name is one of two literals, never input: safe to place in the SQL. Prepared per
  // call, as the stores do, so a store made before its migration ran still works.
  const sending = () =>
    db.prepare(
      `UPDATE ${table} SET state = 'sending', sending_since = COALESCE(sending_since, ?),
       attempts = attempts + 1, updated_at = ? WHERE id = ? AND state IN ('approved', 'sending')`,
    );
  const failed = () =>
    db.prepare(
      `UPDATE ${table} SET state = 'failed', error_code = ?, error_message = ?, error_action = ?,
       updated_at = ? WHERE id = ? AND state IN ('approved', 'sending')`,
    );
  return {
    markSending: (id: number, now: string): void => {
      sending().run(now, now, id);
    },
    markFailed: (id: number, error: OutboxError, now: string): void => {
      failed().run(error.code, error.message, error.action, now, id);
    },
  };
}
