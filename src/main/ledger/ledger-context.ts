import type { Clock } from '../clock/clock';
import type { ChangeLog } from './change-log';
import type { SqliteDatabase } from './database';
import { ledgerError } from './ledger-error';

/** What every ledger service shares: the connection, the clock, the actor and the write gate. */
export interface LedgerContext {
  readonly db: SqliteDatabase;
  readonly file: string;
  readonly receiptsDir: string;
  readonly clock: Clock;
  readonly actor: string;
  readonly log: ChangeLog;
  /** ISO-8601 UTC time with milliseconds, for created/updated/at columns. */
  now(): string;
  /** Runs `fn` in one IMMEDIATE transaction, refusing while an import is being saved. */
  write<T>(fn: () => T): T;
  readonly gate: WriteGate;
}

/**
 * An import commits on its own connection over several seconds; while it holds SQLite's write
 * lock any other write would block the main process. The gate turns that into a clear
 * LEDGER_BUSY error instead.
 */
export interface WriteGate {
  readonly busy: boolean;
  assertOpen(): void;
  /** Claims exclusive writing for a long operation; returns the release function. */
  claim(what: string): () => void;
}

export function createWriteGate(): WriteGate {
  let holder: string | null = null;
  return {
    get busy() {
      return holder !== null;
    },
    assertOpen() {
      if (holder !== null) {
        throw ledgerError(
          'LEDGER_BUSY',
          `Ledgerlink is saving ${holder}.`,
          'Wait for it to finish, then try again.',
        );
      }
    },
    claim(what) {
      this.assertOpen();
      holder = what;
      return () => {
        holder = null;
      };
    },
  };
}
