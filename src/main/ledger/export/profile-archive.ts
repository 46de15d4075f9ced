import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { LEDGER_FILE_NAME, RECEIPTS_FOLDER_NAME, type Ledger } from '../ledger';
import { parseStoredReceiptPath } from '../receipts/receipt-paths';
import { createStagingFolder } from './private-staging';

/**
 * A whole profile in one zip: a consistent snapshot of the ledger (VACUUM INTO) and its
 * receipts, with a manifest of sizes and SHA-256 hashes. The snapshot is taken in the app's
 * private staging folder, and the zip is readable by its owner only. Importing one is the other
 * side's job (archive-import/): the archive is data, checked and copied row by row into a fresh
 * ledger, never opened as the profile's own.
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

const COMPRESSED = /\.(jpe?g|png|gif|webp|heic|pdf|zip|gz)$/i;

/**
 * The receipt files of a profile, as `receipts/ab/ab12….pdf`: only files stored the way the
 * ledger stores them (half-written `.incoming-*` copies and anything else are not receipts).
 */
async function receiptFiles(receiptsDir: string): Promise<string[]> {
  const files: string[] = [];
  for (const folder of await readdir(receiptsDir, { withFileTypes: true }).catch(() => [])) {
    if (!folder.isDirectory()) continue;
    for (const entry of await readdir(join(receiptsDir, folder.name), { withFileTypes: true })) {
      const stored = `${folder.name}/${entry.name}`;
      if (entry.isFile() && parseStoredReceiptPath(stored)) {
        files.push(`${RECEIPTS_FOLDER_NAME}/${stored}`);
      }
    }
  }
  return files.sort();
}

export async function exportProfileArchive(options: {
  /** The open ledger of the profile (snapshotted with VACUUM INTO while in use). */
  ledger: Pick<Ledger, 'snapshotTo' | 'receiptsDir' | 'schemaVersion'>;
  outFile: string;
  /** `<userData>/staging` (private-staging.ts): where the snapshot is taken. */
  stagingRoot: string;
  clock?: () => Date;
  onProgress?: (progress: ArchiveProgress) => void;
}): Promise<{ manifest: ArchiveManifest; bytes: number }> {
  const { ledger, outFile } = options;
  const work = await createStagingFolder(options.stagingRoot, 'archive-export');
  const partial = `${outFile}.partial`;
  // The whole of someone's records: readable by the person who saved it, nobody else.
  const out = createWriteStream(partial, { mode: 0o600 });
  try {
    const snapshot = join(work.dir, DATABASE);
    ledger.snapshotTo(snapshot);
    const receipts = await receiptFiles(ledger.receiptsDir);
    const sources: { path: string; from: string }[] = [
      { path: DATABASE, from: snapshot },
      ...receipts.map((p) => ({
        path: p,
        from: join(ledger.receiptsDir, ...p.split('/').slice(1)),
      })),
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
    await work.dispose();
  }
}

async function writeChunk(out: WriteStream, chunk: Uint8Array): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
