import type { SqliteDatabase } from '../database';
import { normaliseText } from '../text-normalise';
import {
  contentHashDayRange,
  contentHashOfKey,
  contentKey,
  type OccurrenceCounter,
} from './content-hash';
import type { RowValues } from './csv-mapping';

type GoodValues = Extract<RowValues, { ok: true }>;

/** A readable row with what duplicate detection and rules need, computed once. */
export interface KeyedRow {
  line: number;
  values: GoodValues;
  normalisedDescription: string;
  occurrence: number;
  hash: string;
}

export function keyRow(line: number, values: GoodValues, counter: OccurrenceCounter): KeyedRow {
  const normalisedDescription = normaliseText(values.description);
  const key = contentKey(values.amountPence, normalisedDescription);
  const occurrence = counter.next(values.date, key);
  return {
    line,
    values,
    normalisedDescription,
    occurrence,
    hash: contentHashOfKey(values.date, key, occurrence),
  };
}

export interface ExistingMatch {
  id: number;
  deleted: boolean;
}

/**
 * Finds which of a chunk's hashes are already in the ledger (deleted rows included). First one
 * range probe on the content_hash index over the chunk's dates — a fresh statement usually has
 * no rows there and the lookup ends — then, if needed, every hash in one statement (a JSON array
 * through json_each): one native call per chunk instead of one per row.
 */
export function createHashLookup(
  db: SqliteDatabase,
): (rows: readonly KeyedRow[]) => Map<string, ExistingMatch> {
  const anyInRange = db
    .prepare('SELECT 1 FROM transactions WHERE content_hash >= ? AND content_hash < ? LIMIT 1')
    .pluck();
  const lookup = db.prepare(
    `SELECT content_hash AS hash, min(id) AS id, min(deleted_at IS NOT NULL) AS deleted FROM transactions
     WHERE content_hash IN (SELECT value FROM json_each(?)) GROUP BY content_hash`,
  );
  return (rows) => {
    const found = new Map<string, ExistingMatch>();
    if (rows.length === 0) return found;
    let first = rows[0]!.values.date;
    let last = first;
    for (const row of rows) {
      if (row.values.date < first) first = row.values.date;
      else if (row.values.date > last) last = row.values.date;
    }
    if (anyInRange.get(contentHashDayRange(first)[0], contentHashDayRange(last)[1]) === undefined)
      return found;
    for (const row of lookup.all(JSON.stringify(rows.map((r) => r.hash))) as {
      hash: string;
      id: number;
      deleted: number;
    }[]) {
      found.set(row.hash, { id: row.id, deleted: row.deleted === 1 });
    }
    return found;
  };
}
