import { mkdir, readdir, rename, rmdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { systemClock, type Clock } from '../../../clock/clock';
import { LEDGER_FILE_NAME, openLedger } from '../../ledger';
import { isAppError } from '../../../ipc/app-error';
import { ledgerError } from '../../ledger-error';
import { MIME_OF_EXTENSION, parseStoredReceiptPath } from '../../receipts/receipt-paths';
import { sniffReceiptType } from '../../receipts/receipt-sniff';
import { createStagingFolder } from '../private-staging';
import type { ArchiveManifest, ArchiveProgress } from '../profile-archive';
import { archiveInvalid } from './archive-errors';
import { openArchiveDatabase } from './archive-database';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive-limits';
import { checkManifest } from './archive-manifest';
import { ARCHIVE_DATABASE, archiveReceiptName, isArchiveReceiptName } from './archive-names';
import { describeImport } from './describe-import';
import { copyLedgerRows, type CopyReport } from './copy-ledger-rows';
import { unpackArchive } from './unpack-archive';

export interface ArchiveImportOutcome {
  manifest: ArchiveManifest;
  schemaVersion: number;
  report: CopyReport & { filesLeftOut: string[] };
  /** The report in plain English, one sentence each, for the person. */
  notes: string[];
}

/** A profile folder built from an archive in private staging, checked, not yet in place. */
export interface PreparedArchive extends ArchiveImportOutcome {
  /** Holds `ledger.sqlite` and `receipts/`. */
  readonly dir: string;
  /** Removes the staging folder (whatever was not moved into place). */
  dispose: () => Promise<void>;
}

export interface PrepareOptions {
  archiveFile: string;
  /** `<userData>/staging` (private-staging.ts). */
  stagingRoot: string;
  limits?: ArchiveLimits;
  clock?: Clock;
  onProgress?: (progress: ArchiveProgress) => void;
}

/**
 * Builds a profile folder from an archive, treating everything in it as data: the archive is
 * unpacked within limits into a private staging folder, checked against its manifest, and a
 * fresh ledger is created with the app's own migrations and filled row by row through checked
 * inserts (copy-ledger-rows.ts); receipts come along only as the ledger stores them, their hash
 * and type checked against their bytes. Nothing from the archive is run or used as a path.
 * On any failure the staging folder is removed: nothing of a refused archive stays on disk.
 */
export async function prepareArchiveImport(options: PrepareOptions): Promise<PreparedArchive> {
  const limits = options.limits ?? DEFAULT_ARCHIVE_LIMITS;
  const clock = options.clock ?? systemClock;
  const staging = await createStagingFolder(options.stagingRoot, 'archive-import');
  try {
    const unpackDir = join(staging.dir, 'unpacked');
    const profileDir = join(staging.dir, 'profile');
    const unpacked = await unpackArchive(options.archiveFile, unpackDir, limits, (files, bytes) =>
      options.onProgress?.({ phase: 'importing', files, bytes }),
    );
    const manifest = await checkManifest(unpackDir, unpacked);
    options.onProgress?.({ phase: 'checking', files: unpacked.files.size, bytes: 0 });

    const used = new Set<string>();
    const source = openArchiveDatabase(join(unpackDir, ARCHIVE_DATABASE));
    let report: CopyReport;
    try {
      const fresh = openLedger({
        file: join(profileDir, LEDGER_FILE_NAME),
        actor: 'archive-import',
        clock,
      });
      try {
        report = await copyLedgerRows({
          source,
          target: fresh.database,
          manifestVersion: manifest.schemaVersion,
          now: clock.now().toISOString(),
          checkReceipt: (row) => {
            const name = checkReceiptFile(row, unpacked.files);
            used.add(name);
          },
          onProgress: (rows) =>
            options.onProgress?.({ phase: 'checking', files: unpacked.files.size, bytes: rows }),
        });
      } finally {
        fresh.close();
      }
    } finally {
      source.close();
    }

    for (const name of used) {
      const to = join(profileDir, ...name.split('/'));
      await mkdir(dirname(to), { recursive: true, mode: 0o700 });
      await rename(join(unpackDir, ...name.split('/')), to);
    }
    const filesLeftOut = [
      ...unpacked.skipped,
      ...[...unpacked.files.keys()].filter((n) => isArchiveReceiptName(n) && !used.has(n)),
    ];
    const full = { ...report, filesLeftOut };
    return {
      dir: profileDir,
      manifest,
      schemaVersion: report.schemaVersion,
      report: full,
      notes: describeImport(full),
      dispose: staging.dispose,
    };
  } catch (error) {
    await staging.dispose();
    if (isAppError(error)) throw error;
    throw archiveInvalid('it could not be unpacked.', error);
  }
}

/** The archive name of a receipts row's file, once its bytes are shown to be that receipt. */
function checkReceiptFile(
  row: Record<string, unknown>,
  files: ReadonlyMap<string, { size: number; sha256: string; head: Uint8Array }>,
): string {
  const storedPath = String(row.stored_path);
  const parsed = parseStoredReceiptPath(storedPath, String(row.sha256));
  const name = archiveReceiptName(storedPath);
  const file = files.get(name);
  const sniffed = file ? sniffReceiptType(file.head) : null;
  if (
    !parsed ||
    !file ||
    file.sha256 !== row.sha256 ||
    file.size !== row.size_bytes ||
    !sniffed ||
    sniffed.mime !== row.mime ||
    MIME_OF_EXTENSION[parsed.extension] !== sniffed.mime
  ) {
    const shown = typeof row.original_name === 'string' ? row.original_name.slice(0, 80) : '';
    throw archiveInvalid(`the receipt “${shown}” does not match its file.`);
  }
  return name;
}

const targetInUse = () =>
  ledgerError(
    'ARCHIVE_TARGET_NOT_EMPTY',
    'That profile already has records on this computer.',
    'Import the archive into a new profile.',
  );

/**
 * Moves a prepared folder into place as a profile's folder. A new or empty folder is replaced in
 * one rename. A folder that has lost its records file (a restore) keeps what it has: receipts
 * are merged by name (the name is the content's hash, so the same name is the same file) and
 * the records file goes in last, so the profile opens only once everything is there.
 */
export async function placePreparedArchive(preparedDir: string, targetDir: string): Promise<void> {
  const existing = await readdir(targetDir).catch(() => null);
  if (existing === null || existing.length === 0) {
    if (existing) await rmdir(targetDir);
    await mkdir(dirname(targetDir), { recursive: true });
    await rename(preparedDir, targetDir);
    return;
  }
  if (existing.some((n) => n === LEDGER_FILE_NAME || n.startsWith(`${LEDGER_FILE_NAME}-`))) {
    throw targetInUse();
  }
  const receipts = join(preparedDir, 'receipts');
  for (const folder of await readdir(receipts).catch(() => [] as string[])) {
    for (const file of await readdir(join(receipts, folder))) {
      const to = join(targetDir, 'receipts', folder, file);
      const there = await stat(to).then(
        () => true,
        () => false,
      );
      if (there) continue;
      await mkdir(dirname(to), { recursive: true });
      await rename(join(receipts, folder, file), to);
    }
  }
  await rename(join(preparedDir, LEDGER_FILE_NAME), join(targetDir, LEDGER_FILE_NAME));
}

/** Prepares an archive and moves it into `targetDir` (which must be new or empty). */
export async function importProfileArchive(
  options: PrepareOptions & { targetDir: string },
): Promise<ArchiveImportOutcome> {
  const existing = await readdir(options.targetDir).catch(() => null);
  if (existing && existing.length > 0) throw targetInUse();
  const prepared = await prepareArchiveImport(options);
  try {
    await placePreparedArchive(prepared.dir, options.targetDir);
    const { dir: _dir, dispose: _dispose, ...outcome } = prepared;
    return outcome;
  } finally {
    await prepared.dispose();
  }
}
