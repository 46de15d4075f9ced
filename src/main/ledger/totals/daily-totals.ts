import type { SqliteDatabase } from '../database';
import {
  DAILY_TOTALS_GROUP_COLUMNS,
  TRANSACTIONS_TOTALS_INSERT_TRIGGER,
} from '../migrations/0004-daily-totals';

/**
 * The daily_totals summary (migration 0004), kept by triggers. A bulk insert suspends the insert
 * trigger for the length of its transaction and adds its rows' totals in one statement.
 */
const LEAF = 'deleted_at IS NULL AND is_split_parent = 0';
const INSERT_TRIGGER = 'transactions_totals_insert';

interface DailyGroup {
  businessId: number;
  date: string;
  categoryId: string;
  n: number;
  moneyIn: number;
  moneyOut: number;
  disallowable: number;
}

/** Totals of rows inserted in bulk, grouped as daily_totals groups them, in memory until commit. */
export class DailyTotalsAccumulator {
  private last: DailyGroup | null = null;
  /**
   * The groups of each date: a day has a handful (business × category), found by a short scan,
   * so the bulk insert builds no key string per row. Rows arrive a day at a time, so the current
   * day's list is kept at hand.
   */
  private readonly byDate = new Map<string, DailyGroup[]>();
  private currentDate: string | null = null;
  private currentDay: DailyGroup[] = [];

  add(
    businessId: number | null,
    date: string,
    categoryId: string | null,
    amountPence: number,
    disallowablePence: number,
  ): void {
    const business = businessId ?? 0;
    const category = categoryId ?? '';
    let group = this.last;
    if (
      !group ||
      group.date !== date ||
      group.businessId !== business ||
      group.categoryId !== category
    ) {
      let day = date === this.currentDate ? this.currentDay : this.byDate.get(date);
      if (!day) {
        day = [];
        this.byDate.set(date, day);
      }
      this.currentDate = date;
      this.currentDay = day;
      group = null;
      for (const g of day) {
        if (g.businessId === business && g.categoryId === category) {
          group = g;
          break;
        }
      }
      if (!group) {
        group = {
          businessId: business,
          date,
          categoryId: category,
          n: 0,
          moneyIn: 0,
          moneyOut: 0,
          disallowable: 0,
        };
        day.push(group);
      }
      this.last = group;
    }
    group.n++;
    if (amountPence > 0) group.moneyIn += amountPence;
    else group.moneyOut += amountPence;
    group.disallowable += disallowablePence;
  }

  /** Adds the groups to daily_totals: one upsert per group, a few thousand for a year. */
  writeTo(db: SqliteDatabase): void {
    const upsert = db.prepare(
      `INSERT INTO daily_totals (business_id, date, category_id, n, money_in, money_out, disallowable, changes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT DO UPDATE SET n = n + excluded.n, money_in = money_in + excluded.money_in,
         money_out = money_out + excluded.money_out, disallowable = disallowable + excluded.disallowable,
         changes = changes + excluded.changes`,
    );
    for (const day of this.byDate.values()) {
      for (const g of day) {
        upsert.run(
          g.businessId,
          g.date,
          g.categoryId,
          g.n,
          g.moneyIn,
          g.moneyOut,
          g.disallowable,
          g.n,
        );
      }
    }
  }
}

/**
 * Drops the per-row insert trigger for a bulk insert (the trigger costs more than the row
 * itself); call inside an open transaction, and call the returned function with the inserted
 * rows' totals before COMMIT. A rollback, crash or kill restores the trigger with everything else:
 * SQLite schema changes are transactional.
 *
 * The trigger comes back from the migration's own fixed text, never from the text stored in
 * sqlite_master: that is data in a file anyone can edit, and running it would run whatever was
 * appended to it (an ATTACH that writes files anywhere, for one).
 */
export function suspendInsertTotals(
  db: SqliteDatabase,
): (inserted: DailyTotalsAccumulator) => void {
  if (!db.inTransaction) throw new Error('suspendInsertTotals needs an open transaction');
  const present = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = ?")
    .get(INSERT_TRIGGER);
  if (!present) throw new Error(`Trigger ${INSERT_TRIGGER} is missing`);
  db.exec(`DROP TRIGGER ${INSERT_TRIGGER}`);
  return (inserted) => {
    inserted.writeTo(db);
    db.exec(TRANSACTIONS_TOTALS_INSERT_TRIGGER);
  };
}

/** Recomputes the summary from the transactions (change counters restart). */
export function rebuildDailyTotals(db: SqliteDatabase): void {
  db.transaction(() => {
    db.exec('DELETE FROM daily_totals');
    db.exec(
      `INSERT INTO daily_totals SELECT ${DAILY_TOTALS_GROUP_COLUMNS}, count(*), sum(max(amount_pence, 0)),
         sum(min(amount_pence, 0)), sum(disallowable_pence), count(*)
       FROM transactions WHERE ${LEAF} GROUP BY 1, 2, 3`,
    );
  }).immediate();
}

/** Groups whose summary differs from a fresh computation: 0 when the summary is exact. */
export function dailyTotalsDrift(db: SqliteDatabase): number {
  const row = db
    .prepare(
      `WITH fresh AS (
         SELECT coalesce(business_id, 0) AS k1, date AS k2, coalesce(category_id, '') AS k3, count(*) AS n,
           sum(max(amount_pence, 0)) AS money_in, sum(min(amount_pence, 0)) AS money_out, sum(disallowable_pence) AS disallowable
         FROM transactions WHERE ${LEAF} GROUP BY 1, 2, 3),
       kept AS (SELECT * FROM daily_totals WHERE n <> 0 OR money_in <> 0 OR money_out <> 0 OR disallowable <> 0)
       SELECT
         (SELECT count(*) FROM fresh f LEFT JOIN kept d ON d.business_id = f.k1 AND d.date = f.k2 AND d.category_id = f.k3
           WHERE d.n IS NOT f.n OR d.money_in IS NOT f.money_in OR d.money_out IS NOT f.money_out OR d.disallowable IS NOT f.disallowable)
       + (SELECT count(*) FROM kept d LEFT JOIN fresh f ON d.business_id = f.k1 AND d.date = f.k2 AND d.category_id = f.k3
           WHERE f.n IS NULL) AS drift`,
    )
    .get() as { drift: number };
  return row.drift;
}
