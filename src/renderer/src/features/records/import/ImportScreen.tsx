import { useEffect, useId, useRef, useState, type JSX } from 'react';
import type {
  CsvMappingInput,
  ImportAnalysisView,
  ImportDecisionsInput,
  ImportPreviewView,
  ImportResultView,
  OfxPreviewView,
  RecordsBusiness,
} from '@shared/ipc/channels/records';
import { api, toIpcError, unwrap } from '@renderer/bridge';
import { ErrorNotice } from '@renderer/ui/ErrorNotice';
import { ProgressBar } from '@renderer/ui/ProgressBar';
import { useOperationProgress, useRecordsMutation } from '../use-records-data';
import { CheckStep } from './CheckStep';
import { MappingStep } from './MappingStep';
import { OfxStatementSummary } from './OfxStatementSummary';
import { PastImports } from './PastImports';
import { ResultStep } from './ResultStep';

/**
 * #/records/import: a bank statement in four steps. Choose the file (the computer's own
 * dialog) → map its columns with a live preview → check it (duplicates, unreadable rows) →
 * import all of it or none of it, then see what happened and undo it if it was wrong. An OFX
 * statement names its own fields, so step 2 only reads it: the check starts at once.
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
  const [preview, setPreview] = useState<ImportPreviewView | OfxPreviewView | null>(null);
  const [analysis, setAnalysis] = useState<ImportAnalysisView | null>(null);
  const [result, setResult] = useState<ImportResultView | null>(null);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const importId = preview?.importId ?? null;
  const progress = useOperationProgress(importId);

  // The file's first read (an OFX statement is read to its end) can be followed and stopped.
  const [chooseOperation, setChooseOperation] = useState<string | null>(null);
  const chooseProgress = useOperationProgress(chooseOperation);
  const choose = useRecordsMutation(profileId, (operationId: string) =>
    unwrap(api.records.importChoose({ profileId, operationId })),
  );
  const analyse = useRecordsMutation(profileId, (mapping: CsvMappingInput) =>
    unwrap(api.records.importAnalyse({ profileId, importId: importId!, mapping })),
  );
  // Given the id: it starts as the file is chosen, before this render knows the preview.
  const analyseOfx = useRecordsMutation(profileId, (ofxImportId: string) =>
    unwrap(api.records.importAnalyseOfx({ profileId, importId: ofxImportId })),
  );
  const commit = useRecordsMutation(profileId, (decisions: ImportDecisionsInput) =>
    unwrap(api.records.importCommit({ profileId, importId: importId!, decisions })),
  );
  const stop = () => {
    if (importId) void api.records.importCancel({ profileId, importId });
  };

  const step = result
    ? 'done'
    : analysis
      ? 'check'
      : preview?.format === 'ofx'
        ? 'statement'
        : preview
          ? 'mapping'
          : 'choose';
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
    analyseOfx.reset();
    commit.reset();
  };

  const stepTitle = {
    choose: 'Step 1 of 4: choose a bank statement',
    mapping: 'Step 2 of 4: match the columns',
    statement: 'Step 2 of 4: read the statement',
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
            Download a statement from your bank as a CSV or OFX file (most banks call it “Export” or
            “Download transactions”; OFX may be offered as “Money”, “Quicken” or “QFX”), then choose
            it here. You will see exactly what will be imported before anything is saved.
          </p>
          <button
            type="button"
            className="button primary"
            disabled={choose.isPending}
            onClick={() => {
              const operationId = crypto.randomUUID();
              setChooseOperation(operationId);
              choose.mutate(operationId, {
                onSuccess: (r) => {
                  if ('cancelled' in r) return;
                  setPreview(r);
                  if (r.format === 'ofx') analyseOfx.mutate(r.importId, { onSuccess: setAnalysis });
                },
              });
            }}
          >
            {choose.isPending ? 'Opening the file…' : 'Choose a bank statement…'}
          </button>
          {choose.isPending && chooseProgress && chooseOperation ? (
            <Running
              label="Reading the statement…"
              progress={chooseProgress}
              onStop={() => void api.records.importCancel({ profileId, importId: chooseOperation })}
            />
          ) : null}
          {choose.error ? <ErrorNotice error={toIpcError(choose.error)} /> : null}
          <PastImports profileId={profileId} onShowBatch={onShowBatch} />
        </>
      ) : null}

      {step === 'statement' && preview?.format === 'ofx' ? (
        <>
          {analyseOfx.isPending ? (
            <Running label={`Checking ${preview.fileName}…`} progress={progress} onStop={stop} />
          ) : null}
          {analyseOfx.error ? <ErrorNotice error={toIpcError(analyseOfx.error)} /> : null}
          <OfxStatementSummary preview={preview} />
          <div className="actions">
            {!analyseOfx.isPending ? (
              <button
                type="button"
                className="button primary"
                onClick={() => analyseOfx.mutate(preview.importId, { onSuccess: setAnalysis })}
              >
                Check the statement again
              </button>
            ) : null}
            <button
              type="button"
              className="button"
              onClick={restart}
              disabled={analyseOfx.isPending}
            >
              Choose another file
            </button>
          </div>
        </>
      ) : null}

      {step === 'mapping' && preview?.format === 'csv' ? (
        <>
          {analyse.isPending ? (
            <Running label={`Checking ${preview.fileName}…`} progress={progress} onStop={stop} />
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
            <Running label={`Importing ${analysis.fileName}…`} progress={progress} onStop={stop} />
          ) : null}
          {commit.error ? (
            <ErrorNotice error={toIpcError(commit.error)} title="Nothing was imported" />
          ) : null}
          {preview.format === 'ofx' ? <OfxStatementSummary preview={preview} /> : null}
          <CheckStep
            analysis={analysis}
            format={preview.format}
            businesses={businesses}
            busy={commit.isPending}
            onBack={preview.format === 'ofx' ? restart : () => setAnalysis(null)}
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

/** A long step under way: its progress, and the way to stop it. */
function Running({
  label,
  progress,
  onStop,
}: {
  label: string;
  progress: ReturnType<typeof useOperationProgress>;
  onStop: () => void;
}): JSX.Element {
  return (
    <div className="records-running">
      <ProgressBar label={label} progress={progress} />
      <button type="button" className="button" onClick={onStop}>
        Stop
      </button>
    </div>
  );
}
