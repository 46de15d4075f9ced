import type { KeyValueStore } from '../storage/key-value-store';
import type { LogProblem } from './submission-log';

/**
 * A copy of each profile's log head (number of entries and newest hash) kept outside the
 * ledger file, in the app's own settings folder. The hash chain catches any edit inside the
 * log; this catches the one edit the chain cannot: deleting the newest entries. It is written
 * after the receipt commits, so after a crash in between it may be one entry behind — that is
 * allowed; being ahead of the log, or disagreeing about an entry, is not.
 */
export interface LogAnchor {
  entries: number;
  headHash: string;
}

export interface LogAnchors {
  record(profileId: string, anchor: LogAnchor): void;
  /** Problems found comparing the log with its anchor; `hashAt(seq)` reads the log. */
  check(
    profileId: string,
    entries: number,
    hashAt: (seq: number) => string | undefined,
  ): LogProblem[];
  forget(profileId: string): void;
}

export function createLogAnchors(store: KeyValueStore): LogAnchors {
  return {
    record(profileId, anchor) {
      const current = store.get<LogAnchor>(profileId);
      if (current && current.entries > anchor.entries) return;
      store.set(profileId, anchor);
    },
    check(profileId, entries, hashAt) {
      const anchor = store.get<LogAnchor>(profileId);
      if (!anchor || anchor.entries === 0) return [];
      if (anchor.entries > entries) {
        return [
          {
            seq: anchor.entries,
            problem: `Ledgerlink recorded ${anchor.entries} receipts, but only ${entries} are in the log: entries were removed.`,
          },
        ];
      }
      if (hashAt(anchor.entries) !== anchor.headHash) {
        return [{ seq: anchor.entries, problem: 'This entry is not the one Ledgerlink recorded.' }];
      }
      return [];
    },
    forget(profileId) {
      store.delete(profileId);
    },
  };
}
