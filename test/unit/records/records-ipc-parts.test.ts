import { describe, expect, it, vi } from 'vitest';
import { createImportSessions } from '../../../src/main/records-ipc/import-sessions';
import { createProgressReporter } from '../../../src/main/records-ipc/progress-reporter';
import type { RecordsProgress } from '@shared/ipc/channels/records';

const P = '6f1c1b8e-2f7e-4c1e-9a43-0a6f3c1f7d11';
const OP = '0b7f6c1e-2d5a-4f3e-8c9b-1a2b3c4d5e6f';

describe('progress events', () => {
  it('sends at most one event per interval, and always the last one', () => {
    const sent: RecordsProgress[] = [];
    let now = 0;
    const reporter = createProgressReporter(
      (p) => sent.push(p),
      { profileId: P, operationId: OP, kind: 'import-commit' },
      {
        intervalMs: 100,
        now: () => now,
      },
    );
    for (let i = 1; i <= 50; i++) {
      now = i * 10;
      reporter.report({ done: i * 1000, total: 50_000, rows: i * 20 });
    }
    reporter.finish();
    expect(sent.length).toBeLessThanOrEqual(7);
    expect(sent.at(-1)).toEqual({
      profileId: P,
      operationId: OP,
      kind: 'import-commit',
      done: 50_000,
      total: 50_000,
      rows: 1000,
      finished: true,
    });
    expect(sent.slice(0, -1).every((p) => !p.finished)).toBe(true);
  });
});

describe('import sessions', () => {
  it('keep the chosen path in main, for the profile that chose it only', () => {
    let n = 0;
    const sessions = createImportSessions(() => `id-${++n}`);
    const s = sessions.open(P, '/home/sam/Downloads/statement.csv', 'csv');
    expect(s).toMatchObject({ id: 'id-1', fileName: 'statement.csv', format: 'csv' });
    expect(sessions.get(P, 'id-1')).toBe(s);
    expect(sessions.get(P, 'id-1', 'csv')).toBe(s);
    // A CSV cannot be sent to the OFX step (nor the other way round).
    expect(() => sessions.get(P, 'id-1', 'ofx')).toThrow(/must be matched first/);
    expect(() => sessions.get('someone-else', 'id-1')).toThrow(/no longer has that file/);
    sessions.close('id-1');
    expect(() => sessions.get(P, 'id-1')).toThrow(/no longer has that file/);
  });

  it('forget the oldest idle files beyond twenty, never one that is running', () => {
    let n = 0;
    const sessions = createImportSessions(() => `id-${++n}`);
    const first = sessions.open(P, '/a.csv', 'csv');
    first.running = new AbortController();
    for (let i = 0; i < 25; i++) sessions.open(P, `/f${i}.csv`, 'csv');
    expect(sessions.get(P, 'id-1')).toBe(first);
    expect(() => sessions.get(P, 'id-2')).toThrow();
    expect(sessions.get(P, 'id-26').fileName).toBe('f24.csv');
    vi.restoreAllMocks();
  });
});
