import type { JSX } from 'react';
import type { CalculationProgressView } from '@shared/ipc/channels/year-end-declaration';

const STAGE: Record<CalculationProgressView['stage'], string> = {
  asking: 'Asking HMRC to calculate…',
  waiting: 'HMRC is calculating. HMRC asks software to wait a few seconds before looking…',
  retrieving: 'Fetching the calculation from HMRC…',
  done: 'HMRC’s calculation has arrived.',
  cancelled: 'Stopped. HMRC may still finish the calculation; ask again to see it.',
  failed: 'HMRC did not give a calculation.',
};

/** Progress while HMRC calculates (it can take several seconds), with a way to stop waiting. */
export function CalculationProgress({
  progress,
  busy,
  onCancel,
}: {
  progress: CalculationProgressView | null;
  busy: boolean;
  onCancel: () => void;
}): JSX.Element | null {
  if (!progress) return null;
  const max = Math.max(progress.of, 1);
  return (
    <div className="calc-progress" role="status" aria-live="polite">
      <p>
        {STAGE[progress.stage]}
        {busy && progress.stage !== 'asking' ? ` (look ${progress.attempt} of ${max})` : ''}
      </p>
      {busy ? (
        <>
          <progress max={max} value={progress.attempt} aria-label="HMRC calculation progress" />
          <button type="button" className="button" onClick={onCancel}>
            Stop waiting
          </button>
        </>
      ) : null}
    </div>
  );
}
