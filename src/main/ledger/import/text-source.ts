import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { ledgerError } from '../ledger-error';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface FileFacts {
  path: string;
  name: string;
  sizeBytes: number;
  encoding: TextEncodingName;
  hadByteOrderMark: boolean;
}

/** A file being read as text, chunk by chunk: never the whole file in one string. */
export interface TextSource {
  readonly facts: FileFacts;
  /** Decoded text chunks (object mode, strings), byte-order mark removed. */
  readonly stream: Readable;
  bytesRead(): number;
  /** SHA-256 of the bytes, available once the stream has ended. */
  sha256(): string;
}

const SNIFF_BYTES = 64 * 1024;
const CHUNK_BYTES = 256 * 1024;

/**
 * Works out the encoding: a byte-order mark if there is one, else UTF-8 if the first 64 KB are
 * valid UTF-8, else Windows-1252 (older UK bank exports write £ as the single byte 0xA3).
 */
export async function sniffFile(path: string): Promise<FileFacts> {
  let size: number;
  let head: Buffer;
  try {
    size = (await stat(path)).size;
    const handle = await open(path, 'r');
    try {
      head = Buffer.alloc(Math.min(SNIFF_BYTES, size));
      await handle.read(head, 0, head.length, 0);
    } finally {
      await handle.close();
    }
  } catch (cause) {
    throw ledgerError(
      'IMPORT_FILE_UNREADABLE',
      'That file could not be opened.',
      'Check the file still exists and try again.',
      {
        cause,
      },
    );
  }
  const facts = (encoding: TextEncodingName, bom: boolean): FileFacts => ({
    path,
    name: basename(path),
    sizeBytes: size,
    encoding,
    hadByteOrderMark: bom,
  });
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return facts('utf-8', true);
  if (head[0] === 0xff && head[1] === 0xfe) return facts('utf-16le', true);
  if (head[0] === 0xfe && head[1] === 0xff) return facts('utf-16be', true);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return facts('utf-8', false);
  } catch {
    return facts('windows-1252', false);
  }
}

export function openTextSource(facts: FileFacts): TextSource {
  const hash = createHash('sha256');
  let bytes = 0;
  let digest: string | null = null;
  // TextDecoder removes a leading byte-order mark itself (ignoreBOM defaults to false).
  const decoder = new TextDecoder(facts.encoding);
  async function* chunks(): AsyncGenerator<string> {
    const input = createReadStream(facts.path, { highWaterMark: CHUNK_BYTES });
    for await (const chunk of input as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      hash.update(chunk);
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    digest = hash.digest('hex');
    if (rest) yield rest;
  }
  return {
    facts,
    stream: Readable.from(chunks(), { objectMode: true }),
    bytesRead: () => bytes,
    sha256: () => {
      if (digest === null) throw new Error('The file has not been read to the end yet');
      return digest;
    },
  };
}
