import { useEffect, useId, useRef, useState, type JSX } from 'react';
import type {
  CsvMappingInput,
  ImportAnalysisView,
  ImportDecisionsInput,
  ImportPreviewView,
  ImportResultView,
  RecordsBusiness,
} from '../../../../../shared/ipc/channels/records';
import { api, toIpcError, unwrap } from '../../../bridge';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { ProgressBar } from '../ProgressBar';
import { useOperationProgress, useRecordsMutation } from '../use-records-data';
import { CheckStep } from './CheckStep';
import { MappingStep } from './MappingStep';
import { PastImports } from './PastImports';
import { ResultStep } from './ResultStep';

/**
 * #/records/import: a bank statement in four steps. Choose the file (the computer's own
 * dialog) → map its columns with a live preview → check it (duplicates, unreadable rows) →
 * import all of it or none of it, then see what happened and undo it if it was wrong.
 */
export function ImportScreen({
  profileId,
  businesses,
  onShowBatch,
}: {
  profileId: string;
  businesses: readonly RecordsBusiness[];
  onShowBatch: (batchId: number) => void;
}): JSX.Element {
  const id = useId();
  const [preview, setPreview] = useState<ImportPreviewView | null>(null);
  const [analysis, setAnalysis] = useState<ImportAnalysisView | null>(null);
  const [result, setResult] = useState<ImportResultView | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const importId = preview?.importId ?? null;
  const progress = useOperationProgress(importId);

  const choose = useRecordsMutation(profileId, () =>
    unwrap(api.records.importChoose({ profileId })),
  );
  const analyse = useRecordsMutation(profileId, (mapping: CsvMappingInput) =>
    unwrap(api.records.importAnalyse({ profileId, importId: importId!, mapping })),
  );
  const commit = useRecordsMutation(profileId, (decisions: ImportDecisionsInput) =>
    unwrap(api.records.importCommit({ profileId, importId: importId!, decisions })),
  );
  const stop = () => {
    if (importId) void api.records.importCancel({ profileId, importId });
  };

  const step = result ? 'done' : analysis ? 'check' : preview ? 'mapping' : 'choose';
  // Each step starts at its heading, for keyboard and screen-reader users.
  useEffect(() => {
    stepHeading.current?.focus();
  }, [step]);

  const restart = () => {
    setPreview(null);
    setAnalysis(null);
    setResult(null);
    choose.reset();
    analyse.reset();
    commit.reset();
  };

  const stepTitle = {
    choose: 'Step 1 of 4: choose a bank statement',
    mapping: 'Step 2 of 4: match the columns',
    check: 'Step 3 of 4: check before importing',
    done: 'Step 4 of 4: imported',
  }[step];

  return (
    <section className="records-import" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={stepHeading} tabIndex={-1}>
        {stepTitle}
      </h2>

      {step === 'choose' ? (
        <>
          <p>
            Download a statement from your bank as a CSV file (most banks call it “Export” or
            “Download transactions”), then choose it here. You will see exactly what will be
            imported before anything is saved.
          </p>
          <button
            type="button"
            className="button primary"
            disabled={choose.isPending}
            onClick={() =>
              choose.mutate(undefined, {
                onSuccess: (r) => {
                  if ('cancelled' in r) return;
                  setPreview(r);
                },
              })
            }
          >
            {choose.isPending ? 'Opening the file…' : 'Choose a bank statement…'}
          </button>
          {choose.error ? <ErrorNotice error={toIpcError(choose.error)} /> : null}
          <PastImports profileId={profileId} onShowBatch={onShowBatch} />
        </>
      ) : null}

      {step === 'mapping' && preview ? (
        <>
          {analyse.isPending ? (
            <div className="records-running">
              <ProgressBar label={`Checking ${preview.fileName}…`} progress={progress} />
              <button type="button" className="button" onClick={stop}>
                Stop
              </button>
            </div>
          ) : null}
          {analyse.error ? <ErrorNotice error={toIpcError(analyse.error)} /> : null}
          <MappingStep
            profileId={profileId}
            preview={preview}
            busy={analyse.isPending}
            onCheck={(mapping) => analyse.mutate(mapping, { onSuccess: setAnalysis })}
            onCancel={restart}
          />
        </>
      ) : null}

      {step === 'check' && analysis && preview ? (
        <>
          {commit.isPending ? (
            <div className="records-running">
              <ProgressBar label={`Importing ${analysis.fileName}…`} progress={progress} />
              <button type="button" className="button" onClick={stop}>
                Stop
              </button>
            </div>
          ) : null}
          {commit.error ? (
            <ErrorNotice error={toIpcError(commit.error)} title="Nothing was imported" />
          ) : null}
          <CheckStep
            analysis={analysis}
            businesses={businesses}
            busy={commit.isPending}
            onBack={() => setAnalysis(null)}
            onImport={(decisions) => commit.mutate(decisions, { onSuccess: setResult })}
          />
        </>
      ) : null}

      {step === 'done' && result ? (
        <ResultStep
          profileId={profileId}
          result={result}
          onShow={() => onShowBatch(result.batchId)}
          onAnother={restart}
        />
      ) : null}
    </section>
  );
}
