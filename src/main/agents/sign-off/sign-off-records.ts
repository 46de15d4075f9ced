import type { SignOffApproval } from '@shared/ipc/channels/agents';
import type { SqliteDatabase } from '../../ledger';

/** What a client approved: an agent's quarterly update or annual figures (0013's `kind`). */
export type SignOffKind = 'quarterly-update' | 'annual-figures';

/** The kind a pack's reference is of (its first part); a year-end reference is not one. */
export function kindOfReference(reference: string): SignOffKind | undefined {
  if (reference.startsWith('quarterly:')) return 'quarterly-update';
  if (reference.startsWith('annual:')) return 'annual-figures';
  return undefined;
}

interface Row {
  approved_on: string;
  method: SignOffApproval['method'];
  note: string;
  recorded_by: string;
  recorded_at: string;
}

/**
 * A client's approvals of quarterly and annual sign-off packs, in the client's ledger file
 * (migration 0013-client-sign-offs), against the pack's reference (which holds the payload's
 * hash, so changed figures need a new approval). Year-end approvals are not here: they are
 * the declaration's own record, `ye_client_approvals`.
 */
export function createSignOffRecords(db: SqliteDatabase) {
  const kindOf = (reference: string): SignOffKind => {
    const kind = kindOfReference(reference);
    // A programming error, not the person's: only quarterly and annual packs are kept here.
    if (!kind) throw new Error(`Not a quarterly or annual sign-off reference: ${reference}`);
    return kind;
  };
  const insert = db.prepare(
    `INSERT INTO ag_sign_off_approvals
       (kind, reference, approved_on, method, note, recorded_by, recorded_at, origin)
     VALUES (@kind, @reference, @approvedOn, @method, @note, @recordedBy, @recordedAt, @origin)
     ON CONFLICT (reference, recorded_at) DO NOTHING`,
  );
  const write = (reference: string, a: SignOffApproval, origin: 'recorded' | 'carried-over') =>
    insert.run({ kind: kindOf(reference), reference, ...a, origin }).changes;

  return {
    /**
     * The latest approval of exactly this pack, if the client has approved it: by when it was
     * recorded, so one carried over late from the old document never hides a newer one.
     */
    get(reference: string): SignOffApproval | undefined {
      const row = db
        .prepare(
          `SELECT approved_on, method, note, recorded_by, recorded_at FROM ag_sign_off_approvals
           WHERE reference = ? ORDER BY recorded_at DESC, id DESC LIMIT 1`,
        )
        .get(reference) as Row | undefined;
      return row
        ? {
            approvedOn: row.approved_on,
            method: row.method,
            note: row.note,
            recordedBy: row.recorded_by,
            recordedAt: row.recorded_at,
          }
        : undefined;
    },
    /** Records the client's approval; recording again for the same pack adds the newer one. */
    put(reference: string, approval: SignOffApproval): void {
      write(reference, approval, 'recorded');
    },
    /**
     * Approvals kept before they lived in the ledger, in one transaction; one already here
     * (same pack, same moment) is not added again. Returns how many were added.
     */
    carryOver(entries: readonly (readonly [string, SignOffApproval])[]): number {
      return db.transaction(() =>
        entries.reduce((added, [reference, a]) => added + write(reference, a, 'carried-over'), 0),
      )();
    },
  };
}

export type SignOffRecords = ReturnType<typeof createSignOffRecords>;
