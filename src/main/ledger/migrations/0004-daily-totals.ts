import { sqlMigration } from './migration';

/**
 * Per business, day and category: count, money in, money out and disallowable of the live leaf
 * transactions, so year-to-date totals, quarter charts, running totals and the uncategorised
 * count read a few thousand summary rows instead of every transaction. `changes` counts every
 * change that touched the group; the records fingerprint of issue 8 hashes these rows, so any
 * edit that could move a figure makes an approved update stale.
 *
 * Triggers keep it exact for every write. A bank import suspends the insert trigger inside its own
 * transaction (a per-row trigger costs more than the row itself), adds the batch's totals in one
 * grouped statement and restores the trigger before it commits (totals/daily-totals.ts,
 * import/commit/commit-import.ts), so no committed state ever lacks the trigger or the totals.
 */
export const DAILY_TOTALS_GROUP_COLUMNS = `coalesce(business_id, 0), date, coalesce(category_id, '')`;

/**
 * The per-row insert trigger on its own: a bulk import drops it for the length of its transaction
 * and recreates it from this fixed text (totals/daily-totals.ts), never from the text stored in
 * the file, which anyone holding the file can change.
 */
export const TRANSACTIONS_TOTALS_INSERT_TRIGGER = /* sql */ `CREATE TRIGGER transactions_totals_insert AFTER INSERT ON transactions
WHEN NEW.deleted_at IS NULL AND NEW.is_split_parent = 0
BEGIN
  INSERT INTO daily_totals VALUES (coalesce(NEW.business_id, 0), NEW.date, coalesce(NEW.category_id, ''), 1,
    max(NEW.amount_pence, 0), min(NEW.amount_pence, 0), NEW.disallowable_pence, 1)
  ON CONFLICT DO UPDATE SET n = n + 1, money_in = money_in + excluded.money_in,
    money_out = money_out + excluded.money_out, disallowable = disallowable + excluded.disallowable,
    changes = changes + 1;
END;`;

export const m0004DailyTotals = sqlMigration(
  4,
  '0004-daily-totals',
  /* sql */ `
CREATE TABLE daily_totals (
  business_id  INTEGER NOT NULL,  -- 0: no business chosen yet
  date         TEXT NOT NULL,
  category_id  TEXT NOT NULL,     -- '': uncategorised
  n            INTEGER NOT NULL,
  money_in     INTEGER NOT NULL,
  money_out    INTEGER NOT NULL,  -- zero or negative
  disallowable INTEGER NOT NULL,
  changes      INTEGER NOT NULL,
  PRIMARY KEY (business_id, date, category_id)
) STRICT, WITHOUT ROWID;

INSERT INTO daily_totals
  SELECT ${DAILY_TOTALS_GROUP_COLUMNS}, count(*), sum(max(amount_pence, 0)), sum(min(amount_pence, 0)),
         sum(disallowable_pence), count(*)
  FROM transactions WHERE deleted_at IS NULL AND is_split_parent = 0
  GROUP BY 1, 2, 3;

${TRANSACTIONS_TOTALS_INSERT_TRIGGER}

CREATE TRIGGER transactions_totals_update AFTER UPDATE OF date, amount_pence, business_id, category_id,
  disallowable_pence, deleted_at, is_split_parent ON transactions
WHEN OLD.date IS NOT NEW.date OR OLD.amount_pence IS NOT NEW.amount_pence OR OLD.business_id IS NOT NEW.business_id
  OR OLD.category_id IS NOT NEW.category_id OR OLD.disallowable_pence IS NOT NEW.disallowable_pence
  OR OLD.deleted_at IS NOT NEW.deleted_at OR OLD.is_split_parent IS NOT NEW.is_split_parent
BEGIN
  UPDATE daily_totals SET n = n - 1, money_in = money_in - max(OLD.amount_pence, 0),
    money_out = money_out - min(OLD.amount_pence, 0), disallowable = disallowable - OLD.disallowable_pence,
    changes = changes + 1
  WHERE OLD.deleted_at IS NULL AND OLD.is_split_parent = 0 AND business_id = coalesce(OLD.business_id, 0)
    AND date = OLD.date AND category_id = coalesce(OLD.category_id, '');
  INSERT INTO daily_totals
    SELECT coalesce(NEW.business_id, 0), NEW.date, coalesce(NEW.category_id, ''), 1, max(NEW.amount_pence, 0),
      min(NEW.amount_pence, 0), NEW.disallowable_pence, 1
    WHERE NEW.deleted_at IS NULL AND NEW.is_split_parent = 0
  ON CONFLICT DO UPDATE SET n = n + 1, money_in = money_in + excluded.money_in,
    money_out = money_out + excluded.money_out, disallowable = disallowable + excluded.disallowable,
    changes = changes + 1;
END;

CREATE TRIGGER transactions_totals_delete AFTER DELETE ON transactions
WHEN OLD.deleted_at IS NULL AND OLD.is_split_parent = 0
BEGIN
  UPDATE daily_totals SET n = n - 1, money_in = money_in - max(OLD.amount_pence, 0),
    money_out = money_out - min(OLD.amount_pence, 0), disallowable = disallowable - OLD.disallowable_pence,
    changes = changes + 1
  WHERE business_id = coalesce(OLD.business_id, 0) AND date = OLD.date AND category_id = coalesce(OLD.category_id, '');
END;
`,
);
