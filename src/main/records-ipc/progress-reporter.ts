import type { RecordsProgress } from '@shared/ipc/channels/records';

export interface ProgressReporter {
  report(progress: { done: number; total: number; rows: number }): void;
  /** The last event of the operation (sent whatever the throttle says). */
  finish(): void;
}

/**
 * Progress of a long operation as `records.progress` events, at most one every `intervalMs`:
 * a 100,000-row file reads in hundreds of chunks, and a window needs a few updates a second,
 * not hundreds.
 */
export function createProgressReporter(
  emit: (progress: RecordsProgress) => void,
  operation: Pick<RecordsProgress, 'profileId' | 'operationId' | 'kind'>,
  options: { intervalMs?: number; now?: () => number } = {},
): ProgressReporter {
  const intervalMs = options.intervalMs ?? 100;
  const now = options.now ?? (() => performance.now());
  let last = -Infinity;
  let latest = { done: 0, total: 0, rows: 0 };
  const send = (finished: boolean) =>
    emit({
      ...operation,
      done: Math.max(0, Math.trunc(latest.done)),
      total: Math.max(0, Math.trunc(latest.total)),
      rows: Math.max(0, Math.trunc(latest.rows)),
      finished,
    });
  return {
    report(progress) {
      latest = progress;
      const t = now();
      if (t - last < intervalMs) return;
      last = t;
      send(false);
    },
    finish() {
      send(true);
    },
  };
}
