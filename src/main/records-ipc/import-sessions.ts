import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { AppError } from '../ipc/app-error';
import type { ImportAnalysis, ImportFormat } from '../ledger';

/**
 * A bank file the person chose, kept in the main process between the import steps (mapping →
 * check → save). The window holds only the id; the path never leaves main.
 */
export interface ImportSession {
  readonly id: string;
  readonly profileId: string;
  readonly path: string;
  readonly fileName: string;
  /** Decided by the file's content when it was chosen: which steps apply. */
  readonly format: ImportFormat;
  /** The last check of the file: what a save commits. */
  analysis: ImportAnalysis | null;
  /** Set while an analysis or save is running, so it can be stopped. */
  running: AbortController | null;
}

export interface ImportSessions {
  /**
   * A session for a chosen file. `id`: the window's operation id, so that it can follow and stop
   * the first read of the file before it knows the session (refused if already in use).
   */
  open(profileId: string, path: string, format: ImportFormat, id?: string): ImportSession;
  /** The session, only for the profile that opened it (and, given a format, only of that format). */
  get(profileId: string, importId: string, format?: ImportFormat): ImportSession;
  close(importId: string): void;
}

/** The oldest idle sessions are forgotten beyond this: each is only a path and a summary. */
const MAX_SESSIONS = 20;

const gone = () =>
  new AppError(
    'IMPORT_NOT_FOUND',
    'Ledgerlink no longer has that file open for import.',
    'Choose the bank statement again.',
  );

const wrongStep = (format: ImportFormat) =>
  new AppError(
    'IMPORT_WRONG_FORMAT',
    format === 'ofx'
      ? 'That file is an OFX statement: it needs no column mapping.'
      : 'That file is a CSV export: its columns must be matched first.',
    'Go back to the start of the import and choose the file again.',
  );

export function createImportSessions(newId: () => string = randomUUID): ImportSessions {
  const sessions = new Map<string, ImportSession>();
  return {
    open(profileId, path, format, id) {
      if (id !== undefined && sessions.has(id)) {
        throw new AppError(
          'IMPORT_RUNNING',
          'Ledgerlink is already working on that import.',
          'Wait for it to finish, or stop it first.',
        );
      }
      for (const [key, s] of sessions) {
        if (sessions.size < MAX_SESSIONS) break;
        if (!s.running) sessions.delete(key);
      }
      const session: ImportSession = {
        id: id ?? newId(),
        profileId,
        path,
        fileName: basename(path),
        format,
        analysis: null,
        running: null,
      };
      sessions.set(session.id, session);
      return session;
    },
    get(profileId, importId, format) {
      const session = sessions.get(importId);
      // Another profile's id gets the same answer as an unknown one: nothing leaks across.
      if (!session || session.profileId !== profileId) throw gone();
      if (format && session.format !== format) throw wrongStep(session.format);
      return session;
    },
    close(importId) {
      sessions.delete(importId);
    },
  };
}
