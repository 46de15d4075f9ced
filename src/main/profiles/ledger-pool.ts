import { join } from 'node:path';
import type { Clock } from '../clock/clock';
import { LEDGER_FILE_NAME, openLedger, type Ledger } from '../ledger';
import type { LedgerPresenceGuard } from './ledger-presence';

/**
 * One SQLite file per profile (design.md "Rules of the house"): `<userData>/profiles/<id>/`.
 * Ledgers are opened on first use and kept open for the screens and sync; a background job
 * that touches hundreds of clients borrows a ledger for a moment instead, so it does not
 * leave hundreds of files open.
 */
export interface LedgerPool {
  /** The open ledger of a profile, opened and kept on first use. */
  get(profileId: string): Ledger;
  /** Runs `fn` with the profile's ledger: the kept one, or one opened and closed around it. */
  borrow<T>(profileId: string, fn: (ledger: Ledger) => T): T;
  isOpen(profileId: string): boolean;
  close(profileId: string): void;
  closeAll(): void;
  folderOf(profileId: string): string;
}

export function createLedgerPool(deps: {
  profilesDir: string;
  clock: Clock;
  /** Who the change log names for edits (the person, or the agent acting for a client). */
  actorFor: (profileId: string) => string;
  /** Refuses to open (and so create) the ledger of a profile whose records are missing. */
  presence?: LedgerPresenceGuard;
}): LedgerPool {
  const open = new Map<string, Ledger>();
  const folderOf = (profileId: string) => join(deps.profilesDir, profileId);
  const openOne = (profileId: string) => {
    const file = join(folderOf(profileId), LEDGER_FILE_NAME);
    deps.presence?.beforeOpen(profileId, file);
    const ledger = openLedger({ file, actor: deps.actorFor(profileId), clock: deps.clock });
    deps.presence?.opened(profileId);
    return ledger;
  };

  const pool: LedgerPool = {
    get(profileId) {
      let ledger = open.get(profileId);
      if (!ledger) {
        ledger = openOne(profileId);
        open.set(profileId, ledger);
      }
      return ledger;
    },
    borrow(profileId, fn) {
      const kept = open.get(profileId);
      if (kept) return fn(kept);
      const ledger = openOne(profileId);
      try {
        return fn(ledger);
      } finally {
        ledger.close();
      }
    },
    isOpen: (profileId) => open.has(profileId),
    close(profileId) {
      const ledger = open.get(profileId);
      if (!ledger) return;
      open.delete(profileId);
      ledger.close();
    },
    closeAll() {
      for (const id of [...open.keys()]) {
        try {
          pool.close(id);
        } catch {
          // A ledger busy with an import refuses to close; the process is ending anyway.
        }
      }
    },
    folderOf,
  };
  return pool;
}
