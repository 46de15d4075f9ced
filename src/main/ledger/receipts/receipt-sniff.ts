export interface ReceiptType {
  mime: string;
  extension: 'pdf' | 'png' | 'jpg' | 'gif' | 'webp' | 'heic';
}

/** Receipts are photos or PDFs; the type comes from the file's first bytes, not its name. */
export function sniffReceiptType(head: Uint8Array): ReceiptType | null {
  const ascii = (from: number, to: number) => String.fromCharCode(...head.subarray(from, to));
  if (ascii(0, 5) === '%PDF-') return { mime: 'application/pdf', extension: 'pdf' };
  if (head[0] === 0x89 && ascii(1, 4) === 'PNG') return { mime: 'image/png', extension: 'png' };
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff)
    return { mime: 'image/jpeg', extension: 'jpg' };
  if (ascii(0, 6) === 'GIF87a' || ascii(0, 6) === 'GIF89a')
    return { mime: 'image/gif', extension: 'gif' };
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP')
    return { mime: 'image/webp', extension: 'webp' };
  if (ascii(4, 8) === 'ftyp' && ['heic', 'heix', 'mif1', 'msf1'].includes(ascii(8, 12))) {
    return { mime: 'image/heic', extension: 'heic' };
  }
  return null;
}

/** How many first bytes the sniffer looks at. */
export const SNIFF_BYTES = 16;
