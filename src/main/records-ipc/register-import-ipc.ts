import { AppError } from '../ipc/app-error';
import type { ImportAnalysis, ImportFormat, ImportProgress, RunOptions } from '../ledger';
import { createImportSessions, type ImportSession } from './import-sessions';
import { createProgressReporter } from './progress-reporter';
import type { RecordsIpcContext } from './records-ipc-context';
import {
  toAnalysisView,
  toBatchView,
  toOfxPreviewView,
  toPreviewView,
  toResultView,
} from './records-views';

const STATEMENT_FILTERS = [
  { name: 'Bank statements (CSV, OFX, QFX)', extensions: ['csv', 'txt', 'tsv', 'ofx', 'qfx'] },
  { name: 'All files', extensions: ['*'] },
];

const notChecked = () =>
  new AppError(
    'IMPORT_NOT_CHECKED',
    'Check the file before importing it.',
    'Go back to the check step and run it again.',
  );

const alreadyRunning = () =>
  new AppError(
    'IMPORT_RUNNING',
    'Ledgerlink is already working on this file.',
    'Wait for it to finish, or stop it first.',
  );

/**
 * Bank statement import in steps (issue 7 item 4): choose → map a CSV's columns (live preview;
 * an OFX statement needs none) → check (progress; duplicates and unreadable rows) → save all or
 * nothing (progress) → undo. The file is chosen in main's dialog and only its name reaches the
 * window.
 */
export function registerImportIpc(ctx: RecordsIpcContext): void {
  const { router, ledgerOf, changed } = ctx;
  const sessions = createImportSessions();

  /** Runs one long step with a stop switch and progress events for it. */
  const run = async <T>(
    session: ImportSession,
    kind: 'import-analyse' | 'import-commit',
    work: (options: { signal: AbortSignal; onProgress: (p: ImportProgress) => void }) => Promise<T>,
  ): Promise<T> => {
    if (session.running) throw alreadyRunning();
    const controller = new AbortController();
    session.running = controller;
    const reporter = createProgressReporter(ctx.emitProgress, {
      profileId: session.profileId,
      operationId: session.id,
      kind,
    });
    try {
      return await work({
        signal: controller.signal,
        onProgress: (p) =>
          reporter.report({ done: p.bytesRead, total: p.totalBytes, rows: p.rowsRead }),
      });
    } finally {
      session.running = null;
      reporter.finish();
    }
  };

  router.handle('records.importChoose', async ({ profileId, operationId }) => {
    const ledger = ledgerOf(profileId);
    const path = await ctx.files.chooseFile({
      title: 'Choose a bank statement (CSV or OFX)',
      filters: STATEMENT_FILTERS,
    });
    if (path === null) return { profileId, cancelled: true as const };
    const format = await ledger.imports.formatOf(path);
    const session = sessions.open(profileId, path, format, operationId);
    try {
      // An OFX statement is read to its end to be summarised: with progress, and a Stop.
      return format === 'ofx'
        ? toOfxPreviewView(
            profileId,
            session.id,
            await run(session, 'import-analyse', (options) =>
              ledger.imports.previewOfx(path, options),
            ),
          )
        : toPreviewView(profileId, session.id, await ledger.imports.preview(path));
    } catch (error) {
      sessions.close(session.id);
      throw error;
    }
  });

  router.handle('records.importPreview', async ({ profileId, importId, mapping }) => {
    const session = sessions.get(profileId, importId, 'csv');
    const preview = await ledgerOf(profileId).imports.preview(session.path, { mapping });
    return toPreviewView(profileId, importId, preview);
  });

  /** Checks a session's whole file; the check is what a save commits. */
  const analyseSession = async (
    profileId: string,
    importId: string,
    format: ImportFormat,
    analyse: (path: string, options: RunOptions) => Promise<ImportAnalysis>,
  ) => {
    const session = sessions.get(profileId, importId, format);
    session.analysis = null;
    const analysis = await run(session, 'import-analyse', (options) =>
      analyse(session.path, options),
    );
    session.analysis = analysis;
    return toAnalysisView(profileId, importId, analysis);
  };

  router.handle('records.importAnalyse', ({ profileId, importId, mapping }) =>
    analyseSession(profileId, importId, 'csv', (path, options) =>
      ledgerOf(profileId).imports.analyse(path, mapping, options),
    ),
  );

  router.handle('records.importAnalyseOfx', ({ profileId, importId }) =>
    analyseSession(profileId, importId, 'ofx', (path, options) =>
      ledgerOf(profileId).imports.analyseOfx(path, options),
    ),
  );

  router.handle('records.importCommit', async ({ profileId, importId, decisions }) => {
    const ledger = ledgerOf(profileId);
    const session = sessions.get(profileId, importId);
    const analysis = session.analysis;
    if (!analysis) throw notChecked();
    const result = await run(session, 'import-commit', (options) =>
      ledger.imports.commit(
        analysis,
        { ...decisions, expectedSha256: analysis.file.sha256 },
        options,
      ),
    );
    // Saved: the same check must not be committed twice.
    sessions.close(importId);
    changed(profileId);
    return toResultView(profileId, session.fileName, result);
  });

  router.handle('records.importCancel', ({ profileId, importId }) => {
    const session = sessions.get(profileId, importId);
    const running = session.running;
    running?.abort();
    return { profileId, stopped: running !== null };
  });

  router.handle('records.importUndo', ({ profileId, batchId }) => {
    const { removed } = ledgerOf(profileId).imports.undo(batchId);
    changed(profileId);
    return { profileId, removed };
  });

  router.handle('records.importBatches', ({ profileId }) => ({
    profileId,
    batches: ledgerOf(profileId).imports.batches(50).map(toBatchView),
  }));
}
