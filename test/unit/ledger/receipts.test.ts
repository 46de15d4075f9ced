import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src/main/ledger';
import { sniffReceiptType } from '../../../src/main/ledger/receipts/receipt-files';
import { tempLedger } from './ledger-fixture';

let t: ReturnType<typeof tempLedger>;
let ledger: Ledger;
beforeEach(() => {
  t = tempLedger();
  ledger = t.ledger;
});
afterEach(() => t.dispose());

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);

describe('receipts', () => {
  it('copies the file into the profile under its hash and links it', async () => {
    const tx = ledger.transactions.add({
      date: '2026-05-01',
      description: 'Screwfix',
      amountPence: -4599,
    });
    const receipt = await ledger.receipts.attach(tx.id, t.file('scan 1.pdf', PDF));
    expect(receipt).toMatchObject({
      originalName: 'scan 1.pdf',
      mime: 'application/pdf',
      sizeBytes: PDF.length,
    });
    expect(receipt.path?.startsWith(join(t.dir, 'receipts'))).toBe(true);
    expect(receipt.path).toContain(receipt.sha256);
    expect(readFileSync(receipt.path!)).toEqual(PDF);
    expect(ledger.transactions.get(tx.id).receiptCount).toBe(1);
    expect(ledger.transactions.history(tx.id)[0]).toMatchObject({ action: 'attach-receipt' });
  });

  it('stores an identical file once, even under another name or for another transaction', async () => {
    const a = ledger.transactions.add({ date: '2026-05-01', description: 'A', amountPence: -1 });
    const b = ledger.transactions.add({ date: '2026-05-02', description: 'B', amountPence: -2 });
    const first = await ledger.receipts.attach(a.id, t.file('one.png', PNG));
    const again = await ledger.receipts.attach(a.id, t.file('two.png', PNG));
    const other = await ledger.receipts.attach(b.id, t.file('three.png', PNG));
    expect(new Set([first.id, again.id, other.id]).size).toBe(1);
    expect(ledger.receipts.listFor(a.id)).toHaveLength(1);
    expect(ledger.receipts.transactionsFor(first.id)).toEqual([a.id, b.id]);
    const stored = readdirSync(join(t.dir, 'receipts', first.sha256.slice(0, 2)));
    expect(stored).toEqual([`${first.sha256}.png`]);
    ledger.receipts.detach(a.id, first.id);
    expect(ledger.receipts.listFor(a.id)).toEqual([]);
    expect(existsSync(first.path!)).toBe(true); // still used by B
  });

  it('accepts photos and PDFs only, judged by content not name', async () => {
    const tx = ledger.transactions.add({ date: '2026-05-01', description: 'x', amountPence: -1 });
    await expect(
      ledger.receipts.attach(tx.id, t.file('receipt.pdf', 'MZ this is a program')),
    ).rejects.toMatchObject({ code: 'RECEIPT_UNSUPPORTED_TYPE' });
    await expect(ledger.receipts.attach(tx.id, join(t.dir, 'missing.pdf'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(readdirSync(join(t.dir, 'receipts'))).toEqual([]); // no half-copied file left behind
    expect(sniffReceiptType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.mime).toBe('image/jpeg');
    expect(sniffReceiptType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))?.mime).toBe('image/webp');
    expect(sniffReceiptType(Buffer.from('\0\0\0\x18ftypheic'))?.mime).toBe('image/heic');
  });
});
