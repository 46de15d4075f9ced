import { signOffApprovalSchema, type SignOffApproval } from '@shared/ipc/channels/agents';
import type { SqliteDatabase } from '../../ledger';
import type { KeyValueStore } from '../../storage/key-value-store';
import { createSignOffRecords, kindOfReference } from './sign-off-records';

/** Where versions before 0013 kept approvals: `{ [profileId]: { [reference]: approval } }`. */
export const LEGACY_KEY = 'approvals';
/** Where a profile's old entries are moved once they are in its ledger: kept, never read again. */
export const CARRIED_KEY = 'carried-to-ledger';

type Entries = Record<string, unknown>;
const objectOr = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

export interface CarryOverReport {
  /** Approvals added to ledgers now (none when they were already there). */
  added: number;
  /** Profiles whose entries are still only in the JSON document (not opened now, or gone). */
  left: string[];
}

/**
 * Carries the approvals of quarterly updates and annual figures out of the `agent-sign-offs`
 * JSON document into each client's ledger, once. Safe to repeat and to interrupt: the ledger
 * is written first, in one transaction that skips an approval it already holds; only then is
 * the profile's entry moved, as it was, from `approvals` to `carried-to-ledger` in the same
 * document, so nothing is ever deleted. An entry the ledger cannot hold (not valid, or not a
 * quarterly or annual reference) is moved with the rest and stays readable there.
 */
export function createSignOffCarryOver(deps: {
  store: KeyValueStore;
  /** The profile's ledger database, or undefined for a profile this computer no longer has. */
  ledgerOf(profileId: string): SqliteDatabase | undefined;
}) {
  const legacy = () => objectOr(deps.store.get(LEGACY_KEY));

  function carryOver(profileId: string): number {
    const all = legacy();
    if (!Object.hasOwn(all, profileId)) return 0;
    const db = deps.ledgerOf(profileId);
    if (!db) return 0;
    const entries: Entries = objectOr(all[profileId]);
    const valid: [string, SignOffApproval][] = [];
    for (const [reference, value] of Object.entries(entries)) {
      const approval = signOffApprovalSchema.safeParse(value);
      if (approval.success && kindOfReference(reference) && reference.length <= 300)
        valid.push([reference, approval.data]);
    }
    const added = createSignOffRecords(db).carryOver(valid);
    // Read again: keep any other profile's entry exactly as the document has it now.
    const { [profileId]: moved, ...rest } = legacy();
    const carried = objectOr(deps.store.get(CARRIED_KEY));
    deps.store.set(CARRIED_KEY, {
      ...carried,
      [profileId]: { ...objectOr(carried[profileId]), ...objectOr(moved) },
    });
    deps.store.set(LEGACY_KEY, rest);
    return added;
  }

  return {
    carryOver,
    /** At start-up: every profile the document names; one that cannot be opened waits. */
    carryOverAll(): CarryOverReport {
      const report: CarryOverReport = { added: 0, left: [] };
      for (const profileId of Object.keys(legacy())) {
        try {
          report.added += carryOver(profileId);
        } catch {
          // Its records file could not be opened now (missing, or in use): its approvals stay
          // in the document and are carried over when its sign-off pack is next opened.
        }
        if (Object.hasOwn(legacy(), profileId)) report.left.push(profileId);
      }
      return report;
    },
  };
}

export type SignOffCarryOver = ReturnType<typeof createSignOffCarryOver>;
