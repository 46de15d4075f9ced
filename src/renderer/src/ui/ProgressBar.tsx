import { useId, type JSX } from 'react';
import type { RecordsProgress } from '@shared/ipc/channels/records';
import { fileSize } from './file-size';

/**
 * A labelled progress bar for anything that takes more than a second. With a known total it
 * shows the share done; without one (an archive) it is indeterminate and says how much so far.
 */
export function ProgressBar({
  label,
  progress,
  unit = 'rows',
}: {
  label: string;
  progress: RecordsProgress | null;
  unit?: 'rows' | 'files';
}): JSX.Element {
  const labelId = useId();
  const total = progress?.total ?? 0;
  const done = Math.min(progress?.done ?? 0, total || Infinity);
  const share = total > 0 ? Math.round((done / total) * 100) : null;
  const detail =
    progress === null
      ? 'Starting…'
      : share !== null
        ? `${share}% · ${progress.rows.toLocaleString('en-GB')} ${unit}`
        : `${fileSize(progress.done)} · ${progress.rows.toLocaleString('en-GB')} ${unit}`;
  return (
    <div className="progress-block">
      <p className="progress-label" id={labelId}>
        {label} <span className="hint">{detail}</span>
      </p>
      {share !== null ? (
        <progress className="progress" max={100} value={share} aria-labelledby={labelId} />
      ) : (
        <progress className="progress" aria-labelledby={labelId} />
      )}
    </div>
  );
}
