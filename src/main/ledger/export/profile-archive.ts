import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { Unzip, UnzipInflate, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { openDatabase } from '../database';
import { ledgerError } from '../ledger-error';
import { LEDGER_FILE_NAME, openLedger, type Ledger } from '../ledger';
import { isAppError } from '../../ipc/app-error';

/**
 * A whole profile in one zip: a consistent snapshot of the ledger (VACUUM INTO), the receipts,
 * and every other file in the profile folder (e.g. a submission log kept as a file), with a
 * manifest of sizes and SHA-256 hashes. Importing checks every hash, refuses unexpected or unsafe
 * paths, checks the database and upgrades it, and only then moves the folder into place.
 */
export const ARCHIVE_FORMAT = 'ledgerlink-profile-archive';
export const ARCHIVE_VERSION = 1;
const MANIFEST = 'manifest.json';
const DATABASE = LEDGER_FILE_NAME;

export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_VERSION;
  createdAt: string;
  schemaVersion: number;
  files: { path: string; size: number; sha256: string }[];
}

export interface ArchiveProgress {
  phase: 'exporting' | 'importing' | 'checking';
  files: number;
  bytes: number;
}

// Live SQLite companions and half-written files never go into an archive.
const SKIP = /(^|\/)(\.incoming-[^/]*|[^/]*\.(partial|tmp)|[^/]*-(wal|shm|journal))$/;
const COMPRESSED = /\.(jpe?g|png|gif|webp|heic|pdf|zip|gz)$/i;
const SAFE_PATH = /^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._\- /]+$/;
const MAX_ENTRY_BYTES = 4 * 1024 ** 3;

async function listFiles(root: string, dir = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(root, path)));
    else if (entry.isFile()) files.push(relative(root, path).split(sep).join('/'));
  }
  return files.sort();
}

