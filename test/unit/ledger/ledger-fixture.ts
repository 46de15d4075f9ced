import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger, type Ledger } from '../../../src/main/ledger';

/** A ledger in a fresh temp folder with a clock that ticks 1 ms per read, so every write is ordered. */
export function tempLedger(actor = 'tester'): {
  ledger: Ledger;
  dir: string;
  file(name: string, content: string | Buffer): string;
  dispose(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-unit-'));
  let ms = Date.parse('2026-05-01T09:00:00.000Z');
  const ledger = openLedger({
    file: join(dir, 'ledger.sqlite'),
    actor,
    clock: { now: () => new Date(ms++) },
  });
  return {
    ledger,
    dir,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    dispose() {
      try {
        ledger.close();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
