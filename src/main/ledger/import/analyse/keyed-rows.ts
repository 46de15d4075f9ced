import type { SqliteDatabase } from '../../database';
import { normaliseText } from '../../text-normalise';
import {
  contentHashDayRange,
  contentHashOfKey,
  contentKey,
  OccurrenceCounter,
} from './content-hash';
import type { RowValues } from '../csv/csv-mapping';
import type { BankRef } from '../import-rows';

type GoodValues = Extract<RowValues, { ok: true }>;

/** A readable row with what duplicate detection and rules need, computed once. */
export interface KeyedRow {
  line: number;
  values: GoodValues;
  normalisedDescription: string;
  occurrence: number;
  hash: string;
  bankRef: BankRef | null;
  /** The same as an earlier row of this file (see RowKeyer). */
  repeated: boolean;
}

const bankRefKey = (ref: BankRef): string => `${ref.accountKey} ${ref.fitid}`;

/**
 * Keys a file's readable rows in file order. A row is a repeat of an earlier one when it carries
 * the same bank id (OFX FITID) — two coffees with their own ids are two transactions — or, for a
 * row without one, when an identical row came before it on the same day (its occurrence).
 */
export class RowKeyer {
  private readonly counter: OccurrenceCounter;
  private readonly bankRefs = new Set<string>();

  constructor(mode: 'per-date' | 'keep-all') {
    this.counter = new OccurrenceCounter(mode);
  }

  /** False once the dates have gone back on themselves (see OccurrenceCounter). */
  get sorted(): boolean {
    return this.counter.sorted;
  }

  key(line: number, values: GoodValues, bankRef: BankRef | null = null): KeyedRow {
    const normalisedDescription = normaliseText(values.description);
    const key = contentKey(values.amountPence, normalisedDescription);
    const occurrence = this.counter.next(values.date, key);
    let repeated = occurrence > 0;
    if (bankRef) {
      const ref = bankRefKey(bankRef);
      repeated = this.bankRefs.has(ref);
      this.bankRefs.add(ref);
    }
    return {
      line,
      values,
      normalisedDescription,
      occurrence,
      hash: contentHashOfKey(values.date, key, occurrence),
      bankRef,
      repeated,
    };
  }
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
function createHashLookup(
  db: SqliteDatabase,
  existingUpTo: number,
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

/** The rows of a chunk already in the ledger under the same account and bank id (OFX FITID). */
function createBankRefLookup(
  db: SqliteDatabase,
  existingUpTo: number,
): (rows: readonly KeyedRow[]) => Map<string, ExistingMatch> {
  const lookup = db.prepare(
    `SELECT bank_account_key || ' ' || fitid AS ref, min(id) AS id, min(deleted_at IS NOT NULL) AS deleted
     FROM transactions
     WHERE fitid IS NOT NULL AND id <= ?
       AND (bank_account_key, fitid) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))
     GROUP BY bank_account_key, fitid`,
  );
  return (rows) => {
    const found = new Map<string, ExistingMatch>();
    const refs = rows.flatMap((r) => (r.bankRef ? [[r.bankRef.accountKey, r.bankRef.fitid]] : []));
    if (refs.length === 0) return found;
    for (const row of lookup.all(existingUpTo, JSON.stringify(refs)) as {
      ref: string;
      id: number;
      deleted: number;
    }[]) {
      found.set(row.ref, { id: row.id, deleted: row.deleted === 1 });
    }
    return found;
  };
}

/**
 * The ledger-side duplicate check for a chunk of keyed rows: a row is already in the records when
 * its content hash is (see createHashLookup), or, for an OFX row, when a transaction from the same
 * account with the same FITID is — so re-importing a statement finds every row, however the bank
 * reworded its descriptions in between. `existingUpTo` as for createHashLookup.
 */
export function createLedgerLookup(
  db: SqliteDatabase,
  existingUpTo: number = Number.MAX_SAFE_INTEGER,
): (rows: readonly KeyedRow[]) => (row: KeyedRow) => ExistingMatch | undefined {
  const byHash = createHashLookup(db, existingUpTo);
  const byBankRef = createBankRefLookup(db, existingUpTo);
  return (rows) => {
    const hashes = byHash(rows);
    const refs = byBankRef(rows);
    return (row) =>
      hashes.get(row.hash) ?? (row.bankRef ? refs.get(bankRefKey(row.bankRef)) : undefined);
  };
}
