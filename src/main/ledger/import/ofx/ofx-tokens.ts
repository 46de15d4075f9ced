import { ledgerError } from '../../ledger-error';

/**
 * The markup of an OFX file as tokens, for both dialects: OFX 1.x is SGML, where leaf elements
 * are never closed (`<TRNAMT>-12.50` then the next tag), and OFX 2.x is XML (`<TRNAMT>-12.50</TRNAMT>`).
 * Both are the same stream of tags and text, so one tokenizer serves both and the reader above
 * it decides where an unclosed leaf ends.
 *
 * Why not an npm OFX parser: the maintained pure-JS ones (ofx-js, ofx-data-extractor) rewrite the
 * whole file into XML or JSON with regular expressions and keep no source positions, so an
 * unreadable transaction could not be reported by its line; they also need the whole file as one
 * string, and ofx-data-extractor turns amounts into floating-point numbers. This tokenizer takes
 * the file in chunks (as the CSV import does), counts lines, and leaves every value as text.
 */

export type OfxToken =
  | { kind: 'open'; name: string; line: number }
  | { kind: 'close'; name: string; line: number }
  /** Text between tags, entities decoded, trimmed; never empty. */
  | { kind: 'text'; value: string; line: number };

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** `&amp;` `&lt;` `&#163;` `&#xA3;`; anything unknown is left as written (banks write bare `&`). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/**
 * The longest tag or run of text the tokenizer waits on. A bank's values are a few hundred
 * characters at most; without a limit, one unterminated tag or endless value would be copied
 * and searched again with every chunk (time growing with the square of its length).
 */
export const MAX_OFX_PENDING_CHARS = 1024 * 1024;

const countLines = (text: string, from: number, to: number): number => {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/**
 * Feeds text chunks in, hands tokens out. Whatever is cut off at the end of a chunk (half a tag,
 * text whose end is not known yet) waits for the next one. Processing instructions (`<?xml …?>`,
 * `<?OFX …?>`), comments and declarations are skipped; the OFX 1.x header lines before the first
 * tag are text and the reader ignores them.
 */
export class OfxTokenizer {
  private pending = '';
  private line = 1;

  constructor(private readonly emit: (token: OfxToken) => void) {}

  push(chunk: string): void {
    const text = this.pending + chunk;
    let at = 0;
    for (;;) {
      const lt = text.indexOf('<', at);
      if (lt === -1) break;
      this.text(text, at, lt);
      const end = this.markupEnd(text, lt);
      if (end === -1) {
        at = lt;
        break;
      }
      this.markup(text.slice(lt + 1, end - 1));
      this.line += countLines(text, lt, end);
      at = end;
    }
    // Text after the last tag may continue in the next chunk: keep it until a '<' ends it.
    this.pending = text.slice(at);
    if (this.pending.length > MAX_OFX_PENDING_CHARS) {
      throw ledgerError(
        'IMPORT_OFX_MALFORMED',
        `This statement has a tag or value longer than a million characters (from line ${this.line}), which no bank’s OFX file has. Nothing was imported.`,
        'Download the statement from your bank again as OFX, or choose its CSV export instead.',
      );
    }
  }

  end(): void {
    const rest = this.pending;
    this.pending = '';
    this.text(rest, 0, rest.length);
  }

  /** Where the markup starting at `lt` ends (just past its '>'), or -1 if it is not all here yet. */
  private markupEnd(text: string, lt: number): number {
    const terminator = text.startsWith('<!--', lt)
      ? '-->'
      : text.startsWith('<![CDATA[', lt)
        ? ']]>'
        : text.startsWith('<?', lt)
          ? '?>'
          : '>';
    const found = text.indexOf(terminator, lt + 1);
    return found === -1 ? -1 : found + terminator.length;
  }

  private text(text: string, from: number, to: number): void {
    if (from >= to) return;
    const raw = text.slice(from, to);
    const value = raw.trim();
    if (value !== '') {
      const leading = raw.length - raw.trimStart().length;
      this.emit({
        kind: 'text',
        value: decodeEntities(value),
        line: this.line + countLines(raw, 0, leading),
      });
    }
    this.line += countLines(raw, 0, raw.length);
  }

  private markup(inner: string): void {
    const first = inner[0];
    if (first === '?' || first === '!') {
      if (inner.startsWith('![CDATA[')) {
        const value = inner.slice(8, -2).trim();
        if (value) this.emit({ kind: 'text', value, line: this.line });
      }
      return;
    }
    const closing = first === '/';
    const name = /^\/?\s*([A-Za-z0-9_.:-]+)/.exec(inner)?.[1];
    if (!name) return;
    const upper = name.toUpperCase();
    if (closing) {
      this.emit({ kind: 'close', name: upper, line: this.line });
      return;
    }
    this.emit({ kind: 'open', name: upper, line: this.line });
    // `<MEMO/>`: an empty element in the XML dialect.
    if (inner.trimEnd().endsWith('/')) this.emit({ kind: 'close', name: upper, line: this.line });
  }
}