export async function exportProfileArchive(options: {
  profileDir: string;
  /** The open ledger of the profile (snapshotted with VACUUM INTO while in use). */
  ledger: Ledger;
  outFile: string;
  clock?: () => Date;
  onProgress?: (progress: ArchiveProgress) => void;
}): Promise<{ manifest: ArchiveManifest; bytes: number }> {
  const { profileDir, ledger, outFile } = options;
  const work = join(tmpdir(), `ledgerlink-archive-${randomUUID()}`);
  await mkdir(work, { recursive: true });
  const partial = `${outFile}.partial`;
  const out = createWriteStream(partial);
  try {
    const snapshot = join(work, DATABASE);
    ledger.snapshotTo(snapshot);
    const ledgerName = relative(profileDir, ledger.file).split(sep).join('/');
    const others = (await listFiles(profileDir)).filter(
      (p) => p !== ledgerName && p !== MANIFEST && !SKIP.test(p),
    );
    const sources: { path: string; from: string }[] = [
      { path: DATABASE, from: snapshot },
      ...others.map((p) => ({ path: p, from: join(profileDir, ...p.split('/')) })),
    ];

    let pending: Promise<void> = Promise.resolve();
    // Set inside the zip callback, so held in an object: TypeScript cannot see that assignment.
    const zipFailure: { error?: Error } = {};
    let written = 0;
    const zip = new Zip((error, chunk) => {
      if (error) zipFailure.error = error;
      else {
        written += chunk.length;
        pending = pending.then(() => writeChunk(out, chunk));
      }
    });
    const files: ArchiveManifest['files'] = [];
    for (const source of sources) {
      const entry = COMPRESSED.test(source.path)
        ? new ZipPassThrough(source.path)
        : new ZipDeflate(source.path, { level: 6 });
      zip.add(entry);
      const hash = createHash('sha256');
      let size = 0;
      for await (const chunk of createReadStream(source.from, {
        highWaterMark: 256 * 1024,
      }) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
        entry.push(chunk);
        await pending; // keep the zip output flushed so memory stays flat
      }
      entry.push(new Uint8Array(0), true);
      files.push({ path: source.path, size, sha256: hash.digest('hex') });
      options.onProgress?.({ phase: 'exporting', files: files.length, bytes: written });
    }
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      version: ARCHIVE_VERSION,
      createdAt: (options.clock?.() ?? new Date()).toISOString(),
      schemaVersion: ledger.schemaVersion,
      files,
    };
    const manifestEntry = new ZipDeflate(MANIFEST);
    zip.add(manifestEntry);
    manifestEntry.push(new TextEncoder().encode(JSON.stringify(manifest, null, 2)), true);
    zip.end();
    await pending;
    if (zipFailure.error) throw zipFailure.error;
    out.end();
    await once(out, 'finish');
    await rename(partial, outFile);
    return { manifest, bytes: written };
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function writeChunk(out: WriteStream, chunk: Uint8Array): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

const invalid = (reason: string, cause?: unknown) =>
  ledgerError(
    'ARCHIVE_INVALID',
    `This is not a complete Ledgerlink profile archive: ${reason}`,
    'Export the profile again and use the new file.',
    {
      ...(cause === undefined ? {} : { cause }),
    },
  );

/**
 * Unpacks an archive into a new profile folder. Nothing appears at `targetDir` unless every
 * check passes: the files are unpacked beside it, verified, the database is checked and
 * upgraded, and the folder is then renamed into place in one step.
 */
export async function importProfileArchive(options: {
  archiveFile: string;
  targetDir: string;
  onProgress?: (progress: ArchiveProgress) => void;
}): Promise<{ manifest: ArchiveManifest; schemaVersion: number }> {
  const { archiveFile, targetDir } = options;
  const existing = await readdir(targetDir).catch(() => null);
  if (existing && existing.length > 0) {
    throw ledgerError(
      'ARCHIVE_TARGET_NOT_EMPTY',
      'That profile folder already has files in it.',
      'Import into a new profile.',
    );
  }
  const staging = join(dirname(targetDir), `.${basename(targetDir)}.importing-${randomUUID()}`);
  await mkdir(staging, { recursive: true });
  try {
    const seen = new Map<string, { size: number; sha256: string }>();
    await unpack(archiveFile, staging, seen, options.onProgress);

    const manifestFile = seen.get(MANIFEST);
    if (!manifestFile) throw invalid('it has no manifest.');
    let manifest: ArchiveManifest;
    try {
      manifest = JSON.parse(await readFile(join(staging, MANIFEST), 'utf8')) as ArchiveManifest;
    } catch (cause) {
      throw invalid('its manifest cannot be read.', cause);
    }
    if (
      manifest.format !== ARCHIVE_FORMAT ||
      manifest.version !== ARCHIVE_VERSION ||
      !Array.isArray(manifest.files)
    ) {
      throw invalid('its manifest is not one Ledgerlink wrote.');
    }
    const listed = new Set(manifest.files.map((f) => f.path));
    for (const file of manifest.files) {
      const found = seen.get(file.path);
      if (!found) throw invalid(`${file.path} is missing.`);
      if (found.size !== file.size || found.sha256 !== file.sha256)
        throw invalid(`${file.path} has been changed or damaged.`);
    }
    for (const path of seen.keys()) {
      if (path !== MANIFEST && !listed.has(path))
        throw invalid(`${path} is not listed in the manifest.`);
    }
    if (!listed.has(DATABASE)) throw invalid('it has no records database.');
    options.onProgress?.({ phase: 'checking', files: seen.size, bytes: 0 });

    const db = openDatabase(join(staging, DATABASE));
    try {
      const check = db.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw invalid('its database is damaged.');
    } finally {
      db.close();
    }
    // Opening migrates an older archive to this version (or refuses one from a newer app).
    const ledger = openLedger({ file: join(staging, DATABASE), actor: 'archive-import' });
    const schemaVersion = ledger.schemaVersion;
    ledger.close();
    await rm(join(staging, MANIFEST));

    if (existing) await rmdir(targetDir);
    await rename(staging, targetDir);
    return { manifest, schemaVersion };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (isAppError(error)) throw error;
    throw invalid('it could not be unpacked.', error);
  }
}

async function unpack(
  archiveFile: string,
  staging: string,
  seen: Map<string, { size: number; sha256: string }>,
  onProgress?: (progress: ArchiveProgress) => void,
): Promise<void> {
  // Zip entries arrive one after another, so one queue of writes keeps them in order; awaiting it
  // after every 64 KB of input keeps memory to about one chunk's worth of unpacked data.
  let queue: Promise<void> = Promise.resolve();
  // The first reason to stop, set in callbacks (so held in an object TypeScript can follow).
  const failure: { reason?: Error } = {};
  let bytes = 0;
  const fail = (reason: unknown) => {
    failure.reason ??= reason instanceof Error ? reason : new Error(String(reason));
  };
  const unzip = new Unzip((file) => {
    const name = file.name;
    if (name.endsWith('/')) return; // a directory entry
    if (!SAFE_PATH.test(name) || name.includes('//') || seen.has(name)) {
      fail(invalid(`it contains an unsafe or repeated path (${name.slice(0, 80)}).`));
      return;
    }
    const target = join(staging, ...name.split('/'));
    const hash = createHash('sha256');
    const record = { size: 0, sha256: '' };
    seen.set(name, record);
    let out: WriteStream | null = null;
    queue = queue.then(async () => {
      await mkdir(dirname(target), { recursive: true });
      out = createWriteStream(target, { flags: 'wx' });
    });
    file.ondata = (error, data, final) => {
      if (error) return fail(error);
      record.size += data.length;
      bytes += data.length;
      if (record.size > MAX_ENTRY_BYTES) return fail(invalid(`${name} is too large.`));
      hash.update(data);
      queue = queue.then(() => writeChunk(out!, data));
      if (final) {
        record.sha256 = hash.digest('hex');
        queue = queue.then(async () => {
          out!.end();
          await once(out!, 'finish');
        });
      }
      return undefined;
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for await (const chunk of createReadStream(archiveFile, {
      highWaterMark: 64 * 1024,
    }) as AsyncIterable<Buffer>) {
      unzip.push(chunk);
      await queue;
      if (failure.reason) break;
      onProgress?.({ phase: 'importing', files: seen.size, bytes });
    }
    if (!failure.reason) unzip.push(new Uint8Array(0), true);
    await queue;
  } catch (error) {
    fail(error);
  }
  if (failure.reason) throw failure.reason;
  for (const [name, record] of seen) {
    if (record.sha256 === '') throw invalid(`${name} is cut short.`);
    const size = (await stat(join(staging, ...name.split('/')))).size;
    if (size !== record.size) throw invalid(`${name} could not be written.`);
  }
}
