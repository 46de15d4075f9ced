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
 *
 * `existingUpTo`: while an import is being saved, only rows up to this id (those in the ledger
 * before it started) count. The import's own rows can never be duplicates of each other (the
 * occurrence number tells identical rows of a file apart), and ignoring them keeps the probe
 * cheap: otherwise each chunk's first day, half written by the chunk before, would send every
 * chunk through the full lookup.
 */
export function createHashLookup(
  db: SqliteDatabase,
  existingUpTo: number = Number.MAX_SAFE_INTEGER,
): (rows: readonly KeyedRow[]) => Map<string, ExistingMatch> {
  const anyInRange = db
    .prepare(
      'SELECT 1 FROM transactions WHERE content_hash >= ? AND content_hash < ? AND id <= ? LIMIT 1',
    )
    .pluck();
  const lookup = db.prepare(
    `SELECT content_hash AS hash, min(id) AS id, min(deleted_at IS NOT NULL) AS deleted FROM transactions
     WHERE content_hash IN (SELECT value FROM json_each(?)) AND id <= ? GROUP BY content_hash`,
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
    const from = contentHashDayRange(first)[0];
    const to = contentHashDayRange(last)[1];
    if (anyInRange.get(from, to, existingUpTo) === undefined) return found;
    for (const row of lookup.all(JSON.stringify(rows.map((r) => r.hash)), existingUpTo) as {
      hash: string;
      id: number;
      deleted: number;
    }[]) {
      found.set(row.hash, { id: row.id, deleted: row.deleted === 1 });
    }
    return found;
  };
}
