import {
  appendFileSync,
  mkdirSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_RECEIPT_BYTES,
  nodeReceiptSource,
  storeReceiptFile,
  type ReceiptSource,
} from '../../../src/main/ledger/receipts/receipt-files';
import { tempLedger } from './ledger-fixture';

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1));
}

let t: ReturnType<typeof tempLedger>;
beforeEach(() => {
  t = tempLedger();
});
afterEach(() => t.dispose());

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1024 * 1024, 0x20)]);

describe('storing a receipt', () => {
  it('refuses a file that grows past 25 MB while it is copied, and removes the partial copy', async () => {
    const source = t.file('growing.pdf', PDF);
    // The file is under the cap when it is chosen; it grows after the copy has started.
    const growing: ReceiptSource = {
      size: (path) => nodeReceiptSource.size(path),
      async *read(path) {
        let first = true;
        for await (const chunk of nodeReceiptSource.read(path)) {
          yield chunk;
          if (first) appendFileSync(path, Buffer.alloc(MAX_RECEIPT_BYTES, 0x20));
          first = false;
        }
      },
    };
    const receipts = join(t.dir, 'receipts');
    await expect(storeReceiptFile(receipts, source, growing)).rejects.toMatchObject({
      code: 'RECEIPT_TOO_LARGE',
    });
    expect(filesUnder(receipts)).toEqual([]);
    // The same file at its size now is refused before any copy starts.
    await expect(storeReceiptFile(receipts, source)).rejects.toMatchObject({
      code: 'RECEIPT_TOO_LARGE',
    });
    expect(filesUnder(receipts)).toEqual([]);
  });
});

describe('opening a receipt', () => {
  async function attached() {
    const tx = t.ledger.transactions.add({ date: '2026-05-01', description: 'x', amountPence: -1 });
    const receipt = await t.ledger.receipts.attach(tx.id, t.file('scan.pdf', PDF));
    const setStoredPath = (path: string) =>
      t.ledger.database
        .prepare('UPDATE receipts SET stored_path = ? WHERE id = ?')
        .run(path, receipt.id);
    return { receipt, setStoredPath };
  }

  it('gives the real path of a receipt stored by the ledger', async () => {
    const { receipt } = await attached();
    expect(await t.ledger.receipts.openablePath(receipt.id)).toBe(receipt.path);
  });

  it('refuses any stored path but the ledger’s own form, whatever the row says', async () => {
    const { receipt, setStoredPath } = await attached();
    const program = join(t.dir, 'receipts', 'zz', 'invoice.exe');
    mkdirSync(join(t.dir, 'receipts', 'zz'), { recursive: true });
    writeFileSync(program, 'MZ a program');
    for (const path of [
      '../../../../etc/passwd',
      '/etc/passwd',
      'zz/invoice.exe',
      `${receipt.sha256.slice(0, 2)}/../../ledger.sqlite`,
      // The right form, but another receipt's hash than the row's.
      `ab/ab${'0'.repeat(62)}.pdf`,
    ]) {
      setStoredPath(path);
      await expect(t.ledger.receipts.openablePath(receipt.id)).rejects.toMatchObject({
        code: 'RECEIPT_UNAVAILABLE',
      });
      expect(t.ledger.receipts.get(receipt.id).path).toBeNull();
    }
  });

  it('refuses a stored file that links outside the receipts folder, or is not what its name says', async () => {
    const { receipt } = await attached();
    const stored = receipt.path!;
    const outside = t.file('outside.pdf', PDF);
    rmSync(stored);
    symlinkSync(outside, stored);
    await expect(t.ledger.receipts.openablePath(receipt.id)).rejects.toMatchObject({
      code: 'RECEIPT_UNAVAILABLE',
    });
    rmSync(stored);
    writeFileSync(stored, 'MZ a program named as a PDF');
    await expect(t.ledger.receipts.openablePath(receipt.id)).rejects.toMatchObject({
      code: 'RECEIPT_UNAVAILABLE',
    });
    rmSync(stored);
    await expect(t.ledger.receipts.openablePath(receipt.id)).rejects.toMatchObject({
      code: 'RECEIPT_UNAVAILABLE',
    });
  });
});
