import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import { MAX_RECEIPT_BYTES } from '../../receipts/receipt-files';
import { SNIFF_BYTES } from '../../receipts/receipt-sniff';
import { archiveInvalid, archiveTooLarge } from './archive-errors';
import type { ArchiveLimits } from './archive-limits';
import { ARCHIVE_DATABASE, ARCHIVE_MANIFEST, isArchiveReceiptName } from './archive-names';

/** A file taken out of the archive: its size, SHA-256 and first bytes (to sniff its type). */
export interface UnpackedFile {
  size: number;
  sha256: string;
  head: Uint8Array;
}

export interface UnpackOutcome {
  /** The files Ledgerlink knows, written under the unpack folder by their archive names. */
  files: Map<string, UnpackedFile>;
  /** Every other file's name: never written to disk, reported to the person. */
  skipped: string[];
}

// No absolute paths, no `.` or `..` segments, no backslashes or drive letters: an archive name is
// never used as a path unless it is also one of the known names (archive-names.ts).
const SAFE_NAME = /^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[A-Za-z0-9._\- /]+$/;
const MAX_MANIFEST_BYTES = 16 * 1024 ** 2;
const READ_BYTES = 32 * 1024;

const entryLimit = (name: string, limits: ArchiveLimits): number =>
  name === ARCHIVE_DATABASE
    ? limits.maxDatabaseBytes
    : name === ARCHIVE_MANIFEST
      ? MAX_MANIFEST_BYTES
      : MAX_RECEIPT_BYTES;

async function writeChunk(out: WriteStream, chunk: Uint8Array): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/**
 * Streams the archive's entries into `into`, refusing the whole archive at the first sign of
 * trouble: an unsafe or repeated name, more entries than allowed, an entry or the total larger
 * than allowed, or more unpacked bytes per archive byte than any real archive has (checked as
 * each piece is inflated, so a zip bomb stops within one read of its first excess).
 * Only the manifest, the database and receipt files named as the ledger names them are written;
 * anything else is read past without being inflated and only its name is kept, for the report.
 */
export async function unpackArchive(
  archiveFile: string,
  into: string,
  limits: ArchiveLimits,
  onProgress?: (files: number, bytes: number) => void,
): Promise<UnpackOutcome> {
  const archiveBytes = (await stat(archiveFile)).size;
  const files = new Map<string, UnpackedFile>();
  const skipped: string[] = [];
  const names = new Set<string>();
  const writing = new Set<WriteStream>();
  let queue: Promise<void> = Promise.resolve();
  // The first reason to stop, set in callbacks (so held in an object TypeScript can follow).
  const failure: { reason?: Error } = {};
  let entries = 0;
  let consumed = 0;
  let unpacked = 0;
  const fail = (reason: unknown) => {
    failure.reason ??= reason instanceof Error ? reason : new Error(String(reason));
  };

  const unzip = new Unzip((file) => {
    if (failure.reason) return;
    const name = file.name;
    entries += 1;
    if (entries > limits.maxEntries) {
      fail(
        archiveTooLarge(`it holds more than ${limits.maxEntries.toLocaleString('en-GB')} files.`),
      );
      return;
    }
    if (name.endsWith('/')) return; // a folder entry: folders come from the known names
    if (!SAFE_NAME.test(name) || name.includes('//') || names.has(name)) {
      fail(archiveInvalid(`it contains an unsafe or repeated file name (${name.slice(0, 80)}).`));
      return;
    }
    names.add(name);
    const known =
      name === ARCHIVE_MANIFEST || name === ARCHIVE_DATABASE || isArchiveReceiptName(name);
    if (!known) {
      skipped.push(name);
      return; // not started: fflate reads past its data without inflating it
    }
    const target = join(into, ...name.split('/'));
    const hash = createHash('sha256');
    const record: UnpackedFile = { size: 0, sha256: '', head: new Uint8Array(0) };
    files.set(name, record);
    const limit = entryLimit(name, limits);
    let out: WriteStream | null = null;
    queue = queue.then(async () => {
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      out = createWriteStream(target, { flags: 'wx', mode: 0o600 });
      writing.add(out);
    });
    file.ondata = (error, data, final) => {
      if (failure.reason) return;
      if (error) return fail(archiveInvalid(`${name} cannot be unpacked.`, error));
      record.size += data.length;
      unpacked += data.length;
      if (record.size > limit) {
        return fail(archiveTooLarge(`${name} is larger than a profile archive ever holds.`));
      }
      if (unpacked > limits.maxTotalBytes) {
        return fail(archiveTooLarge('it unpacks to more than a profile could hold.'));
      }
      if (unpacked > limits.maxRatio * consumed + limits.ratioAllowanceBytes) {
        return fail(
          archiveTooLarge(
            'it unpacks to far more than its own size, as a file built to fill the disk does.',
          ),
        );
      }
      if (record.head.length < SNIFF_BYTES) {
        const more = data.subarray(0, SNIFF_BYTES - record.head.length);
        const head = new Uint8Array(record.head.length + more.length);
        head.set(record.head);
        head.set(more, record.head.length);
        record.head = head;
      }
      hash.update(data);
      queue = queue.then(() => writeChunk(out!, data));
      if (final) {
        record.sha256 = hash.digest('hex');
        queue = queue.then(async () => {
          out!.end();
          await once(out!, 'finish');
          writing.delete(out!);
        });
      }
      return undefined;
    };
    try {
      file.start();
    } catch (error) {
      // A compression method other than stored or deflate: no Ledgerlink archive uses one.
      fail(archiveInvalid(`${name} is packed in a way Ledgerlink does not write.`, error));
    }
  });
  unzip.register(UnzipInflate);

  const input = createReadStream(archiveFile, { highWaterMark: READ_BYTES });
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      consumed += chunk.length;
      unzip.push(chunk);
      await queue;
      if (failure.reason) break;
      onProgress?.(files.size, unpacked);
    }
    if (!failure.reason) unzip.push(new Uint8Array(0), true);
    await queue;
  } catch (error) {
    fail(archiveInvalid('it could not be unpacked.', error));
  } finally {
    input.destroy();
    // Close whatever is still open, so the caller can remove the unpack folder (Windows cannot
    // delete a file that is open).
    await queue.catch(() => undefined);
    for (const out of writing) {
      out.destroy();
      if (!out.closed) await once(out, 'close');
    }
  }
  if (failure.reason) throw failure.reason;
  if (consumed !== archiveBytes) throw archiveInvalid('it changed while it was being read.');
  for (const [name, record] of files) {
    if (record.sha256 === '') throw archiveInvalid(`${name} is cut short.`);
  }
  return { files, skipped };
}
