import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { ledgerError } from '../../ledger-error';
import type { FileFacts, TextEncodingName } from '../text-source';

export type ImportFormat = 'csv' | 'ofx';

const HEAD_BYTES = 4096;
export const OFX_EXTENSIONS = ['ofx', 'qfx'];

/** What an OFX file's own header says about its characters, if anything. */
function declaredEncoding(head: string): TextEncodingName | null {
  const xml = /<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  const sgmlEncoding = /^\s*ENCODING\s*:\s*(\S+)/im.exec(head)?.[1];
  const charset = /^\s*CHARSET\s*:\s*(\S+)/im.exec(head)?.[1];
  const name = (xml ?? (sgmlEncoding?.toUpperCase() === 'UTF-8' ? 'UTF-8' : charset) ?? '')
    .toUpperCase()
    .replace(/^(WINDOWS|CP)-?/, '');
  if (name === 'UTF-8' || name === 'UTF8') return 'utf-8';
  // ISO-8859-1 is decoded as Windows-1252, its superset, as browsers and TextDecoder do.
  if (['1252', 'ISO-8859-1', '8859-1', 'LATIN1', 'ISO8859-1'].includes(name)) {
    return 'windows-1252';
  }
  return null; // USASCII with CHARSET:NONE, or nothing said: go by the bytes
}

/**
 * Whether a chosen bank file is an OFX (or Quicken QFX) statement, judged by its content: an
 * OFX 1.x header (`OFXHEADER:100`), an OFX 2.x processing instruction (`<?OFX …?>`) or an `<OFX>`
 * element near the start. A file named .ofx or .qfx that is none of these is refused with the
 * reason rather than read as CSV. For OFX, the facts' encoding becomes the one the header
 * declares (CHARSET:1252, ENCODING:UTF-8, an XML encoding); a UTF-8 declaration over bytes that
 * are not UTF-8 keeps the Windows-1252 reading the bytes showed.
 */
export async function detectFormat(
  facts: FileFacts,
): Promise<{ format: ImportFormat; facts: FileFacts }> {
  const handle = await open(facts.path, 'r');
  let head: string;
  try {
    const bytes = Buffer.alloc(Math.min(HEAD_BYTES, facts.sizeBytes));
    await handle.read(bytes, 0, bytes.length, 0);
    // The header and tags are ASCII in every encoding an OFX file uses except UTF-16.
    head =
      facts.encoding === 'utf-16le' || facts.encoding === 'utf-16be'
        ? new TextDecoder(facts.encoding).decode(bytes)
        : bytes.toString('latin1');
  } finally {
    await handle.close();
  }
  const body = head.replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '').trimStart();
  const isOfx =
    /^OFXHEADER\s*:/i.test(body) ||
    /<\?OFX\b/i.test(head) ||
    /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<OFX>/i.test(body);
  const named = OFX_EXTENSIONS.includes(extname(facts.name).slice(1).toLowerCase());
  if (!isOfx) {
    if (named) {
      throw ledgerError(
        'IMPORT_NOT_OFX',
        `${facts.name} is not an OFX statement: it does not start the way OFX files do.`,
        'Download the statement from your bank again as OFX, or choose its CSV export instead.',
      );
    }
    return { format: 'csv', facts };
  }
  const declared = declaredEncoding(head);
  const encoding =
    facts.encoding === 'utf-16le' || facts.encoding === 'utf-16be' || declared === null
      ? facts.encoding
      : declared === 'utf-8' && facts.encoding === 'windows-1252'
        ? 'windows-1252'
        : declared;
  return { format: 'ofx', facts: { ...facts, encoding } };
}
